// Debian's Chromium, as the browser tests and the Lighthouse bench drive it (never a
// downloaded browser): its path and the flags that keep it quiet and offline-friendly.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

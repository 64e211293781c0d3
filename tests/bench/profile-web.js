// A CPU profile of one cold page load of the built web app, in Debian's Chromium with the
// CPU slowed 4× as Lighthouse's mobile run does, summed by function of the sources (the
// build's source maps): what holds the main thread while a page starts.
//
//   node tests/bench/profile-web.js /field [out.cpuprofile]   (build first; /login signed out, any other page signed in)
import { readFileSync, writeFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startWebServer } from './lighthouse.bench.js';

const [path = '/field', out] = process.argv.slice(2);
const ASSETS = new URL('../../apps/web/dist/assets/', import.meta.url);

async function profileLoad() {
  const { origin, session, stop } = await startWebServer();
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/health`);
    if (path !== '/login')
      await page.evaluate((s) => {
        localStorage.setItem('rapport.token', s.token);
        localStorage.setItem('rapport.user', JSON.stringify(s.user));
      }, session);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle0' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return (await cdp.send('Profiler.stop')).profile;
  } finally {
    await browser.close();
    await stop();
  }
}

const maps = new Map();
/** "function source:line" of a call frame, through the asset's source map when it has one. */
function where({ url, functionName, lineNumber, columnNumber }) {
  const file = url.split('/').pop();
  if (!file.endsWith('.js')) return `${functionName || '(anonymous)'} [${file || 'browser'}]`;
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(new URL(`${file}.map`, ASSETS), 'utf8')));
    } catch {
      maps.set(file, null);
    }
  }
  const map = maps.get(file);
  if (!map) return `${functionName || '(anonymous)'} ${file}`;
  const p = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
  return `${p.name || functionName || '(anonymous)'} ${(p.source ?? file).replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${p.line}`;
}

const profile = await profileLoad();
if (out) writeFileSync(out, JSON.stringify(profile));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
const self = new Map();
const inclusive = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  add(self, where(nodes.get(id).callFrame), ms);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(where(nodes.get(at).callFrame));
  for (const key of seen) add(inclusive, key, ms);
});
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`)
    .join('\n');
console.log(`${path}, CPU slowed 4×\n-- self\n${top(self, 30)}\n-- inclusive\n${top(inclusive, 45)}`);

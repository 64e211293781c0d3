import { afterAll, afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { resetOutbox } from '../modules/field/outbox/outbox';
import { createMemoryStore } from '../modules/field/outbox/store';
import { connectivity } from '../network/connectivity';
import { loadLocale } from '../i18n';

// The app waits for the stored language's catalog before rendering (main.tsx); tests use both.
await loadLocale('en');

// A loaded 2-core CI machine can take seconds to load a lazy page the first time:
// wait on what the page shows for long enough, never on the clock.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  // Each test gets an empty outbox (in memory: jsdom has no IndexedDB).
  resetOutbox(createMemoryStore());
  // Each test starts online (the app's belief, not the browser's).
  connectivity.reportAnswered();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.lang = '';
});

// Preact runs effects after the next frame, with a 35 ms timer as the fallback that then
// cancels the frame: a timer still pending when a test file ends would fire after jsdom is
// gone (no cancelAnimationFrame). Each file waits for them while jsdom is still there.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

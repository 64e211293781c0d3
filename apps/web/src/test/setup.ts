import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { setOutboxStore } from '../modules/field/outbox/outbox';
import { createMemoryStore } from '../modules/field/outbox/store';
import { connectivity } from '../network/connectivity';

// Pages are lazy chunks: on a loaded machine (2 shared cores) the first import of a page
// takes more than testing-library's default second.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  // Each test gets an empty outbox (in memory: jsdom has no IndexedDB).
  setOutboxStore(createMemoryStore());
  // Each test starts online (the app's belief, not the browser's).
  connectivity.reportAnswered();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.lang = '';
});

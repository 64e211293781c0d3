import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { setOutboxStore } from '../modules/field/outbox/outbox';
import { createMemoryStore } from '../modules/field/outbox/store';

beforeEach(() => {
  // Each test gets an empty outbox (in memory: jsdom has no IndexedDB).
  setOutboxStore(createMemoryStore());
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.lang = '';
});

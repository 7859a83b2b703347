// Shared by every client test: a real IndexedDB implementation in memory, and a clean DOM
// after each test (vitest runs without globals, so testing-library cannot register it itself).
// The import is the point: it installs indexedDB, IDBKeyRange and friends as globals.
// oxlint-disable-next-line import/no-unassigned-import
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

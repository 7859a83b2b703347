import { describe, expect, it, vi } from 'vitest';
import { getMeta, getMetas, setMeta } from '../../../src/client/db/meta';
import { freshDb } from './helpers';

describe('getMetas', () => {
  it('reads the values in the order asked, undefined where a key was never set', async () => {
    const db = freshDb();
    await setMeta(db, 'role', 'operator');
    await setMeta(db, 'cursor', 42);
    await setMeta(db, 'lastSyncError', null);
    expect(await getMetas(db, ['cursor', 'token', 'role', 'lastSyncError'])).toEqual([42, undefined, 'operator', null]);
    expect(await getMetas(db, ['cursor'])).toEqual([await getMeta(db, 'cursor')]);
  });

  it('reads them in one IndexedDB transaction', async () => {
    // Dexie binds the database's transaction() when it opens: the spy has to be there first.
    const opened = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const db = freshDb();
      await setMeta(db, 'deviceId', 'device-1');
      opened.mockClear();
      await getMetas(db, ['deviceId', 'token', 'role', 'scope']);
      expect(opened).toHaveBeenCalledTimes(1);
      opened.mockClear();
      // What it replaces: one transaction per key.
      await Promise.all([getMeta(db, 'deviceId'), getMeta(db, 'token'), getMeta(db, 'role'), getMeta(db, 'scope')]);
      expect(opened).toHaveBeenCalledTimes(4);
    } finally {
      opened.mockRestore();
    }
  });
});

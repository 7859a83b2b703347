import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { saveNewRegistration } from '../../../src/client/db';
import { deleteOutboxRange } from '../../../src/client/db/sync-records';
import { freshDb, makeRegistration } from './helpers';

describe('deleteOutboxRange', () => {
  it('deletes exactly the seqs from first to last, both included', async () => {
    const db = freshDb();
    for (let i = 0; i < 6; i++) await saveNewRegistration(db, makeRegistration());
    const seqs = (await db.outbox.toArray()).map((row) => row.seq as number);
    await db.transaction('rw', db.outbox, () => deleteOutboxRange(db, seqs[1] as number, seqs[4] as number));
    expect((await db.outbox.toArray()).map((row) => row.seq)).toEqual([seqs[0], seqs[5]]);
  });

  it('is undone with its transaction', async () => {
    const db = freshDb();
    for (let i = 0; i < 3; i++) await saveNewRegistration(db, makeRegistration());
    const seqs = (await db.outbox.toArray()).map((row) => row.seq as number);
    await expect(db.transaction('rw', db.outbox, async () => {
      await deleteOutboxRange(db, seqs[0] as number, seqs[2] as number);
      throw new Error('later step failed');
    })).rejects.toThrow('later step failed');
    expect(await db.outbox.count()).toBe(3);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(deleteOutboxRange(freshDb(), 1, 2)).rejects.toThrow(/inside a transaction/);
  });

  it('tells live queries over the outbox (the sync counts on screen)', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await saveNewRegistration(db, makeRegistration());
    const seqs = (await db.outbox.toArray()).map((row) => row.seq as number);
    const seen: number[] = [];
    const sub = liveQuery(() => db.outbox.where('state').equals('queued').count()).subscribe((n) => seen.push(n));
    try {
      await expect.poll(() => seen.at(-1)).toBe(4);
      await db.transaction('rw', db.outbox, () => deleteOutboxRange(db, seqs[0] as number, seqs[2] as number));
      await expect.poll(() => seen.at(-1)).toBe(1);
    } finally {
      sub.unsubscribe();
    }
  });
});

// The database's generation (contract Revision 2, R5): an id made when the database is created
// and made anew whenever it is restored from a backup. Every push and pull answer carries it; a
// phone that sees another one than it stored knows the server may have forgotten what it had
// acknowledged, resets its cursor and pushes again everything it holds.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Store } from './db';

const KEY = 'generation';

/** Migration 6: the first generation of a database (existing ones get theirs on upgrade). */
export async function initGeneration(trx: Db): Promise<void> {
  await trx.insertInto('settings').values({ key: KEY, value: randomUUID() }).execute();
}

export async function readGeneration(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) throw new Error('the database has no generation (migration 6 not applied)');
  return row.value;
}

/** After a restore: a new generation, so that every phone pushes again what it holds. */
export async function newGeneration(store: Store): Promise<string> {
  const value = randomUUID();
  await store.write(async (trx) => {
    await sql`delete from settings where key = ${KEY}`.execute(trx);
    await trx.insertInto('settings').values({ key: KEY, value }).execute();
  });
  return value;
}

// A number that every write changing village counters or quotas increments, in the same
// transaction. Readers of the counters (the coordinator board, pull quotas) cache what they
// built under the number they read first: while it stays the same, so does the answer. It lives
// in the database, so writes by the CLI (another process) invalidate the server's cache too.
import type { Db } from './db';

export const COUNTERS_KEY = 'counters';

export async function countersVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', COUNTERS_KEY).executeTakeFirst();
  return Number(row?.value ?? 0);
}

export async function bumpCountersVersion(db: Db): Promise<void> {
  await db.updateTable('meta').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', COUNTERS_KEY).execute();
}

/** Values by key, each valid for one counters version; a bounded number of keys. */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly maxKeys = 256) {}

  async get(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = await compute();
    if (!hit && this.entries.size >= this.maxKeys) this.entries.clear();
    this.entries.set(key, { version, value });
    return value;
  }
}

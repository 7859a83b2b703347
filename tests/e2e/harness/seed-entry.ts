// Bundled by seed-bundle.ts into a script evaluated in the page: fills the app's own Dexie
// database (same schema, same row shapes and search keys as saveNewRegistration writes) with
// generated registrations, in one transaction per batch.
import { searchKeys } from '../../../src/client/db/registration-keys';
import { openDb, type LocalRegistration, type OutboxRow } from '../../../src/client/db/schema';
import { generateRegistration } from './generate';

export async function seed(count: number, villageCodes: string[]): Promise<number> {
  const db = openDb();
  const now = new Date().toISOString();
  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const rows: LocalRegistration[] = [];
    const ops: OutboxRow[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const reg = generateRegistration(i, villageCodes);
      rows.push({
        id: reg.id, villageCode: reg.villageCode, ...searchKeys(reg), status: 'pending', data: reg,
        server: null, rejection: null, origin: 'here', createdAt: now, updatedAt: now,
      });
      const opId = crypto.randomUUID();
      ops.push({
        opId, registrationId: reg.id, op: { opId, type: 'registration.create', registration: reg },
        state: 'queued', createdAt: now, attempts: 0, lastAttemptAt: null,
      });
    }
    await db.transaction('rw', db.registrations, db.outbox, async () => {
      await db.registrations.bulkAdd(rows);
      await db.outbox.bulkAdd(ops);
    });
  }
  const stored = await db.registrations.count();
  db.close();
  return stored;
}

// Contract rules 2 and 3 checked on the database after a load: per village, at most `quota`
// accepted, the rest waitlisted in arrival order, the counters equal to the rows; one live
// registration per NIK; nothing lost, nothing doubled.
import { sql } from 'kysely';
import type { Store } from '../../src/server/store/db';

export interface InvariantReport {
  ok: boolean;
  problems: string[];
  rows: number;
  accepted: number;
  waitlisted: number;
}

export async function checkQuotaInvariant(store: Store, expected: { rows: number; quota: number }): Promise<InvariantReport> {
  const problems: string[] = [];
  const perVillage = await store.db
    .selectFrom('registrations')
    .select((eb) => [
      'village_code',
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when status = 'accepted' then 1 else 0 end)`.as('acc'),
      sql<number>`sum(case when status = 'waitlisted' then 1 else 0 end)`.as('wait'),
      sql<number>`max(case when status = 'accepted' then created_seq end)`.as('last_acc'),
      sql<number>`min(case when status = 'waitlisted' then created_seq end)`.as('first_wait'),
    ])
    .groupBy('village_code')
    .execute();
  const counters = new Map(
    (await store.db.selectFrom('village_quotas').selectAll().execute()).map((r) => [r.village_code, r]),
  );
  let rows = 0;
  let accepted = 0;
  let waitlisted = 0;
  for (const v of perVillage) {
    const n = Number(v.n);
    const acc = Number(v.acc);
    const wait = Number(v.wait);
    rows += n;
    accepted += acc;
    waitlisted += wait;
    const c = counters.get(v.village_code);
    const quota = c?.quota == null ? expected.quota : Number(c.quota);
    if (acc !== Math.min(quota, n)) problems.push(`${v.village_code}: ${acc} accepted of ${n} live, quota ${quota}`);
    if (acc + wait !== n) problems.push(`${v.village_code}: ${n - acc - wait} rows neither accepted nor waitlisted`);
    if (!c || Number(c.accepted) !== acc || Number(c.waitlisted) !== wait) {
      problems.push(`${v.village_code}: counters ${c?.accepted}/${c?.waitlisted} != rows ${acc}/${wait}`);
    }
    if (v.first_wait != null && v.last_acc != null && Number(v.first_wait) < Number(v.last_acc)) {
      problems.push(`${v.village_code}: a waitlisted record arrived before an accepted one`);
    }
  }
  if (rows !== expected.rows) problems.push(`${rows} rows stored, ${expected.rows} sent`);
  const dupes = await store.db
    .selectFrom('registrations')
    .select((eb) => ['nik', eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'voided')
    .groupBy('nik')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  if (dupes.length > 0) problems.push(`${dupes.length} NIKs with more than one live registration`);
  return { ok: problems.length === 0, problems: problems.slice(0, 10), rows, accepted, waitlisted };
}

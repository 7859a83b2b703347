// Migration 5 builds a unique index over live KPJ numbers (contract Revision 2, R4). Before it
// existed, two workers could be given one number; the index cannot be built over such rows, and
// refusing to start would take the whole regency offline. So the oldest holder (by creation
// seq) keeps the number, the others lose it as a change of their own (rule 5: a new seq and
// version, so phones and the coordinator board learn it), and each loss is audited for the
// coordinator to record the right number again. The audit names ids, never the number.
import { sql } from 'kysely';
import { audit } from './audit';
import type { Db } from './db';

export async function clearDuplicateKpjNumbers(trx: Db): Promise<void> {
  const rows = await trx
    .selectFrom('registrations')
    .select(['id', 'kpj_number', 'created_seq', 'version'])
    .where('kpj_number', 'is not', null)
    .where(sql<boolean>`status <> 'voided'`)
    .where('kpj_number', 'in', (eb) =>
      eb.selectFrom('registrations as r2')
        .select('r2.kpj_number')
        .where('r2.kpj_number', 'is not', null)
        .where(sql<boolean>`r2.status <> 'voided'`)
        .groupBy('r2.kpj_number')
        .having((h) => h.fn.countAll(), '>', 1))
    .orderBy('kpj_number')
    .orderBy('created_seq')
    .execute();
  if (rows.length === 0) return;
  const max = await trx.selectFrom('registrations').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  let seq = Number(max?.m ?? 0);
  const now = new Date();
  const keeper = new Map<string, string>();
  for (const row of rows) {
    const number = row.kpj_number as string;
    const kept = keeper.get(number);
    if (kept === undefined) {
      keeper.set(number, row.id);
      continue;
    }
    seq += 1;
    await trx
      .updateTable('registrations')
      .set({
        kpj_number: null, seq, version: Number(row.version) + 1, updated_at: now.toISOString(),
        pushed_by: null, pushed_seq: null,
      })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, {
      actor: 'migration', action: 'kpj.cleared-duplicate', targets: [row.id], details: { keptBy: kept }, at: now,
    });
  }
}

// The bulk inserts of a push (its new registrations and its remembered ops). Kysely builds each
// insert's SQL once per table, dialect and row count; after that a push only binds its values.
// Building the query tree of 500 rows and compiling it again on every push, then having the
// database parse the same text again, was a large part of a push's write (see prepared.ts).
import { CompiledQuery, type InsertObject } from 'kysely';
import type { Db, DialectKind } from './db';
import { keepPrepared } from './prepared';
import type { Database, OpsTable, RegistrationsTable } from './schema';

/** Rows per statement: a full batch of one push. Under both dialects' parameter ceilings. */
export const BULK_ROWS = 500;

interface BulkTables {
  registrations: RegistrationsTable;
  ops: OpsTable;
}
type BulkTable = keyof BulkTables;

// Every column, in one fixed order (`satisfies` keeps the lists complete as the tables grow).
const COLUMNS: { [T in BulkTable]: ReadonlyArray<keyof BulkTables[T] & string> } = {
  registrations: Object.keys({
    id: 1, village_code: 1, nik: 1, status: 1, version: 1, seq: 1, created_seq: 1, received_at: 1,
    updated_at: 1, kpj_number: 1, card: 1, void_reason: 1, device_id: 1, operator: 1, data: 1,
    pushed_by: 1, pushed_seq: 1,
  } satisfies Record<keyof RegistrationsTable, 1>) as Array<keyof RegistrationsTable>,
  ops: Object.keys({
    op_id: 1, payload_hash: 1, result: 1, type: 1, registration_id: 1, device_id: 1, actor: 1, received_at: 1,
  } satisfies Record<keyof OpsTable, 1>) as Array<keyof OpsTable>,
};

/** SQL text of a full-size insert, per dialect and table. */
const fullSize = new Map<string, string>();

/** Inserts `rows` into `table`: full-size statements kept prepared, then one for the rest. */
export async function insertRows<T extends BulkTable>(
  trx: Db, kind: DialectKind, table: T, rows: ReadonlyArray<BulkTables[T]>,
): Promise<void> {
  let start = 0;
  for (; start + BULK_ROWS <= rows.length; start += BULK_ROWS) {
    const key = `${kind}:${table}`;
    let text = fullSize.get(key);
    if (text === undefined) {
      text = insertSql(trx, table, BULK_ROWS);
      keepPrepared(text);
      fullSize.set(key, text);
    }
    await trx.executeQuery(CompiledQuery.raw(text, values(table, rows, start, BULK_ROWS)));
  }
  const rest = rows.length - start;
  // Any other size is built as before: sizes vary with group commits, a cache of each would not.
  if (rest > 0) await trx.executeQuery(CompiledQuery.raw(insertSql(trx, table, rest), values(table, rows, start, rest)));
}

/** The rows' values in the order the statement binds them: row by row, column by column. */
function values<T extends BulkTable>(table: T, rows: ReadonlyArray<BulkTables[T]>, start: number, count: number): unknown[] {
  const columns = COLUMNS[table];
  const out: unknown[] = [];
  for (let r = start; r < start + count; r++) {
    const row = rows[r] as BulkTables[T];
    // An absent optional column is written as null, as Kysely's default for a missing value
    // (the column default) is null for every optional column of these tables.
    for (const column of columns) out.push(row[column] ?? null);
  }
  return out;
}

/**
 * Kysely's own SQL for `count` rows of every column. Built from rows whose values are their own
 * parameter positions, so that a compiler binding them in any other order, or inlining one, is
 * caught here instead of writing values into the wrong columns.
 */
function insertSql(trx: Db, table: BulkTable, count: number): string {
  const columns = COLUMNS[table];
  const rows: Array<Record<string, number>> = [];
  for (let r = 0; r < count; r++) {
    const row: Record<string, number> = {};
    columns.forEach((column, c) => { row[column] = r * columns.length + c; });
    rows.push(row);
  }
  const compiled = trx.insertInto(table).values(rows as unknown as Array<InsertObject<Database, BulkTable>>).compile();
  const bound = compiled.parameters;
  if (bound.length !== count * columns.length || bound.some((p, i) => p !== i)) {
    throw new Error(`bulk insert into ${table}: unexpected parameter order`);
  }
  return compiled.sql;
}

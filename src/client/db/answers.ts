import type { AnswerEntry, AnswerRow, Desa100Db, LocalRegistration, LocalStatus } from './schema';

// Push answers that are stored but not yet written into their registration rows.
//
// Why: an answered push of 500 new records changes 500 rows, and rewriting a row costs one
// IndexedDB request with its eight index entries (about 0.3 ms each on a cheap phone, the floor
// of the whole sync, performance P5/P6). The answers of such a batch are stored instead as one
// `answers` row, and folded into the registration rows afterwards, while the phone is idle.
//
// The rules that keep every screen truthful meanwhile:
// 1. An entry is written only for a `registration.create` this phone had never sent before
//    (its outbox row had no attempt), that the server applied, whose record has no refused op
//    and was not edited while the push was on its way. Its row is therefore `pending`, holds no
//    server copy, and its data is exactly what the op carried (the schema's output, which is
//    what the server stored).
// 2. Readers merge: a row with an entry reads as the server's record (`answered`), and counts by
//    status move the entry from `pending` to the server's status (`statusShift`).
// 3. Every writer of a registration row folds that row's entry first (`foldAnswers`, in its own
//    transaction), so an entry never outlives a change to its row.

/**
 * The row as it reads with the server's answer: what folding will store. A row that already
 * holds a server copy as new or newer (rule 3 makes that a defect, not a case) is left as it is.
 */
export function answered(row: LocalRegistration, entry: AnswerEntry): LocalRegistration {
  if (row.server && row.server.seq >= entry.seq) return row;
  const { id: _id, villageCode: _village, ...fields } = entry;
  return {
    ...row,
    status: entry.status,
    server: { ...row.data, ...fields, voidReason: null },
    rejection: null,
  };
}

/** Every stored answer by registration id. Read inside the caller's transaction. */
export async function readAnswers(db: Desa100Db): Promise<Map<string, AnswerEntry>> {
  const map = new Map<string, AnswerEntry>();
  for (const row of await db.answers.toArray()) {
    for (const entry of row.entries) map.set(entry.id, entry);
  }
  return map;
}

export function withAnswer(row: LocalRegistration, answers: ReadonlyMap<string, AnswerEntry>): LocalRegistration {
  const entry = answers.get(row.id);
  return entry ? answered(row, entry) : row;
}

/**
 * How the answers move counts by status: each answered row is stored as `pending` (rule 1) and
 * reads as the server's status. `villageCode` narrows it to one village.
 */
export function statusShift(answers: ReadonlyMap<string, AnswerEntry>, villageCode?: string): Partial<Record<LocalStatus, number>> {
  const shift: Partial<Record<LocalStatus, number>> = {};
  for (const entry of answers.values()) {
    if (villageCode !== undefined && entry.villageCode !== villageCode) continue;
    shift.pending = (shift.pending ?? 0) - 1;
    shift[entry.status] = (shift[entry.status] ?? 0) + 1;
  }
  return shift;
}

/**
 * Writes the answers of `ids` (all of them when omitted) into their registration rows and drops
 * them from the answers rows. Must run inside a read-write transaction over `answers` and
 * `registrations`; returns how many rows it wrote.
 */
export async function foldAnswers(db: Desa100Db, ids?: readonly string[]): Promise<number> {
  if (ids?.length === 0) return 0;
  const rows = await db.answers.toArray();
  if (rows.length === 0) return 0;
  const wanted = ids ? new Set(ids) : null;
  const hits = new Map<string, AnswerEntry>();
  for (const row of rows) {
    for (const entry of row.entries) if (!wanted || wanted.has(entry.id)) hits.set(entry.id, entry);
  }
  if (hits.size === 0) return 0;
  const written = await writeAnswered(db, [...hits.values()]);
  for (const row of rows) {
    const left = row.entries.filter((e) => !hits.has(e.id));
    if (left.length === row.entries.length) continue;
    if (left.length === 0) await db.answers.delete(row.key as number);
    else await db.answers.put({ ...row, entries: left });
  }
  return written;
}

/** Writes `entries` into their registration rows (a row deleted meanwhile is skipped); how many it wrote. */
async function writeAnswered(db: Desa100Db, entries: readonly AnswerEntry[]): Promise<number> {
  const regs = await db.registrations.bulkGet(entries.map((e) => e.id));
  const folded = regs.flatMap((reg, i) => (reg ? [answered(reg, entries[i] as AnswerEntry)] : []));
  await db.registrations.bulkPut(folded);
  return folded.length;
}

/** Folds one answers row into its registration rows and deletes it (inside the caller's transaction). */
async function foldRow(db: Desa100Db, row: AnswerRow): Promise<number> {
  const written = await writeAnswered(db, row.entries);
  await db.answers.delete(row.key as number);
  return written;
}

/**
 * The idle-time fold: the oldest answers row at a time, one transaction each, so that the
 * screens and a sync can write in between. Returns how many registration rows it wrote.
 */
export async function foldAllAnswers(db: Desa100Db): Promise<number> {
  let total = 0;
  for (;;) {
    const written = await db.transaction('rw', [db.answers, db.registrations], async () => {
      const oldest = await db.answers.orderBy(':id').first();
      return oldest ? foldRow(db, oldest) : null;
    });
    if (written === null) return total;
    total += written;
  }
}

// Fast seeding for figures that need a big database (P8): rows written straight into the
// store's tables, as the server would have written them (its own entryToRow), with the village
// counters matching the rows. Seeding is not what is measured: only the route afterwards is.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Client } from 'pg';
import type { Registration } from '../../src/shared';
import { SQLITE_FILE } from '../../src/server/store/db';
import { entryToRow } from '../../src/server/store/rows';
import type { RegistrationsTable } from '../../src/server/store/schema';
import type { Location } from './server';

const COLUMNS = [
  'id', 'village_code', 'nik', 'status', 'version', 'seq', 'created_seq', 'received_at', 'updated_at',
  'kpj_number', 'card', 'void_reason', 'device_id', 'operator', 'data',
] as const satisfies ReadonlyArray<keyof RegistrationsTable>;
const PG_TYPES = ['text', 'text', 'text', 'text', 'int', 'bigint', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
const CHUNK = 5000;

interface Counter { accepted: number; waitlisted: number; cards: number }

/** Turns records into rows village by village: the first `quota` of each accepted, the rest waitlisted. */
function* rowsOf(records: Iterable<Registration>, quota: number, counters: Map<string, Counter>): Generator<RegistrationsTable> {
  let seq = 0;
  const at = '2025-03-01T02:00:00.000Z';
  for (const record of records) {
    seq += 1;
    let c = counters.get(record.villageCode);
    if (!c) counters.set(record.villageCode, (c = { accepted: 0, waitlisted: 0, cards: 0 }));
    const accepted = c.accepted < quota;
    if (accepted) c.accepted += 1;
    else c.waitlisted += 1;
    // One accepted worker in three already has the card: the board sums those too.
    const card = accepted && seq % 3 === 0
      ? { handedAt: at, receiver: { kind: 'self' as const }, eventId: null, operator: 'bench', deviceId: null }
      : null;
    if (card) c.cards += 1;
    yield entryToRow({
      record, status: accepted ? 'accepted' : 'waitlisted', version: card ? 2 : 1, seq, createdSeq: seq,
      receivedAt: at, updatedAt: at, kpjNumber: null, card, voidReason: null, deviceId: null, operator: 'bench',
    });
  }
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Writes the records and their village counters; returns how many rows were written. */
export async function bulkSeed(loc: Location, records: Iterable<Registration>, quota: number): Promise<number> {
  const counters = new Map<string, Counter>();
  const rows = rowsOf(records, quota, counters);
  let n = 0;
  if (loc.backend === 'sqlite') {
    const db = new SQLite(join(loc.dataDir as string, SQLITE_FILE));
    try {
      db.pragma('journal_mode = WAL');
      // Seeding only: a crash here loses nothing that matters.
      db.pragma('synchronous = OFF');
      const insert = db.prepare(`insert into registrations (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
      const insertMany = db.transaction((chunk: RegistrationsTable[]) => {
        for (const row of chunk) insert.run(...COLUMNS.map((c) => row[c]));
      });
      for (const chunk of chunks(rows, CHUNK)) {
        insertMany(chunk);
        n += chunk.length;
      }
      const upsert = db.prepare('insert into village_quotas (village_code, quota, accepted, waitlisted, cards_handed_over) values (?, null, ?, ?, ?)');
      db.transaction(() => {
        for (const [code, c] of counters) upsert.run(code, c.accepted, c.waitlisted, c.cards);
      })();
      db.exec('analyze');
    } finally {
      db.close();
    }
    return n;
  }
  const client = new Client({ connectionString: loc.databaseUrl, options: `-c search_path=${loc.pgSchema}` });
  await client.connect();
  try {
    // One statement per chunk: each column as an array, unnested into rows.
    const text = `insert into registrations (${COLUMNS.join(', ')}) select * from unnest(${PG_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
    for (const chunk of chunks(rows, CHUNK)) {
      await client.query(text, COLUMNS.map((c) => chunk.map((row) => row[c])));
      n += chunk.length;
    }
    const codes = [...counters.keys()];
    await client.query(
      `insert into village_quotas (village_code, quota, accepted, waitlisted, cards_handed_over)
       select v, null, a, w, c from unnest($1::text[], $2::int[], $3::int[], $4::int[]) as t(v, a, w, c)`,
      [codes, codes.map((k) => counters.get(k)?.accepted), codes.map((k) => counters.get(k)?.waitlisted), codes.map((k) => counters.get(k)?.cards)],
    );
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return n;
}

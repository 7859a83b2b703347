// The physical limit P7 compares with: the same rows written by a bare INSERT loop in the same
// database (one prepared INSERT per row, one transaction per batch, one connection), into a
// copy of the registrations table with the same indexes. No parsing, no decisions, no HTTP.
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

/** Rows as the server would store them (its own entryToRow), built before the clock starts. */
export function rowsOf(batches: Registration[][]): RegistrationsTable[][] {
  let seq = 0;
  const now = new Date().toISOString();
  return batches.map((batch) => batch.map((record) => {
    seq += 1;
    return entryToRow({
      record, status: 'accepted', version: 1, seq, createdSeq: seq, receivedAt: now, updatedAt: now,
      kpjNumber: null, card: null, voidReason: null, deviceId: null, operator: 'bench',
    });
  }));
}

const values = (row: RegistrationsTable) => COLUMNS.map((c) => row[c]);

/** Seconds the bare loop takes for all batches. */
export async function bareInsertSeconds(loc: Location, batches: RegistrationsTable[][]): Promise<number> {
  return loc.backend === 'sqlite' ? sqliteBare(loc, batches) : postgresBare(loc, batches);
}

function sqliteBare(loc: Location, batches: RegistrationsTable[][]): number {
  const db = new SQLite(join(loc.dataDir as string, SQLITE_FILE));
  try {
    // The server's own pragmas: WAL, and FULL sync so that every commit is as durable as its.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const ddl = (db.prepare("select sql from sqlite_master where name = 'registrations'").get() as { sql: string }).sql;
    db.exec(ddl.replace(/create table registrations/i, 'create table bare_registrations'));
    const indexes = db.prepare("select sql from sqlite_master where type = 'index' and tbl_name = 'registrations' and sql is not null").all() as Array<{ sql: string }>;
    for (const { sql } of indexes) {
      db.exec(sql.replace(/index (\w+) on registrations/i, 'index bare_$1 on bare_registrations'));
    }
    const insert = db.prepare(`insert into bare_registrations (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    const start = performance.now();
    for (const batch of batches) {
      db.exec('begin immediate');
      for (const row of batch) insert.run(...values(row));
      db.exec('commit');
    }
    return (performance.now() - start) / 1000;
  } finally {
    db.close();
  }
}

async function postgresBare(loc: Location, batches: RegistrationsTable[][]): Promise<number> {
  const client = new Client({ connectionString: loc.databaseUrl, options: `-c search_path=${loc.pgSchema}` });
  await client.connect();
  try {
    await client.query('create table bare_registrations (like registrations including all)');
    const text = `insert into bare_registrations (${COLUMNS.join(', ')}) values (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
    const start = performance.now();
    for (const batch of batches) {
      await client.query('begin');
      for (const row of batch) await client.query({ name: 'bare-insert', text, values: values(row) });
      await client.query('commit');
    }
    return (performance.now() - start) / 1000;
  } finally {
    await client.end();
  }
}

// Opens the database (embedded SQLite under DATA_DIR, or PostgreSQL from DATABASE_URL) and
// offers the two ways in: `write`, serialised by one global lock so that seq order is commit
// order (contract rule 6) and quotas are decided one batch at a time, and `read`, a consistent
// snapshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqlBool } from 'kysely';
import { Pool, types, type CustomTypesConfig } from 'pg';
import type { Database } from './schema';
import { migrate } from './migrations';
import { namingStatements, reusingStatements } from './prepared';

export type Db = Kysely<Database>;
export type DialectKind = 'sqlite' | 'postgres';

export interface Store {
  readonly kind: DialectKind;
  readonly db: Db;
  /** Runs `fn` in a transaction holding the global write lock; commits, or rolls back on throw. */
  write<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /** Runs `fn` in a read transaction: all its queries see one snapshot. */
  read<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A postgres:// URL; absent = the embedded SQLite database under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PostgreSQL schema to live in (created if missing); tests use one per file. */
  pgSchema?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

export const SQLITE_FILE = 'desa100.sqlite';
/** Bind-parameter ceilings per statement; bulk inserts are chunked under them. */
export const MAX_PARAMS: Record<DialectKind, number> = { sqlite: 32_766, postgres: 65_535 };

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.pgSchema)
    : openSqlite(options.dataDir ?? './data');
  if (options.migrate !== false) {
    try {
      await migrate(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function openSqlite(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const database = new SQLite(join(dataDir, SQLITE_FILE));
  database.pragma('journal_mode = WAL');
  // The CLI may write while the server runs: wait for the other writer instead of failing.
  database.pragma('busy_timeout = 10000');
  // FULL: a result is only sent after commit, and the phone then forgets the op; a commit
  // that a power cut could undo would lose that registration.
  database.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) });
  // Kysely's SQLite driver has one connection guarded by a mutex: `connection()` holds it for
  // the whole callback, so this process's transactions never interleave. BEGIN IMMEDIATE takes
  // SQLite's write lock up front, so another process (the CLI) cannot slip in between our read
  // and our write, and busy_timeout applies instead of a deadlock error.
  const inTransaction = <T>(begin: string, fn: (trx: Db) => Promise<T>) =>
    db.connection().execute(async (conn) => {
      await sql.raw(begin).execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn);
        throw error;
      }
    });
  return {
    kind: 'sqlite',
    db,
    write: (fn) => inTransaction('begin immediate', fn),
    read: (fn) => inTransaction('begin', fn),
    close: () => db.destroy(),
  };
}

/** PostgreSQL's int8 (seq, counts) as a JS number: seqs stay far below 2^53. */
const pgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')
  ) as CustomTypesConfig['getTypeParser'],
};

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad schema name: ${name}`);
  return `"${name}"`;
}

/** One advisory-lock key per schema, so separate test schemas do not block each other. */
export function lockKey(schema: string): number {
  let h = 0x64_31_30; // "d10"
  for (const ch of `desa100:${schema}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

async function openPostgres(url: string, schema?: string): Promise<Store> {
  const pool = new Pool({
    connectionString: url,
    types: pgTypes,
    max: 10,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
  let key: number;
  try {
    if (schema) {
      // Two processes starting at once may race on "if not exists": the loser's error is fine.
      await pool.query(`create schema if not exists ${quoteIdent(schema)}`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42P06') throw error;
      });
    }
    // The lock is per schema, however the schema was chosen (option, URL `options`, role
    // default), so that the server and the CLI on one database always share it.
    const current = await pool.query<{ s: string | null }>('select current_schema() as s');
    key = lockKey(current.rows[0]?.s ?? 'public');
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingStatements(pool) }) });
  return {
    kind: 'postgres',
    db,
    // The advisory lock is released only after the commit is visible, so the next writer's
    // seqs are always above everything a reader can already see (contract rule 6).
    write: (fn) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
        return fn(trx);
      }),
    read: (fn) =>
      db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
    close: () => db.destroy(),
  };
}

/** Splits rows so that one statement stays under the dialect's bind-parameter ceiling. */
export function chunkRows<T extends object>(kind: DialectKind, rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.floor(MAX_PARAMS[kind] / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Splits a list of values used in `in (...)` the same way. */
export function chunkValues<T>(kind: DialectKind, values: T[]): T[][] {
  const size = MAX_PARAMS[kind] - 16;
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * `column` is one of `values` (never empty), given as one parameter (a PostgreSQL array, a JSON
 * array for SQLite) rather than one per value: building, parsing and binding hundreds of
 * parameters cost more than the lookups themselves (a push looks up 500 op ids, ids and NIKs).
 * Both databases still probe the same indexes.
 */
export function oneOf(kind: DialectKind, column: string, values: readonly string[]): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  return kind === 'postgres'
    ? sql<SqlBool>`${ref} = any(${values})`
    : sql<SqlBool>`${ref} in (select value from json_each(${JSON.stringify(values)}))`;
}

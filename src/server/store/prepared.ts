// Kysely hands each query's SQL text to the driver, which parses it every time: better-sqlite3
// prepares a new statement per call, and `pg` sends an unnamed Parse per query, which
// PostgreSQL then parses and analyses again. For most statements that costs little. For the
// bulk inserts of a push (hundreds of rows, thousands of parameters, the same text on every
// push) it was a large share of the write: those texts are registered here, and the two driver
// wrappers below keep them prepared (SQLite: one statement object per text; PostgreSQL: a named
// statement, parsed once per connection). Only registered texts are kept, so what stays
// prepared is bounded by the code, not by the traffic.
import { createHash } from 'node:crypto';
import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, SqliteDatabase, SqliteStatement } from 'kysely';
import type { Pool, PoolClient, Submittable } from 'pg';

/** Registered SQL text -> the name PostgreSQL knows its prepared statement by. */
const kept = new Map<string, string>();

/**
 * Keeps `sqlText` prepared from now on, on every connection of either database. Only for
 * statements that return no rows (a prepared statement's result columns are fixed at parse
 * time) and whose text repeats: each one costs memory per connection for the process's life
 * (a 500-row insert: about 0.6 MB in SQLite, 2 to 3 MB in each PostgreSQL backend).
 */
export function keepPrepared(sqlText: string): void {
  if (kept.has(sqlText)) return;
  kept.set(sqlText, `desa100_${createHash('sha256').update(sqlText).digest('hex').slice(0, 32)}`);
}

/** better-sqlite3 behind Kysely's SqliteDialect, reusing the statements of registered texts. */
export function reusingStatements(database: SqliteHandle): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sqlText: string): SqliteStatement => {
      if (!kept.has(sqlText)) return database.prepare(sqlText);
      let statement = statements.get(sqlText);
      // A statement still being iterated cannot run again; Kysely only iterates selects, which
      // are never registered, but a fresh one is the safe answer anyway.
      if (statement?.busy) return database.prepare(sqlText);
      if (!statement) {
        statement = database.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/** A pg pool behind Kysely's PostgresDialect, sending registered texts as named statements. */
export function namingStatements(pool: Pool): PostgresPool {
  // Kysely keeps one connection object per client it is handed: one wrapper per client.
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrapClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function wrapClient(client: PoolClient): PostgresPoolClient {
  function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): unknown {
    // Cursors (streamed selects) pass through untouched.
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as unknown as Submittable);
    // Kysely's driver hands over a fresh array of its own for every query.
    const values = parameters as unknown[];
    const name = kept.get(sqlOrCursor);
    return name === undefined
      ? client.query(sqlOrCursor, values)
      : client.query({ name, text: sqlOrCursor, values });
  }
  return { query: query as PostgresPoolClient['query'], release: () => client.release() };
}

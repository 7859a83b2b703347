// One way to get a fresh server for a test, on either database: a temp SQLite directory, or a
// PostgreSQL schema of its own (dropped afterwards) so that runs never collide.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { afterEach, beforeEach } from 'vitest';
import type { Role } from '../../../src/shared';
import { buildApp, type AppOptions } from '../../../src/server/app';
import { CLI_ACTOR } from '../../../src/server/auth/actor';
import { createToken } from '../../../src/server/store/auth';
import { openStore, type Store } from '../../../src/server/store/db';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Where a test database lives: what the CLI needs in its environment to reach it. */
export interface Location {
  backend: Backend;
  dataDir?: string;
  databaseUrl?: string;
  pgSchema?: string;
}

export interface Clock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2025-03-10T02:00:00.000Z'): Clock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => { t = new Date(iso).getTime(); },
    advance: (ms) => { t += ms; },
  };
}

export async function newLocation(backend: Backend): Promise<Location> {
  if (backend === 'sqlite') return { backend, dataDir: mkdtempSync(join(tmpdir(), 'desa100-test-')) };
  const pgSchema = `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  return { backend, databaseUrl: PG_URL, pgSchema };
}

export function openAt(loc: Location, migrate = true): Promise<Store> {
  return openStore({ databaseUrl: loc.databaseUrl, dataDir: loc.dataDir, pgSchema: loc.pgSchema, migrate });
}

/**
 * A fresh store per test in a describe block (beforeEach / afterEach registered here): read
 * `current()` inside the tests.
 */
export function freshStorePerTest(backend: Backend): { current: () => Store } {
  let loc: Location | null = null;
  let store: Store | null = null;
  beforeEach(async () => {
    loc = await newLocation(backend);
    store = await openAt(loc);
  });
  afterEach(async () => {
    await store?.close();
    if (loc) await disposeLocation(loc);
  });
  return {
    current: () => {
      if (!store) throw new Error('no store outside a test');
      return store;
    },
  };
}

export async function disposeLocation(loc: Location): Promise<void> {
  if (loc.dataDir) rmSync(loc.dataDir, { recursive: true, force: true });
  if (loc.pgSchema) {
    const client = new Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${loc.pgSchema}" cascade`);
    } finally {
      await client.end();
    }
  }
}

export interface TestServer {
  loc: Location;
  store: Store;
  app: FastifyInstance;
  clock: Clock;
  /** Mints a bearer token straight in the store, as the CLI does. */
  token(role: Role, scope: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(
  backend: Backend, options: Omit<AppOptions, 'store' | 'now'> = {},
): Promise<TestServer> {
  const loc = await newLocation(backend);
  const store = await openAt(loc);
  const clock = testClock();
  const app = await buildApp({ ...options, store, now: clock.now });
  return {
    loc,
    store,
    app,
    clock,
    token: async (role, scope, name) => (await createToken(store, { role, scope, name, actor: CLI_ACTOR })).token,
    close: async () => {
      await app.close();
      await store.close();
      await disposeLocation(loc);
    },
  };
}

/** A fresh server per test in a describe block (beforeEach / afterEach registered here). */
export function serverPerTest(backend: Backend, options: Omit<AppOptions, 'store' | 'now'> = {}): () => TestServer {
  let server: TestServer | null = null;
  beforeEach(async () => {
    server = await startServer(backend, options);
  });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return () => {
    if (!server) throw new Error('no server outside a test');
    return server;
  };
}

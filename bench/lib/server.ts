// Starts and stops the real server for a figure: embedded SQLite in a temp folder, or
// PostgreSQL in a schema of its own (dropped afterwards). Loopback only, one child process.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore, type Store } from '../../src/server/store/db';
import type { ChildConfig, ChildMessage } from './server-child';
import { BENCH_TMP, ROOT } from './paths';
import { onCleanup, stopChild } from './cleanup';

export type Backend = 'sqlite' | 'postgres';
export const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Where a bench database lives; `open()` gives the bench process its own connection. */
export interface Location {
  backend: Backend;
  dataDir?: string;
  databaseUrl?: string;
  pgSchema?: string;
}

export async function newLocation(backend: Backend): Promise<Location> {
  if (backend === 'sqlite') return { backend, dataDir: await mkdtemp(join(BENCH_TMP, 'db-')) };
  return { backend, databaseUrl: PG_URL, pgSchema: `bench_${randomUUID().replace(/-/g, '').slice(0, 16)}` };
}

export function openAt(loc: Location, migrate = true): Promise<Store> {
  return openStore({ databaseUrl: loc.databaseUrl, dataDir: loc.dataDir, pgSchema: loc.pgSchema, migrate });
}

export async function disposeLocation(loc: Location): Promise<void> {
  if (loc.dataDir) await rm(loc.dataDir, { recursive: true, force: true });
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

export interface BenchServer {
  url: string;
  tokens: string[];
  /** Bytes read and written on the server's sockets since it started. */
  bytes(): Promise<{ read: number; written: number }>;
  stop(): Promise<void>;
}

export async function startServer(
  loc: Location, config: Omit<ChildConfig, 'dataDir' | 'databaseUrl' | 'pgSchema'>,
): Promise<BenchServer> {
  const child: ChildProcess = fork(join(ROOT, 'bench/lib/server-child.ts'), [], {
    cwd: ROOT,
    // BENCH_CPU_PROF=dir: profile the server (what BENCHMARKS.md's findings were made with).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, BENCH_SERVER: JSON.stringify({ ...config, dataDir: loc.dataDir, databaseUrl: loc.databaseUrl, pgSchema: loc.pgSchema }) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  const stop = () => stopChild(child);
  const unregister = onCleanup(stop);
  const ready = await new Promise<{ url: string; tokens: string[] }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    child.stderr?.on('data', (c: Buffer) => { log = (log + c.toString()).slice(-4000); });
    // The ready line carries every token: read it whole, never keep it in the error log.
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BENCH-READY (.*)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        out = '';
        resolve(JSON.parse(m[1] as string) as { url: string; tokens: string[] });
      } else if (!out.includes('BENCH-READY')) {
        log = (log + out).slice(-4000);
        out = '';
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${log}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    ...ready,
    bytes: () => new Promise((resolve) => {
      child.once('message', (m: ChildMessage) => resolve({ read: m.read, written: m.written }));
      child.send({ type: 'bytes' });
    }),
    async stop() {
      unregister();
      await stop();
    },
  };
}

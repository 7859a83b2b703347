import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT } from './paths';

// The app under test: the real server (src/server/main.ts: dist/ + /api/v1 on the embedded
// database in a temp DATA_DIR), as `npm start` runs it, on a free port.

export interface AppServer {
  url: string;
  /** The server's embedded database lives here: the CLI (harness/cli.ts) works on the same one. */
  dataDir: string;
  stop(): Promise<void>;
  /** Stops the server process and keeps its data (a restore needs the server stopped). */
  halt(): Promise<void>;
  /** Starts it again on the same address and data. */
  resume(): Promise<void>;
}

const SERVER_MAIN = join(ROOT, 'src/server/main.ts');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer within 60 s:\n${output()}`);
}

function launch(port: number, dataDir: string): { child: ChildProcess; log: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => { log = (log + chunk.toString()).slice(-8000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => log };
}

/** SIGTERM, then SIGKILL if the process has not exited within 5 s (the Caddy harness too). */
export async function endChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function startAppServer(): Promise<AppServer> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const dataDir = await mkdtemp(join(tmpdir(), 'desa100-e2e-data-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let running = launch(port, dataDir);
  const stop = async () => {
    await endChild(running.child);
    await rm(dataDir, { recursive: true, force: true });
  };
  const serve = async () => {
    try {
      await waitUntilServing(url, running.child, running.log);
    } catch (error) {
      await stop();
      throw error;
    }
  };
  await serve();
  return {
    url, dataDir, stop,
    halt: () => endChild(running.child),
    async resume() {
      running = launch(port, dataDir);
      await serve();
    },
  };
}

// Starts the P6 peer (bench/peer/pouch-server.mjs) as a child process on loopback.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { onCleanup, stopChild } from './cleanup';
import { ROOT } from './paths';

export interface PouchServer {
  url: string;
  bytes(): Promise<{ read: number; written: number }>;
  stop(): Promise<void>;
}

export async function startPouchServer(pagesDir: string): Promise<PouchServer> {
  const child = fork(join(ROOT, 'bench/peer/pouch-server.mjs'), [], {
    cwd: ROOT,
    env: { ...process.env, BENCH_PAGES: pagesDir },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stop = () => stopChild(child);
  const unregister = onCleanup(stop);
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PouchDB server did not start:\n${log}`)), 30_000);
    const read = (c: Buffer) => {
      log = (log + c.toString()).slice(-4000);
      const m = /POUCH-READY (\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`PouchDB server exited (${code}):\n${log}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    url,
    bytes: () => new Promise((resolve) => {
      child.once('message', (m: { read: number; written: number }) => resolve({ read: m.read, written: m.written }));
      child.send({ type: 'bytes' });
    }),
    async stop() {
      unregister();
      await stop();
    },
  };
}

// Everything a figure starts (servers, browsers, temp folders) registers how to stop it here,
// so that a timeout, a thrown error or Ctrl-C still leaves no process or folder behind.
import type { ChildProcess } from 'node:child_process';

const cleanups = new Set<() => Promise<void>>();

/** Registers `fn`; returns the function that unregisters it (call it after a normal stop). */
export function onCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every registered cleanup, newest first, each at most 10 s. */
export async function cleanupAll(): Promise<void> {
  const list = [...cleanups].toReversed();
  cleanups.clear();
  for (const fn of list) {
    await Promise.race([fn().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  }
}

export class TimeoutError extends Error {}

/** Runs `fn` with a deadline; on expiry the registered cleanups stop what it started. */
export async function withTimeout<T>(label: string, ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${label}: no result within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([fn(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends a child process: SIGTERM, then SIGKILL if it has not gone within 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

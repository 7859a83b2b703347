import type { SyncStore } from './types';

// Contract Revision 2, R5: every push and pull answer names the server database's generation,
// made anew when it is restored from a backup. Another generation than the one stored means
// the server forgot what it learnt after the backup: this phone pushes again what it holds.

/** Thrown where an answer shows another generation: the run stops and re-pushes (engine.ts). */
export class ServerRestored extends Error {
  constructor(readonly generation: string) {
    super('server restored');
    this.name = 'ServerRestored';
  }
}

/** An answer's generation; null from a server older than Revision 2 (nothing changes then). */
export function generationOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as { generation?: unknown }).generation;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The check each answer goes through, for one run. A phone that stored none yet (every phone
 * updating to this version) stores the first it sees and does nothing else.
 */
export async function generationWatch(store: SyncStore): Promise<(body: unknown) => Promise<void>> {
  let known = await store.generation();
  return async (body) => {
    const seen = generationOf(body);
    if (seen === null || seen === known) return;
    if (known === null) {
      await store.adoptGeneration(seen);
      known = seen;
      return;
    }
    throw new ServerRestored(seen);
  };
}

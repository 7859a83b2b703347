import { ApiFailure } from './http';
import { pullChanges, pushQueued, type PhaseContext } from './phases';
import { iso } from './push-batch';
import type { SyncState, SyncStore } from './types';

// Contract Revision 2, R5: every push and pull answer names the server database's generation,
// made anew when it is restored from a backup. Another generation than the one stored means
// the server forgot what it learnt after the backup: this phone pushes again what it holds.

/** Thrown where an answer shows another generation: the run stops and re-pushes (engine.ts). */
export class ServerRestored extends Error {
  /** `answered`: opIds of the batch whose answer showed it (decided by the restored server). */
  constructor(readonly generation: string, readonly answered: readonly string[] = []) {
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
export async function generationWatch(store: SyncStore): Promise<(body: unknown, answered?: readonly string[]) => Promise<void>> {
  let known = await store.generation();
  return async (body, answered) => {
    const seen = generationOf(body);
    if (seen === null || seen === known) return;
    if (known === null) {
      await store.adoptGeneration(seen);
      known = seen;
      return;
    }
    throw new ServerRestored(seen, answered);
  };
}

/** What a sync run lends the restore: its store and clock, and its state for the band. */
export interface RunTools {
  store: SyncStore;
  now: () => number;
  emit: (patch: Partial<SyncState>) => void;
  /** The band's re-push count as it stands. */
  restoring: () => number | null;
}

async function pushAndPull(ctx: PhaseContext, run: RunTools): Promise<void> {
  // A re-push left by a run that stopped (a reload, a lost signal) is still queued: say so.
  const left = await run.store.repushLeft();
  if (left > 0 && run.restoring() === null) run.emit({ restoring: left });
  await pushQueued(ctx);
  // An edit queued across the restore was based on the old timeline's version: once more.
  if ((await run.store.resendRebased()) > 0) await pushQueued(ctx);
  if (run.restoring() !== null && (await run.store.repushLeft()) === 0) run.emit({ restoring: null });
  run.emit({ phase: 'pull', progress: null });
  await pullChanges(ctx);
}

/**
 * Push then pull; when an answer shows the server was restored from a backup, what this phone
 * holds is queued again ahead of its queued ops, and the run starts over. A server whose
 * generation keeps changing within one run is not believed.
 */
export async function syncRounds(ctx: PhaseContext, run: RunTools): Promise<void> {
  for (let round = 0; ; round++) {
    try {
      return await pushAndPull(ctx, run);
    } catch (error) {
      if (!(error instanceof ServerRestored)) throw error;
      if (round >= 2) throw new ApiFailure('bad-response', 'unknown');
      const queued = await run.store.queueRepush(error.generation, iso(run.now()), error.answered);
      ctx.seeGeneration = await generationWatch(run.store);
      run.emit({ restoring: queued, phase: 'push', progress: null });
    }
  }
}

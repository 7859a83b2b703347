import type { OutboxRow } from '../db/schema';
import { ApiFailure } from './http';
import type { PhaseContext } from './phases';
import { iso, pushBatch } from './push-batch';

// An op the server cannot process (it crashes on that op's content: a 500 for the whole batch,
// nothing applied) would block the queue for ever: the same batch would be resent after every
// backoff. After QUARANTINE_AFTER such failures in a row the batch is split in halves, in seq
// order, down to the op that fails alone; that op is set aside as refused on this phone (kept
// for correction, as a server refusal is) and everything else is sent (CommCare's quarantine).
//
// An outage also fails every batch, so an op is set aside only on evidence that the server is
// otherwise working: during the same search another batch was applied, and the op, sent alone
// again after that, still failed. A search in which nothing is applied, a 503 (the server says
// it is down), a network failure, or more failures in a row than the halving needs, stops it:
// nothing is set aside and the normal backoff goes on.

export const QUARANTINE_AFTER = 3;

/** A 5xx answer that is not the server saying it is down: what a crash on one op looks like. */
function isServerFault(error: unknown): boolean {
  return error instanceof ApiFailure && error.status !== null && error.status >= 500 && error.status !== 503;
}

/** How often the batch that starts with one op failed with a server fault, in a row. Kept in memory. */
export class FailureStreak {
  private opId: string | null = null;
  private count = 0;

  failed(rows: readonly OutboxRow[], error: unknown): void {
    const first = rows[0]?.opId ?? null;
    if (!isServerFault(error) || first === null) return;
    this.count = first === this.opId ? this.count + 1 : 1;
    this.opId = first;
  }

  due(rows: readonly OutboxRow[]): boolean {
    return this.count >= QUARANTINE_AFTER && rows[0]?.opId === this.opId;
  }

  clear(): void {
    this.opId = null;
    this.count = 0;
  }
}

/** Stops the search quietly: the outbox no longer holds the rows it was splitting. */
class Moved extends Error {}

/**
 * Splits `batch` (taken, in flight, known to fail) to find the ops the server cannot process;
 * sets them aside and sends the rest. Ops of one registration never overtake each other: once
 * an op is suspected, its registration's later ops wait behind it (and are set aside with it).
 * Other registrations' ops may go ahead of it. Returns how many ops were sent; throws the
 * failure when it looks like an outage.
 */
export async function isolate(ctx: PhaseContext, batch: OutboxRow[]): Promise<number> {
  // Nothing of it left: the rows go again one part at a time, each taken anew.
  await ctx.store.releaseBatch(batch, 'not-delivered');
  ctx.streak.clear();
  const position = new Map(batch.map((row, i) => [row.seq, i]));
  // Enough failures in a row to halve down to one op and try a few of its neighbours.
  const maxFailuresInARow = Math.ceil(Math.log2(batch.length)) + 3;
  let failuresInARow = 0;
  let applied = false;
  let sent = 0;
  const suspects: OutboxRow[] = [];
  const held = new Set<string>();

  /** Sends consecutive rows as one batch: true once applied, false on a server fault. */
  async function send(rows: OutboxRow[]): Promise<boolean> {
    const first = rows[0] as OutboxRow;
    const taken = await ctx.store.takeBatch(rows.length, iso(ctx.now()), (first.seq as number) - 1);
    if (taken.length !== rows.length || taken.at(-1)?.seq !== rows.at(-1)?.seq) {
      await ctx.store.releaseBatch(taken, 'not-delivered');
      throw new Moved();
    }
    try {
      await pushBatch(ctx, taken);
    } catch (error) {
      failuresInARow += 1;
      if (!isServerFault(error) || failuresInARow > maxFailuresInARow) throw error;
      return false;
    }
    failuresInARow = 0;
    applied = true;
    sent += rows.length;
    return true;
  }

  async function split(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 1) {
      const row = rows[0] as OutboxRow;
      suspects.push(row);
      held.add(row.registrationId);
      return;
    }
    const middle = Math.ceil(rows.length / 2);
    await search(rows.slice(0, middle));
    await search(rows.slice(middle));
  }

  async function search(rows: OutboxRow[]): Promise<void> {
    const open = rows.filter((row) => !held.has(row.registrationId));
    if (open.length < rows.length) {
      for (const run of consecutive(open, position)) await search(run);
      return;
    }
    if (open.length > 0 && !(await send(open))) await split(open);
  }

  try {
    await split(batch);
    if (!applied) throw new ApiFailure('server-unavailable', 'unknown');
    const confirmed: OutboxRow[] = [];
    for (const suspect of suspects) {
      if (!(await send([suspect]))) confirmed.push(suspect);
    }
    await ctx.store.quarantine(confirmed, iso(ctx.now()));
  } catch (error) {
    if (!(error instanceof Moved)) throw error;
  }
  return sent;
}

/** Rows split where others lie between them in the batch (`position`: each row's place in it). */
function consecutive(rows: OutboxRow[], position: Map<number | undefined, number>): OutboxRow[][] {
  const runs: OutboxRow[][] = [];
  let last = -2;
  for (const row of rows) {
    const at = position.get(row.seq) ?? -2;
    if (at === last + 1) runs.at(-1)?.push(row);
    else runs.push([row]);
    last = at;
  }
  return runs;
}

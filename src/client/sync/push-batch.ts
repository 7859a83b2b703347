import type { CompactPushResponse, PositionalPushResponse, PushResponse } from '../../shared/protocol';
import type { OutboxRow } from '../db/schema';
import { ApiFailure, apiRequest, encodeBody, type ApiAnswer, type EncodedBody } from './http';
import type { PhaseContext } from './phases';
import { isPushResponse, matchResults, serverTimeOf } from './wire';

// One push request and its answer, shared by the pipelined push (phases.ts) and the search
// for an op the server cannot process (quarantine.ts).

export type PushAnswer = ApiAnswer<PushResponse | CompactPushResponse | PositionalPushResponse>;

export const iso = (ms: number) => new Date(ms).toISOString();

export const deliveryOf = (error: unknown) => (error instanceof ApiFailure ? error.delivery : 'unknown');

/**
 * Compact answers (a contract addition), by position without the UUIDs, when the phone can
 * complete every applied result itself: creates (it sent the record) and updates (applied only
 * over the version it holds). A void or handover applies to whatever the server holds, which
 * may be newer than the phone's copy: those batches ask for full answers.
 */
function canTakeCompact(batch: OutboxRow[]): boolean {
  // A re-pushed create (after a server restore) may be answered with a record the server already
  // held, not the one sent: full answers.
  return batch.every((row) => !row.repush && (row.op.type === 'registration.create' || row.op.type === 'registration.update'));
}

/** A batch's push body, JSON and gzipped: made while the batch before it is at the server. */
export function encodeBatch(ctx: PhaseContext, batch: OutboxRow[]): Promise<EncodedBody> {
  const body = {
    deviceId: ctx.identity.deviceId,
    ops: batch.map((row) => row.op),
    ...(canTakeCompact(batch) ? { results: 'positional' } : {}),
  };
  return encodeBody(ctx.api, body, ctx.gzip());
}

export async function postBatch(ctx: PhaseContext, encoding: Promise<EncodedBody>): Promise<PushAnswer> {
  const encoded = await encoding;
  const send = (gzip: boolean) => apiRequest(ctx.api, {
    method: 'POST', path: '/sync/push', token: ctx.identity.token, encoded, accept: isPushResponse, gzip,
  });
  if (!ctx.gzip() || !encoded.gzipped) return send(false);
  try {
    return await send(true);
  } catch (error) {
    // A server (or proxy) that cannot read a gzipped body refuses the whole request, which the
    // contract says applies nothing: send it plain at once, and plain from now on.
    if (!(error instanceof ApiFailure) || (error.status !== 400 && error.status !== 415)) throw error;
    ctx.refuseGzip();
    return send(false);
  }
}

/** Applies each op's result. A rejected op is set aside; it never blocks the ones after it. */
export async function storeAnswer(ctx: PhaseContext, rows: OutboxRow[], answer: PushAnswer): Promise<void> {
  const results = matchResults(rows, answer.body.results);
  if (!results) {
    // Answers that cannot be matched to the ops: applied, perhaps, so sent again as they were.
    await ctx.store.releaseBatch(rows, 'unknown');
    throw new ApiFailure('bad-response', 'unknown');
  }
  const unanswered = await ctx.store.applyPushResults(rows, results, iso(ctx.now()));
  // An op without a result stays queued; going round again would loop on it forever.
  if (unanswered > 0) throw new ApiFailure('bad-response', 'unknown');
  // A restored server's answers are its real decisions, so they are stored first.
  await ctx.seeGeneration(answer.body, rows.map((row) => row.opId));
}

/** One batch (taken by the store, so in flight), sent and its answer stored; no pipelining. */
export async function pushBatch(ctx: PhaseContext, rows: OutboxRow[]): Promise<void> {
  let answer: PushAnswer;
  try {
    answer = await postBatch(ctx, encodeBatch(ctx, rows));
  } catch (error) {
    await ctx.store.releaseBatch(rows, deliveryOf(error));
    throw error;
  }
  ctx.onServerTime(answer, serverTimeOf(answer.body), false);
  await storeAnswer(ctx, rows, answer);
}

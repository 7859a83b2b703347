// POST /sync/push and GET /sync/pull (contract: the two halves of a device's sync).
//
// Contract additions (docs/architecture.md, "Contract additions"; without them every answer is
// exactly the contract's):
// - push body `"results": "compact"`: an applied result's `registration` is only
//   {id, status, version, seq, receivedAt, updatedAt, kpjNumber, card}; the device has the rest
//   (it sent it) and normalises it with the shared schema itself. Rejected results unchanged;
//   a replay answers the same projection of the remembered result. Any other value: full.
// - push body `"results": "positional"`: as compact, and an applied result also leaves out its
//   `opId` and `registration.id` (the i-th result answers the i-th op).
// - pull `&device=<uuid>`: registrations whose latest change was pushed with the caller's own
//   token are left out (it got them as push results); the cursor still passes over them.
//   Revision 2, R1: the token decides, never the value given, and no answer carries another
//   device's id (sync/viewer.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT, RESULT_MODES, pushRequestSchema, scopeSchema, uuid,
  type CompactOpResult, type CompactPushResponse, type OpResult, type PositionalOpResult,
  type PositionalPushResponse, type PullResponse, type PushResponse, type ResultMode,
} from '../../shared';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { canSee } from '../auth/actor';
import { forbidden, parseOr400 } from '../http-errors';
import { audit } from '../store/audit';
import { coveragePeriodFor } from '../store/periods';
import { pullChanges } from '../store/pull';
import { pushOps } from '../store/push';
import { viewRegistration, viewResult } from '../sync/viewer';

const count = z.string().regex(/^\d{1,15}$/, 'integer').transform(Number);
const pullQuerySchema = z.object({
  // A narrower scope inside the caller's own, e.g. one village for a handover event.
  scope: z.optional(scopeSchema),
  since: count.optional().transform((v) => v ?? 0),
  // More than the cap is capped, not refused (contract).
  limit: count
    .optional()
    .transform((v) => Math.min(v ?? PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT))
    .pipe(z.number().min(1, 'min-1')),
  // Contract addition: leave out this device's own pushes.
  device: z.optional(uuid),
});

/** An applied result with the server's own fields only (contract addition). */
function compactResult(result: OpResult): CompactOpResult {
  if (result.status !== 'applied') return result;
  const { id, status, version, seq, receivedAt, updatedAt, kpjNumber, card } = result.registration;
  return { opId: result.opId, status: 'applied', registration: { id, status, version, seq, receivedAt, updatedAt, kpjNumber, card } };
}

/** As compact, without the opId and the registration id: answered by position (contract addition). */
function positionalResult(result: OpResult): PositionalOpResult {
  if (result.status !== 'applied') return result;
  const { status, version, seq, receivedAt, updatedAt, kpjNumber, card } = result.registration;
  return { status: 'applied', registration: { status, version, seq, receivedAt, updatedAt, kpjNumber, card } };
}

function resultMode(body: unknown): ResultMode | null {
  const mode = typeof body === 'object' && body !== null ? (body as { results?: unknown }).results : undefined;
  return RESULT_MODES.find((m) => m === mode) ?? null;
}

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  app.route({ method: 'POST', url: '/api/v1/sync/push', onRequest, handler: async (request): Promise<PushResponse | CompactPushResponse | PositionalPushResponse> => {
    const actor = actorOf(request);
    const body = parseOr400(pushRequestSchema, request.body);
    // R1: an enrolled device is its token's device, whatever the body says.
    const deviceId = actor.deviceId ?? body.deviceId;
    const decided = await ctx.metrics.inFlight(() => pushOps(ctx.store, {
      actor,
      deviceId,
      ops: body.ops,
      now: ctx.now(),
      places: ctx.places,
      defaultQuota: ctx.defaultQuota,
    }));
    ctx.metrics.recordResults(body.ops, decided);
    const results = decided.map((r) => viewResult(r, deviceId));
    const serverTime = ctx.now().toISOString();
    const generation = await ctx.generation();
    switch (resultMode(request.body)) {
      case 'compact':
        return { results: results.map(compactResult), serverTime, generation };
      case 'positional':
        return { results: results.map(positionalResult), serverTime, generation };
      default:
        return { results, serverTime, generation };
    }
  } });

  app.route({ method: 'GET', url: '/api/v1/sync/pull', onRequest, handler: async (request): Promise<PullResponse> => {
    const actor = actorOf(request);
    const query = parseOr400(pullQuerySchema, request.query);
    const scope = query.scope ?? actor.scope;
    if (!canSee(actor, scope)) throw forbidden();
    const pulled = await pullChanges(ctx.store, {
      scope, since: query.since, limit: query.limit, defaultQuota: ctx.defaultQuota,
      // R1: `device=` asks to leave out the caller's own pushes, and only those.
      ownToken: query.device === undefined ? undefined : actor.tokenId,
    });
    const response: PullResponse = {
      ...pulled,
      changes: pulled.changes.map((r) => viewRegistration(r, actor.deviceId)),
      generation: await ctx.generation(),
    };
    // HEAD sends none of it: nothing read is audited.
    if (response.changes.length > 0 && request.method !== 'HEAD') {
      // Reading personal data is audited too (UU PDP): who, which scope, which seq range.
      await audit(ctx.store.db, {
        actor: actor.tokenId,
        action: 'sync.pull',
        scope,
        details: { since: query.since, cursor: response.cursor, count: response.changes.length },
        at: ctx.now(),
      });
    }
    const period = await coveragePeriodFor(ctx.store.db, scope);
    return period ? { ...response, period } : response;
  } });
}

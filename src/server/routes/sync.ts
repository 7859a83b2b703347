// POST /sync/push and GET /sync/pull (contract: the two halves of a device's sync).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT, pushRequestSchema, scopeSchema,
  type PullResponse, type PushResponse,
} from '../../shared';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { canSee } from '../auth/actor';
import { forbidden, parseOr400 } from '../http-errors';
import { audit } from '../store/audit';
import { pullChanges } from '../store/pull';
import { pushOps } from '../store/push';

const count = z.string().regex(/^\d{1,15}$/, 'integer').transform(Number);
const pullQuerySchema = z.object({
  // A narrower scope inside the caller's own, e.g. one village for a handover event.
  scope: scopeSchema.optional(),
  since: count.optional().transform((v) => v ?? 0),
  // More than the cap is capped, not refused (contract).
  limit: count
    .optional()
    .transform((v) => Math.min(v ?? PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT))
    .pipe(z.number().min(1, 'min-1')),
});

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  app.route({ method: 'POST', url: '/api/v1/sync/push', onRequest, handler: async (request): Promise<PushResponse> => {
    const actor = actorOf(request);
    const body = parseOr400(pushRequestSchema, request.body);
    const results = await pushOps(ctx.store, {
      actor,
      deviceId: body.deviceId,
      ops: body.ops,
      now: ctx.now(),
      places: ctx.places,
      defaultQuota: ctx.defaultQuota,
    });
    return { results, serverTime: ctx.now().toISOString() };
  } });

  app.route({ method: 'GET', url: '/api/v1/sync/pull', onRequest, handler: async (request): Promise<PullResponse> => {
    const actor = actorOf(request);
    const query = parseOr400(pullQuerySchema, request.query);
    const scope = query.scope ?? actor.scope;
    if (!canSee(actor, scope)) throw forbidden();
    const response = await pullChanges(ctx.store, {
      scope, since: query.since, limit: query.limit, defaultQuota: ctx.defaultQuota,
    });
    if (response.changes.length > 0) {
      // Reading personal data is audited too (UU PDP): who, which scope, which seq range.
      await audit(ctx.store.db, {
        actor: actor.tokenId,
        action: 'sync.pull',
        scope,
        details: { since: query.since, cursor: response.cursor, count: response.changes.length },
        at: ctx.now(),
      });
    }
    return response;
  } });
}

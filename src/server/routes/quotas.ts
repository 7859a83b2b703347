// PUT /villages/:code/quota and GET /quotas (the coordinator board).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BOARD_LEVELS, levelBelow, quotaPutSchema, type Quota } from '../../shared';
import { canSee } from '../auth/actor';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, forbidden, notFound, parseOr400 } from '../http-errors';
import { quotaBoardJson, regionBoardJson, setVillageQuota } from '../store/quotas';
import { requestedScope } from './scope';

// Contract addition: `level` sums the board by region (docs/architecture.md).
const levelQuerySchema = z.object({ level: z.optional(z.enum(BOARD_LEVELS, 'level')) });

export function quotaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  app.route<{ Params: { code: string } }>({ method: 'PUT', url: '/api/v1/villages/:code/quota', onRequest, handler: async (request): Promise<Quota> => {
    const actor = actorOf(request, 'coordinator', 'admin');
    const { code } = request.params;
    if (!ctx.places.village(code)) throw notFound();
    if (!canSee(actor, code)) throw forbidden();
    const body = parseOr400(quotaPutSchema, request.body);
    const result = await setVillageQuota(ctx.store, {
      villageCode: code, quota: body.quota, actor, now: ctx.now(), defaultQuota: ctx.defaultQuota,
    });
    if (!result.ok) {
      throw new HttpError(409, 'quota-below-accepted', undefined, { accepted: result.accepted });
    }
    return result.quota;
  } });

  app.route({ method: 'GET', url: '/api/v1/quotas', onRequest, handler: async (request, reply) => {
    const actor = actorOf(request, 'coordinator', 'admin');
    const scope = requestedScope(actor, request.query);
    const { level } = parseOr400(levelQuerySchema, request.query);
    if (level !== undefined && !levelBelow(level, scope)) {
      throw new HttpError(400, 'invalid-request', undefined, { fields: { level: 'level-not-below-scope' } });
    }
    // Without `level`: every village, as the contract says; with it, the regions summed.
    const board = level === undefined
      ? await quotaBoardJson(ctx.store, ctx.places, scope, ctx.defaultQuota)
      : await regionBoardJson(ctx.store, ctx.places, scope, level, ctx.defaultQuota);
    return reply.type('application/json; charset=utf-8').send(board);
  } });
}

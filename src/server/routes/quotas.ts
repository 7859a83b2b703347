// PUT /villages/:code/quota and GET /quotas (the coordinator board).
import type { FastifyInstance } from 'fastify';
import { quotaPutSchema, type Quota } from '../../shared';
import { canSee } from '../auth/actor';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, forbidden, notFound, parseOr400 } from '../http-errors';
import { quotaBoardJson, setVillageQuota } from '../store/quotas';
import { requestedScope } from './scope';

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
    const board = await quotaBoardJson(ctx.store, ctx.places, scope, ctx.defaultQuota);
    return reply.type('application/json; charset=utf-8').send(board);
  } });
}

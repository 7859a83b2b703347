// PUT /coverage-periods/:scope (contract addition): the programme's protection period for a
// scope, which phones receive with their pull and the enrolment form starts from.
import type { FastifyInstance } from 'fastify';
import { coveragePeriodPutSchema, isScope, scopeContains, type CoveragePeriod } from '../../shared';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, forbidden, parseOr400 } from '../http-errors';
import { setCoveragePeriod } from '../store/periods';

export function periodRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.route<{ Params: { scope: string } }>({
    method: 'PUT', url: '/api/v1/coverage-periods/:scope', onRequest: authenticate(ctx),
    handler: async (request): Promise<CoveragePeriod> => {
      const actor = actorOf(request, 'coordinator', 'admin');
      const { scope } = request.params;
      if (!isScope(scope)) throw new HttpError(400, 'invalid-request', undefined, { fields: { scope: 'scope' } });
      if (!scopeContains(actor.scope, scope)) throw forbidden();
      const body = parseOr400(coveragePeriodPutSchema, request.body);
      return setCoveragePeriod(ctx.store, { scope, start: body.start, end: body.end, actor, now: ctx.now() });
    },
  });
}

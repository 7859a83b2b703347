// PUT /coverage-periods/:scope (contract addition): the programme's protection period for a
// scope, which phones receive with their pull and the enrolment form starts from.
import type { FastifyInstance } from 'fastify';
import { coveragePeriodPutSchema, isScope, scopeContains, type CoveragePeriod } from '../../shared';
import type { Actor } from '../auth/actor';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, forbidden, notFound, parseOr400 } from '../http-errors';
import { coveragePeriodFor, setCoveragePeriod } from '../store/periods';

/** A coordinator's or admin's scope parameter: a real scope inside theirs. */
function managedScope(actor: Actor, scope: string): string {
  if (!isScope(scope)) throw new HttpError(400, 'invalid-request', undefined, { fields: { scope: 'scope' } });
  if (!scopeContains(actor.scope, scope)) throw forbidden();
  return scope;
}

export function periodRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  /** The period in force for a scope: its own, or the most specific region's containing it. */
  app.route<{ Params: { scope: string } }>({
    method: 'GET', url: '/api/v1/coverage-periods/:scope', onRequest,
    handler: async (request): Promise<CoveragePeriod> => {
      const scope = managedScope(actorOf(request, 'coordinator', 'admin'), request.params.scope);
      const period = await coveragePeriodFor(ctx.store.db, scope);
      if (!period) throw notFound();
      return period;
    },
  });

  app.route<{ Params: { scope: string } }>({
    method: 'PUT', url: '/api/v1/coverage-periods/:scope', onRequest,
    handler: async (request): Promise<CoveragePeriod> => {
      const actor = actorOf(request, 'coordinator', 'admin');
      const scope = managedScope(actor, request.params.scope);
      const body = parseOr400(coveragePeriodPutSchema, request.body);
      return setCoveragePeriod(ctx.store, { scope, start: body.start, end: body.end, actor, now: ctx.now() });
    },
  });
}

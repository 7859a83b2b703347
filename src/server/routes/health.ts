import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The generation tells an operator which restore a server runs on (R5).
  app.get('/api/v1/health', async () => ({ ok: true, version: ctx.version, generation: await ctx.generation() }));
}

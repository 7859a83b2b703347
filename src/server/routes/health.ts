import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/health', async () => ({ ok: true, version: ctx.version }));
}

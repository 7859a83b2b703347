// Prometheus metrics (issue 14, "watch it"): requests and latency per route, op results by code,
// quota decisions, pushes in flight and database transaction time. One registry per app (tests
// build many). Labels are routes, types and codes only: never a village, token or person.
// Served at GET /metrics only when METRICS_TOKEN is set, to callers bearing it.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { OP_TYPES, type OpResult } from '../shared';
import { HttpError } from './http-errors';
import type { Store } from './store/db';

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  latency: Histogram<'method' | 'route'>;
  database: Histogram<'kind'>;
  /** Counts one push's results by op type and outcome (status, or the rejection's code). */
  recordResults(ops: ReadonlyArray<Record<string, unknown>>, results: OpResult[]): void;
  /** Runs a push, counted in flight while it runs. */
  inFlight<T>(run: () => Promise<T>): Promise<T>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'desa100_' });
  const requests = new Counter({
    name: 'desa100_http_requests_total', help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const latency = new Histogram({
    name: 'desa100_http_request_duration_seconds', help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const, registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const ops = new Counter({
    name: 'desa100_sync_op_results_total', help: 'Pushed ops by type and result (applied status or rejection code)',
    labelNames: ['type', 'result'] as const, registers: [registry],
  });
  const decisions = new Counter({
    name: 'desa100_quota_decisions_total', help: 'New registrations by quota decision (accepted or waitlisted)',
    labelNames: ['decision'] as const, registers: [registry],
  });
  const pushing = new Gauge({ name: 'desa100_pushes_in_flight', help: 'Pushes being decided now', registers: [registry] });
  const database = new Histogram({
    name: 'desa100_db_transaction_seconds', help: 'Database transactions (write: under the global lock) by kind',
    labelNames: ['kind'] as const, registers: [registry],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });
  return {
    registry,
    requests,
    latency,
    database,
    recordResults(sent, results) {
      results.forEach((r, i) => {
        // A label from the known types only: a client's made-up type never becomes a series.
        const given = sent[i]?.type;
        const type = OP_TYPES.find((t) => t === given) ?? 'unknown';
        ops.inc({ type, result: r.status === 'applied' ? r.registration.status : r.code });
        // A new registration's decision: an applied create at version 1 (a replay or a held id is not new).
        if (type === 'registration.create' && r.status === 'applied' && r.registration.version === 1) {
          decisions.inc({ decision: r.registration.status });
        }
      });
    },
    async inFlight(run) {
      pushing.inc();
      try {
        return await run();
      } finally {
        pushing.dec();
      }
    },
  };
}

/** `store` with its transactions timed; the same database, lock and connections. */
export function timedStore(store: Store, metrics: Metrics): Store {
  const { database } = metrics;
  const timed = <T>(kind: string, run: () => Promise<T>): Promise<T> => {
    const end = database.startTimer({ kind });
    return run().finally(() => end());
  };
  return {
    kind: store.kind,
    db: store.db,
    write: (fn) => timed('write', () => store.write(fn)),
    read: (fn) => timed('read', () => store.read(fn)),
    close: () => store.close(),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Request metrics for every route, and GET /metrics behind `token` (absent: no such route). */
export function installMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  const { requests, latency } = metrics;
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern (`/api/v1/villages/:code/quota`), never the URL as sent.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  if (!token) return;
  app.get('/metrics', async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match || !sameSecret(match[1] as string, token)) throw new HttpError(401, 'unauthenticated');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

// Builds the Fastify app without listening: main.ts listens, tests use app.inject() or
// app.listen({ port: 0 }).
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { DEFAULT_PROGRAMME } from '../shared';
import { FailureLimiter, WindowLimiter } from './auth/rate-limit';
import { ENROLMENT_CODE_TTL_MS } from './store/auth';
import { installCompression } from './compression';
import { clientErrorHandler, frameworkErrors } from './raw-errors';
import type { AppContext } from './context';
import { HttpError, installErrorHandling, sendError } from './http-errors';
import { loadPlaces, type PlaceRegistry } from './places';
import { deviceAdminRoutes, deviceRoutes } from './routes/devices';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { periodRoutes } from './routes/periods';
import { quotaRoutes } from './routes/quotas';
import { registrationRoutes } from './routes/registrations';
import { syncRoutes } from './routes/sync';
import type { Store } from './store/db';
import { createMetrics, installMetrics, timedStore } from './metrics';
import { readGeneration } from './store/generation';
import type { TrustProxy } from './env';
import { packageVersion } from './version';
import { installSecurityHeaders, isAppRoute, sendAppShell, servePwa } from './web';

export const BODY_LIMIT = 5 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** Default: the real list from idn-area-data. */
  places?: PlaceRegistry;
  /** The clock; tests move it to expire codes and rate-limit windows. */
  now?: () => Date;
  /** pino level; default 'silent' (tests). main.ts passes LOG_LEVEL. */
  logLevel?: string;
  /** Where log lines go (default stdout); tests read them to prove no personal data leaks. */
  logStream?: { write(line: string): unknown };
  /** Serve the built PWA from this folder (main.ts: dist/). */
  staticDir?: string;
  trustProxy?: TrustProxy;
  /** The origin of links and QR codes; absent: a loopback Host only (local use). */
  publicUrl?: string;
  /** Serves GET /metrics (Prometheus) to callers bearing this token; absent: no such route. */
  metricsToken?: string;
  version?: string;
  defaultQuota?: number;
  enrolmentCodeTtlMs?: number;
  limits?: {
    /** Requests per token per minute; the contract's floor is 600. */
    tokenPerMinute?: number;
    /** Failed device enrolments per client address per window. */
    enrolFailures?: number;
    enrolWindowMs?: number;
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // Revision 2, R3: a `__proto__` or `constructor` key inside an op is that op's `invalid`
    // (sync/hostile.ts), not the whole push's 400. JSON.parse makes them plain own keys (no
    // prototype is touched); strict schemas refuse them in every other body.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    // `//api/v1/health` is /api/v1/health, not a 404.
    routerOptions: { ignoreDuplicateSlashes: true },
    frameworkErrors,
    clientErrorHandler,
    trustProxy: trustProxyOption(options.trustProxy ?? false),
    // Request logs are ours (below): bodies, headers and query strings are never logged.
    logController: new LogController({ disableRequestLogging: true }),
    logger: { level: options.logLevel ?? 'silent', ...(options.logStream ? { stream: options.logStream } : {}) },
  });
  const metrics = createMetrics();
  const ctx: AppContext = {
    store: timedStore(options.store, metrics),
    metrics,
    places: options.places ?? loadPlaces(),
    now: options.now ?? (() => new Date()),
    version: options.version ?? packageVersion(),
    defaultQuota: options.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota,
    enrolmentCodeTtlMs: options.enrolmentCodeTtlMs ?? ENROLMENT_CODE_TTL_MS,
    tokenLimiter: new WindowLimiter(Math.max(600, options.limits?.tokenPerMinute ?? 1200), 60_000),
    lastSeen: new WindowLimiter(1, 5 * 60_000),
    enrolFailures: new FailureLimiter(options.limits?.enrolFailures ?? 10, options.limits?.enrolWindowMs ?? 10 * 60_000),
    generation: once(() => readGeneration(options.store.db)),
    publicUrl: options.publicUrl,
  };

  app.decorateRequest('actor', null);
  installSecurityHeaders(app);
  installErrorHandling(app);
  installCompression(app);
  installMetrics(app, metrics, options.metricsToken);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  healthRoutes(app, ctx);
  syncRoutes(app, ctx);
  quotaRoutes(app, ctx);
  periodRoutes(app, ctx);
  exportRoutes(app, ctx);
  deviceRoutes(app, ctx);
  deviceAdminRoutes(app, ctx);
  registrationRoutes(app, ctx);

  const staticDir = options.staticDir;
  if (staticDir) await servePwa(app, staticDir);
  app.setNotFoundHandler((request, reply) => {
    if (staticDir && isAppRoute(request)) {
      const shell = sendAppShell(reply, staticDir);
      if (shell) return shell;
    }
    return sendError(reply, new HttpError(404, 'not-found'));
  });
  return app;
}

/** `read` on first use, then its answer; a failed read is tried again next time. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= read().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

/**
 * A hop count as the function Fastify calls for each address, nearest first: the first `hops`
 * are our proxies, the next is the client (what the last trusted proxy saw). Fastify's types
 * take no number, and the leftmost X-Forwarded-For entry (`true`) is whatever a client wrote.
 */
function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

// Configuration, read and validated once: a bad value stops the process at start with a clear
// message instead of surfacing later as a confusing failure.
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (unset = embedded database)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // GET /metrics (Prometheus) is served only when this is set, to callers bearing it.
  METRICS_TOKEN: z
    .string()
    .min(24, 'METRICS_TOKEN must be at least 24 characters (a random secret), or unset to turn /metrics off')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Behind a reverse proxy the client address (rate limits) comes from X-Forwarded-For; trust
  // it only when told how: a number of proxy hops (the address the last trusted proxy saw,
  // never the client-supplied leftmost entry), or the proxies' addresses/CIDRs. `true` is one
  // hop (it used to mean "the leftmost entry", which any client can write).
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const value = v.trim();
      if (value === '' || value === 'false' || value === '0') return false;
      if (value === 'true') return 1;
      if (/^\d{1,2}$/.test(value)) return Number(value);
      const list = value.split(',').map((a) => a.trim()).filter((a) => a !== '');
      if (list.length > 0 && list.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))) return list;
      ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY must be false, a number of proxy hops, or proxy addresses/CIDRs separated by commas' });
      return z.NEVER;
    }),
  // The one origin of links and QR codes (enrolment URLs): never the request's Host header.
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s?#]+\/?$/, 'PUBLIC_URL must be an origin such as https://desa100.example.go.id (no path)')
    .transform((v) => v.replace(/\/$/, ''))
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Fastify's trustProxy as we allow it: off, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

/** Whether `host` (a HOST setting or a Host header's name) is this machine only. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

export interface Env {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: TrustProxy;
  metricsToken: string | undefined;
  /** Where phones reach this server (links, QR codes); required unless it serves this machine only. */
  publicUrl: string | undefined;
}

let cached: Env | undefined;

/** The process environment, parsed once; throws a readable error listing every bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // A server that others reach (another interface, or behind a proxy) must be told its address:
  // the Host header is whatever the client wrote.
  if (!e.PUBLIC_URL && (!isLoopbackHost(e.HOST) || e.TRUST_PROXY !== false)) {
    throw new Error('Invalid environment:\n  PUBLIC_URL: required when HOST is not a loopback address or TRUST_PROXY is set '
      + '(the origin phones use, e.g. https://desa100.example.go.id)');
  }
  const env: Env = {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    publicUrl: e.PUBLIC_URL,
  };
  if (source === process.env) cached = env;
  return env;
}

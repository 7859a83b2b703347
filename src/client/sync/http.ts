import { CodedError } from '../../shared/errors';
import type { Gzip } from './gzip';
import type { Delivery, FetchLike, SyncErrorCode, Timers } from './types';

// One door to /api/v1 for the sync engine and device enrolment. Every way a request can go
// wrong on a village network ends up as an ApiFailure with a code the UI can put in words and
// a `delivery` that says whether the server may have acted on it.

/** Same origin, no host: the PWA and the API are served by one process (and in e2e tests). */
export const API_BASE = '/api/v1';
export const DEFAULT_TIMEOUT_MS = 60_000;

export class ApiFailure extends CodedError {
  constructor(
    override readonly code: SyncErrorCode,
    readonly delivery: Delivery,
    options: { status?: number; serverCode?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(code, options.serverCode ? `${code} (${options.serverCode})` : code);
    this.name = 'ApiFailure';
    this.status = options.status ?? null;
    this.serverCode = options.serverCode ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
  readonly status: number | null;
  /** The `error.code` of the server's body (`invalid-code`, `rate-limited`, …). */
  readonly serverCode: string | null;
  readonly retryAfterMs: number | null;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
  /** Device clock just before sending and just after the answer, for the clock offset. */
  sentAt: number;
  receivedAt: number;
  /** The HTTP Date header, ms since epoch (second precision), or null. */
  serverDate: number | null;
}

export interface ApiDeps {
  fetch: FetchLike;
  now: () => number;
  timers: Timers;
  base?: string;
  timeoutMs?: number;
  /** Compresses request bodies marked `gzip`; without it they go as plain JSON. */
  gzip?: Gzip | null;
}

/** A JSON body made ahead of its request (the push pipeline encodes the next batch meanwhile). */
export interface EncodedBody {
  json: string;
  /** The same, gzipped; null where the deps cannot gzip or were not asked to. */
  gzipped: Uint8Array<ArrayBuffer> | null;
}

export async function encodeBody(deps: Pick<ApiDeps, 'gzip'>, body: unknown, gzip: boolean): Promise<EncodedBody> {
  const json = JSON.stringify(body);
  if (!gzip || !deps.gzip) return { json, gzipped: null };
  try {
    return { json, gzipped: new Uint8Array(await deps.gzip(json)) };
  } catch {
    // A browser whose compression fails: the same body goes plain.
    return { json, gzipped: null };
  }
}

export interface ApiRequest<T> {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  /** A value sent as JSON, or a body encoded beforehand (sent gzipped when it has that form). */
  body?: unknown;
  encoded?: EncodedBody;
  /** Checks the shape of a 2xx body; a mismatch is a `bad-response`. */
  accept: (body: unknown) => body is T;
  /** Send the body gzipped (Content-Encoding: gzip) when the deps can. */
  gzip?: boolean;
}

/** Retry-After is seconds or an HTTP date; absent or unreadable means one minute. */
export function parseRetryAfter(header: string | null, now: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return 60_000;
}

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await response.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

export async function apiRequest<T>(deps: ApiDeps, req: ApiRequest<T>): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  const encoded = req.encoded ?? (req.body === undefined ? undefined : await encodeBody(deps, req.body, req.gzip === true));
  if (encoded) {
    headers['Content-Type'] = 'application/json';
    body = encoded.json;
    if (req.gzip && encoded.gzipped) {
      body = encoded.gzipped;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = deps.timers.set(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const sentAt = deps.now();
  try {
    let response: Response;
    try {
      response = await deps.fetch(`${deps.base ?? API_BASE}${req.path}`, {
        method: req.method,
        headers,
        body,
        signal: controller.signal,
        // The service worker and HTTP caches must never answer a sync request.
        cache: 'no-store',
      });
    } catch (cause) {
      // "Failed to fetch" can happen after the body left: the server may have applied it.
      throw new ApiFailure(timedOut ? 'timeout' : 'offline', 'unknown', { cause });
    }
    const json = await readJson(response);
    if (timedOut) throw new ApiFailure('timeout', 'unknown');
    const receivedAt = deps.now();
    const status = response.status;
    const serverCode = json.ok ? errorCodeOf(json.value) : undefined;
    if (status >= 500 || (!json.ok && status >= 400)) {
      // A proxy's HTML error page or a crashed server: it may have committed before failing.
      throw new ApiFailure('server-unavailable', 'unknown', { status, serverCode });
    }
    if (status === 401) throw new ApiFailure('unauthenticated', 'not-delivered', { status, serverCode });
    if (status === 403) throw new ApiFailure('forbidden', 'not-delivered', { status, serverCode });
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), receivedAt);
      throw new ApiFailure('rate-limited', 'not-delivered', { status, serverCode, retryAfterMs });
    }
    if (status >= 400) throw new ApiFailure('refused', 'not-delivered', { status, serverCode });
    if (!json.ok || !req.accept(json.value)) {
      throw new ApiFailure('bad-response', 'unknown', { status });
    }
    const date = response.headers.get('Date');
    const serverDate = date ? Date.parse(date) : Number.NaN;
    return {
      status, body: json.value, sentAt, receivedAt,
      serverDate: Number.isNaN(serverDate) ? null : serverDate,
    };
  } finally {
    deps.timers.clear(timer);
  }
}

/** The timer and clock of a real browser tab. */
export const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

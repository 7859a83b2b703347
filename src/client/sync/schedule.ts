// When the next sync runs. Pure functions over an injected random source, so that the
// schedule is tested exactly.

export interface Schedule {
  /** First retry after a failure; doubles each time. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** ±fraction of the delay, so that a village's phones do not all retry on the same second. */
  jitter: number;
  /** Healthy, with work still queued (e.g. saved during the last sync). */
  busyIntervalMs: number;
  /** Healthy, nothing queued: pull now and then to learn other phones' records and quotas. */
  idleIntervalMs: number;
  /** After a record is saved: wait this long so that a burst of saves goes in one push. */
  queuedDebounceMs: number;
  /** Beyond this the phone's clock is called far off. */
  clockToleranceMs: number;
}

export const DEFAULT_SCHEDULE: Schedule = {
  backoffBaseMs: 5_000,
  backoffMaxMs: 10 * 60_000,
  jitter: 0.2,
  busyIntervalMs: 60_000,
  idleIntervalMs: 5 * 60_000,
  queuedDebounceMs: 2_000,
  clockToleranceMs: 5 * 60_000,
};

/** Delay before retry number `failures` (1 = after the first failure). */
export function backoffDelay(failures: number, random: () => number, s: Schedule = DEFAULT_SCHEDULE): number {
  const exponent = Math.max(0, failures - 1);
  const base = Math.min(s.backoffBaseMs * 2 ** Math.min(exponent, 30), s.backoffMaxMs);
  return Math.round(base * (1 + (random() * 2 - 1) * s.jitter));
}

/** A 429's Retry-After is a floor: wait at least that, plus up to `jitter` more. */
export function retryAfterDelay(retryAfterMs: number, random: () => number, s: Schedule = DEFAULT_SCHEDULE): number {
  return Math.round(retryAfterMs * (1 + random() * s.jitter));
}

/**
 * Server time minus device time. The request's midpoint is the best guess of when the server
 * read its clock; a Date header (whole seconds, truncated) is nudged by half a second.
 */
export function clockOffset(serverMs: number, sentAt: number, receivedAt: number, fromDateHeader: boolean): number {
  const server = fromDateHeader ? serverMs + 500 : serverMs;
  return Math.round(server - (sentAt + receivedAt) / 2);
}

export function isClockFarOff(offsetMs: number | null, s: Schedule = DEFAULT_SCHEDULE): boolean {
  return offsetMs !== null && Math.abs(offsetMs) > s.clockToleranceMs;
}

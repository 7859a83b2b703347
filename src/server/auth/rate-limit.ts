// In-memory rate limits (one server process per regency). Keys are token ids and client
// addresses; maps are pruned so that a flood of keys cannot grow memory without bound.

const MAX_KEYS = 100_000;

/** At most `limit` hits per fixed window of `windowMs` per key. */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Counts a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string, nowMs: number): number {
    let w = this.windows.get(key);
    if (!w || nowMs - w.start >= this.windowMs) {
      if (this.windows.size >= MAX_KEYS) this.prune(nowMs);
      w = { start: nowMs, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - nowMs) / 1000)) : 0;
  }

  private prune(nowMs: number): void {
    for (const [key, w] of this.windows) if (nowMs - w.start >= this.windowMs) this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) this.windows.clear();
  }
}

/** At most `limit` failures per sliding `windowMs` per key; successes do not count. */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  private recent(key: string, nowMs: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 if it is allowed now. */
  blocked(key: string, nowMs: number): number {
    const list = this.recent(key, nowMs);
    if (list.length < this.limit) return 0;
    const oldest = list[list.length - this.limit] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  fail(key: string, nowMs: number): void {
    if (!this.failures.has(key) && this.failures.size >= MAX_KEYS) this.failures.clear();
    const list = this.recent(key, nowMs);
    list.push(nowMs);
    this.failures.set(key, list);
  }
}

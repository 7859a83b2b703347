// Many devices at once over real HTTP: the quota is decided exactly once (rule 2), NIKs stay
// unique (rule 3), retries replay (rule 1), seqs follow commit order and a puller running
// alongside never skips a change (rules 5 and 6).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpResult, PullResponse, PushResponse, ServerRegistration } from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { TANJUNGSARI, createOp, nextNik, registration, type Wire } from './support/wire';

const DEVICES = 20;
const BATCHES = 3;
const PER_BATCH = 5;
const CONTESTED = 10;

describe.each(BACKENDS)('concurrent devices over HTTP (%s)', { timeout: 120_000 }, (backend) => {
  let s: TestServer;
  let base: string;
  beforeEach(async () => {
    s = await startServer(backend);
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => s.close());

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  it('decides quota 10 exactly once among hundreds of parallel creates', async () => {
    const admin = await s.token('admin', '*');
    await call(admin, 'PUT', `/api/v1/villages/${TANJUNGSARI}/quota`, { quota: 10 });
    const coordinator = await s.token('coordinator', '32.14');
    const tokens = await Promise.all(Array.from({ length: DEVICES }, () => s.token('operator', TANJUNGSARI)));
    const contested = Array.from({ length: CONTESTED }, () => nextNik());

    // Every device's batches, made up front; two devices race for each contested NIK.
    const batches: Wire[][][] = tokens.map((_, d) =>
      Array.from({ length: BATCHES }, (_b, b) => {
        const ops = Array.from({ length: PER_BATCH }, () => createOp(registration()));
        if (b === 0) ops.push(createOp(registration({ nik: contested[d % CONTESTED] })));
        return ops;
      }));

    let pushing = true;
    const seen = new Map<string, ServerRegistration>();
    const puller = (async () => {
      let cursor = 0;
      for (;;) {
        const stillPushing = pushing;
        const page = await call<PullResponse>(coordinator, 'GET', `/api/v1/sync/pull?since=${cursor}&limit=7`);
        let last = cursor;
        for (const change of page.changes) {
          // Strictly after the cursor, strictly increasing: nothing at or below C ever shows up.
          expect(change.seq).toBeGreaterThan(last);
          last = change.seq;
          seen.set(change.id, change);
        }
        expect(page.cursor).toBe(last);
        cursor = page.cursor;
        if (!stillPushing && !page.hasMore) return cursor;
      }
    })();

    const deviceIds = tokens.map(() => randomUUID());
    const pushBatch = (d: number, b: number) =>
      call<PushResponse>(tokens[d] as string, 'POST', '/api/v1/sync/push', { deviceId: deviceIds[d], ops: batches[d]?.[b] });
    let responses: PushResponse[][];
    let retried: PushResponse[];
    try {
      responses = await Promise.all(tokens.map(async (_, d) => {
        const out: PushResponse[] = [];
        for (let b = 0; b < BATCHES; b += 1) out.push(await pushBatch(d, b));
        return out;
      }));
      // Two copies of an already answered batch racing each other: both replay.
      retried = await Promise.all([pushBatch(0, 1), pushBatch(0, 1)]);
    } finally {
      pushing = false;
      await puller;
    }

    for (const again of retried) expect(again.results).toEqual(responses[0]?.[1]?.results);
    const results: OpResult[] = responses.flatMap((r) => r.flatMap((p) => p.results));
    const appliedRegs = results.flatMap((r) => (r.status === 'applied' ? [r.registration] : []));
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(CONTESTED);
    expect(rejected.every((r) => r.status === 'rejected' && r.code === 'duplicate-nik')).toBe(true);
    expect(appliedRegs).toHaveLength(DEVICES * BATCHES * PER_BATCH + CONTESTED);
    expect(new Set(appliedRegs.map((r) => r.nik)).size).toBe(appliedRegs.length);

    // Seqs: unique, gap-free, and within one batch in op order.
    const seqs = appliedRegs.map((r) => r.seq);
    seqs.sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: appliedRegs.length }, (_, i) => i + 1));
    for (const r of responses.flat()) {
      const batchSeqs = r.results.flatMap((x) => (x.status === 'applied' ? [x.registration.seq] : []));
      expect(batchSeqs.every((seq, i) => i === 0 || (batchSeqs[i - 1] as number) < seq)).toBe(true);
    }

    // Exactly the 10 earliest arrivals are accepted; the rest wait in arrival order.
    const byArrival = [...appliedRegs];
    byArrival.sort((a, b) => a.seq - b.seq);
    expect(byArrival.slice(0, 10).every((r) => r.status === 'accepted')).toBe(true);
    expect(byArrival.slice(10).every((r) => r.status === 'waitlisted')).toBe(true);

    // The puller saw every registration, at its final state.
    expect(seen.size).toBe(appliedRegs.length);
    for (const r of appliedRegs) expect(seen.get(r.id)).toEqual(r);
    const final = await call<PullResponse>(coordinator, 'GET', '/api/v1/sync/pull?since=0&limit=1');
    expect(final.quotas).toEqual([{ villageCode: TANJUNGSARI, quota: 10, accepted: 10, waitlisted: appliedRegs.length - 10 }]);
  });
});

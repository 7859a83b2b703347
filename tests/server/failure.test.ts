// A failure inside the write transaction: the client gets 500 `internal` (no stack, no data),
// nothing is kept, and the same ops sent again are decided afresh: nothing is lost.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/db';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, pullAll, registration } from './support/wire';

describe.each(BACKENDS)('failed transactions (%s)', (backend) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer(backend);
  });
  afterEach(() => s.close());

  it('answers 500 internal, keeps nothing, and accepts the same ops again', async () => {
    const failing: Store = {
      ...s.store,
      write: (fn) => s.store.write(async (trx) => {
        await fn(trx);
        throw new Error('disk full');
      }),
    };
    const logs: string[] = [];
    const broken = await buildApp({ store: failing, now: s.clock.now, logLevel: 'error', logStream: { write: (l: string) => logs.push(l) } });
    const op = await s.token('operator', TANJUNGSARI);
    const reg = registration();
    const payload = { deviceId: randomUUID(), ops: [createOp(reg)] };
    try {
      const res = await broken.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(op), payload });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
      expect(res.body).not.toContain('disk full');
      expect(logs.join('')).toContain('disk full');
      expect(logs.join('')).not.toContain(reg.nik as string);
    } finally {
      await broken.close();
    }
    expect((await pullAll(s.app, op)).changes).toEqual([]);
    const retry = await s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(op), payload });
    expect(retry.json<{ results: Array<{ status: string; registration: { seq: number } }> }>().results[0]).toMatchObject({
      status: 'applied', registration: { seq: 1 },
    });
  });
});

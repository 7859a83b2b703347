// GET /metrics (issue 14, "watch it"): off unless METRICS_TOKEN is set, then bearer-protected;
// requests per route, op results by code, quota decisions, pushes in flight, database time;
// never a NIK, a name, a village or a token in it.
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/server/env';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { TANJUNGSARI, createOp, push, registration } from './support/wire';

const SECRET = 'metrics-secret-0123456789abcdef';

describe.each(BACKENDS)('metrics (%s)', (backend) => {
  let s: TestServer;
  afterEach(() => s.close());

  it('is no route at all unless a token is configured', async () => {
    s = await startServer(backend);
    const res = await s.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
  });

  it('answers only the bearer of METRICS_TOKEN, in Prometheus text, counting what pushes did', async () => {
    s = await startServer(backend, { metricsToken: SECRET, defaultQuota: 1 });
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${SECRET}x`]) {
      const res = await s.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    const op = await s.token('operator', TANJUNGSARI);
    const a = registration();
    const b = registration({ fullName: 'Nurjanah Binti Ahmad' });
    await push(s.app, op, [createOp(a), createOp(b), createOp(registration({ nik: a.nik })), { opId: 'x', type: 'made.up' }]);

    const res = await s.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${SECRET}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toContain('desa100_sync_op_results_total{type="registration.create",result="accepted"} 1');
    expect(text).toContain('desa100_sync_op_results_total{type="registration.create",result="waitlisted"} 1');
    expect(text).toContain('desa100_sync_op_results_total{type="registration.create",result="duplicate-nik"} 1');
    expect(text).toContain('desa100_sync_op_results_total{type="unknown",result="invalid"} 1');
    expect(text).toContain('desa100_quota_decisions_total{decision="accepted"} 1');
    expect(text).toContain('desa100_quota_decisions_total{decision="waitlisted"} 1');
    expect(text).toContain('desa100_http_requests_total{method="POST",route="/api/v1/sync/push",status="200"} 1');
    expect(text).toMatch(/desa100_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/sync\/push"\} 1/);
    expect(text).toMatch(/desa100_db_transaction_seconds_count\{kind="write"\} [1-9]/);
    expect(text).toContain('desa100_pushes_in_flight 0');
    for (const secret of [a.nik, b.nik, 'NURJANAH', TANJUNGSARI, op, SECRET, 'made.up']) expect(text).not.toContain(secret as string);
  });
});

describe('METRICS_TOKEN', () => {
  it('is read once and refused when too short to be a secret', () => {
    expect(readEnv({ METRICS_TOKEN: SECRET }).metricsToken).toBe(SECRET);
    expect(readEnv({}).metricsToken).toBeUndefined();
    expect(() => readEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

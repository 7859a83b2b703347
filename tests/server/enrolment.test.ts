import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEnrolResponse, EnrolmentCodeResponse } from '../../src/shared';
import { CODE_ALPHABET } from '../../src/server/auth/secrets';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { SALEM, TANJUNGSARI, auth, createOp, push, registration } from './support/wire';

type ErrorJson = { error: { code: string; details?: unknown } };

describe.each(BACKENDS)('enrolment codes and devices (%s)', (backend) => {
  let s: TestServer;
  let coordinator: string;
  beforeEach(async () => {
    s = await startServer(backend, { publicUrl: 'http://desa100.example:8443' });
    coordinator = await s.token('coordinator', '32.14');
  });
  afterEach(() => s.close());

  const mint = (token: string, body: unknown, host = 'desa100.example:8443') =>
    s.app.inject({ method: 'POST', url: '/api/v1/enrolment-codes', headers: { ...auth(token), host }, payload: body as object });
  const redeem = (body: unknown, remoteAddress = '10.0.0.1') =>
    s.app.inject({ method: 'POST', url: '/api/v1/devices', payload: body as object, remoteAddress });

  it('mints a short one-time code with its URL and expiry, and redeems it for a working token', async () => {
    const res = await mint(coordinator, { role: 'operator', scope: TANJUNGSARI });
    expect(res.statusCode).toBe(201);
    const minted = res.json<EnrolmentCodeResponse>();
    expect(minted.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    expect(minted.url).toBe(`http://desa100.example:8443/enrol?code=${minted.code}`);
    expect(minted.expiresAt).toBe('2025-03-11T02:00:00.000Z');

    // Typed by a person: lower case, in groups.
    const typed = `${minted.code.slice(0, 5).toLowerCase()}-${minted.code.slice(5)}`;
    const enrolled = await redeem({ code: typed, deviceName: 'HP Desa Tanjungsari' });
    expect(enrolled.statusCode).toBe(201);
    const device = enrolled.json<DeviceEnrolResponse>();
    expect(device).toMatchObject({ role: 'operator', scope: TANJUNGSARI, deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { status, results } = await push(s.app, device.token, [createOp(registration())], device.deviceId);
    expect(status).toBe(200);
    expect(results[0]?.status).toBe('applied');

    const again = await redeem({ code: minted.code, deviceName: 'HP lain' });
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorJson>().error.code).toBe('invalid-code');
  });

  it('expires codes after 24 hours', async () => {
    const { code } = (await mint(coordinator, { role: 'operator', scope: TANJUNGSARI })).json<EnrolmentCodeResponse>();
    s.clock.advance(24 * 3600_000);
    const res = await redeem({ code, deviceName: 'HP' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.code).toBe('invalid-code');
  });

  it('lets coordinators enrol operators and coordinators inside their scope only', async () => {
    expect((await mint(coordinator, { role: 'coordinator', scope: '32.14.16' })).statusCode).toBe(201);
    expect((await mint(coordinator, { role: 'operator', scope: '35.05.01.2001' })).statusCode).toBe(403);
    expect((await mint(coordinator, { role: 'coordinator', scope: '32' })).statusCode).toBe(403);
    expect((await mint(coordinator, { role: 'admin', scope: '*' })).statusCode).toBe(403);
    expect((await mint(await s.token('operator', TANJUNGSARI), { role: 'operator', scope: TANJUNGSARI })).statusCode).toBe(403);
    const admin = await s.token('admin', '*');
    expect((await mint(admin, { role: 'admin', scope: '*' })).statusCode).toBe(201);
    expect((await mint(admin, { role: 'operator', scope: '35.05.01.2001' })).statusCode).toBe(201);
  });

  it('refuses role and scope that do not fit together with 400 naming scope', async () => {
    const admin = await s.token('admin', '*');
    for (const body of [
      { role: 'operator', scope: '32.14' },
      { role: 'operator', scope: '32.14.16.2999' },
      { role: 'admin', scope: '32' },
      { role: 'coordinator', scope: '99' },
    ]) {
      const res = await mint(admin, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error).toMatchObject({ code: 'invalid-request', details: { fields: { scope: expect.any(String) } } });
    }
    const shape = await mint(admin, { role: 'boss', scope: 'x', extra: 1 });
    expect(shape.statusCode).toBe(400);
    expect(shape.json<ErrorJson>().error.details).toEqual({ fields: { role: expect.any(String), scope: 'scope', extra: 'unknown-field' } });
  });

  it('allows 10 failed redemptions per address per 10 minutes, then 429 with Retry-After', async () => {
    const { code } = (await mint(coordinator, { role: 'operator', scope: SALEM })).json<EnrolmentCodeResponse>();
    for (let i = 0; i < 10; i += 1) {
      expect((await redeem({ code: `WRONG${i}`, deviceName: 'x' })).statusCode).toBe(400);
    }
    const limited = await redeem({ code, deviceName: 'x' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorJson>().error.code).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBe(600);
    // Another address is not affected; after the window the first may try again.
    expect((await redeem({ code: 'WRONG', deviceName: 'x' }, '10.0.0.2')).statusCode).toBe(400);
    s.clock.advance(10 * 60_000);
    expect((await redeem({ code, deviceName: 'x' })).statusCode).toBe(201);
  });

  it('does not count successful redemptions or malformed bodies as failures', async () => {
    for (let i = 0; i < 12; i += 1) {
      const { code } = (await mint(coordinator, { role: 'operator', scope: SALEM })).json<EnrolmentCodeResponse>();
      expect((await redeem({ code, deviceName: `HP ${i}` })).statusCode).toBe(201);
      expect((await redeem({ code: 5 })).statusCode).toBe(400);
    }
  });

  it('stores only hashes of tokens and codes', async () => {
    const { code } = (await mint(coordinator, { role: 'operator', scope: SALEM })).json<EnrolmentCodeResponse>();
    const { token } = (await redeem({ code, deviceName: 'HP' })).json<DeviceEnrolResponse>();
    const tokens = await s.store.db.selectFrom('tokens').selectAll().execute();
    const codes = await s.store.db.selectFrom('enrolment_codes').selectAll().execute();
    const dump = JSON.stringify([tokens, codes]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(coordinator);
  });
});

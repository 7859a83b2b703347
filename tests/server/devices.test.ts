import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEnrolResponse, DeviceInfo, EnrolmentCodeResponse } from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { JATEN_BLITAR, TANJUNGSARI, auth } from './support/wire';

describe.each(BACKENDS)('device list and revocation (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  let coordinator: string;
  beforeEach(async () => {
    s = await startServer(backend);
    admin = await s.token('admin', '*');
    coordinator = await s.token('coordinator', '32.14');
  });
  afterEach(() => s.close());

  async function enrol(role: string, scope: string, deviceName: string): Promise<DeviceEnrolResponse> {
    const minted = await s.app.inject({ method: 'POST', url: '/api/v1/enrolment-codes', headers: auth(admin), payload: { role, scope } });
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code: minted.json<EnrolmentCodeResponse>().code, deviceName } });
    return res.json<DeviceEnrolResponse>();
  }
  const list = async (token: string, query = '') =>
    (await s.app.inject({ method: 'GET', url: `/api/v1/devices${query}`, headers: auth(token) })).json<{ devices: DeviceInfo[] }>().devices;

  it('lists devices inside the scope with when they were last seen', async () => {
    const phone = await enrol('operator', TANJUNGSARI, 'HP Tanjungsari');
    await enrol('operator', JATEN_BLITAR, 'HP Jaten');
    s.clock.advance(10 * 60_000);
    await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(phone.token) });
    const devices = await list(coordinator);
    expect(devices).toEqual([{
      deviceId: phone.deviceId, name: 'HP Tanjungsari', role: 'operator', scope: TANJUNGSARI,
      createdAt: '2025-03-10T02:00:00.000Z', lastSeenAt: '2025-03-10T02:10:00.000Z', revokedAt: null,
    }]);
    expect((await list(admin)).map((d) => d.name)).toEqual(['HP Tanjungsari', 'HP Jaten']);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/devices?scope=35', headers: auth(coordinator) })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/devices', headers: auth(phone.token) })).statusCode).toBe(403);
  });

  it('revokes a device inside the scope: 204, its token stops at once', async () => {
    const phone = await enrol('operator', TANJUNGSARI, 'HP hilang');
    const other = await enrol('operator', JATEN_BLITAR, 'HP Jaten');
    const del = (token: string, id: string) => s.app.inject({ method: 'DELETE', url: `/api/v1/devices/${id}`, headers: auth(token) });
    expect((await del(coordinator, other.deviceId)).statusCode).toBe(403);
    expect((await del(coordinator, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await del(coordinator, phone.deviceId)).statusCode).toBe(204);
    expect((await del(coordinator, phone.deviceId)).statusCode).toBe(204);
    const pull = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(phone.token) });
    expect(pull.statusCode).toBe(401);
    expect((await list(coordinator))[0]?.revokedAt).toBe('2025-03-10T02:00:00.000Z');
    const audits = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'device.revoke').execute();
    expect(audits).toHaveLength(1);
  });

  it('renames a device inside the scope (PATCH), audited, with the enrolment name rules', async () => {
    const phone = await enrol('operator', TANJUNGSARI, 'Linux');
    const other = await enrol('operator', JATEN_BLITAR, 'HP Jaten');
    const boss = await enrol('admin', '*', 'Laptop admin');
    const patch = (token: string, id: string, payload: Record<string, unknown>) =>
      s.app.inject({ method: 'PATCH', url: `/api/v1/devices/${id}`, headers: auth(token), payload });

    const renamed = await patch(coordinator, phone.deviceId, { name: '  HP Kaur Tanjungsari ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<DeviceInfo>()).toMatchObject({ deviceId: phone.deviceId, name: 'HP Kaur Tanjungsari', scope: TANJUNGSARI });
    expect((await list(coordinator)).map((d) => d.name)).toEqual(['HP Kaur Tanjungsari']);

    expect((await patch(coordinator, other.deviceId, { name: 'x' })).statusCode).toBe(403);
    expect((await patch(coordinator, boss.deviceId, { name: 'x' })).statusCode).toBe(403);
    expect((await patch(coordinator, '00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode).toBe(404);
    expect((await patch(coordinator, 'not-a-uuid', { name: 'x' })).statusCode).toBe(404);
    expect((await patch(phone.token, phone.deviceId, { name: 'x' })).statusCode).toBe(403);
    const empty = await patch(coordinator, phone.deviceId, { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect((await patch(coordinator, phone.deviceId, { name: 'x'.repeat(101) })).statusCode).toBe(400);
    expect((await patch(coordinator, phone.deviceId, { name: 'ok', role: 'admin' })).statusCode).toBe(400);
    expect((await patch(admin, boss.deviceId, { name: 'Laptop kantor' })).statusCode).toBe(200);

    const audits = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'device.rename').execute();
    expect(audits).toHaveLength(2);
    // The audit trail names ids, never the free text typed as a name.
    expect(audits.map((a) => a.details ?? '').join()).not.toContain('HP Kaur');
  });

  it('never lets a coordinator revoke an admin device', async () => {
    const boss = await enrol('admin', '*', 'Laptop admin');
    const wide = await s.token('coordinator', '*');
    expect((await s.app.inject({ method: 'DELETE', url: `/api/v1/devices/${boss.deviceId}`, headers: auth(wide) })).statusCode).toBe(403);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoveragePeriod, PullResponse } from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { JATEN_BLITAR, TANJUNGSARI, auth } from './support/wire';

// The protection period is the programme's (Blitar: March-December 2025), not "this month": a
// coordinator or admin sets it for a scope, and every phone under it receives it with its pull.

describe.each(BACKENDS)('programme protection period (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  let coordinator: string;
  beforeEach(async () => {
    s = await startServer(backend);
    admin = await s.token('admin', '*');
    coordinator = await s.token('coordinator', '32.14');
  });
  afterEach(() => s.close());

  const put = (token: string, scope: string, payload: Record<string, unknown>) =>
    s.app.inject({ method: 'PUT', url: `/api/v1/coverage-periods/${scope}`, headers: auth(token), payload });
  const get = (token: string, scope: string) =>
    s.app.inject({ method: 'GET', url: `/api/v1/coverage-periods/${scope}`, headers: auth(token) });
  const pull = async (token: string) =>
    (await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(token) })).json<PullResponse>();

  it('is set for a scope inside the caller’s, audited, and comes with every pull under it', async () => {
    const operator = await s.token('operator', TANJUNGSARI);
    expect((await pull(operator)).period).toBeUndefined();

    const set = await put(coordinator, '32.14', { start: '2025-03', end: '2025-12' });
    expect(set.statusCode).toBe(200);
    expect(set.json<CoveragePeriod>()).toEqual({ scope: '32.14', start: '2025-03', end: '2025-12' });
    expect((await pull(operator)).period).toEqual({ scope: '32.14', start: '2025-03', end: '2025-12' });

    // The most specific period wins: a district's own period over the regency's.
    expect((await put(coordinator, '32.14.16', { start: '2025-04', end: '2025-09' })).statusCode).toBe(200);
    expect((await pull(operator)).period).toEqual({ scope: '32.14.16', start: '2025-04', end: '2025-09' });
    // Setting again replaces.
    await put(coordinator, '32.14.16', { start: '2025-05', end: '2025-10' });
    expect((await pull(operator)).period).toMatchObject({ start: '2025-05', end: '2025-10' });
    const other = await s.token('operator', JATEN_BLITAR);
    expect((await pull(other)).period).toBeUndefined();

    const audits = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'coverage-period.set').execute();
    expect(audits).toHaveLength(3);
  });

  it('reads the period in force for a scope (its own or a containing region’s)', async () => {
    expect((await get(coordinator, '32.14')).statusCode).toBe(404);
    await put(admin, '32', { start: '2025-02', end: '2025-11' });
    expect((await get(coordinator, '32.14')).json()).toEqual({ scope: '32', start: '2025-02', end: '2025-11' });
    expect((await get(coordinator, '35.05')).statusCode).toBe(403);
  });

  it('refuses scopes outside the caller’s, operators, and bad months', async () => {
    const operator = await s.token('operator', TANJUNGSARI);
    expect((await put(coordinator, '35.05', { start: '2025-03', end: '2025-12' })).statusCode).toBe(403);
    expect((await put(coordinator, '*', { start: '2025-03', end: '2025-12' })).statusCode).toBe(403);
    expect((await put(operator, TANJUNGSARI, { start: '2025-03', end: '2025-12' })).statusCode).toBe(403);
    expect((await put(coordinator, '32.1', { start: '2025-03', end: '2025-12' })).statusCode).toBe(400);
    expect((await put(coordinator, '32.14', { start: '2025-13', end: '2025-12' })).statusCode).toBe(400);
    expect((await put(coordinator, '32.14', { start: '2025-12', end: '2025-03' })).statusCode).toBe(400);
    expect((await put(coordinator, '32.14', { start: '2025-03' })).statusCode).toBe(400);
    expect((await put(admin, '*', { start: '2025-01', end: '2025-12' })).statusCode).toBe(200);
    expect((await pull(operator)).period).toEqual({ scope: '*', start: '2025-01', end: '2025-12' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  JATEN_BLITAR, SALEM, TANJUNGSARI, auth, createOp, pullAll, pushOk, registration, updateOp, voidOp,
} from './support/wire';

describe.each(BACKENDS)('GET /sync/pull (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  let admin: string;
  beforeEach(async () => {
    s = await startServer(backend);
    op = await s.token('operator', TANJUNGSARI);
    admin = await s.token('admin', '*');
  });
  afterEach(() => s.close());

  it('returns each changed registration once, at its latest state, voided ones included', async () => {
    const [a, b] = await pushOk(s.app, op, [createOp(registration()), createOp(registration())]);
    await pushOk(s.app, op, [updateOp(a?.id as string, 1, { address: 'Jl. Baru' }), voidOp(b?.id as string)]);
    const pulled = await pullAll(s.app, op);
    expect(pulled.changes.map((r) => [r.id, r.version, r.status, r.seq])).toEqual([
      [a?.id, 2, 'accepted', 3],
      [b?.id, 2, 'voided', 4],
    ]);
    expect(pulled).toMatchObject({ cursor: 4, hasMore: false });
    expect(pulled.changes[0]?.address).toBe('Jl. Baru');
  });

  it('pages with since and limit; with no changes the cursor equals since', async () => {
    await pushOk(s.app, op, Array.from({ length: 5 }, () => createOp(registration())));
    const p1 = await pullAll(s.app, op, 0, 2);
    expect(p1.changes.map((r) => r.seq)).toEqual([1, 2]);
    expect(p1).toMatchObject({ cursor: 2, hasMore: true });
    const p2 = await pullAll(s.app, op, p1.cursor, 3);
    expect(p2.changes.map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(p2).toMatchObject({ cursor: 5, hasMore: false });
    const p3 = await pullAll(s.app, op, p2.cursor);
    expect(p3).toMatchObject({ changes: [], cursor: 5, hasMore: false });
    expect((await pullAll(s.app, op, 99)).cursor).toBe(99);
  });

  it('defaults to 500 and caps the limit at 1000', async () => {
    for (let i = 0; i < 3; i += 1) await pushOk(s.app, admin, Array.from({ length: 400 }, () => createOp(registration({ villageCode: JATEN_BLITAR }))));
    const byDefault = await pullAll(s.app, admin);
    expect(byDefault.changes).toHaveLength(500);
    expect(byDefault.hasMore).toBe(true);
    const capped = await pullAll(s.app, admin, 0, 5000);
    expect(capped.changes).toHaveLength(1000);
    expect(capped).toMatchObject({ cursor: 1000, hasMore: true });
  });

  it('returns only the caller scope', async () => {
    await pushOk(s.app, admin, [
      createOp(registration()), createOp(registration({ villageCode: SALEM })), createOp(registration({ villageCode: JATEN_BLITAR })),
    ]);
    const villages = async (token: string) => (await pullAll(s.app, token)).changes.map((r) => r.villageCode);
    expect(await villages(op)).toEqual([TANJUNGSARI]);
    expect(await villages(await s.token('coordinator', '32.14'))).toEqual([TANJUNGSARI, SALEM]);
    expect(await villages(await s.token('coordinator', '35'))).toEqual([JATEN_BLITAR]);
    expect(await villages(admin)).toEqual([TANJUNGSARI, SALEM, JATEN_BLITAR]);
  });

  it('refuses malformed since/limit with 400 and a missing token with 401', async () => {
    for (const q of ['since=-1', 'since=abc', 'limit=0', 'since=1.5']) {
      const res = await s.app.inject({ method: 'GET', url: `/api/v1/sync/pull?${q}`, headers: auth(op) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid-request', details: { fields: expect.any(Object) } } });
    }
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('unauthenticated');
  });

  it('audits reads of personal data without the data itself', async () => {
    await pushOk(s.app, op, [createOp(registration())]);
    const pulled = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull?since=0', headers: auth(op) });
    const body = pulled.json<PullResponse>();
    const rows = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'sync.pull').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.scope).toBe(TANJUNGSARI);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ since: 0, cursor: 1, count: 1 });
    expect(JSON.stringify(rows)).not.toContain(body.changes[0]?.nik);
  });
});

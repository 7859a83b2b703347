// GET /quotas?level= (issue 14, "a country, not a province"): the board summed by province,
// regency or district under the scope, one level per request; without `level`, the contract's
// village list as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuotaBoard, RegionBoard } from '../../src/shared';
import { loadPlaces } from '../../src/server/places';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { JATEN_BLITAR, SALEM, TANJUNGSARI, auth, createOp, push, registration } from './support/wire';

const places = loadPlaces();
const waitlisted = (b: RegionBoard) => b.regions.find((r) => r.code === '32.14')?.waitlisted;

describe.each(BACKENDS)('GET /quotas?level= (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  beforeEach(async () => {
    s = await startServer(backend, { defaultQuota: 2 });
    admin = await s.token('admin', '*');
    const purwakarta = await s.token('operator', TANJUNGSARI);
    const salem = await s.token('operator', SALEM);
    const blitar = await s.token('operator', JATEN_BLITAR);
    await push(s.app, purwakarta, [createOp(registration()), createOp(registration()), createOp(registration())]);
    await push(s.app, salem, [createOp(registration({ villageCode: SALEM }))]);
    await push(s.app, blitar, [createOp(registration({ villageCode: JATEN_BLITAR }))]);
  });
  afterEach(() => s.close());

  const get = (token: string, query: string) => s.app.inject({ method: 'GET', url: `/api/v1/quotas?${query}`, headers: auth(token) });

  it("sums the country's villages by province, with the same totals as the village list", async () => {
    const res = await get(admin, 'level=province');
    expect(res.statusCode).toBe(200);
    const board = res.json<RegionBoard>();
    expect(board.level).toBe('province');
    const jabar = board.regions.find((r) => r.code === '32');
    expect(jabar).toEqual({
      code: '32', name: places.regionName('32'), villages: places.villagesUnder('32').length,
      quota: places.villagesUnder('32').length * 2, accepted: 3, waitlisted: 1, cardsHandedOver: 0,
    });
    expect(board.regions.find((r) => r.code === '35')).toMatchObject({ accepted: 1, waitlisted: 0 });
    expect(board.regions.length).toBe(new Set(places.villagesUnder('*').map((v) => v.code.slice(0, 2))).size);
    const villages = (await get(admin, 'scope=*')).json<QuotaBoard>();
    expect(board.totals).toEqual(villages.totals);
    // A country's answer by province is small; by regency still far under 200 KB.
    expect(res.body.length).toBeLessThan(10_000);
    expect((await get(admin, 'level=regency')).body.length).toBeLessThan(200_000);
  });

  it('drills down one level per request inside a coordinator scope', async () => {
    const coordinator = await s.token('coordinator', '32.14');
    const districts = (await get(coordinator, 'level=district')).json<RegionBoard>();
    expect(districts.regions.find((r) => r.code === '32.14.16')).toMatchObject({
      name: places.regionName('32.14.16'), accepted: 3, waitlisted: 1,
    });
    expect(districts.regions.every((r) => r.code.startsWith('32.14.'))).toBe(true);
    const regencies = (await get(admin, 'scope=32&level=regency')).json<RegionBoard>();
    expect(regencies.regions.find((r) => r.code === '32.14')).toMatchObject({ accepted: 3 });
    expect(regencies.regions.some((r) => r.code.startsWith('35'))).toBe(false);
  });

  it('refuses a level at or above the scope, an unknown level, and a scope outside the caller', async () => {
    const coordinator = await s.token('coordinator', '32.14');
    for (const query of ['level=regency', 'level=province', 'level=village']) {
      const res = await get(coordinator, query);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid-request' } });
    }
    expect((await get(coordinator, 'scope=35&level=regency')).statusCode).toBe(403);
  });

  it('follows the counters: a new registration shows at every level at once', async () => {
    const before = (await get(admin, 'level=regency')).json<RegionBoard>();
    const op = await s.token('operator', TANJUNGSARI);
    await push(s.app, op, [createOp(registration())]);
    const after = (await get(admin, 'level=regency')).json<RegionBoard>();
    expect(waitlisted(after)).toBe((waitlisted(before) ?? 0) + 1);
  });
});

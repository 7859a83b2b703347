// The settings a regency's deployment needs (issue 14, docs/deploy.md): PUBLIC_URL as the only
// origin of links and QR codes, TRUST_PROXY as hops or addresses so that the client key of the
// enrolment-code limit is the address the trusted proxy saw.
import { describe, expect, it } from 'vitest';
import type { EnrolmentCodeResponse } from '../../src/shared';
import { readEnv } from '../../src/server/env';
import { startServer } from './support/harness';
import { TANJUNGSARI, auth } from './support/wire';

describe('PUBLIC_URL and TRUST_PROXY settings', () => {
  it('are read once, with a clear error where a deployment lacks them', () => {
    expect(readEnv({})).toMatchObject({ trustProxy: false, publicUrl: undefined });
    expect(readEnv({ PUBLIC_URL: 'https://desa100.blitarkab.go.id/', TRUST_PROXY: '1' }))
      .toMatchObject({ publicUrl: 'https://desa100.blitarkab.go.id', trustProxy: 1 });
    expect(readEnv({ PUBLIC_URL: 'https://x.go.id', TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readEnv({ PUBLIC_URL: 'https://x.go.id', TRUST_PROXY: '10.0.0.2, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.2', '10.1.0.0/16']);
    expect(() => readEnv({ TRUST_PROXY: '1' })).toThrow(/PUBLIC_URL: required/);
    expect(() => readEnv({ HOST: '0.0.0.0' })).toThrow(/PUBLIC_URL: required/);
    expect(() => readEnv({ PUBLIC_URL: 'https://x.go.id/path' })).toThrow(/PUBLIC_URL/);
    expect(() => readEnv({ PUBLIC_URL: 'https://x.go.id', TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});

describe('enrolment links', () => {
  it('come from PUBLIC_URL whatever Host the caller wrote', async () => {
    const s = await startServer('sqlite', { publicUrl: 'https://desa100.blitarkab.go.id' });
    try {
      const coordinator = await s.token('coordinator', '32.14');
      const res = await s.app.inject({
        method: 'POST', url: '/api/v1/enrolment-codes', headers: { ...auth(coordinator), host: 'evil.example' },
        payload: { role: 'operator', scope: TANJUNGSARI },
      });
      expect(res.statusCode).toBe(201);
      const { url, code } = res.json<EnrolmentCodeResponse>();
      expect(url).toBe(`https://desa100.blitarkab.go.id/enrol?code=${code}`);
    } finally {
      await s.close();
    }
  });

  it('without PUBLIC_URL, only a loopback Host makes a link; any other is refused and mints nothing', async () => {
    const s = await startServer('sqlite');
    try {
      const coordinator = await s.token('coordinator', '32.14');
      const mint = (host: string) => s.app.inject({
        method: 'POST', url: '/api/v1/enrolment-codes', headers: { ...auth(coordinator), host }, payload: { role: 'operator', scope: TANJUNGSARI },
      });
      const evil = await mint('evil.example');
      expect(evil.statusCode).toBe(400);
      expect(evil.json()).toMatchObject({ error: { code: 'invalid-request' } });
      expect(await s.store.db.selectFrom('enrolment_codes').selectAll().execute()).toHaveLength(0);
      const local = await mint('127.0.0.1:8080');
      expect(local.json<EnrolmentCodeResponse>().url).toMatch(/^http:\/\/127\.0\.0\.1:8080\/enrol\?code=/);
    } finally {
      await s.close();
    }
  });
});

/** A wrong enrolment code from behind the proxy at 127.0.0.1, which forwards for `forwardedFor`. */
const guess = (s: Awaited<ReturnType<typeof startServer>>, forwardedFor: string) => s.app.inject({
  method: 'POST', url: '/api/v1/devices', remoteAddress: '127.0.0.1',
  headers: { 'x-forwarded-for': forwardedFor }, payload: { code: 'WRONGCODE1', deviceName: 'HP' },
});

describe('the enrolment-code limit behind a proxy', () => {
  it('a rotated leftmost X-Forwarded-For entry does not escape it; two clients behind one proxy are counted apart', async () => {
    const s = await startServer('sqlite', { trustProxy: 1, publicUrl: 'https://x.go.id', limits: { enrolFailures: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await guess(s, `203.0.113.${i}, 198.51.100.7`)).statusCode);
      // The proxy saw 198.51.100.7 every time: three wrong guesses, then 429 whatever was written before it.
      expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
      // Another village behind the same proxy is not locked out by that one.
      expect((await guess(s, '198.51.100.8')).statusCode).toBe(400);
    } finally {
      await s.close();
    }
  });

  it('with the proxies named by address, only their X-Forwarded-For counts', async () => {
    const s = await startServer('sqlite', { trustProxy: ['127.0.0.1'], publicUrl: 'https://x.go.id', limits: { enrolFailures: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await guess(s, `203.0.113.${i}, 198.51.100.9`)).statusCode);
      expect(statuses).toEqual([400, 400, 429, 429]);
    } finally {
      await s.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/server/auth/actor';
import { revokeDevice } from '../../src/server/store/devices';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, push, registration } from './support/wire';

type ErrorJson = { error: { code: string; message: string; details?: { fields?: Record<string, string> } } };

describe.each(BACKENDS)('HTTP conventions (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  const logs: string[] = [];
  beforeEach(async () => {
    logs.length = 0;
    s = await startServer(backend, {
      logLevel: 'trace',
      logStream: { write: (line: string) => logs.push(line) },
      limits: { tokenPerMinute: 600 },
      version: '9.9.9',
    });
    op = await s.token('operator', TANJUNGSARI);
  });
  afterEach(() => s.close());

  const postPush = (payload: string, headers: Record<string, string> = {}) =>
    s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...auth(op), 'content-type': 'application/json', ...headers }, payload });

  it('answers health without auth', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, version: '9.9.9', generation: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('refuses missing, malformed and unknown tokens with 401 unauthenticated', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer', 'Bearer d100_nope']) {
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json<ErrorJson>().error.code).toBe('unauthenticated');
    }
  });

  it('answers unknown routes with 404 not-found in the error shape', async () => {
    for (const [method, url] of [['GET', '/api/v1/nothing'], ['POST', '/api/v2/sync/push'], ['DELETE', '/api/v1/health']] as const) {
      const res = await s.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorJson>().error.code).toBe('not-found');
    }
  });

  it('refuses malformed JSON and wrong shapes with 400 invalid-request naming the fields', async () => {
    const bad = await postPush('{"deviceId": "x", "ops": [');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorJson>().error.code).toBe('invalid-request');
    expect(bad.body).not.toContain('stack');

    const cases: Array<[string, Record<string, string>]> = [
      [JSON.stringify({ deviceId: 'x', ops: [{}] }), { deviceId: 'uuid' }],
      [JSON.stringify({ deviceId: randomUUID(), ops: [] }), { ops: expect.any(String) }],
      [JSON.stringify({ deviceId: randomUUID(), ops: Array.from({ length: 501 }, () => ({})) }), { ops: expect.any(String) }],
      [JSON.stringify({ deviceId: randomUUID(), ops: [1, 'x'] }), { 'ops.0': expect.any(String), 'ops.1': expect.any(String) }],
      [JSON.stringify({ deviceId: randomUUID() }), { ops: expect.any(String) }],
      ['null', { _: expect.any(String) }],
      ['[1,2]', { _: expect.any(String) }],
    ];
    for (const [payload, fields] of cases) {
      const res = await postPush(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error).toMatchObject({ code: 'invalid-request', details: { fields } });
    }
    const text = await postPush('hello', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(400);
    expect(text.json<ErrorJson>().error.code).toBe('invalid-request');
    const proto = await postPush('{"deviceId":"x","__proto__":{"a":1},"ops":[]}');
    expect(proto.statusCode).toBe(400);
  });

  it('refuses bodies over 5 MiB with 413 payload-too-large', async () => {
    const big = JSON.stringify({ deviceId: randomUUID(), ops: [{ pad: 'x'.repeat(5 * 1024 * 1024) }] });
    const res = await postPush(big);
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorJson>().error.code).toBe('payload-too-large');
  });

  it('accepts a full valid push of 500 ops with maximal field lengths', async () => {
    const ops = Array.from({ length: 500 }, () => createOp(registration({
      address: 'A'.repeat(200), birthPlace: 'B'.repeat(100), motherName: 'C'.repeat(100),
      occupation: 'lainnya', occupationOther: 'D'.repeat(100), heir: { name: 'E'.repeat(100), relationship: 'F'.repeat(100), phone: '081234567890' },
      kkNumber: '3214010101010001', phone: '081234567890', maritalStatus: 'kawin',
    })));
    const { status, results } = await push(s.app, op, ops);
    expect(status).toBe(200);
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(500);
  });

  it('limits a token, but never below 600 requests a minute, then lets it go on', async () => {
    const get = () => s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(op) });
    for (let i = 0; i < 600; i += 1) expect((await get()).statusCode).toBe(200);
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorJson>().error.code).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another token is not affected.
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(await s.token('operator', TANJUNGSARI)) })).statusCode).toBe(200);
    s.clock.advance(60_000);
    expect((await get()).statusCode).toBe(200);
  });

  it('stops a revoked device at once', async () => {
    const code = await s.app.inject({
      method: 'POST', url: '/api/v1/enrolment-codes', headers: auth(await s.token('admin', '*')), payload: { role: 'operator', scope: TANJUNGSARI },
    });
    const enrolled = await s.app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code: code.json<{ code: string }>().code, deviceName: 'HP desa' } });
    const { deviceId, token } = enrolled.json<{ deviceId: string; token: string }>();
    const pull = () => s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(token) });
    expect((await pull()).statusCode).toBe(200);
    expect(await revokeDevice(s.store, { deviceId, actor: CLI_ACTOR, now: s.clock.now() })).toBe(true);
    expect((await pull()).statusCode).toBe(401);
  });

  it('sends security headers, and no-store on API answers', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps personal data and tokens out of the logs', async () => {
    const reg = registration({ fullName: 'Rahasia Sekali' });
    await push(s.app, op, [createOp(reg)]);
    await postPush(`{"deviceId":"${reg.nik}", "ops": [`);
    await postPush(JSON.stringify({ deviceId: reg.nik, ops: [] }));
    const text = logs.join('\n');
    expect(text).toContain('/api/v1/sync/push');
    expect(text).not.toContain(reg.nik as string);
    expect(text).not.toMatch(/rahasia/i);
    expect(text).not.toContain(op);
  });
});

describe('serving the PWA', () => {
  let s: TestServer;
  let dist: string;
  beforeEach(async () => {
    dist = mkdtempSync(join(tmpdir(), 'desa100-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>desa100</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    s = await startServer('sqlite', { staticDir: dist });
  });
  afterEach(async () => {
    await s.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves files with the right caching, and index.html for app routes', async () => {
    const index = await s.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const sw = await s.app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await s.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const enrol = await s.app.inject({ method: 'GET', url: '/enrol?code=ABCDEFGHJK' });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.body).toContain('<title>desa100</title>');
    expect(enrol.headers['cache-control']).toBe('no-cache');
  });

  it('answers missing files and unknown API routes with 404 JSON, not the app shell', async () => {
    for (const url of ['/assets/missing.js', '/api/v1/nothing', '/api/nothing']) {
      const res = await s.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorJson>().error.code).toBe('not-found');
    }
  });
});

const pushBody = (ops: unknown[]) => Buffer.from(JSON.stringify({ deviceId: randomUUID(), ops }));

describe('compression', () => {
  let s: TestServer;
  let op: string;
  let dist: string;
  beforeEach(async () => {
    dist = mkdtempSync(join(tmpdir(), 'desa100-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>desa100</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
    s = await startServer('sqlite', { staticDir: dist });
    op = await s.token('operator', TANJUNGSARI);
  });
  afterEach(async () => {
    await s.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('accepts gzip and brotli request bodies', async () => {
    for (const [encoding, encode] of [['gzip', gzipSync], ['br', brotliCompressSync]] as const) {
      const res = await s.app.inject({
        method: 'POST', url: '/api/v1/sync/push',
        headers: { ...auth(op), 'content-type': 'application/json', 'content-encoding': encoding },
        payload: encode(pushBody([createOp(registration())])),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ results: Array<{ status: string }> }>().results[0]?.status).toBe('applied');
    }
  });

  /** A push's raw answer, without serverTime; `encoding` names how `payload` was compressed. */
  const answer = async (encoding: string | undefined, payload: Buffer | string) => {
    const res = await s.app.inject({
      method: 'POST', url: '/api/v1/sync/push',
      headers: { ...auth(op), 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) },
      payload,
    });
    expect(res.statusCode).toBe(200);
    return res.body.replace(/,"serverTime":"[^"]*"/, '');
  };

  it('inflates large bodies (many decoder chunks) in every encoding to the same answer as plain JSON', async () => {
    const ops = Array.from({ length: 500 }, () => createOp(registration({ address: `Kp. ${randomUUID()}` })));
    const body = pushBody(ops);
    expect(body.length).toBeGreaterThan(4 * 64 * 1024);
    const plain = await answer(undefined, body);
    expect(plain).not.toContain('"rejected"');
    // The same ops again: replays, so every encoding must give the very same answer.
    expect(await answer('gzip', gzipSync(body))).toBe(plain);
    expect(await answer('deflate', deflateSync(body))).toBe(plain);
    expect(await answer('br', brotliCompressSync(body))).toBe(plain);
  });

  it('refuses corrupt or unknown encodings with 400, and inflated bodies over 5 MiB with 413', async () => {
    const headers = { ...auth(op), 'content-type': 'application/json' };
    const corrupt = await s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...headers, 'content-encoding': 'gzip' }, payload: Buffer.from('not gzip at all') });
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json<ErrorJson>().error.code).toBe('invalid-request');
    const unknown = await s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...headers, 'content-encoding': 'zstd' }, payload: pushBody([]) });
    expect(unknown.statusCode).toBe(400);
    const bomb = gzipSync(Buffer.from(JSON.stringify({ deviceId: randomUUID(), ops: [{ pad: ' '.repeat(6 * 1024 * 1024) }] })));
    expect(bomb.length).toBeLessThan(100_000);
    const big = await s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...headers, 'content-encoding': 'gzip' }, payload: bomb });
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorJson>().error.code).toBe('payload-too-large');
  });

  it('compresses answers the client accepts, large JSON and static files alike', async () => {
    await push(s.app, op, Array.from({ length: 20 }, () => createOp(registration())));
    const br = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: { ...auth(op), 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString()).changes).toHaveLength(20);
    const gz = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: { ...auth(op), 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).changes).toHaveLength(20);
    const plain = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(op) });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const small = await s.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const asset = await s.app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(asset.rawPayload).toString()).toContain('xxxx');
    expect(asset.rawPayload.length).toBeLessThan(1000);
  });
});

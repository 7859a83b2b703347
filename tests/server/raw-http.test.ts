// Every answer carries the security headers and the contract's error shape, including the ones
// the framework or Node's HTTP parser give before any route runs; API answers are never stored
// (no-store) however their URL is spelled.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/web';
import { serverPerTest, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, pushOk, registration } from './support/wire';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as raw bytes and reads the answer until the server closes or a timeout. */
function rawRequest(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('error', reject);
    socket.setTimeout(3000, finish);
    socket.write(request);
  });
}

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
}

function expectErrorShape(body: string, status: number): { code: string; message: string } {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  expect(body, `status ${status}`).not.toMatch(/statusCode|FST_/);
  return parsed.error;
}

describe('answers before and around the routes (sqlite)', () => {
  const server = serverPerTest('sqlite');
  let s: TestServer;
  let port: number;
  beforeEach(async () => {
    s = server();
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    port = (s.app.server.address() as AddressInfo).port;
  });

  it('sends no-store on API answers however the path is spelled', async () => {
    const op = await s.token('operator', TANJUNGSARI);
    await pushOk(s.app, op, [createOp(registration())]);
    for (const url of ['/api/v1/sync/pull', '/%61pi/v1/sync/pull', '/api/v1/sync/%70ull', '//api/v1/sync/pull']) {
      const res = await s.app.inject({ method: 'GET', url, headers: auth(op) });
      if (res.statusCode === 200) expect(res.json<{ changes: unknown[] }>().changes).toHaveLength(1);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expectSecurityHeaders(res.headers);
    }
  });

  it('answers //api/v1/health as /api/v1/health', async () => {
    const res = await s.app.inject({ method: 'GET', url: '//api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ ok: boolean }>().ok).toBe(true);
  });

  it('answers a malformed percent-encoding 400 in the error shape, with the headers, without echoing it', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/villages/%E0%A4%A/registrations' });
    expect(res.statusCode).toBe(400);
    expectSecurityHeaders(res.headers);
    expect(res.headers['cache-control']).toBe('no-store');
    const error = expectErrorShape(res.body, 400);
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/URL/);
    expect(res.body).not.toContain('%E0');
  });

  it('answers a Content-Length that does not match the body 400 with a truthful message', async () => {
    const body = JSON.stringify({ deviceId: 'x', ops: [] });
    const res = await s.app.inject({
      method: 'POST', url: '/api/v1/devices', payload: body,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length + 5) },
    });
    expect(res.statusCode).toBe(400);
    expectSecurityHeaders(res.headers);
    const error = expectErrorShape(res.body, 400);
    expect(error.message).toMatch(/Content-Length/);
  });

  it('answers headers too large 431 in the error shape, with the headers', async () => {
    const res = await rawRequest(port, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expectSecurityHeaders(res.headers);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(expectErrorShape(res.body, 431).message).toMatch(/header/i);
  });

  it('answers a request the HTTP parser refuses 400 in the error shape, with the headers', async () => {
    const res = await rawRequest(
      port,
      'POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    );
    expect(res.status).toBe(400);
    expectSecurityHeaders(res.headers);
    expect(expectErrorShape(res.body, 400).code).toBe('invalid-request');
  });
});

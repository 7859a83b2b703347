// A lean HTTP/1.1 client for load generation (node:http with keep-alive): the cost of the
// client should not be what a server figure measures. Loopback only.
import { Agent, request } from 'node:http';

export function loopbackOnly(url: string): URL {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost' && u.hostname !== '[::1]') {
    throw new Error(`bench load targets loopback only, not ${u.hostname}`);
  }
  return u;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export function makeAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export function send(
  agent: Agent, url: string, method: 'GET' | 'POST' | 'PUT', token: string | null, body?: string, timeoutMs = 120_000,
): Promise<HttpAnswer> {
  const u = loopbackOnly(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = request({ agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${u.pathname}: timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

// Revision 2, R3: a compressed body is inflated only up to the 5 MiB limit. Past it the request
// is answered 413 and no more of it is inflated (a ~1 KB brotli body can inflate to 1 GB: it
// kept the server's CPU busy for seconds after the answer).
import { randomBytes } from 'node:crypto';
import { constants, createBrotliCompress, gzipSync } from 'node:zlib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serverPerTest, type TestServer } from './support/harness';
import { TANJUNGSARI, auth } from './support/wire';

/** 1 GiB of spaces, brotli-compressed quickly (quality 1): a few hundred KB. */
async function brotliBomb(): Promise<Buffer> {
  const compressor = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  const chunks: Buffer[] = [];
  compressor.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => compressor.on('end', resolve));
  const spaces = Buffer.alloc(1 << 20, 0x20);
  compressor.write('{"deviceId":"');
  for (let i = 0; i < 1024; i++) {
    if (!compressor.write(spaces)) await new Promise((resolve) => compressor.once('drain', resolve));
  }
  compressor.end('"}');
  await done;
  return Buffer.concat(chunks);
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

describe('inflating a compressed body (sqlite)', () => {
  const server = serverPerTest('sqlite');
  let s: TestServer;
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await brotliBomb();
  }, 60_000);
  beforeEach(() => {
    s = server();
  });

  it('answers a brotli bomb 413 and inflates no more of it afterwards', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const op = await s.token('operator', TANJUNGSARI);
    const res = await s.app.inject({
      method: 'POST', url: '/api/v1/sync/push', payload: bomb,
      headers: { ...auth(op), 'content-type': 'application/json', 'content-encoding': 'br' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('payload-too-large');
    // Inflating the remaining ~1 GiB takes seconds of CPU; idling takes next to none.
    const after = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(cpuMs(after)).toBeLessThan(200);
  });

  it('answers 413 to a compressed body over the limit as sent, too', async () => {
    const op = await s.token('operator', TANJUNGSARI);
    const res = await s.app.inject({
      method: 'POST', url: '/api/v1/sync/push', payload: gzipSync(randomBytes(6 * 1024 * 1024)),
      headers: { ...auth(op), 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers.connection).toBe('close');
  });
});

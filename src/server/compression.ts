// Compression both ways. Phones on 3G pay for every byte: they may gzip their pushes
// (`Content-Encoding: gzip`), and every text answer (API JSON, CSV, the PWA's own files) is
// compressed when the client accepts it. Decompressed bodies still obey the 5 MiB limit, so a
// small "zip bomb" gets 413 like any large body.
import { Readable, Transform } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliCompress, constants, createBrotliCompress, createBrotliDecompress, createGunzip, createGzip,
  createInflate, gzip,
} from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { HttpError, payloadTooLarge } from './http-errors';

type Encoding = 'br' | 'gzip';

const MIN_BYTES = 1024;
// Quality 5 is brotli's sweet spot for on-the-fly text: far smaller than gzip, still fast.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const compressBr = promisify(brotliCompress);
const compressGzip = promisify(gzip);

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;

/** The best encoding the client accepts (q > 0), brotli first. */
export function negotiate(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

// Output chunks of 64 KiB rather than zlib's 16 KiB: a gzipped push of 500 records inflates to
// over half a megabyte, and each chunk was a round trip through the thread pool (a push spent
// 3 to 5 ms inflating instead of under 2). The bytes are the same; the body limit still applies
// to them as they come, a chunk at a time.
const DECODE_CHUNK = 64 * 1024;

function decoderFor(encoding: string): Transform | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip({ chunkSize: DECODE_CHUNK });
    case 'deflate':
      return createInflate({ chunkSize: DECODE_CHUNK });
    case 'br':
      return createBrotliDecompress({ chunkSize: DECODE_CHUNK });
    default:
      return undefined;
  }
}

/**
 * The decoded bytes, passed on up to `limit` (Revision 2, R3). Past it the decoder is stopped
 * and destroyed and the source unpiped: Fastify's own limit only stopped listening, and the
 * decoder went on inflating a 1 GB bomb for seconds after the 413. The 413 closes the
 * connection (http-errors.ts), which ends the source.
 */
function inflateLimit(source: NodeJS.ReadableStream, decoder: Transform, limit: number): Transform {
  let inflated = 0;
  // Fastify checks Content-Length against the bytes that came over the wire, not the
  // decompressed ones: it reads them from `receivedEncodedLength`. Too many of those stop the
  // decoder too.
  let received = 0;
  source.on('data', (chunk: Buffer) => {
    received += chunk.length;
    counted.receivedEncodedLength = received;
    if (received > limit && !limited.destroyed) stop(payloadTooLarge());
  });
  const stop = (error: Error & { statusCode?: number }) => {
    source.unpipe(decoder);
    decoder.unpipe(limited);
    decoder.destroy();
    limited.destroy(error);
  };
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      inflated += chunk.length;
      if (inflated > limit) {
        callback();
        stop(payloadTooLarge());
        return;
      }
      callback(null, chunk);
    },
  });
  const counted = limited as Transform & { receivedEncodedLength: number };
  counted.receivedEncodedLength = 0;
  // Fastify reports the error while it reads; once it has given up (its own limit) nobody
  // listens, and an unheard 'error' would bring the process down.
  limited.on('error', () => {});
  // A corrupt stream is bad input: a 4xx, answered through the stream Fastify reads.
  decoder.on('error', (error: Error & { statusCode?: number }) => {
    error.statusCode = 400;
    stop(error);
  });
  return counted;
}

export function installCompression(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.toLowerCase().trim();
    if (!encoding || encoding === 'identity') return payload;
    const decoder = decoderFor(encoding);
    if (!decoder) {
      throw new HttpError(400, 'invalid-request', 'Content-Encoding tidak didukung (gzip, deflate, br) / Unsupported Content-Encoding (gzip, deflate, br)');
    }
    const limited = inflateLimit(payload, decoder, request.routeOptions.bodyLimit);
    payload.pipe(decoder).pipe(limited);
    return limited as unknown as typeof payload;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (payload === null || payload === undefined || request.method === 'HEAD') return payload;
    if (reply.statusCode === 204 || reply.statusCode === 304 || reply.getHeader('content-encoding')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = negotiate(request.headers['accept-encoding']);
    if (!encoding) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      if (Buffer.byteLength(payload) < MIN_BYTES) return payload;
      const out = encoding === 'br' ? await compressBr(payload, BROTLI) : await compressGzip(payload);
      reply.header('content-encoding', encoding).header('content-length', out.length);
      return out;
    }
    if (payload instanceof Readable) {
      reply.removeHeader('content-length');
      reply.header('content-encoding', encoding);
      return payload.pipe(encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip());
    }
    return payload;
  });
}

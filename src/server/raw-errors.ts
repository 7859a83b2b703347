// Answers given before any route or hook runs, in the contract's shape and with the security
// headers like every other: Fastify's URL errors (`frameworkErrors`) and what Node's HTTP
// parser refuses (`clientErrorHandler`: headers too large, malformed requests, timeouts).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../shared';
import { HttpError, fromFramework, sendError, type FrameworkError } from './http-errors';
import { DEFAULT_HEADERS } from './web';

/** Fastify's `frameworkErrors`: a malformed percent-encoding, an over-long parameter. */
export function frameworkErrors(error: FrameworkError, _request: FastifyRequest, reply: FastifyReply): void {
  // No onRequest hook has run: the headers are set here.
  reply.headers(DEFAULT_HEADERS);
  void sendError(reply, fromFramework(error) ?? new HttpError(500, 'internal'));
}

function parserError(code: string | undefined): HttpError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpError(431, 'invalid-request', 'Header permintaan terlalu besar / Request headers too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpError(408, 'invalid-request', 'Permintaan tidak selesai tepat waktu / Request timed out');
    default:
      return new HttpError(400, 'invalid-request', 'Permintaan HTTP tidak valid / Malformed HTTP request');
  }
}

/**
 * Fastify's `clientErrorHandler`: there is no request to answer through, so the answer is
 * written on the socket, as Node and Fastify do by default (only before anything else was
 * written), and the connection closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable && socket.bytesWritten === 0) {
    const answer = parserError(error.code);
    const body: ErrorBody = { error: { code: answer.code, message: answer.message } };
    const text = JSON.stringify(body);
    const headers: Record<string, string | number> = {
      ...DEFAULT_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      connection: 'close',
    };
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${lines}\r\n${text}`);
  }
  socket.destroy(error);
}

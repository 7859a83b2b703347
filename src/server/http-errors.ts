// The one error shape of the API: `{"error": {"code", "message", "details"?}}` with the
// contract's statuses. Bad input never becomes a 500, and nothing a client sent (which may be
// personal data) is echoed into logs.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { issuesByField, type ErrorBody, type HttpErrorCode } from '../shared';
import { HTTP_MESSAGES } from './messages';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string = HTTP_MESSAGES[code],
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (error: Parameters<typeof issuesByField>[0]) =>
  new HttpError(400, 'invalid-request', undefined, { fields: issuesByField(error) });
export const forbidden = () => new HttpError(403, 'forbidden');
/** The rest of a body too large is not worth reading: the connection closes after the answer. */
export const payloadTooLarge = () => new HttpError(413, 'payload-too-large', undefined, undefined, { connection: 'close' });
export const notFound = () => new HttpError(404, 'not-found');

/** Parses with zod or throws 400 `invalid-request` naming the fields. */
export function parseOr400<T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> {
  // The function form: shared schemas are zod/mini, the server's own are classic zod.
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw badRequest(parsed.error);
  return parsed.data;
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return reply.status(error.status).headers(error.headers).send(body);
}

export interface FrameworkError {
  statusCode?: number;
  code?: string;
  name?: string;
  stack?: string;
}

const NOT_JSON = 'Isi permintaan bukan JSON yang valid / Request body is not valid JSON';

/** Fastify's own 4xx errors, each with a fixed message: theirs quote the body or the URL. */
const FRAMEWORK_ERRORS: Record<string, [status: number, message: string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [400, 'Isi harus JSON (application/json) / Body must be JSON (application/json)'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Panjang isi tidak sama dengan Content-Length / Body length does not match Content-Length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'Isi permintaan kosong / Request body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, NOT_JSON],
  FST_ERR_BAD_URL: [400, 'URL tidak valid (kode persen rusak) / Malformed URL (bad percent-encoding)'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URL terlalu panjang / URL too long'],
};

/** What Fastify's own errors (body parsing, limits, URLs) mean in the contract's terms. */
export function fromFramework(error: FrameworkError): HttpError | undefined {
  const status = error.statusCode;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return payloadTooLarge();
  if (status === 404) return notFound();
  const known = error.code === undefined ? undefined : FRAMEWORK_ERRORS[error.code];
  if (known) return new HttpError(known[0], 'invalid-request', known[1]);
  if (status !== undefined && status >= 400 && status < 500) return new HttpError(400, 'invalid-request');
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FrameworkError, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const mapped = fromFramework(error);
    if (mapped) return sendError(reply, mapped);
    // Only the error's name, code and stack: driver errors carry row values in other fields.
    request.log.error({ errName: error.name, errCode: error.code, stack: error.stack }, 'request failed');
    return sendError(reply, new HttpError(500, 'internal'));
  });
}

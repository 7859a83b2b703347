import { CodedError } from '../../../shared/errors';
import { hasMessage, registerMessages } from '../../i18n';
import { coordinator } from '../../i18n/messages/coordinator';

registerMessages(coordinator);

// The coordinator and handover screens talk to the server directly (they are online actions:
// a quota change or a device revocation must be decided now, not queued). One error shape:
// ApiError with the server's `code`, or a local one (`offline`, `bad-response`, `not-enrolled`).

export class ApiError extends CodedError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
    details?: unknown,
  ) {
    super(code, message, details);
    this.name = 'ApiError';
  }
}

export interface ApiAuth {
  token: string;
}

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface Api {
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A file download (CSV, XLSX): the body as a Blob and the server's suggested name. */
  blob(path: string): Promise<{ blob: Blob; filename: string | null }>;
}

function isErrorBody(value: unknown): value is { error: { code: string; message?: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

async function toError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: keep the status, lose nothing else worth showing.
  }
  if (isErrorBody(body)) {
    return new ApiError(body.error.code, body.error.message ?? '', response.status, body.error.details);
  }
  return new ApiError(response.status >= 500 ? 'server-unavailable' : 'bad-response', `HTTP ${response.status}`, response.status);
}

function filenameOf(response: Response): string | null {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function createApi(readAuth: () => Promise<ApiAuth | null>, fetchFn?: FetchFn): Api {
  const doFetch: FetchFn = fetchFn ?? ((input, init) => fetch(input, init));

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const auth = await readAuth();
    if (!auth) throw new ApiError('not-enrolled', 'no token', 0);
    const headers: Record<string, string> = { authorization: `Bearer ${auth.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('offline', 'network', 0);
    }
    if (!response.ok) throw await toError(response);
    return response;
  }

  return {
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await send(method, path, body);
      if (response.status === 204) return undefined as T;
      try {
        return (await response.json()) as T;
      } catch {
        throw new ApiError('bad-response', 'not JSON', response.status);
      }
    },
    async blob(path: string) {
      const response = await send('GET', path);
      return { blob: await response.blob(), filename: filenameOf(response) };
    },
  };
}

/** The i18n key for an error, so every screen words failures the same way. */
export function errorKey(error: unknown): string {
  const key = `coord.error.${error instanceof CodedError ? error.code : 'unknown'}`;
  return hasMessage(key) ? key : 'coord.error.unknown';
}

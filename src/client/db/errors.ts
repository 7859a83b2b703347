import { CodedError } from '../../shared/errors';

/** Every failure the phone's storage layer reports, as a code the screens translate. */
export type ClientErrorCode =
  | 'storage-full'
  | 'storage-unavailable'
  | 'not-found'
  | 'not-editable'
  | 'village-locked'
  | 'places-unavailable';

// Indonesian first: these messages reach the operator when a screen has no translation at hand
// (the screens normally show `error.<code>` from the i18n dictionary instead).
const MESSAGES: Record<ClientErrorCode, string> = {
  'storage-full':
    'Penyimpanan ponsel penuh: data belum tersimpan. Kosongkan ruang (foto, video, aplikasi lain), lalu simpan lagi.',
  'storage-unavailable':
    'Penyimpanan ponsel tidak dapat dibuka. Muat ulang aplikasi, lalu coba lagi.',
  'not-found': 'Data tidak ditemukan di ponsel ini.',
  'not-editable': 'Data ini tidak dapat diubah lagi.',
  'village-locked': 'Desa tidak dapat diubah setelah data dikirim; batalkan dan daftarkan ulang.',
  'places-unavailable':
    'Daftar wilayah belum tersimpan di ponsel ini. Sambungkan internet sekali untuk mengunduhnya.',
};

export class ClientError extends CodedError {
  declare readonly code: ClientErrorCode;

  constructor(code: ClientErrorCode, details?: unknown) {
    super(code, MESSAGES[code], details);
    this.name = 'ClientError';
  }
}

export function isClientError(err: unknown): err is ClientError {
  return err instanceof ClientError;
}

// Dexie wraps IndexedDB's DOMExceptions (`inner`), and aborted transactions carry the first
// failure further down: walk the chain rather than trust the outermost name.
function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    // Old WebKit reported a full disk only as DOMException code 22.
    if (e.code === 22) names.push('QuotaExceededError');
    current = e.inner ?? e.cause;
  }
  return names;
}

const UNAVAILABLE = new Set([
  'OpenFailedError', 'DatabaseClosedError', 'MissingAPIError', 'InvalidStateError', 'VersionError',
]);

/** The typed error for a storage failure, or the original error when it is not one. */
export function toClientError(err: unknown): unknown {
  if (err instanceof ClientError) return err;
  const names = errorNames(err);
  if (names.includes('QuotaExceededError')) return new ClientError('storage-full');
  if (names.some((n) => UNAVAILABLE.has(n))) return new ClientError('storage-unavailable');
  return err;
}

/** Runs a storage call and rethrows storage failures as `ClientError`s. */
export async function withStorageErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toClientError(err);
  }
}

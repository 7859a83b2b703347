// Every error code either side may speak. Server HTTP errors and per-op rejections are
// separate lists because the contract gives them separate meanings.
export const HTTP_ERROR_CODES = [
  'invalid-request', 'unauthenticated', 'forbidden', 'not-found', 'payload-too-large',
  'rate-limited', 'invalid-code', 'quota-below-accepted', 'internal',
  // KPJ numbers (PUT /registrations/:id/kpj): only for live, accepted registrations.
  'not-accepted', 'already-voided',
  // Revision 2, R4: the KPJ number is held by another live registration.
  'kpj-taken',
] as const;
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

export const REJECTION_CODES = [
  'invalid', 'duplicate-nik', 'forbidden-village', 'not-found', 'version-conflict',
  'op-conflict', 'not-accepted', 'already-handed-over', 'already-voided',
  // Revision 2, R5: a create whose id the server holds with another NIK.
  'id-conflict',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface ErrorBody {
  error: { code: HttpErrorCode; message: string; details?: unknown };
}

/** A failure with a code, thrown on either side; the client maps codes to i18n messages. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

// Bearer tokens and enrolment codes: random, shown once, stored only as SHA-256 hashes, so a
// copy of the database does not let anyone act as a device.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** 256 random bits; the prefix makes a leaked token recognisable in a scan. */
export function newToken(): string {
  return `d100_${randomBytes(32).toString('base64url')}`;
}

/** No 0/O, 1/I/L: the code is read off a screen and typed on a phone. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;

export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** People type codes in groups, in lower case, with dashes or spaces: none of it matters. */
export function normaliseEnrolmentCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

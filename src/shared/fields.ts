import * as z from 'zod/mini';
import { YEAR_MONTH_RE } from './months';
import { MAX_TEXT_LENGTH } from './programme';

export { YEAR_MONTH_RE };

// Field schemas shared by the registration, the protocol and the forms. Messages are stable
// keys (kebab-case) that the client's i18n turns into words; the server sends them as-is.
// zod/mini (functions, not methods): the phone ships only the checks it uses.

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
// Hours 00-23, minutes and seconds 00-59, offsets up to ±14:00: Date.parse would roll
// `T24:00` or `+07:60` over into another time instead of refusing them.
const ISO_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):?[0-5]\d)$/;

export const uuid = z.string('required').check(z.regex(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'uuid',
));

// Contract Revision 2, R3: control characters but tab and newline (C0, DEL, C1), unpaired
// surrogates and the non-characters U+FFFE/U+FFFF. PostgreSQL refuses NUL in text, XML 1.0
// (the XLSX export) refuses most of the rest, and none of them is anything a person types.
// Without the `u` flag the class sees UTF-16 code units, so a lone surrogate is one; no
// lookbehind, which older phone browsers cannot parse.
// oxlint-disable-next-line no-control-regex -- matching them is the point
const FORBIDDEN_CHAR_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// One class, every candidate: the server tests every string of every op, and nearly all have
// none (a surrogate pair, an emoji, then takes the exact test).
// oxlint-disable-next-line no-control-regex -- matching them is the point
const CANDIDATE_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The one home of the rule: true when `v` holds a character no text of ours may carry. */
export function hasForbiddenChars(v: string): boolean {
  return CANDIDATE_RE.test(v) && FORBIDDEN_CHAR_RE.test(v);
}

/** `v` without those characters: for text written out from rows stored before the rule. */
export function withoutForbiddenChars(v: string): string {
  if (!hasForbiddenChars(v)) return v;
  let out = '';
  // By code point: a pair stays whole, a lone surrogate comes alone and is dropped.
  for (const ch of v) if (!FORBIDDEN_CHAR_RE.test(ch)) out += ch;
  return out;
}

/** The message key of a string holding such characters. */
export const TEXT_CHARS = 'text-chars';
export const plainText = () => z.string('required').check(z.refine((v) => !hasForbiddenChars(v), TEXT_CHARS));

export const text = (max = MAX_TEXT_LENGTH) =>
  plainText().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too-long'));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * By arithmetic, not through Date: the server checks three or four dates per registration,
 * 500 registrations a push (the same answers as a Date round trip, property-tested).
 */
export function isCalendarDate(v: string): boolean {
  if (!ISO_DATE_RE.test(v)) return false;
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  const day = Number(v.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

// The form the phone sends and the server stores (Date#toISOString): nothing to convert.
const UTC_MILLIS_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A date that exists on the calendar, `YYYY-MM-DD`. */
export const isoDate = z.string('required').check(z.refine(isCalendarDate, 'date'));

export const yearMonth = z.string('required').check(z.regex(YEAR_MONTH_RE, 'year-month'));

/** Any ISO 8601 time with an offset (or Z): the check. */
export function isIsoTime(v: string): boolean {
  // Date.parse reads 30 February as 2 March: the date part must exist on its own.
  const m = ISO_TIME_RE.exec(v);
  if (m === null || !isCalendarDate(m[1] as string)) return false;
  // The regular expression has checked every field of the UTC form already.
  return UTC_MILLIS_RE.test(v) || !Number.isNaN(Date.parse(v));
}

/** The same instant as `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC). */
export function toUtcIso(v: string): string {
  return UTC_MILLIS_RE.test(v) ? v : new Date(v).toISOString();
}

/** Any ISO 8601 time with an offset (or Z); stored as UTC. */
export const isoTime = z.pipe(
  z.string('required').check(z.refine(isIsoTime, 'time')),
  z.transform(toUtcIso),
);

/** Optional on the wire: absent and null both mean "not given". */
export const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(z.nullish(schema), z.transform((v: z.output<T> | null | undefined) => (v == null ? undefined : v)));

/** Indonesian mobile numbers in the forms people write them, stored `+628…`. */
export function normalisePhone(raw: string): string {
  let v = raw.replace(/[\s().-]/g, '');
  if (v.startsWith('+62')) v = v.slice(3);
  else if (v.startsWith('62')) v = v.slice(2);
  else if (v.startsWith('0')) v = v.slice(1);
  return `+62${v}`;
}
export const phone = z.pipe(
  z.pipe(z.string('required'), z.transform(normalisePhone)),
  z.string().check(z.regex(/^\+628\d{7,11}$/, 'phone')),
);

/** RT/RW: one to three digits, stored zero-padded to three. */
export const rtRw = z.pipe(
  z.pipe(
    // Any number: 1.5 or -1 then fails the digit check as 'rt-rw', not as 'required'.
    z.pipe(z.union([z.string(), z.number()], 'required'), z.transform((v: string | number) => String(v).trim())),
    z.string().check(z.regex(/^\d{1,3}$/, 'rt-rw')),
  ),
  z.transform((v: string) => v.padStart(3, '0')),
);

export const FULL_NAME_RE = /^[\p{L} .'-]+$/u;
/** Composed (NFC) first: "José" typed with a combining accent is the same name, and a letter. */
export const normaliseName = (v: string) => v.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase().normalize('NFC');
export const fullName = z.pipe(
  z.pipe(z.string('required'), z.transform(normaliseName)),
  z.string().check(
    z.minLength(2, 'too-short'),
    z.maxLength(100, 'too-long'),
    z.regex(FULL_NAME_RE, 'name-chars'),
  ),
);

export const kkNumber = z.pipe(
  z.pipe(z.string('required'), z.transform((v: string) => v.replace(/[\s.]/g, ''))),
  z.string().check(z.regex(/^\d{16}$/, 'kk')),
);

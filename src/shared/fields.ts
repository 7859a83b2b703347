import { z } from 'zod';
import { MAX_TEXT_LENGTH } from './programme';

// Field schemas shared by the registration, the protocol and the forms. Messages are stable
// keys (kebab-case) that the client's i18n turns into words; the server sends them as-is.

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const YEAR_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const uuid = z.string().regex(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'uuid',
);

export const text = (max = MAX_TEXT_LENGTH) =>
  z.string('required').trim().min(1, 'required').max(max, 'too-long');

/** A date that exists on the calendar, `YYYY-MM-DD`. */
export const isoDate = z.string('required').refine((v) => {
  if (!ISO_DATE_RE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}, 'date');

export const yearMonth = z.string('required').regex(YEAR_MONTH_RE, 'year-month');

/** Any ISO 8601 time with an offset (or Z); stored as UTC. */
export const isoTime = z
  .string('required')
  .refine((v) => ISO_TIME_RE.test(v) && !Number.isNaN(Date.parse(v)), 'time')
  .transform((v) => new Date(v).toISOString());

/** Optional on the wire: absent and null both mean "not given". */
export const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v) => (v == null ? undefined : v));

/** Indonesian mobile numbers in the forms people write them, stored `+628…`. */
export function normalisePhone(raw: string): string {
  let v = raw.replace(/[\s().-]/g, '');
  if (v.startsWith('+62')) v = v.slice(3);
  else if (v.startsWith('62')) v = v.slice(2);
  else if (v.startsWith('0')) v = v.slice(1);
  return `+62${v}`;
}
export const phone = z
  .string('required')
  .transform(normalisePhone)
  .pipe(z.string().regex(/^\+628\d{7,11}$/, 'phone'));

/** RT/RW: one to three digits, stored zero-padded to three. */
export const rtRw = z
  .union([z.string(), z.number().int()], 'required')
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,3}$/, 'rt-rw'))
  .transform((v) => v.padStart(3, '0'));

export const FULL_NAME_RE = /^[\p{L} .'-]+$/u;
export const fullName = z
  .string('required')
  .transform((v) => v.trim().replace(/\s+/g, ' ').toUpperCase())
  .pipe(
    z
      .string()
      .min(2, 'too-short')
      .max(100, 'too-long')
      .regex(FULL_NAME_RE, 'name-chars'),
  );

export const kkNumber = z
  .string('required')
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^\d{16}$/, 'kk'));

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isCalendarDate, isIsoTime, isoTime, toUtcIso } from '../../src/shared/fields';

// The date and time checks run three or four times per registration on the server, so they
// avoid Date where arithmetic or a regular expression answers; they must answer exactly as the
// Date round trips they replaced.

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):?[0-5]\d)$/;

function calendarDateByDate(v: string): boolean {
  if (!ISO_DATE_RE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function isoTimeByDate(v: string): boolean {
  const m = ISO_TIME_RE.exec(v);
  return m !== null && calendarDateByDate(m[1] as string) && !Number.isNaN(Date.parse(v));
}

const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Mostly plausible dates (and leap days, century years), some nonsense. */
const dateLike = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom('1900-02-29', '2000-02-29', '2024-02-29', '2023-02-29', '0000-02-29', '2100-02-29', '2025-04-31'),
  fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.string({ maxLength: 12 }),
);
const timeLike = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(dateLike, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('', '.5', '.123', '.123456789'), fc.constantFrom('Z', '+07:00', '-1400', '+14:60', '+15:00'))
    .map(([d, h, mi, s, frac, zone]) => `${d}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${zone}`),
  fc.string({ maxLength: 30 }),
);

describe('date and time checks', () => {
  it('isCalendarDate answers as the Date round trip did', () => {
    fc.assert(fc.property(dateLike, (v) => {
      expect(isCalendarDate(v)).toBe(calendarDateByDate(v));
    }), { numRuns: 5000 });
  });

  it('isoTime accepts, refuses and converts to UTC as the Date round trip did', () => {
    fc.assert(fc.property(timeLike, (v) => {
      expect(isIsoTime(v)).toBe(isoTimeByDate(v));
      if (isoTimeByDate(v)) {
        expect(toUtcIso(v)).toBe(new Date(v).toISOString());
        expect(z.parse(isoTime, v)).toBe(new Date(v).toISOString());
      }
    }), { numRuns: 5000 });
  });
});

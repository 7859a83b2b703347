import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNik, maskNik, normaliseNik, parseNik, type NikIssue } from '../../src/shared/nik';
import { PROVINCE_CODES, addYears, dayToIso, isoToDay, regionCode, serial, sex } from './arbitraries';

/** A "today" and a birth date that the two-digit year can still name: within the last 100 years. */
const todayAndBirth = fc
  .integer({ min: isoToDay('2000-01-01'), max: isoToDay('2099-12-31') })
  .chain((today) => {
    const earliest = isoToDay(addYears(dayToIso(today).slice(0, 8) + '01', -100)) + 31;
    return fc.integer({ min: earliest, max: today }).map((birth) => ({
      today: new Date(`${dayToIso(today)}T12:00:00Z`),
      birthDate: dayToIso(birth),
    }));
  });

const valid = fc
  .record({ when: todayAndBirth, regionCode, sex, serial })
  .map(({ when, ...parts }) => ({
    ...parts,
    ...when,
    nik: composeNik({ ...parts, birthDate: when.birthDate }),
  }));

const issueOf = (nik: string, today: Date): NikIssue | null => {
  const r = parseNik(nik, today);
  return r.ok ? null : r.issue;
};
const withPart = (nik: string, at: number, part: string) => nik.slice(0, at) + part + nik.slice(at + part.length);

describe('parseNik', () => {
  it('reads back every valid NIK that composeNik builds', () => {
    fc.assert(fc.property(valid, (v) => {
      const r = parseNik(v.nik, v.today);
      expect(r).toEqual({
        ok: true,
        value: {
          nik: v.nik,
          provinceCode: v.regionCode.slice(0, 2),
          regionCode: v.regionCode,
          birthDate: v.birthDate,
          sex: v.sex,
          serial: String(v.serial).padStart(4, '0'),
        },
      });
    }));
  });

  it('ignores spaces and dots wherever they are', () => {
    const noise = fc.array(fc.tuple(fc.nat(16), fc.constantFrom(' ', '.', '\t', '  ', '. ')), { maxLength: 6 });
    fc.assert(fc.property(valid, noise, (v, inserts) => {
      let written = v.nik;
      for (const [at, s] of inserts) written = written.slice(0, at) + s + written.slice(at);
      expect(normaliseNik(written)).toBe(v.nik);
      expect(parseNik(written, v.today)).toEqual(parseNik(v.nik, v.today));
    }));
  });

  it('never gives a birth date after today, nor 100 years or more before it', () => {
    const anyNik = fc.tuple(fc.constantFrom(...PROVINCE_CODES), fc.stringMatching(/^\d{14}$/)).map((p) => p.join(''));
    const today = fc.integer({ min: isoToDay('2000-01-01'), max: isoToDay('2099-12-31') }).map(dayToIso);
    fc.assert(fc.property(anyNik, today, (nik, day) => {
      const r = parseNik(nik, new Date(`${day}T12:00:00Z`));
      if (!r.ok) return;
      expect(r.value.birthDate <= day).toBe(true);
      expect(r.value.birthDate > addYears(day, -100)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('puts a two-digit year that would be in the future in the previous century', () => {
    const today = new Date('2025-11-23T12:00:00Z');
    const born = (date: string) => {
      const r = parseNik(composeNik({ regionCode: '32.14.16', birthDate: date, sex: 'L', serial: 1 }), today);
      return r.ok ? r.value.birthDate : r.issue;
    };
    expect(born('2025-11-23')).toBe('2025-11-23');
    expect(born('2000-02-29')).toBe('2000-02-29');
    expect(born('1926-01-01')).toBe('1926-01-01');
    // Same two-digit year as today, later in the year: a 99-year-old, not a baby not yet born.
    expect(born('1925-12-20')).toBe('1925-12-20');
    expect(born('1925-11-24')).toBe('1925-11-24');
  });

  it('reads the sex from the day (women: day + 40)', () => {
    const today = new Date('2025-01-01T00:00:00Z');
    expect(parseNik('3214165705800012', today)).toMatchObject({ ok: true, value: { sex: 'P', birthDate: '1980-05-17' } });
    expect(parseNik('3214161705800012', today)).toMatchObject({ ok: true, value: { sex: 'L', birthDate: '1980-05-17' } });
    expect(parseNik('3214167105800012', today)).toMatchObject({ ok: true, value: { sex: 'P', birthDate: '1980-05-31' } });
  });
});

/** Asserts that `corrupt`, applied to any valid NIK, always fails with `issue`. */
function check(corrupt: fc.Arbitrary<(nik: string) => string>, issue: NikIssue) {
  fc.assert(fc.property(valid, corrupt, (v, f) => {
    expect(issueOf(f(v.nik), v.today)).toBe(issue);
  }));
}

describe('parseNik rejects every corruption of a valid NIK', () => {
  it('a non-digit anywhere', () => {
    check(fc.tuple(fc.nat(15), fc.constantFrom('a', 'O', 'l', '-', '/', '_', '٣', '+')).map(([at, c]) => (n) => withPart(n, at, c)), 'format');
  });

  it('a digit too few or too many', () => {
    check(fc.tuple(fc.nat(15), fc.boolean()).map(([at, drop]) => (n) => (drop ? n.slice(0, at) + n.slice(at + 1) : n + String(at % 10))), 'format');
    expect(parseNik('').ok).toBe(false);
  });

  it('serial 0000', () => {
    check(fc.constant((n) => withPart(n, 12, '0000')), 'serial');
  });

  it('an impossible day or month', () => {
    const badDay = fc.oneof(fc.integer({ min: 32, max: 40 }), fc.integer({ min: 72, max: 99 }), fc.constant(0));
    check(badDay.map((d) => (n) => withPart(n, 6, String(d).padStart(2, '0'))), 'birth-date');
    const badMonth = fc.oneof(fc.integer({ min: 13, max: 99 }), fc.constant(0));
    check(badMonth.map((m) => (n) => withPart(n, 8, String(m).padStart(2, '0'))), 'birth-date');
  });

  it('a day the month does not have', () => {
    // 30 and 31 February (also as women's 70, 71), 31 April, 29 February of a year that is
    // not a leap year in either century (23: 1923 and 2023).
    const bad = fc.constantFrom('300288', '310288', '700288', '710288', '310488', '710488', '290223', '690223');
    check(bad.map((ddmmyy) => (n) => withPart(n, 6, ddmmyy)), 'birth-date');
  });

  it('a province that does not exist', () => {
    const unknown = fc.integer({ min: 0, max: 99 }).map((p) => String(p).padStart(2, '0')).filter((p) => !PROVINCE_CODES.includes(p));
    check(unknown.map((p) => (n) => withPart(n, 0, p)), 'province');
    const today = new Date('2025-01-01T00:00:00Z');
    expect(issueOf('0014165705800012', today)).toBe('province');
    expect(issueOf('9914165705800012', today)).toBe('province');
  });
});

describe('maskNik', () => {
  it('shows the first 4 and the last 2 digits only', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
      const masked = maskNik(nik);
      expect(masked).toBe(`${nik.slice(0, 4)}**********${nik.slice(14)}`);
      expect(masked.replace(/\*/g, '')).toHaveLength(6);
    }));
    expect(maskNik('3214165705800012')).toBe('3214**********12');
  });

  it('hides short input entirely', () => {
    expect(maskNik('32141')).toBe('*****');
    expect(maskNik('')).toBe('');
  });
});

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/shared/fields';
import { composeNik } from '../../src/shared/nik';
import { issuesByField, registrationSchema } from '../../src/shared/registration';
import { addYears, dayToIso, isoToDay, registration, type RegistrationCase } from './arbitraries';

const REQUIRED = [
  'id', 'nik', 'fullName', 'birthDate', 'sex', 'villageCode', 'address', 'rt', 'rw', 'occupation',
  'monthlyIncome', 'fundingSource', 'coverageStart', 'coverageEnd', 'consent', 'capturedAt',
] as const;

/** What the schema says is wrong, by field; `{}` when it parses. */
function issues(input: Record<string, unknown>): Record<string, string> {
  const r = registrationSchema.safeParse(input);
  return r.success ? {} : issuesByField(r.error);
}

/** Asserts that one corruption of any valid registration is reported as exactly `{field: key}`. */
function rejects(
  corrupt: fc.Arbitrary<(c: RegistrationCase) => Record<string, unknown>>,
  field: string,
  key: string,
) {
  fc.assert(fc.property(registration, corrupt, (c, f) => {
    expect(issues(f(c))).toEqual({ [field]: key });
  }), { numRuns: 60 });
}
const set = (patch: Record<string, unknown>) => (c: RegistrationCase) => ({ ...c.input, ...patch });

/** Sets the birth date (and a matching NIK) so that the worker is `years` old at the first day
 * of coverageStart, moved `dayShift` days later. */
const ageAt = (years: number, dayShift: number) => fc.constant((c: RegistrationCase) => {
  const start = `${String(c.input.coverageStart)}-01`;
  const birthDate = dayToIso(isoToDay(addYears(start, -years)) + dayShift);
  return {
    ...c.input,
    birthDate,
    nik: composeNik({ regionCode: '32.14.16', birthDate, sex: 'L', serial: 7 }),
  };
});

/** Makes the occupation `lainnya` and drops (undefined) or nulls its free text. */
const withoutOther = (gone: undefined | null) => (c: RegistrationCase) => {
  const input: Record<string, unknown> = { ...c.input, occupation: 'lainnya' };
  if (gone === undefined) delete input.occupationOther;
  else input.occupationOther = gone;
  return input;
};

describe('registrationSchema: valid registrations', () => {
  it('parses every valid registration and normalises it', () => {
    fc.assert(fc.property(registration, (c) => {
      const r = registrationSchema.safeParse(c.input);
      if (!r.success) throw new Error(JSON.stringify(issuesByField(r.error)));
      const reg = r.data;
      expect(reg.nik).toBe(c.expected.nik);
      expect(reg.fullName).toBe(c.expected.fullName);
      expect(reg.fullName).toBe(reg.fullName.toUpperCase());
      expect(reg.rt).toBe(c.expected.rt);
      expect(reg.rw).toBe(c.expected.rw);
      expect(reg.rt).toMatch(/^\d{3}$/);
      expect(reg.capturedAt).toBe(c.expected.capturedAt);
      expect(reg.consent.at).toBe(c.expected.consentAt);
      expect(reg.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(reg.phone).toBe(c.expected.phone);
      if (reg.phone !== undefined) expect(reg.phone).toMatch(/^\+628\d{7,11}$/);
      if (reg.heir?.phone !== undefined) expect(reg.heir?.phone).toMatch(/^\+628\d{7,11}$/);
      // null on the wire means "not given", like absent.
      for (const key of ['birthPlace', 'motherName', 'kkNumber', 'maritalStatus', 'heir'] as const) {
        if (c.input[key] == null) expect(reg[key]).toBeUndefined();
      }
    }), { numRuns: 300 });
  });

  it('converts offsets in times to UTC', () => {
    const cases: Array<[string, string]> = [
      ['2025-03-01T08:00:00+07:00', '2025-03-01T01:00:00.000Z'],
      ['2025-03-01T08:00+0700', '2025-03-01T01:00:00.000Z'],
      ['2025-03-01T06:30:15.5-05:30', '2025-03-01T12:00:15.500Z'],
      ['2025-03-01T00:15:00+09:00', '2025-02-28T15:15:00.000Z'],
      ['2025-03-01T08:00:00.123456789Z', '2025-03-01T08:00:00.123Z'],
    ];
    for (const [input, utc] of cases) expect(isoTime.parse(input)).toBe(utc);
  });

  it('refuses times that are not real or have no offset', () => {
    for (const t of ['2025-02-30T08:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T08:60:00Z',
      '2025-03-01T08:00:60Z', '2025-03-01T08:00:00', '2025-03-01T08:00:00+07:60', '2025-03-01', 'now']) {
      expect(isoTime.safeParse(t).success, t).toBe(false);
    }
  });

  it('accepts ages 15 and 65 at the first day of coverageStart (inclusive)', () => {
    // 15 today; 65 until the day before turning 66.
    fc.assert(fc.property(registration, ageAt(15, 0), (c, f) => {
      expect(issues(f(c))).toEqual({});
    }), { numRuns: 40 });
    fc.assert(fc.property(registration, ageAt(66, 1), (c, f) => {
      expect(issues(f(c))).toEqual({});
    }), { numRuns: 40 });
    // 14 (15 tomorrow) and 66 (today) are out.
    rejects(ageAt(15, 1), 'birthDate', 'age-range');
    rejects(ageAt(66, 0), 'birthDate', 'age-range');
  });
});

describe('registrationSchema: each single corruption is rejected with the right field and key', () => {
  it('an unknown field', () => {
    fc.assert(fc.property(registration, fc.constantFrom('foo', 'status', 'version', 'NIK'), (c, key) => {
      expect(issues({ ...c.input, [key]: 'x' })).toEqual({ [key]: 'unknown-field' });
    }), { numRuns: 60 });
    fc.assert(fc.property(registration, (c) => {
      expect(issues({ ...c.input, consent: { ...(c.input.consent as object), extra: 1 } }))
        .toEqual({ 'consent.extra': 'unknown-field' });
    }), { numRuns: 20 });
  });

  it('a missing required field', () => {
    for (const field of REQUIRED) {
      fc.assert(fc.property(registration, fc.constantFrom(undefined, null), (c, gone) => {
        const input = { ...c.input };
        if (gone === undefined) delete input[field];
        else input[field] = gone;
        expect(issues(input)).toEqual({ [field]: 'required' });
      }), { numRuns: 10 });
    }
  });

  it('an income out of range or not whole', () => {
    const bad = fc.oneof(fc.integer({ max: 999_999 }), fc.integer({ min: 20_700_001 }));
    rejects(bad.map((n) => set({ monthlyIncome: n })), 'monthlyIncome', 'income-range');
    rejects(fc.constantFrom(1_000_000.5, 2_500_000.01).map((n) => set({ monthlyIncome: n })), 'monthlyIncome', 'income-whole');
  });

  it('a bad RT or RW', () => {
    const bad = fc.constantFrom<unknown>('1234', '', ' ', 'a', '1a', -1, 1000, 1.5, '01.');
    rejects(bad.map((v) => set({ rt: v })), 'rt', 'rt-rw');
    rejects(bad.map((v) => set({ rw: v })), 'rw', 'rt-rw');
  });

  it('a name with digits or other signs', () => {
    const bad = fc.tuple(fc.constantFrom('SITI 2', 'Ahmad1', 'Budi_S', 'Dewi@', 'Eko/Susilo'), fc.boolean());
    rejects(bad.map(([name, lower]) => set({ fullName: lower ? name.toLowerCase() : name })), 'fullName', 'name-chars');
    rejects(fc.constantFrom('A', ' b ').map((name) => set({ fullName: name })), 'fullName', 'too-short');
    rejects(fc.constant(set({ fullName: 'A'.repeat(101) })), 'fullName', 'too-long');
    rejects(fc.constant(set({ heir: { name: 'Ani 2', relationship: 'anak' } })), 'heir.name', 'name-chars');
  });

  it('lainnya without occupationOther', () => {
    rejects(fc.constantFrom(undefined, null).map(withoutOther), 'occupationOther', 'occupation-other');
    // Blank text is not an answer either; the field itself says so.
    rejects(fc.constantFrom('', '   ').map((v) => set({ occupation: 'lainnya', occupationOther: v })), 'occupationOther', 'required');
  });

  it('coverageEnd before coverageStart', () => {
    rejects(fc.integer({ min: 1, max: 36 }).map((back) => (c: RegistrationCase) => {
      const [y, m] = String(c.input.coverageStart).split('-').map(Number) as [number, number];
      const i = y * 12 + (m - 1) - back;
      return { ...c.input, coverageEnd: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` };
    }), 'coverageEnd', 'coverage-order');
    rejects(fc.constantFrom('2025-13', '2025-00', '2025-1', '25-01').map((v) => set({ coverageEnd: v })), 'coverageEnd', 'year-month');
  });

  it('reports cross-field rules together with fields that fail on their own (one round)', () => {
    fc.assert(fc.property(registration, (c) => {
      const [y] = String(c.input.coverageStart).split('-');
      // A wrong type (sex) stops a plain zod refinement; an out-of-pattern RT does not.
      const found = issues({ ...c.input, rt: 'x', sex: 'Q', coverageEnd: `${Number(y) - 1}-01` });
      expect(found).toEqual({ rt: 'rt-rw', sex: 'required', coverageEnd: 'coverage-order' });
    }), { numRuns: 30 });
  });

  it('a KK number equal to the NIK, however it is written', () => {
    rejects(fc.boolean().map((dotted) => (c: RegistrationCase) => {
      const nik = c.expected.nik;
      return { ...c.input, kkNumber: dotted ? `${nik.slice(0, 8)} ${nik.slice(8)}` : nik };
    }), 'kkNumber', 'kk-equals-nik');
    rejects(fc.constantFrom('123', '12345678901234567', 'abcdefghijklmnop').map((v) => set({ kkNumber: v })), 'kkNumber', 'kk');
  });

  it('a NIK that is not valid', () => {
    rejects(fc.constant((c: RegistrationCase) => ({ ...c.input, nik: `${c.expected.nik.slice(0, 12)}0000` })), 'nik', 'nik-serial');
    rejects(fc.constant((c: RegistrationCase) => ({ ...c.input, nik: `00${c.expected.nik.slice(2)}` })), 'nik', 'nik-province');
    rejects(fc.constant((c: RegistrationCase) => ({ ...c.input, nik: c.expected.nik.slice(1) })), 'nik', 'nik-format');
  });

  it('codes outside the lists', () => {
    rejects(fc.constantFrom('PETANI', 'tani', '').map((v) => set({ occupation: v })), 'occupation', 'required');
    rejects(fc.constantFrom('32.14.16', '32.14.16.205', '3214162005').map((v) => set({ villageCode: v })), 'villageCode', 'village-code');
    rejects(fc.constantFrom('not-a-uuid', '').map((v) => set({ id: v })), 'id', 'uuid');
    rejects(fc.constantFrom('0812', '+6221555123', 'phone').map((v) => set({ phone: v })), 'phone', 'phone');
  });
});

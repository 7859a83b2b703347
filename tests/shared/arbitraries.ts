// fast-check generators for the shared domain, built from valid parts so that every value they
// make is valid by construction; tests corrupt one part at a time from there.
import * as fc from 'fast-check';
import { FUNDING_SOURCES, MARITAL_STATUSES, OCCUPATIONS, SEXES, type Sex } from '../../src/shared/codes';
import { composeNik, pad } from '../../src/shared/nik';
import { PROVINCES } from '../../src/shared/places/provinces';

const DAY_MS = 86_400_000;

export const PROVINCE_CODES = PROVINCES.map(([code]) => code);

/** `YYYY-MM-DD` of a UTC day number (days since 1970-01-01). */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
export function isoToDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}
/** The same calendar day `years` later (earlier if negative); only called on days 1-28. */
export function addYears(iso: string, years: number): string {
  return `${pad(Number(iso.slice(0, 4)) + years, 4)}${iso.slice(4)}`;
}

export const provinceCode = fc.constantFrom(...PROVINCE_CODES);
export const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => pad(n, 2));
/** A district-shaped region of a real province; regency and district digits are not checked. */
export const regionCode = fc.tuple(provinceCode, twoDigits, twoDigits).map((p) => p.join('.'));
export const villageCode = fc
  .tuple(regionCode, fc.constantFrom('1', '2', '3'), fc.integer({ min: 1, max: 999 }))
  .map(([region, kind, n]) => `${region}.${kind}${pad(n, 3)}`);
export const sex = fc.constantFrom<Sex>(...SEXES);
export const serial = fc.integer({ min: 1, max: 9999 });

export const uuid = fc.uuid();

/** A mobile subscriber number after the country code: 8 then 7 to 11 digits. */
const subscriber = fc.stringMatching(/^8\d{7,11}$/);
/** A phone as people type it, and its stored form. */
export const phone = fc
  .tuple(subscriber, fc.constantFrom('0', '+62', '62', '+62 ', '(+62) '), fc.boolean())
  .map(([s, prefix, dashed]) => ({
    input: prefix + (dashed ? `${s.slice(0, 3)}-${s.slice(3, 7)}-${s.slice(7)}` : s),
    expected: `+62${s}`,
  }));

/** A name as typed (mixed case, stray spaces) and its stored form. */
const nameWord = fc.stringMatching(/^[A-Za-zéÑçÖ][A-Za-zéÑçÖ.'-]{1,11}$/);
export const fullName = fc
  .tuple(fc.array(nameWord, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', ' \u00a0'))
  .map(([words, gap]) => ({
    input: ` ${words.join(gap)} `,
    expected: words.join(' ').toUpperCase(),
  }));

/** Free text that survives trimming. */
export const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: max - 2 }).map((s) => `A${s.replace(/\s/g, ' ')}`.trim());

/** An RT/RW as the form or the wire may give it, and its stored form. */
export const rtRw = fc.integer({ min: 0, max: 999 }).chain((n) =>
  fc.constantFrom<string | number>(n, String(n), pad(n, 3), ` ${n} `).map((input) => ({ input, expected: pad(n, 3) })),
);

/** An ISO time with any offset form the contract allows, and its UTC form. */
export const isoTime = fc
  .tuple(
    fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 11, 31) / 60_000 }),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.stringMatching(/^\d{0,9}$/))),
    fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
    fc.constantFrom('colon', 'plain', 'z'),
  )
  .map(([minute, secs, offset, form]) => {
    const [s, fraction] = secs ?? [0, ''];
    const ms = minute * 60_000 + s * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
    const shown = form === 'z' ? 0 : offset;
    const local = new Date(minute * 60_000 + shown * 60_000).toISOString().slice(0, 16);
    const seconds = secs ? `:${pad(s, 2)}${fraction ? `.${fraction}` : ''}` : '';
    const abs = Math.abs(shown);
    const sign = shown < 0 ? '-' : '+';
    const zone = form === 'z' ? 'Z' : `${sign}${pad(Math.floor(abs / 60), 2)}${form === 'colon' ? ':' : ''}${pad(abs % 60, 2)}`;
    return { input: `${local}${seconds}${zone}`, expected: new Date(ms).toISOString() };
  });

const yearMonthIndex = fc.integer({ min: 2024 * 12, max: 2029 * 12 + 11 });
const toYearMonth = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1, 2)}`;

/** A value, or absent, or null (both mean "not given"). */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.constant(undefined), fc.constant(null));

export interface RegistrationCase {
  input: Record<string, unknown>;
  /** Normalised values the schema must produce. */
  expected: {
    nik: string; fullName: string; rt: string; rw: string; capturedAt: string; consentAt: string;
    phone: string | undefined;
  };
}

/** A valid registration whose age at the coverage start is 15 to 65 (inclusive). */
export const registration: fc.Arbitrary<RegistrationCase> = fc
  .record({
    id: uuid,
    region: regionCode,
    sex,
    serial,
    nikDots: fc.boolean(),
    name: fullName,
    villageCode,
    address: text(200),
    rt: rtRw,
    rw: rtRw,
    occupation: fc.constantFrom(...OCCUPATIONS),
    occupationOther: text(100),
    monthlyIncome: fc.integer({ min: 1_000_000, max: 20_700_000 }),
    fundingSource: fc.constantFrom(...FUNDING_SOURCES),
    start: yearMonthIndex,
    months: fc.integer({ min: 0, max: 24 }),
    ageSeed: fc.nat(),
    noticeVersion: text(20),
    consentAt: isoTime,
    capturedAt: isoTime,
    birthPlace: maybe(text(100)),
    motherName: maybe(fullName),
    phone: maybe(phone),
    kkNumber: maybe(fc.stringMatching(/^\d{16}$/)),
    maritalStatus: maybe(fc.constantFrom(...MARITAL_STATUSES)),
    heir: maybe(fc.record({ name: fullName, relationship: text(30), phone: maybe(phone) })),
  })
  .map((r) => {
    const coverageStart = toYearMonth(r.start);
    // Youngest allowed: 15 on the first day of coverage; oldest: the day before turning 66.
    const youngest = isoToDay(addYears(`${coverageStart}-01`, -15));
    const oldest = isoToDay(addYears(`${coverageStart}-01`, -66)) + 1;
    const birthDate = dayToIso(youngest - (r.ageSeed % (youngest - oldest + 1)));
    const nik = composeNik({ regionCode: r.region, birthDate, sex: r.sex, serial: r.serial });
    const input: Record<string, unknown> = {
      id: r.id,
      nik: r.nikDots ? `${nik.slice(0, 6)}.${nik.slice(6, 12)}. ${nik.slice(12)}` : nik,
      fullName: r.name.input,
      birthDate,
      sex: r.sex,
      villageCode: r.villageCode,
      address: r.address,
      rt: r.rt.input,
      rw: r.rw.input,
      occupation: r.occupation,
      monthlyIncome: r.monthlyIncome,
      fundingSource: r.fundingSource,
      coverageStart,
      coverageEnd: toYearMonth(r.start + r.months),
      consent: { noticeVersion: r.noticeVersion, at: r.consentAt.input },
      capturedAt: r.capturedAt.input,
    };
    if (r.occupation === 'lainnya') input.occupationOther = r.occupationOther;
    const optionals: Record<string, unknown> = {
      birthPlace: r.birthPlace,
      motherName: r.motherName && r.motherName.input,
      phone: r.phone && r.phone.input,
      kkNumber: r.kkNumber === nik ? undefined : r.kkNumber,
      maritalStatus: r.maritalStatus,
      heir: r.heir && { name: r.heir.name.input, relationship: r.heir.relationship, phone: r.heir.phone?.input },
    };
    for (const [key, value] of Object.entries(optionals)) if (value !== undefined) input[key] = value;
    return {
      input,
      expected: {
        nik,
        fullName: r.name.expected,
        rt: r.rt.expected,
        rw: r.rw.expected,
        capturedAt: r.capturedAt.expected,
        consentAt: r.consentAt.expected,
        phone: r.phone?.expected,
      },
    };
  });

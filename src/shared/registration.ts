import * as z from 'zod/mini';
import {
  FUNDING_SOURCES, MARITAL_STATUSES, OCCUPATIONS, SEXES,
} from './codes';
import {
  fullName, isoDate, isoTime, kkNumber, optional, phone, rtRw, text, uuid, yearMonth,
} from './fields';
import { parseNik, normaliseNik, type NikIssue } from './nik';
import { VILLAGE_CODE_RE } from './places/codes';
import { DEFAULT_PROGRAMME, MAX_ADDRESS_LENGTH, type ProgrammeRules } from './programme';

const NIK_MESSAGES: Record<NikIssue, string> = {
  format: 'nik-format',
  province: 'nik-province',
  'birth-date': 'nik-birth-date',
  serial: 'nik-serial',
};

export const nik = z.pipe(z.string('required'), z.transform(normaliseNik)).check(
  z.superRefine((v: string, ctx) => {
    const parsed = parseNik(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: NIK_MESSAGES[parsed.issue] });
  }),
);

export const consentSchema = z.strictObject({
  noticeVersion: text(),
  at: isoTime,
}, 'required');

export const heirSchema = z.strictObject({
  name: fullName,
  relationship: text(),
  phone: optional(phone),
}, 'required');

/** Every field of a registration, before the cross-field rules. */
export const registrationFields = {
  id: uuid,
  nik,
  fullName,
  birthDate: isoDate,
  sex: z.enum(SEXES, 'required'),
  villageCode: z.string('required').check(z.regex(VILLAGE_CODE_RE, 'village-code')),
  address: text(MAX_ADDRESS_LENGTH),
  rt: rtRw,
  rw: rtRw,
  occupation: z.enum(OCCUPATIONS, 'required'),
  occupationOther: optional(text()),
  monthlyIncome: z.number('required').check(
    z.int('income-whole'),
    z.gte(DEFAULT_PROGRAMME.incomeMin, 'income-range'),
    z.lte(DEFAULT_PROGRAMME.incomeMax, 'income-range'),
  ),
  fundingSource: z.enum(FUNDING_SOURCES, 'required'),
  coverageStart: yearMonth,
  coverageEnd: yearMonth,
  consent: consentSchema,
  capturedAt: isoTime,
  birthPlace: optional(text()),
  motherName: optional(fullName),
  phone: optional(phone),
  kkNumber: optional(kkNumber),
  maritalStatus: optional(z.enum(MARITAL_STATUSES)),
  heir: optional(heirSchema),
};

export const registrationObject = z.strictObject(registrationFields);
export type Registration = z.output<typeof registrationObject>;
export type RegistrationInput = z.input<typeof registrationObject>;

/** Whole years between a birth date and a day, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

type RuleContext = { addIssue: (issue: { code: 'custom'; message: string; path: string[] }) => void };
type RuleFields = Pick<Registration, 'nik' | 'birthDate' | 'occupation' | 'occupationOther' | 'coverageStart' | 'coverageEnd' | 'kkNumber'>;

/**
 * Rules that look at more than one field; shared by create, update and the form. Any field may
 * be missing (it failed on its own): a rule needing it is then left for the next check.
 */
export function checkRegistrationRules(reg: Partial<RuleFields>, ctx: RuleContext, rules: ProgrammeRules = DEFAULT_PROGRAMME): void {
  if (reg.occupation === 'lainnya' && !reg.occupationOther) {
    ctx.addIssue({ code: 'custom', message: 'occupation-other', path: ['occupationOther'] });
  }
  if (reg.coverageStart && reg.coverageEnd && reg.coverageEnd < reg.coverageStart) {
    ctx.addIssue({ code: 'custom', message: 'coverage-order', path: ['coverageEnd'] });
  }
  if (reg.kkNumber && reg.kkNumber === reg.nik) {
    ctx.addIssue({ code: 'custom', message: 'kk-equals-nik', path: ['kkNumber'] });
  }
  if (reg.birthDate && reg.coverageStart) {
    const age = ageOn(reg.birthDate, `${reg.coverageStart}-01`);
    if (age < rules.ageMin || age > rules.ageMax) {
      ctx.addIssue({ code: 'custom', message: 'age-range', path: ['birthDate'] });
    }
  }
}

/**
 * The cross-field rules as a check that runs even when some fields failed: zod skips a
 * refinement after any failed field by default, and the operator then met the age range or the
 * coverage order only once everything else was fixed. Fields that failed on their own are left
 * out, so a rule never reads a value that did not parse. `extra` adds rules of one caller's own.
 */
export function crossFieldCheck<T extends object>(
  rules: ProgrammeRules,
  extra?: (valid: Partial<T>, ctx: RuleContext) => void,
) {
  return z.superRefine<T>((value, ctx) => {
    const failed = new Set(ctx.issues.map((issue) => String(issue.path?.[0])));
    const valid = Object.fromEntries(Object.entries(value).filter(([key]) => !failed.has(key))) as Partial<T>;
    // A field that failed already says what is wrong with it: one message per field.
    const fresh: RuleContext = {
      addIssue: (issue) => {
        if (!failed.has(String(issue.path[0]))) ctx.addIssue(issue);
      },
    };
    checkRegistrationRules(valid as Partial<RuleFields>, fresh, rules);
    extra?.(valid, fresh);
  }, { when: () => true });
}

export function makeRegistrationSchema(rules: ProgrammeRules = DEFAULT_PROGRAMME) {
  return registrationObject.check(crossFieldCheck<Registration>(rules));
}

export const registrationSchema = makeRegistrationSchema();

/** Fields an update may change (contract: all but id, villageCode, capturedAt). */
export const registrationChangesSchema = z.partial(
  z.omit(registrationObject, { id: true, villageCode: true, capturedAt: true }),
);
export type RegistrationChanges = z.output<typeof registrationChangesSchema>;

/** A field path and the key of what is wrong with it: `{ "heir.name": "required" }`. */
export function issuesByField(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  // Defined, not assigned: a client's key `__proto__` is a field name here (assigning it would
  // leave it out, or reach the prototype).
  const name = (field: string, message: string, replace: boolean) => {
    if (replace || !Object.hasOwn(out, field)) {
      Object.defineProperty(out, field, { value: message, enumerable: true, writable: true, configurable: true });
    }
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) name([...issue.path, key].join('.'), 'unknown-field', true);
      continue;
    }
    name(issue.path.join('.') || '_', issue.message, false);
  }
  return out;
}

import * as z from 'zod/mini';
import type { FundingSource, MaritalStatus, Occupation, Sex } from '../../../shared/codes';
import { parseNik } from '../../../shared/nik';
import { DEFAULT_PROGRAMME, type ProgrammeRules } from '../../../shared/programme';
import {
  crossFieldCheck, registrationFields, registrationSchema, type Registration,
} from '../../../shared/registration';

// The form validates with the very field schemas and cross-field rules the server parses
// pushes with (src/shared/registration.ts); only the shape differs: inputs hold strings, an
// empty optional input means "not given", and consent is a checkbox.

export interface EnrolFormValues {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: Sex | '';
  villageCode: string;
  address: string;
  rt: string;
  rw: string;
  occupation: Occupation | '';
  occupationOther: string;
  /** Whole rupiah; null while the input is empty. */
  monthlyIncome: number | null;
  fundingSource: FundingSource | '';
  coverageStart: string;
  coverageEnd: string;
  consent: boolean;
  /** When the consent box was ticked, and under which notice version (kept across drafts). */
  consentAt: string;
  consentVersion: string;
  birthPlace: string;
  motherName: string;
  phone: string;
  kkNumber: string;
  maritalStatus: MaritalStatus | '';
  heir: { name: string; relationship: string; phone: string };
  /** The operator checked the KTP after birth date or sex were changed from the NIK's. */
  nikMismatchConfirmed: boolean;
}

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * An empty input is "not given": optional fields then pass, and required ones say `required`
 * (rather than, say, `too-short` for an empty name or `rt-rw` for an empty RT).
 */
const input = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(blankToUndefined), schema);

/**
 * RT/RW accept a string or a number on the wire (a union). The form resolver reports a failed
 * union by its first branch's English message, so an empty input is answered before the union.
 */
const rtRwInput = (schema: typeof registrationFields.rt) =>
  // The union takes string | number; handing it a string only is always valid.
  z.pipe(
    z.string('required').check(z.trim(), z.minLength(1, 'required')),
    schema as unknown as z.ZodMiniType<string, string>,
  );

/** An heir is optional as a whole: all three inputs empty means none. */
const heirInput = z.pipe(z.transform((value: unknown): unknown => {
  const heir = value as EnrolFormValues['heir'] | undefined;
  if (!heir || (!heir.name.trim() && !heir.relationship && !heir.phone.trim())) return undefined;
  return { name: heir.name, relationship: heir.relationship, phone: blankToUndefined(heir.phone) };
}), registrationFields.heir);

/**
 * Birth date and sex the NIK says, when they differ from what the form holds. Also called on
 * half-validated values (a field that failed may be missing), hence the loose input type.
 */
export function nikMismatch(values: {
  nik?: string | undefined; birthDate?: string | undefined; sex?: string | undefined;
}): { birthDate: string; sex: Sex } | null {
  if (typeof values.nik !== 'string') return null;
  const parsed = parseNik(values.nik);
  if (!parsed.ok) return null;
  const { birthDate, sex } = parsed.value;
  const differs = (!!values.birthDate && values.birthDate !== birthDate) || (!!values.sex && values.sex !== sex);
  return differs ? { birthDate, sex } : null;
}

/** The form's values once each field parsed: what the cross-field rules look at. */
type FormChecked = Omit<Registration, 'consent' | 'id' | 'capturedAt'> & { nikMismatchConfirmed: boolean };

export function makeEnrolFormSchema(rules: ProgrammeRules = DEFAULT_PROGRAMME) {
  const f = registrationFields;
  return z
    .object({
      nik: input(f.nik),
      fullName: input(f.fullName),
      birthDate: input(f.birthDate),
      sex: input(f.sex),
      villageCode: input(f.villageCode),
      address: input(f.address),
      rt: rtRwInput(f.rt),
      rw: rtRwInput(f.rw),
      occupation: input(f.occupation),
      occupationOther: input(f.occupationOther),
      monthlyIncome: input(f.monthlyIncome),
      fundingSource: input(f.fundingSource),
      coverageStart: input(f.coverageStart),
      coverageEnd: input(f.coverageEnd),
      consent: z.literal(true, 'consent'),
      consentAt: z.string(),
      consentVersion: z.string(),
      birthPlace: input(f.birthPlace),
      motherName: input(f.motherName),
      phone: input(f.phone),
      kkNumber: input(f.kkNumber),
      maritalStatus: input(f.maritalStatus),
      heir: heirInput,
      nikMismatchConfirmed: z.boolean(),
    })
    .check(crossFieldCheck<FormChecked>(rules, (v, ctx) => {
      // A warning, not an error (domain.md): saving only needs the operator's confirmation.
      if (!v.nikMismatchConfirmed && nikMismatch({ nik: v.nik, birthDate: v.birthDate, sex: v.sex })) {
        ctx.addIssue({ code: 'custom', message: 'nik-mismatch', path: ['nikMismatchConfirmed'] });
      }
    }));
}

export const enrolFormSchema = makeEnrolFormSchema();
export type EnrolFormOutput = z.output<typeof enrolFormSchema>;

export function currentMonth(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** What carries over from one capture to the next: the same village and programme. */
export type CarryOver = Pick<EnrolFormValues, 'villageCode' | 'fundingSource' | 'coverageStart' | 'coverageEnd'>;

/** A fresh form: income at the programme minimum, cover from this month to December. */
export function emptyFormValues(carry: Partial<CarryOver> = {}, now = new Date()): EnrolFormValues {
  return {
    nik: '', fullName: '', birthDate: '', sex: '',
    villageCode: carry.villageCode ?? '', address: '', rt: '', rw: '',
    occupation: '', occupationOther: '',
    monthlyIncome: DEFAULT_PROGRAMME.incomeMin,
    fundingSource: carry.fundingSource ?? '',
    coverageStart: carry.coverageStart ?? currentMonth(now),
    coverageEnd: carry.coverageEnd ?? `${now.getFullYear()}-12`,
    consent: false, consentAt: '', consentVersion: '',
    birthPlace: '', motherName: '', phone: '', kkNumber: '', maritalStatus: '',
    heir: { name: '', relationship: '', phone: '' },
    nikMismatchConfirmed: false,
  };
}

/** The phone's `+628…` back to the `08…` people type. */
function localPhone(phone: string | undefined): string {
  return phone ? phone.replace(/^\+62/, '0') : '';
}

/** A stored registration as form values, for editing. */
export function formValuesOf(reg: Registration): EnrolFormValues {
  const parsed = parseNik(reg.nik);
  const matchesNik = parsed.ok && parsed.value.birthDate === reg.birthDate && parsed.value.sex === reg.sex;
  return {
    nik: reg.nik, fullName: reg.fullName, birthDate: reg.birthDate, sex: reg.sex,
    villageCode: reg.villageCode, address: reg.address, rt: reg.rt, rw: reg.rw,
    occupation: reg.occupation, occupationOther: reg.occupationOther ?? '',
    monthlyIncome: reg.monthlyIncome, fundingSource: reg.fundingSource,
    coverageStart: reg.coverageStart, coverageEnd: reg.coverageEnd,
    consent: true, consentAt: reg.consent.at, consentVersion: reg.consent.noticeVersion,
    birthPlace: reg.birthPlace ?? '', motherName: reg.motherName ?? '', phone: localPhone(reg.phone),
    kkNumber: reg.kkNumber ?? '', maritalStatus: reg.maritalStatus ?? '',
    heir: {
      name: reg.heir?.name ?? '', relationship: reg.heir?.relationship ?? '', phone: localPhone(reg.heir?.phone),
    },
    // Saved once already with the mismatch confirmed; editing must not ask again.
    nikMismatchConfirmed: !matchesNik,
  };
}

/** The wire registration the form describes, parsed once more by the shared schema. */
export function toRegistration(
  out: EnrolFormOutput,
  meta: { id: string; capturedAt: string },
): Registration {
  const {
    consent: _consent, consentAt, consentVersion, nikMismatchConfirmed: _confirmed, ...fields
  } = out;
  const raw: Record<string, unknown> = {
    ...fields,
    id: meta.id,
    capturedAt: meta.capturedAt,
    consent: { noticeVersion: consentVersion || DEFAULT_PROGRAMME.noticeVersion, at: consentAt },
  };
  // Absent, not undefined: the stored record and the pushed JSON then look the same.
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return registrationSchema.parse(raw);
}

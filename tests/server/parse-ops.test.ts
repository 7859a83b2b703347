// parseOp hands a create's registration straight to its schema when the envelope schema would
// pass it unchanged. Every outcome (the normalised record, its key order, each rejection and its
// fields) must be what the envelope schema first gave; the reference below is that first path.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesByField, opSchemas, registrationSchema } from '../../src/shared';
import { loadPlaces } from '../../src/server/places';
import { hostileField } from '../../src/server/sync/hostile';
import { invalidFields, parseOp, type ParsedOp } from '../../src/server/sync/parse-ops';
import { registration as registrationCase } from '../shared/arbitraries';
import { TANJUNGSARI } from './support/wire';

const places = loadPlaces();

/** The create branch as it was: envelope schema first, always, once the op is not hostile (R3). */
function referenceCreate(raw: Record<string, unknown>): { invalid: Record<string, string> } | { registration: unknown } {
  const hostile = hostileField(raw);
  if (hostile) return { invalid: hostile };
  const env = opSchemas['registration.create'].safeParse(raw);
  if (!env.success) return { invalid: issuesByField(env.error) };
  const reg = registrationSchema.safeParse(env.data.registration);
  if (!reg.success) return { invalid: issuesByField(reg.error) };
  if (!places.village(reg.data.villageCode)) return { invalid: { villageCode: 'village-unknown' } };
  return { registration: reg.data };
}

function expectSameOutcome(raw: Record<string, unknown>): void {
  // A symbol key (never in JSON) makes issuesByField throw on either path: the same outcome.
  let expected: ReturnType<typeof referenceCreate>;
  try {
    expected = referenceCreate(raw);
  } catch (error) {
    expect(() => parseOp(raw, places)).toThrow((error as Error).message);
    return;
  }
  const parsed: ParsedOp = parseOp(raw, places);
  if ('invalid' in expected) {
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.result).toStrictEqual(invalidFields(raw.opId as string, expected.invalid));
    return;
  }
  expect(parsed.kind).toBe('create');
  if (parsed.kind !== 'create') return;
  expect(parsed.registration).toStrictEqual(expected.registration);
  // Key order too: it is the order of the stored and answered JSON.
  expect(Object.keys(parsed.registration)).toEqual(Object.keys(expected.registration as object));
}

type Mutation = (reg: Record<string, unknown>, op: Record<string, unknown>) => Record<string, unknown>;
const mutations: Record<string, Mutation> = {
  none: (_reg, op) => op,
  extraOpKey: (_reg, op) => ({ ...op, extra: 1 }),
  extraRegistrationKey: (reg, op) => ({ ...op, registration: { ...reg, shoeSize: 42 } }),
  missingField: (reg, op) => {
    const { fullName: _gone, ...rest } = reg;
    return { ...op, registration: rest };
  },
  registrationNull: (_reg, op) => ({ ...op, registration: null }),
  registrationArray: (reg, op) => ({ ...op, registration: [reg] }),
  registrationString: (_reg, op) => ({ ...op, registration: 'x' }),
  registrationMissing: (_reg, op) => {
    const { registration: _gone, ...rest } = op;
    return rest;
  },
  nullPrototype: (reg, op) => ({ ...op, registration: Object.assign(Object.create(null) as object, reg) }),
  ownProtoKey: (reg, op) => ({ ...op, registration: { ...reg, ...(JSON.parse('{"__proto__": {"x": 1}}') as object) } }),
  symbolKey: (reg, op) => ({ ...op, registration: { ...reg, [Symbol('s')]: 1 } }),
  hiddenKey: (reg, op) => ({ ...op, registration: Object.defineProperty({ ...reg }, 'shoeSize', { value: 42, enumerable: false }) }),
  hiddenField: (reg, op) => {
    const { nik, ...rest } = reg;
    return { ...op, registration: Object.defineProperty(rest, 'nik', { value: nik, enumerable: false }) };
  },
  inheritedOpKey: (_reg, op) => Object.assign(Object.create({ extra: 1 }) as object, op),
  inheritedType: (_reg, op) => {
    const { type, ...rest } = op;
    return Object.assign(Object.create({ type }) as object, rest);
  },
  badOpIdType: (_reg, op) => ({ ...op, type: 'registration.create', opId: op.opId }),
};

describe('parseOp, create ops: the same outcome as through the envelope schema', () => {
  it('for valid registrations, corrupted ones, and odd envelopes', () => {
    const village = fc.oneof(fc.constant(TANJUNGSARI), fc.constant('99.99.99.9999'), fc.constant(undefined));
    fc.assert(fc.property(registrationCase, fc.uuid(), fc.constantFrom(...Object.keys(mutations)), village, (c, opId, name, code) => {
      const reg = code === undefined ? { ...c.input } : { ...c.input, villageCode: code };
      const op = { opId, type: 'registration.create', registration: reg };
      expectSameOutcome((mutations[name] as Mutation)(reg, op));
    }), { numRuns: 1500 });
  });
});

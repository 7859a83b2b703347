import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OPS_PER_PUSH, MAX_QUOTA } from '../../src/shared/programme';
import {
  createOpSchema, handoverOpSchema, opEnvelopeSchema, opSchemas, pushRequestSchema, quotaPutSchema,
  receiverSchema, scopeSchema, updateOpSchema, villageCodeSchema, voidOpSchema,
} from '../../src/shared/protocol';
import { isoTime, uuid } from './arbitraries';

const ID = '3f8a1c2e-1111-4222-8333-123456789abc';
const OP_ID = '9b2d7e10-2222-4333-8444-abcdefabcdef';

/** One valid op of each type, as a device sends it. */
const VALID_OPS = {
  'registration.create': { opId: OP_ID, type: 'registration.create', registration: { id: ID } },
  'registration.update': { opId: OP_ID, type: 'registration.update', id: ID, baseVersion: 1, changes: { rt: '3' } },
  'registration.void': { opId: OP_ID, type: 'registration.void', id: ID, reason: 'Pindah domisili' },
  'card.handover': {
    opId: OP_ID, type: 'card.handover', registrationId: ID, handedAt: '2025-03-01T09:00:00+07:00',
    receiver: { kind: 'self' },
  },
} as const;

/** Does a push of `n` (empty) ops pass the request schema? */
const at = (n: number) => pushRequestSchema.safeParse({ deviceId: ID, ops: Array.from({ length: n }, () => ({})) }).success;

describe('pushRequestSchema', () => {
  it(`takes 1 to ${MAX_OPS_PER_PUSH} ops, no fewer, no more`, () => {
    fc.assert(fc.property(uuid, fc.integer({ min: 0, max: MAX_OPS_PER_PUSH + 20 }), (deviceId, n) => {
      const ops = Array.from({ length: n }, () => ({ opId: OP_ID }));
      expect(pushRequestSchema.safeParse({ deviceId, ops }).success).toBe(n >= 1 && n <= MAX_OPS_PER_PUSH);
    }), { numRuns: 200 });
    expect([at(0), at(1), at(MAX_OPS_PER_PUSH), at(MAX_OPS_PER_PUSH + 1)]).toEqual([false, true, true, false]);
  });

  it('needs a device id and ops that are objects', () => {
    expect(pushRequestSchema.safeParse({ deviceId: 'phone-1', ops: [{}] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ deviceId: ID, ops: ['op'] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ deviceId: ID, ops: [[]] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ ops: [{}] }).success).toBe(false);
  });
});

describe('op schemas', () => {
  it('accept one valid op of each type, and each refuses the others', () => {
    for (const [type, schema] of Object.entries(opSchemas)) {
      for (const [otherType, op] of Object.entries(VALID_OPS)) {
        expect(schema.safeParse(op).success, `${type} on ${otherType}`).toBe(type === otherType);
      }
    }
  });

  it('are strict: any extra key is refused', () => {
    const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['opId', 'type', 'registration', 'id', 'baseVersion', 'changes', 'reason', 'registrationId', 'handedAt', 'receiver', 'eventId'].includes(k));
    fc.assert(fc.property(fc.constantFrom(...Object.keys(VALID_OPS) as Array<keyof typeof VALID_OPS>), extraKey, (type, key) => {
      const r = opSchemas[type].safeParse({ ...VALID_OPS[type], [key]: 1 });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
    }));
  });

  it('the envelope reads opId and type and lets the rest through', () => {
    const op = { ...VALID_OPS['registration.void'], surprise: true };
    expect(opEnvelopeSchema.parse(op)).toEqual(op);
    expect(opEnvelopeSchema.safeParse({ type: 'registration.void' }).success).toBe(false);
    expect(opEnvelopeSchema.safeParse({ opId: 'x', type: 'registration.void' }).success).toBe(false);
  });

  it('update needs a whole baseVersion of at least 1', () => {
    const base = VALID_OPS['registration.update'];
    expect([0, -1, 1.5].map((v) => updateOpSchema.safeParse({ ...base, baseVersion: v }).success)).toEqual([false, false, false]);
    expect(updateOpSchema.safeParse({ ...base, baseVersion: 7 }).success).toBe(true);
  });

  it('void needs a reason that is not blank', () => {
    expect(voidOpSchema.safeParse({ ...VALID_OPS['registration.void'], reason: '   ' }).success).toBe(false);
  });

  it('create keeps the registration for its own schema', () => {
    expect(createOpSchema.safeParse({ ...VALID_OPS['registration.create'], registration: 'x' }).success).toBe(false);
  });

  it('handover stores handedAt in UTC', () => {
    fc.assert(fc.property(isoTime, (t) => {
      const r = handoverOpSchema.parse({ ...VALID_OPS['card.handover'], handedAt: t.input });
      expect(r.handedAt).toBe(t.expected);
    }));
  });
});

describe('receiverSchema', () => {
  it('is the worker or a named representative', () => {
    expect(receiverSchema.parse({ kind: 'self' })).toEqual({ kind: 'self' });
    expect(receiverSchema.parse({ kind: 'representative', name: ' siti  aminah ', relationship: 'istri' }))
      .toEqual({ kind: 'representative', name: 'SITI AMINAH', relationship: 'istri' });
  });

  it('refuses an unknown kind, a missing name or relationship, and extra keys', () => {
    for (const bad of [
      { kind: 'neighbour' }, {}, { kind: 'representative', relationship: 'istri' },
      { kind: 'representative', name: 'Siti' }, { kind: 'representative', name: 'Siti 2', relationship: 'istri' },
      { kind: 'self', name: 'Siti' },
      { kind: 'representative', name: 'Siti', relationship: 'istri', phone: '0812' },
    ]) {
      expect(receiverSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('small request schemas', () => {
  it(`quotaPutSchema takes whole numbers 0 to ${MAX_QUOTA}`, () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: MAX_QUOTA + 50 }), (q) => {
      expect(quotaPutSchema.safeParse({ quota: q }).success).toBe(q >= 0 && q <= MAX_QUOTA);
    }));
    expect(quotaPutSchema.safeParse({ quota: 10.5 }).success).toBe(false);
    expect(quotaPutSchema.safeParse({ quota: 10, village: '32.14.16.2005' }).success).toBe(false);
  });

  it('scope and village code schemas follow the dotted codes', () => {
    expect(['*', '32', '32.14', '32.14.16', '32.14.16.2005'].every((s) => scopeSchema.safeParse(s).success)).toBe(true);
    expect(['', '3', '32.', '32.1', '**', ' 32'].some((s) => scopeSchema.safeParse(s).success)).toBe(false);
    expect(villageCodeSchema.safeParse('32.14.16.2005').success).toBe(true);
    expect(villageCodeSchema.safeParse('32.14.16').success).toBe(false);
  });
});

describe('board levels (GET /quotas?level=)', () => {
  it('a level lies below a scope only when its codes are longer; the next one is the first such', async () => {
    const { levelBelow, nextLevel } = await import('../../src/shared');
    expect(['province', 'regency', 'district'].map((l) => levelBelow(l as 'province', '*'))).toEqual([true, true, true]);
    expect(levelBelow('province', '32')).toBe(false);
    expect(levelBelow('regency', '32')).toBe(true);
    expect(levelBelow('regency', '32.14')).toBe(false);
    expect([nextLevel('*'), nextLevel('32'), nextLevel('32.14'), nextLevel('32.14.16')]).toEqual(['province', 'regency', 'district', undefined]);
  });
});

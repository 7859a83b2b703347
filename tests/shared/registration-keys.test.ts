import { describe, expect, it } from 'vitest';
import { registrationFields } from '../../src/shared/registration';
import { laterNameParts, nameKeyOf, nikRuns, REGISTRATION_KEYS } from '../../src/shared/registration-keys';

describe('REGISTRATION_KEYS', () => {
  it('names exactly the schema\'s fields, in its order', () => {
    expect([...REGISTRATION_KEYS]).toEqual(Object.keys(registrationFields));
  });
});

describe('search keys', () => {
  it('gives the name from each later word on, a repeated word once', () => {
    expect(laterNameParts(nameKeyOf('  Siti   NURJANAH binti Ahmad '))).toEqual(['nurjanah binti ahmad', 'binti ahmad', 'ahmad']);
    expect(laterNameParts('h. ahmad bin ahmad')).toEqual(['ahmad bin ahmad', 'bin ahmad']);
    expect(laterNameParts('budi')).toEqual([]);
  });

  it('gives the NIK from each later digit on, down to its last four', () => {
    const runs = nikRuns('3214165203850007');
    expect(runs).toHaveLength(12);
    expect(runs[0]).toBe('214165203850007');
    expect(runs.at(-1)).toBe('0007');
  });
});

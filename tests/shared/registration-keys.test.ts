import { describe, expect, it } from 'vitest';
import { registrationFields } from '../../src/shared/registration';
import { REGISTRATION_KEYS } from '../../src/shared/registration-keys';

describe('REGISTRATION_KEYS', () => {
  it('names exactly the schema\'s fields, in its order', () => {
    expect([...REGISTRATION_KEYS]).toEqual(Object.keys(registrationFields));
  });
});

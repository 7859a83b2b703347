import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  districtOf, isScope, isVillageCode, provinceOf, regencyOf, scopeContains, villageKind,
} from '../../src/shared/places/codes';
import { villageCode } from './arbitraries';

/** The four levels above and at a village: `32`, `32.14`, `32.14.16`, `32.14.16.2005`. */
const levels = (code: string) => [code.slice(0, 2), code.slice(0, 5), code.slice(0, 8), code];

describe('scopeContains', () => {
  it('a village is inside *, its province, regency, district, and itself', () => {
    fc.assert(fc.property(villageCode, (code) => {
      expect(scopeContains('*', code)).toBe(true);
      for (const scope of levels(code)) expect(scopeContains(scope, code), scope).toBe(true);
    }));
  });

  it('a village is outside any other region at the same level', () => {
    fc.assert(fc.property(villageCode, villageCode, (a, b) => {
      levels(a).forEach((scope, level) => {
        expect(scopeContains(scope, b)).toBe(levels(b)[level] === scope);
      });
    }));
  });

  it('only whole code segments count: 32.1 does not contain 32.14.16.2005', () => {
    expect(scopeContains('32.1', '32.14.16.2005')).toBe(false);
    expect(scopeContains('3', '32.14.16.2005')).toBe(false);
    expect(scopeContains('32.14.16.200', '32.14.16.2005')).toBe(false);
    expect(scopeContains('32.14', '32.15.01.2001')).toBe(false);
    // A region contains its sub-regions too (a coordinator of 32 sees 32.14).
    expect(scopeContains('32', '32.14')).toBe(true);
    expect(scopeContains('32.14.16', '32.14')).toBe(false);
  });
});

describe('isScope', () => {
  it('accepts * and every level of a dotted code', () => {
    fc.assert(fc.property(villageCode, (code) => {
      for (const scope of levels(code)) expect(isScope(scope)).toBe(true);
    }));
    expect(isScope('*')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const s of ['', '**', '* ', '3', '321', '32.', '32.1', '32.14.1', '32.14.16.205', '32.14.16.20051',
      ' 32', '32.14.16.2005.1', 'ab', '32-14', '32.14.16.2005\n']) {
      expect(isScope(s), JSON.stringify(s)).toBe(false);
    }
  });
});

describe('villageKind', () => {
  it('reads the first digit of the village part: 1 kelurahan, 2 desa, 3 desa adat', () => {
    fc.assert(fc.property(villageCode, (code) => {
      const expected = { 1: 'kelurahan', 2: 'desa', 3: 'desa-adat' }[code.charAt(9) as '1' | '2' | '3'];
      expect(villageKind(code)).toBe(expected);
    }));
    expect(villageKind('32.14.16.2005')).toBe('desa');
    expect(villageKind('32.14.01.1001')).toBe('kelurahan');
  });

  it('has no kind for other digits or for codes that are not villages', () => {
    for (const code of ['32.14.16.4001', '32.14.16.0001', '32.14.16.9001', '32.14.16', '32.14', '', '32.14.16.2005x', 'xx.xx.xx.2005']) {
      expect(villageKind(code), code).toBeNull();
    }
  });
});

describe('code helpers', () => {
  it('cut a village code into its levels', () => {
    fc.assert(fc.property(villageCode, (code) => {
      const [p, r, d] = levels(code);
      expect([provinceOf(code), regencyOf(code), districtOf(code)]).toEqual([p, r, d]);
      expect(isVillageCode(code)).toBe(true);
      expect(isVillageCode(d as string)).toBe(false);
    }));
  });
});

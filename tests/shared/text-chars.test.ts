import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fullName, hasForbiddenChars, text, withoutForbiddenChars } from '../../src/shared/fields';

// Contract Revision 2, R3: the one rule for characters no text may carry, and names typed in
// decomposed Unicode.

/** The rule as a reader would write it, code unit by code unit. */
function forbiddenByUnits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x09 || c === 0x0a) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = v.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { i += 1; continue; }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

const units = fc.string({ unit: fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('a', '\t', '\n', '\r', '\u0000', '\ud83d', '\ude00', '\ud83d\ude00', '\ufffe', '\uffff', '\u0085'),
), maxLength: 12 });

describe('forbidden characters', () => {
  it('hasForbiddenChars answers as the code-unit rule', () => {
    fc.assert(fc.property(units, (v) => hasForbiddenChars(v) === forbiddenByUnits(v)));
  });

  it('withoutForbiddenChars leaves nothing forbidden and keeps everything else', () => {
    fc.assert(fc.property(units, (v) => {
      const clean = withoutForbiddenChars(v);
      expect(hasForbiddenChars(clean)).toBe(false);
      if (!forbiddenByUnits(v)) expect(clean).toBe(v);
    }));
    expect(withoutForbiddenChars('Jl.\uffff Mawar\u0000 \ud83d\ude00\udc00')).toBe('Jl. Mawar \ud83d\ude00');
  });

  it('text() refuses them as text-chars, and keeps tab and newline', () => {
    const result = z.safeParse(text(), 'Jl. Mawar\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('text-chars');
    expect(z.parse(text(), 'RT 3\tRW 5\nBlok A')).toBe('RT 3\tRW 5\nBlok A');
  });
});

describe('fullName', () => {
  it('accepts a name typed with combining accents, stored composed (NFC)', () => {
    const decomposed = 'Jose\u0301 Mari\u0301a';
    expect(z.parse(fullName, decomposed)).toBe('JOS\u00c9 MAR\u00cdA');
    expect(z.parse(fullName, decomposed)).toBe(z.parse(fullName, decomposed.normalize('NFC')));
  });
});

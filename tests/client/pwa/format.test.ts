import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDay, formatMonth, makeFormat, scaleBytes } from '../../../src/client/pwa/format';

// formatBytes avoids Intl.NumberFormat at start-up; it must still say exactly what Intl says
// (the unit is chosen as before, by scaleBytes; the literal cases below pin that too).
const viaIntl = (bytes: number, locale: 'id' | 'en') => {
  const { value, unit, name } = scaleBytes(bytes);
  const tag = locale === 'id' ? 'id-ID' : 'en-GB';
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${name}`;
};

describe('formatBytes', () => {
  it('reads as Indonesian and English write sizes', () => {
    expect(formatBytes(0, 'id')).toBe('0 B');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1023 * 1024 + 1000, 'id')).toBe('1.024 KB');
    expect(formatBytes(5 * 1024 ** 3 * 1024, 'en')).toBe('5,120 GB');
  });

  it('matches Intl.NumberFormat for every size it meets, halves included', () => {
    const sizes = [1, 999, 1023, 1024, 1025, 1075, 1126, 1127, 10_240, 1_048_576, 1_101_004, 52_428_800, 123_456_789, 2 ** 31, 9_999_999_999];
    for (let i = 0; i < 2000; i++) sizes.push(Math.floor(Math.abs(Math.sin(i + 1)) * 10 ** (1 + (i % 12))));
    // Exact halves of a tenth: 1.25 KB, 3.75 MB.
    sizes.push(1280, 3.75 * 1024 ** 2, 0.05 * 1024 ** 2 + 1024 ** 2);
    for (const bytes of sizes) {
      for (const locale of ['id', 'en'] as const) expect(formatBytes(bytes, locale), `${bytes} ${locale}`).toBe(viaIntl(bytes, locale));
    }
  });
});

describe('formatCount', () => {
  it('groups thousands as Intl.NumberFormat does in both languages', () => {
    expect(formatCount(12_345, 'id')).toBe('12.345');
    expect(formatCount(12_345, 'en')).toBe('12,345');
    const counts = [0, 7, 999, 1000, 9999, 10_000, 123_456, 1_000_000, 2_000_000_000, -1234];
    for (let i = 0; i < 500; i++) counts.push(Math.floor(Math.abs(Math.cos(i + 1)) * 10 ** (i % 10)));
    for (const n of counts) {
      expect(formatCount(n, 'id'), String(n)).toBe(new Intl.NumberFormat('id-ID').format(n));
      expect(formatCount(n, 'en'), String(n)).toBe(new Intl.NumberFormat('en-GB').format(n));
    }
  });
});

describe('formatDay and formatMonth', () => {
  it('write a day as Indonesians do, day first, in either language', () => {
    expect(formatDay('1978-05-12', 'id')).toBe('12 Mei 1978');
    expect(formatDay('1978-05-12', 'en')).toBe('12 May 1978');
    expect(formatDay('1978-05-12', 'id', 'numeric')).toBe('12/05/1978');
    expect(formatDay('1978-05-12', 'en', 'numeric')).toBe('12/05/1978');
    expect(formatMonth('2025-03', 'id')).toBe('Maret 2025');
    expect(formatDay('1978-13-12', 'id')).toBe('1978-13-12'); // shown as it came, not invented
  });

  it('never moves a calendar day through a time zone (an event date, a birth date)', () => {
    expect(makeFormat('id').date('2025-03-01')).toBe('1 Maret 2025');
    expect(makeFormat('en').date('1978-05-12')).toBe('12 May 1978');
  });
});

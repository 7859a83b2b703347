import type { Locale } from '../i18n/types';

const BCP47: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "08.14" today; "3 Mar 08.14" on another day: operators think in hours, not timestamps. */
export function formatSince(iso: string, locale: Locale, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat(BCP47[locale], { hour: '2-digit', minute: '2-digit' }).format(at);
  if (at.toDateString() === now.toDateString()) return time;
  const day = new Intl.DateTimeFormat(BCP47[locale], {
    day: 'numeric',
    month: 'short',
    ...(at.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(at);
  return `${day} ${time}`;
}

/** Decimal comma and dot-grouped thousands in Indonesian; the reverse in English. */
const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  id: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const grouped = (whole: number, locale: Locale) =>
  String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group);

/**
 * A count as Intl.NumberFormat writes it ("12.345" in Indonesian), without it: the sync band
 * shows counts in the first frames, where the first NumberFormat of a locale costs a cheap
 * phone tens of ms loading the locale's data (P2).
 */
export function formatCount(n: number, locale: Locale): string {
  const whole = Math.round(n);
  return whole < 0 ? `-${grouped(-whole, locale)}` : grouped(whole, locale);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A size in the largest unit it reaches (up to GB): 1536 is 1.5 in unit 1, KB. */
export function scaleBytes(bytes: number): { value: number; unit: number; name: string } {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return { value, unit, name: BYTE_UNITS[unit] as string };
}

/**
 * "1,5 MB": what Intl.NumberFormat gives with one fraction digit at most, without it. The home
 * screen shows this at start, and the first NumberFormat of a locale loads its data: about
 * 25 ms of a cheap phone's main thread, inside the start-up that Lighthouse weighs (P2).
 */
export function formatBytes(bytes: number, locale: Locale): string {
  const { value, unit, name } = scaleBytes(bytes);
  // Tenths as an integer: rounding half away from zero, as Intl does (toFixed would not: 1.25).
  const tenths = Math.round(value * (unit === 0 ? 1 : 10));
  const [whole, fraction] = unit === 0 ? [tenths, 0] : [Math.floor(tenths / 10), tenths % 10];
  const number = grouped(whole, locale);
  return `${fraction === 0 ? number : `${number}${SEPARATORS[locale].decimal}${fraction}`} ${name}`;
}

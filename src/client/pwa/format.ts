import { useMemo } from 'react';
import { useI18n } from '../i18n';
import type { Locale } from '../i18n/types';

// The app's one home for dates and numbers on screen. Dates are always day first, with the
// month's name in the app's language ("12 Mei 1978", "12 May 1978") or as "12/05/1978", never
// month first, whatever the phone's own language: an en-US phone would otherwise show a birth
// date of 12 May as 05/12, read by an Indonesian as 5 December.

/** English is written the British way: day first, as in Indonesian. */
const BCP47: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const MONTHS: Record<Locale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A calendar day (`YYYY-MM-DD`: birth dates, event dates) as people write it: "12 Mei 1978",
 * or "12/05/1978" with `numeric`. Read as written, never through Date, so no time zone moves
 * the day. Anything else is shown as it came.
 */
export function formatDay(ymd: string, locale: Locale, style: 'long' | 'numeric' = 'long'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  const month = match ? MONTHS[locale][Number(match[2]) - 1] : undefined;
  if (!match || !month) return ymd;
  const [, y, m, d] = match;
  return style === 'numeric' ? `${d}/${m}/${y}` : `${Number(d)} ${month} ${y}`;
}

/** A month (`YYYY-MM`: coverage periods): "Maret 2025". */
export function formatMonth(ym: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(ym);
  const month = match ? MONTHS[locale][Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : ym;
}

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

export interface Format {
  num: (n: number) => string;
  /** A moment (ISO time): "12 Mei 2025 08.14". */
  time: (iso: string) => string;
  /** A calendar day (`YYYY-MM-DD`) or the day of a moment: "12 Mei 2025". */
  date: (isoOrDay: string) => string;
}

/** A time the server sent malformed is shown as it came, not as "Invalid Date". */
const safe = (f: Intl.DateTimeFormat) => (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
};

/** The formatters of the screens past the first (Intl objects cost a cheap phone, see above). */
export function makeFormat(locale: Locale): Format {
  const tag = BCP47[locale];
  const num = new Intl.NumberFormat(tag);
  const time = safe(new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }));
  const date = safe(new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }));
  return {
    num: (n) => num.format(n),
    time,
    date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, locale) : date(value)),
  };
}

export function useFormat(): Format {
  const { locale } = useI18n();
  return useMemo(() => makeFormat(locale), [locale]);
}

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

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(BCP47[locale], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

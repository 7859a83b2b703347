import { useMemo } from 'react';
import { useI18n, type Locale } from '../../i18n';

// Numbers and times in the reader's language: 19.800 in Indonesian, 19,800 in English.

export interface Format {
  num: (n: number) => string;
  time: (iso: string) => string;
  date: (iso: string) => string;
}

/** A time the server sent malformed is shown as it came, not as "Invalid Date". */
const safe = (f: Intl.DateTimeFormat) => (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
};

export function makeFormat(locale: Locale): Format {
  const tag = locale === 'id' ? 'id-ID' : 'en-GB';
  const num = new Intl.NumberFormat(tag);
  const time = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  return { num: (n) => num.format(n), time: safe(time), date: safe(date) };
}

export function useFormat(): Format {
  const { locale } = useI18n();
  return useMemo(() => makeFormat(locale), [locale]);
}

/** `ABCDEFGHJK` -> `ABCD-EFGH-JK`: short codes are read aloud and typed in groups. */
export function groupCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase().match(/.{1,4}/g)?.join('-') ?? code;
}

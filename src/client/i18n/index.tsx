import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { app } from './messages/app';
import { common } from './messages/common';
import type { Locale, Messages } from './types';

export type { Locale } from './types';
export type TParams = Record<string, string | number>;
export type TFunction = (key: string, params?: TParams) => string;

// Only the shell's words ship with the first chunk. Each feature registers its own file of
// i18n/messages when its module loads (registerMessages at the top of its screen module), so a
// feature's strings travel in its lazy chunk and are there before anything of it renders.
const messages: Messages = { ...common, ...app };

/** Adds strings to the dictionary; a feature calls this at module load, before it renders. */
export function registerMessages(...dicts: readonly Messages[]): void {
  for (const dict of dicts) Object.assign(messages, dict);
}

/** Whether `key` has words (shell or a registered feature). */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(messages, key);
}

/** Looks a key up; an unknown key shows itself so that a missing string is seen, not hidden. */
export function translate(locale: Locale, key: string, params?: TParams): string {
  const entry = messages[key];
  let text = entry ? entry[locale] : key;
  if (params) {
    for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
  }
  return text;
}

/** A shared validation key (`nik-format`) in the operator's language. */
export function translateIssue(locale: Locale, issueKey: string, params?: TParams): string {
  const key = `invalid.${issueKey}`;
  return hasMessage(key) ? translate(locale, key, params) : issueKey;
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ initial = 'id', children }: { initial?: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initial);
  const t = useCallback<TFunction>((key, params) => translate(locale, key, params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

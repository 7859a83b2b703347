export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
/** Indonesian first: it is the language of every user; English is the switch. */
export type Messages = Record<string, { id: string; en: string }>;

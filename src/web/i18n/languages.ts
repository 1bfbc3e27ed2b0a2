import i18next from 'i18next';

/**
 * The languages of the web apps and how their dates and numbers are written. Kept apart from the
 * dictionaries, so the agent app and the customer portal each bundle only their own words.
 */
export const languages = ['en', 'id'] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = { en: 'English', id: 'Bahasa Indonesia' };
/** Dates and numbers are written as people of the language write them. */
const locales: Record<Language, string> = { en: 'en-GB', id: 'id-ID' };

export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (languages as readonly string[]).includes(v);

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en');
export const currentLocale = (): string => locales[currentLanguage()];

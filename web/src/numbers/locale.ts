/** The two languages of the workbench; numbers are read and shown the way each writes them. */
export type Language = 'nl' | 'en';

export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Intl locale per language: nl-NL writes 1.283,83 and € 1.283,83; en-GB writes 1,283.83 and €1,283.83. */
export const INTL_LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

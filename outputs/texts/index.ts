import { en } from './en.js';
import { nl } from './nl.js';
import type { Language, Texts } from './texts.js';

export * from './texts.js';

const BY_LANGUAGE: Record<Language, Texts> = { nl, en };

export function textsFor(language: Language): Texts {
  return BY_LANGUAGE[language];
}

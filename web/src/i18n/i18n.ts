import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { isLanguage, type Language } from '../numbers/locale.js';
import { en } from './en.js';
import { nl, type Messages } from './nl.js';

/** The texts per language; Dutch is the default, the choice is remembered in localStorage. */
export const MESSAGES: Record<Language, Messages> = { nl, en };

const STORAGE_KEY = 'language';

export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts for this page.
  }
}

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({ language: 'nl', setLanguage: () => undefined });

/** The current language and its texts: `const { t, language } = useT(); t.builder.heading`. */
export function useT(): { t: Messages; language: Language; setLanguage: (language: Language) => void } {
  const { language, setLanguage } = useContext(LanguageContext);
  return { t: MESSAGES[language], language, setLanguage };
}

/** A contract field's label by its path: "profiles[0].monthlyBenefit" → labels["profiles[].monthlyBenefit"]. */
export function labelOf(t: Messages, path: string): string {
  const key = path.replace(/\[\d+\]/g, '[]') as keyof Messages['labels'];
  return t.labels[key] ?? path;
}

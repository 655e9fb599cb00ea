import type { Language } from './locale.js';

/**
 * Reads a number the way a Dutch (or English) user types it. Dutch: decimal comma, dot between
 * thousands ("4,5" is 4.5; "1.283,83" is 1283.83; "600.000" is 600000). English: the other way
 * round. Input that could be read two ways is refused with a reason rather than guessed: "4.5" on
 * a Dutch page (was it 4,5 or a thousands dot?), "4,5,6" anywhere. The issue behind this: the old
 * page's <input type="number"> turned "4,5" into 45 in some browsers, a 45%-a-month job-entry rate.
 */

export type NumberRefusal =
  /** Nothing typed. */
  | 'empty'
  /** Not a number at all ("abc", "4,5,6", "1..2"). */
  | 'notANumber'
  /** The other language's decimal separator ("4.5" on a Dutch page, "4,5" on an English one). */
  | 'otherDecimalSeparator';

export type ParsedNumber = { ok: true; value: number } | { ok: false; refusal: NumberRefusal };

const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  nl: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

function escape(character: string): string {
  return character === '.' ? '\\.' : character;
}

export function readLocaleNumber(text: string, language: Language): ParsedNumber {
  // Spaces (also the non-breaking ones Intl puts after €) and a leading euro sign are decoration.
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^€/, '').replace(/€$/, '');
  if (s === '') return { ok: false, refusal: 'empty' };
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/^€/, '');
  const { decimal, group } = SEPARATORS[language];
  const d = escape(decimal);
  const g = escape(group);
  // Whole part either plain digits or grouped in threes; optional decimals after the decimal separator.
  const plain = new RegExp(`^(\\d+)?(?:${d}(\\d*))?$`);
  const grouped = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d*))?$`);
  const match = grouped.exec(s) ?? plain.exec(s);
  // A trailing separator ("4," while typing) reads as the whole number; digits are needed somewhere.
  if (match !== null && /\d/.test(s)) {
    const whole = (match[1] ?? '0').split(group).join('');
    const value = Number(`${whole}.${match[2] || '0'}`);
    return Number.isFinite(value) ? { ok: true, value: sign * value + 0 } : { ok: false, refusal: 'notANumber' };
  }
  // One separator of the other language between digits, and nothing else odd: a mix-up, not nonsense.
  if (new RegExp(`^\\d*${g}\\d+$`).test(s) || new RegExp(`^\\d+${g}\\d*$`).test(s)) return { ok: false, refusal: 'otherDecimalSeparator' };
  return { ok: false, refusal: 'notANumber' };
}

export class LocaleNumberError extends Error {
  constructor(
    readonly refusal: NumberRefusal,
    readonly text: string,
  ) {
    super(`cannot read '${text}' as a number (${refusal})`);
  }
}

/** `parseLocaleNumber("4,5", "nl") === 4.5`; throws LocaleNumberError on input it refuses. */
export function parseLocaleNumber(text: string, language: Language): number {
  const parsed = readLocaleNumber(text, language);
  if (!parsed.ok) throw new LocaleNumberError(parsed.refusal, text);
  return parsed.value;
}

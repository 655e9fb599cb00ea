import type { Language } from '../numbers/locale.js';

/**
 * The API's problem messages are English and technical ("Too small: expected number to be >=0").
 * Beside a Dutch field the user reads a Dutch sentence; the known messages are translated here,
 * the rest are shown as the API wrote them behind "De rekendienst meldt:".
 */

type Rule = { pattern: RegExp; nl: (m: RegExpExecArray) => string; en: (m: RegExpExecArray) => string };

const RULES: Rule[] = [
  { pattern: /^must not be negative/, nl: () => 'mag niet negatief zijn.', en: () => 'must not be negative.' },
  { pattern: /^Too small: expected number to be >=\s*(-?[\d.e+-]+)/i, nl: (m) => `moet minstens ${m[1]} zijn.`, en: (m) => `must be at least ${m[1]}.` },
  { pattern: /^Too small: expected number to be >\s*(-?[\d.e+-]+)/i, nl: (m) => `moet groter zijn dan ${m[1]}.`, en: (m) => `must be greater than ${m[1]}.` },
  { pattern: /^Too big: expected number to be <=?\s*(-?[\d.e+-]+)/i, nl: (m) => `mag hoogstens ${m[1]} zijn.`, en: (m) => `must be at most ${m[1]}.` },
  { pattern: /^Too small: expected array to have >=?\s*(\d+)/i, nl: (m) => `voeg er minstens ${m[1]} toe.`, en: (m) => `add at least ${m[1]}.` },
  { pattern: /^Too small: expected string to have >=?\s*(\d+)/i, nl: () => 'vul dit in.', en: () => 'fill this in.' },
  { pattern: /^Too big: expected (?:array|string) to have <=?\s*(\d+)/i, nl: (m) => `hoogstens ${m[1]} toegestaan.`, en: (m) => `at most ${m[1]} allowed.` },
  { pattern: /^must be a whole number of people/, nl: () => 'moet een heel aantal personen zijn.', en: () => 'must be a whole number of people.' },
  { pattern: /expected int/i, nl: () => 'moet een geheel getal zijn.', en: () => 'must be a whole number.' },
  { pattern: /^must lie in \[0, 1\]/, nl: () => 'moet tussen 0% en 100% liggen (een kans of aandeel).', en: () => 'must lie between 0% and 100% (a chance or share).' },
  { pattern: /^max must be greater than min/, nl: () => 'de hoogste waarde moet groter zijn dan de laagste.', en: () => 'the highest value must be greater than the lowest.' },
  { pattern: /^high must be greater than low/, nl: () => 'de bovengrens moet groter zijn dan de ondergrens.', en: () => 'the upper bound must be greater than the lower bound.' },
  { pattern: /^mode must lie between min and max/, nl: () => 'de meest waarschijnlijke waarde moet tussen laagste en hoogste liggen.', en: () => 'the most likely value must lie between the lowest and the highest.' },
  { pattern: /^must be before the horizon end \(month (\d+)\)/, nl: (m) => `moet vóór het einde van de looptijd liggen (uiterlijk maand ${m[1]}).`, en: (m) => `must be before the end of the horizon (month ${m[1]} at the latest).` },
  { pattern: /^must be shorter than the horizon \((\d+) months\)/, nl: (m) => `moet korter zijn dan de looptijd (${m[1]} maanden).`, en: (m) => `must be shorter than the horizon (${m[1]} months).` },
  { pattern: /^payee investor needs an investor section/, nl: () => 'betalen aan de investeerder kan alleen met een investeerder (vul die hieronder in).', en: () => 'paying the investor needs an investor (fill it in below).' },
  { pattern: /^duplicate (?:profile|trigger) id '(.*)'/, nl: (m) => `de naam '${m[1]}' komt twee keer voor.`, en: (m) => `the name '${m[1]}' is used twice.` },
  { pattern: /^the first band must start at 0/, nl: () => 'de eerste band moet bij 0 maanden beginnen.', en: () => 'the first band must start at 0 months.' },
  { pattern: /^bands must be in increasing order/, nl: () => 'de banden moeten oplopen.', en: () => 'the bands must be in increasing order.' },
  { pattern: /^must be YYYY-MM/, nl: () => 'schrijf als jaar-maand, bijvoorbeeld 2026-01.', en: () => 'write as year-month, for example 2026-01.' },
  { pattern: /^must start with a letter/, nl: () => 'begin met een letter; alleen letters, cijfers, _ en - (hoogstens 64).', en: () => 'start with a letter; only letters, digits, _ and - (at most 64).' },
  { pattern: /^takes in (\d+) participants; at most (\d+)/, nl: (m) => `${m[1]} deelnemers; hoogstens ${m[2]} toegestaan.`, en: (m) => `${m[1]} participants; at most ${m[2]} allowed.` },
  { pattern: /^Invalid input: expected number/i, nl: () => 'vul een getal in.', en: () => 'enter a number.' },
  // What zod says of an empty (missing) number-or-distribution field.
  { pattern: /^Invalid input$/i, nl: () => 'vul hier een getal in (het veld is leeg of ongeldig).', en: () => 'enter a number here (the field is empty or not valid).' },
  { pattern: /^Invalid input/i, nl: () => 'deze waarde is niet geldig.', en: () => 'this value is not valid.' },
];

/** A sentence for the user, in their language, for one API problem message. */
export function explainProblem(message: string, language: Language): string {
  for (const rule of RULES) {
    const match = rule.pattern.exec(message);
    if (match !== null) return rule[language](match);
  }
  return language === 'nl' ? `De rekendienst meldt: ${message}` : `The service says: ${message}`;
}

import type { Messages } from '../i18n/nl.js';
import { formatInputNumber } from '../numbers/format.js';
import type { Language } from '../numbers/locale.js';
import { monthlyFromYearly, yearlyFromMonthly } from '../numbers/rates.js';

/**
 * How a field shows its value and what the API receives. The API takes euros as euros, shares and
 * yearly rates as fractions (0.0225), monthly rates as a fraction per month; the user types
 * percentages and may give a monthly rate per year. Each unit converts both ways explicitly.
 */
export type Unit = 'euro' | 'percent' | 'yearlyPercent' | 'monthlyRate' | 'months' | 'people' | 'wholeNumber' | 'plain';

/** For monthlyRate: the user's choice of how to type it. */
export type RateBasis = 'month' | 'year';

export interface UnitView {
  toDisplay: (api: number) => number;
  fromDisplay: (shown: number) => number;
  suffix: string;
  /** Decimals kept when the value is shown again. */
  digits: number;
  integer: boolean;
}

export function unitView(unit: Unit, t: Messages, basis: RateBasis = 'month'): UnitView {
  switch (unit) {
    case 'euro':
      return { toDisplay: (v) => v, fromDisplay: (v) => v, suffix: t.field.euro, digits: 2, integer: false };
    case 'percent':
      return { toDisplay: (v) => v * 100, fromDisplay: (v) => v / 100, suffix: t.field.percent, digits: 4, integer: false };
    case 'yearlyPercent':
      return { toDisplay: (v) => v * 100, fromDisplay: (v) => v / 100, suffix: t.field.perYear, digits: 4, integer: false };
    case 'monthlyRate':
      return basis === 'month'
        ? { toDisplay: (v) => v * 100, fromDisplay: (v) => v / 100, suffix: t.field.perMonth, digits: 4, integer: false }
        : { toDisplay: (v) => yearlyFromMonthly(v) * 100, fromDisplay: (v) => monthlyFromYearly(v / 100), suffix: t.field.perYear, digits: 2, integer: false };
    case 'months':
      return { toDisplay: (v) => v, fromDisplay: (v) => v, suffix: t.field.months, digits: 0, integer: true };
    case 'people':
      return { toDisplay: (v) => v, fromDisplay: (v) => v, suffix: t.field.people, digits: 0, integer: true };
    case 'wholeNumber':
      return { toDisplay: (v) => v, fromDisplay: (v) => v, suffix: '', digits: 0, integer: true };
    case 'plain':
      return { toDisplay: (v) => v, fromDisplay: (v) => v, suffix: '', digits: 6, integer: false };
  }
}

/** A plausible range in API units, written as the user sees it: "0% – 20% per maand". */
export function describeRange(range: readonly [number, number], view: UnitView, language: Language): string {
  const [low, high] = range.map((v) => formatInputNumber(view.toDisplay(v), language, 2));
  return `${low} – ${high} ${view.suffix}`.trim();
}

import { formatCount, formatEuro, formatInputNumber, formatPercent } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';

/**
 * Number formats for charts and tables: Vega's d3-format locale for the axis labels (so a Dutch
 * chart reads "€ 200.000", not "€200,000"), and the page's Intl formats for an output by its unit.
 */

export function vegaLocale(language: Language): Record<string, unknown> {
  return language === 'nl'
    ? { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''], percent: '%' } }
    : { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''], percent: '%' } };
}

/** d3 format of an axis for an output's unit. */
export function axisFormat(unit: string): string {
  if (unit === 'EUR') return '$,.0f';
  if (unit === 'probability') return '.0%';
  if (unit === 'count') return ',.0f';
  return ',.2~f';
}

/** An output's value as the page prints it: € 1.283, 12,5, 3,2 (ratio), 45% (probability). */
export function formatOutput(value: number | null | undefined, unit: string, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'EUR') return formatEuro(value, language);
  if (unit === 'probability') return formatPercent(value, language, 1);
  if (unit === 'count') return formatInputNumber(value, language, 1);
  return formatInputNumber(value, language, 2);
}

export { formatCount, formatPercent };

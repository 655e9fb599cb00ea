import type { Texts } from './texts/index.js';

/**
 * Numbers as people read them in the report and the web page: euros without cents, shares as
 * percentages, counts with one decimal where expected values are fractional. The workbook keeps
 * raw numbers and leaves the display to Excel's number formats (see workbook/cell-formats.ts).
 */
export interface NumberFormatter {
  euro(value: number | null | undefined): string;
  percent(value: number | null | undefined, digits?: number): string;
  /** A probability: whole percents, but never a rounded 0% or 100% for something that can happen or fail. */
  chance(value: number | null | undefined): string;
  count(value: number | null | undefined, digits?: number): string;
  number(value: number | null | undefined, digits?: number): string;
  /** By the unit an output or input declares: EUR, count, ratio, rate, month. */
  byUnit(value: number | null | undefined, unit: string): string;
}

export function numberFormatter(texts: Texts): NumberFormatter {
  const missing = texts.report.notAvailable;
  const euroFormat = new Intl.NumberFormat(texts.locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const cache = new Map<string, Intl.NumberFormat>();
  const fixed = (digits: number, style: 'decimal' | 'percent' = 'decimal') => {
    const key = `${style}:${digits}`;
    let format = cache.get(key);
    if (format === undefined) {
      format = new Intl.NumberFormat(texts.locale, { style, maximumFractionDigits: digits, minimumFractionDigits: 0 });
      cache.set(key, format);
    }
    return format;
  };
  const valid = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
  // Intl writes -0 as "-0" and "€ -0": a rounded zero is shown without a sign.
  const unsigned = (value: number, digits: number) => (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value);

  const formatter: NumberFormatter = {
    euro: (value) => (valid(value) ? euroFormat.format(unsigned(value, 0)) : missing),
    percent: (value, digits = 0) => (valid(value) ? fixed(digits, 'percent').format(unsigned(value, digits + 2)) : missing),
    chance: (value) => {
      if (!valid(value)) return missing;
      if (value > 0 && value < 0.005) return `< ${fixed(0, 'percent').format(0.01)}`;
      if (value < 1 && value > 0.995) return `> ${fixed(0, 'percent').format(0.99)}`;
      return fixed(0, 'percent').format(value);
    },
    count: (value, digits = 1) => (valid(value) ? fixed(digits).format(unsigned(value, digits)) : missing),
    number: (value, digits = 2) => (valid(value) ? fixed(digits).format(unsigned(value, digits)) : missing),
    byUnit: (value, unit) => {
      switch (unit) {
        case 'EUR':
          return formatter.euro(value);
        case 'rate':
          return formatter.percent(value, 2);
        case 'probability':
          return formatter.chance(value);
        case 'share':
          return formatter.percent(value, 1);
        case 'monthlyRate':
          return formatter.percent(value, 2);
        case 'count':
          return formatter.count(value);
        case 'month':
        case 'months':
          return formatter.count(value, 0);
        default:
          return formatter.number(value);
      }
    },
  };
  return formatter;
}

import { INTL_LOCALE, type Language } from './locale.js';

/**
 * Numbers as a Dutch (or English) reader expects them: "€ 1.283,83", "600.000", "12%". All
 * through Intl.NumberFormat, so the separators are the locale's and not hand-built.
 */

const cache = new Map<string, Intl.NumberFormat>();
function formatter(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language + JSON.stringify(options);
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(INTL_LOCALE[language], options);
    cache.set(key, f);
  }
  return f;
}

/** "€ 1.283,83" with `digits` 2, "€ 600.000" with 0 (the default, for results). "–" for no value. */
export function formatEuro(value: number | null | undefined, language: Language, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  // -0.3 rounds to "€ -0": show a clean zero.
  const shown = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return formatter(language, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(shown);
}

/** A whole count with thousands separators: "600.000" (nl), "600,000" (en). */
export function formatCount(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return formatter(language, { maximumFractionDigits: 0 }).format(value);
}

/** A fraction as a percentage: 0.045 → "4,5%" (up to `digits` decimals). */
export function formatPercent(fraction: number | null | undefined, language: Language, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return formatter(language, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** A chance for a reader: "< 1%" and "> 99%" rather than a misleading 0% or 100% from rounding. */
export function formatChance(fraction: number | null | undefined, language: Language): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  if (fraction > 0 && fraction < 0.005) return `< ${formatPercent(0.01, language, 0)}`;
  if (fraction < 1 && fraction > 0.995) return `> ${formatPercent(0.99, language, 0)}`;
  return formatPercent(fraction, language, 0);
}

/**
 * A number as it goes back into an input field: the locale's separators, up to `maxDigits`
 * decimals, thousands grouped (the parser reads the grouping back): 1283.83 → "1.283,83".
 */
export function formatInputNumber(value: number | null | undefined, language: Language, maxDigits = 6, grouping = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatter(language, { maximumFractionDigits: maxDigits, useGrouping: grouping }).format(value);
}

import { describe, expect, it } from 'vitest';
import { formatChance, formatCount, formatEuro, formatInputNumber, formatPercent } from '../../web/src/numbers/format.js';
import { LocaleNumberError, parseLocaleNumber, readLocaleNumber } from '../../web/src/numbers/parse-locale-number.js';
import { monthlyFromYearly, yearlyFromMonthly } from '../../web/src/numbers/rates.js';

/**
 * Dutch number entry and display (issue 15: "4,5" typed in a Dutch browser became 45, a
 * 45%-a-month job-entry rate; figures showed as "1283.83" and "600000"). Expected values are the
 * Dutch and English writing conventions themselves (decimal comma and thousands dot in Dutch).
 */

/** Intl puts a non-breaking space after €; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('reading numbers as a Dutch user types them', () => {
  it('reads "4,5" as 4.5 (a decimal comma), not 45', () => {
    expect(parseLocaleNumber('4,5', 'nl')).toBe(4.5);
  });

  it('reads "1.283,83" as 1283.83 (dot between thousands, comma before decimals)', () => {
    expect(parseLocaleNumber('1.283,83', 'nl')).toBe(1283.83);
    expect(parseLocaleNumber('600.000', 'nl')).toBe(600000);
    expect(parseLocaleNumber('€ 2.500', 'nl')).toBe(2500);
    expect(parseLocaleNumber('-0,5', 'nl')).toBe(-0.5);
    expect(parseLocaleNumber('1283', 'nl')).toBe(1283);
  });

  it('refuses "4,5,6" and other text rather than guessing', () => {
    expect(readLocaleNumber('4,5,6', 'nl')).toEqual({ ok: false, refusal: 'notANumber' });
    expect(readLocaleNumber('abc', 'nl')).toEqual({ ok: false, refusal: 'notANumber' });
    expect(readLocaleNumber('1.28.3', 'nl')).toEqual({ ok: false, refusal: 'notANumber' });
    expect(readLocaleNumber('', 'nl')).toEqual({ ok: false, refusal: 'empty' });
    expect(() => parseLocaleNumber('4,5,6', 'nl')).toThrow(LocaleNumberError);
  });

  it('refuses "4.5" on a Dutch page as the other language\'s decimal point (it is neither 4,5 nor a thousands group)', () => {
    expect(readLocaleNumber('4.5', 'nl')).toEqual({ ok: false, refusal: 'otherDecimalSeparator' });
    expect(readLocaleNumber('1283.83', 'nl')).toEqual({ ok: false, refusal: 'otherDecimalSeparator' });
  });

  it('reads English the other way round: "1,283.83" is 1283.83 and "4,5" is refused', () => {
    expect(parseLocaleNumber('1,283.83', 'en')).toBe(1283.83);
    expect(parseLocaleNumber('4.5', 'en')).toBe(4.5);
    expect(readLocaleNumber('4,5', 'en')).toEqual({ ok: false, refusal: 'otherDecimalSeparator' });
  });

  it('reads back what it shows: every formatted input value parses to itself', () => {
    for (const value of [0, 4.5, 1283.83, 600000, 0.012345, 2_500, 1_234_567.5]) {
      for (const language of ['nl', 'en'] as const) expect(parseLocaleNumber(formatInputNumber(value, language), language)).toBe(value);
    }
  });
});

describe('showing numbers the Dutch way', () => {
  it('writes euros as "€ 1.283,83" and counts as "600.000"', () => {
    expect(plain(formatEuro(1283.83, 'nl', 2))).toBe('€ 1.283,83');
    expect(plain(formatEuro(600000, 'nl'))).toBe('€ 600.000');
    expect(formatCount(600000, 'nl')).toBe('600.000');
    expect(formatCount(600000, 'en')).toBe('600,000');
    expect(formatEuro(null, 'nl')).toBe('–');
  });

  it('writes fractions as percentages with a decimal comma, and extreme chances as "< 1%" and "> 99%"', () => {
    expect(plain(formatPercent(0.045, 'nl'))).toBe('4,5%');
    expect(plain(formatChance(0.003, 'nl'))).toBe('< 1%');
    expect(plain(formatChance(0.997, 'nl'))).toBe('> 99%');
    expect(plain(formatChance(0.87, 'nl'))).toBe('87%');
  });
});

describe('rates per year and per month', () => {
  it('turns a yearly chance into the monthly one with the same yearly total: 1 - (1 - m)^12', () => {
    // 30% within a year: (1 - m)^12 = 0.7, m = 1 - exp(ln(0.7) / 12) = 1 - exp(-0.0297229) = 0.0292855 (by hand).
    expect(monthlyFromYearly(0.3)).toBeCloseTo(1 - Math.pow(0.7, 1 / 12), 14);
    expect(monthlyFromYearly(0.3)).toBeCloseTo(0.0292855, 6);
    expect(yearlyFromMonthly(monthlyFromYearly(0.3))).toBeCloseTo(0.3, 14);
  });
});

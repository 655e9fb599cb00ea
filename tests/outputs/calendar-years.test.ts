import { describe, expect, it } from 'vitest';
import { calendarYearCoverage } from '../../outputs/report/calendar-years.js';
import { textsFor } from '../../outputs/texts/index.js';

/**
 * Yearly figures are sums over the contract months in each calendar year, so a year the
 * contract covers in part must say which months it holds. Counted by hand: a contract from
 * 2026-03 over 48 months covers March–December 2026 (10 months), 2027–2029 in full and
 * January–February 2030 (2 months): 10 + 36 + 2 = 48.
 */
describe('calendar years of a contract', () => {
  it('labels the partial first and last year with their months, in Dutch and English', () => {
    const nl = calendarYearCoverage('2026-03', 48, textsFor('nl'));
    expect(nl.map((y) => [y.year, y.months])).toEqual([
      ['2026', 10],
      ['2027', 12],
      ['2028', 12],
      ['2029', 12],
      ['2030', 2],
    ]);
    expect(nl.map((y) => y.label)).toEqual(['2026 (mrt–dec, 10 mnd)', '2027', '2028', '2029', '2030 (jan–feb, 2 mnd)']);
    const en = calendarYearCoverage('2026-03', 48, textsFor('en'));
    expect(en[0].label).toBe('2026 (Mar–Dec, 10 months)');
    expect(en[4].label).toBe('2030 (Jan–Feb, 2 months)');
  });

  it('prints whole years bare, and a contract within one year with its months', () => {
    expect(calendarYearCoverage('2026-01', 24, textsFor('nl')).map((y) => y.label)).toEqual(['2026', '2027']);
    expect(calendarYearCoverage('2026-05', 3, textsFor('nl')).map((y) => y.label)).toEqual(['2026 (mei–jul, 3 mnd)']);
  });
});

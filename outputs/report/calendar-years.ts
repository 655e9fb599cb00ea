import { monthLabel } from '../../models/contract/calendar.js';
import type { Texts } from '../texts/index.js';

/**
 * The calendar years a contract covers, each with the months of it that fall within the
 * horizon. Yearly figures are sums over those months (models/contract/calendar.ts), so a year
 * the contract only partly covers must say so: "2026 (mrt–dec, 10 mnd)", never a bare "2026"
 * beside full years.
 */
export interface CalendarYearCoverage {
  /** The year as the simulation's yearly series label it ("2026"). */
  year: string;
  /** First and last month (1–12) of the year within the horizon. */
  firstMonth: number;
  lastMonth: number;
  months: number;
  /** The year as the report prints it: the bare year when whole, else with its months. */
  label: string;
}

export function calendarYearCoverage(startMonth: string, horizonMonths: number, texts: Texts): CalendarYearCoverage[] {
  const years: CalendarYearCoverage[] = [];
  for (let t = 0; t < horizonMonths; t++) {
    const [year, month] = monthLabel(startMonth, t).split('-');
    const last = years[years.length - 1];
    if (last !== undefined && last.year === year) {
      last.lastMonth = Number(month);
      last.months++;
    } else years.push({ year, firstMonth: Number(month), lastMonth: Number(month), months: 1, label: year });
  }
  for (const entry of years)
    if (entry.months < 12)
      entry.label = texts.report.partialYear(entry.year, texts.report.monthShort(entry.firstMonth), texts.report.monthShort(entry.lastMonth), entry.months);
  return years;
}

/** The printed label of a series' year label, or the label itself when the contract does not cover it. */
export function yearLabelOf(coverage: ReadonlyArray<CalendarYearCoverage>, year: string): string {
  return coverage.find((entry) => entry.year === year)?.label ?? year;
}

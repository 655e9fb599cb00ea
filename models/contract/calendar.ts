/**
 * Contract months on the calendar. Budgets are per calendar year (begrotingsjaar), and benefit
 * norms, prices and costs are indexed each January, so every yearly figure groups months by the
 * calendar year they fall in: a contract starting in July has a half first year.
 */
export interface Calendar {
  readonly horizonMonths: number;
  /** Calendar-year number (0 = the start year) of each contract month. */
  readonly yearIndexOfMonth: Int32Array;
  readonly yearLabels: string[];
}

export function buildCalendar(startMonth: string, horizonMonths: number): Calendar {
  const [yearText, monthText] = startMonth.split('-');
  const startYear = Number(yearText);
  const startMonthOfYear = Number(monthText) - 1;
  const yearIndexOfMonth = new Int32Array(horizonMonths);
  for (let t = 0; t < horizonMonths; t++) yearIndexOfMonth[t] = Math.floor((startMonthOfYear + t) / 12);
  const years = yearIndexOfMonth[horizonMonths - 1] + 1;
  const yearLabels = Array.from({ length: years }, (_, y) => String(startYear + y));
  return { horizonMonths, yearIndexOfMonth, yearLabels };
}

/** `YYYY-MM` of contract month t. */
export function monthLabel(startMonth: string, t: number): string {
  const [yearText, monthText] = startMonth.split('-');
  const absolute = Number(yearText) * 12 + Number(monthText) - 1 + t;
  return `${Math.floor(absolute / 12)}-${String((absolute % 12) + 1).padStart(2, '0')}`;
}

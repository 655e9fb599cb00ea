import { spreadIntake } from '../../../../models/contract/spread-intake.js';
import { formatCount } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';

/**
 * Intake given as a total spread over months, and back. The split is the service's own
 * (models/contract/spread-intake.ts, imported into the bundle, not copied), so the cohorts the
 * page sends are the ones the API would make from the same total.
 */

export interface Cohort {
  month: number;
  count: number;
}

/** The spread that gives these cohorts, if they are one (equal months in a row from the first). */
export function asSpread(cohorts: readonly Cohort[]): { total: number; from: number; months: number } | null {
  if (cohorts.length === 0) return null;
  const total = cohorts.reduce((a, c) => a + c.count, 0);
  const from = cohorts[0].month;
  const again = spreadIntake(total, from, cohorts.length);
  return again.every((c, k) => c.month === cohorts[k].month && c.count === cohorts[k].count) ? { total, from, months: cohorts.length } : null;
}

/** "5 × 5 (maand 0–4), 7 × 4 (maand 5–11)": runs of equal counts. */
export function describeCohorts(cohorts: readonly Cohort[], language: Language): string {
  const runs: { count: number; first: number; last: number; n: number }[] = [];
  for (const c of cohorts) {
    const last = runs[runs.length - 1];
    if (last && last.count === c.count && c.month === last.last + 1) {
      last.last = c.month;
      last.n++;
    } else runs.push({ count: c.count, first: c.month, last: c.month, n: 1 });
  }
  const month = language === 'nl' ? 'maand' : 'month';
  return runs.map((r) => `${r.n} × ${formatCount(r.count, language)} (${month} ${r.first === r.last ? r.first : `${r.first}–${r.last}`})`).join(', ');
}


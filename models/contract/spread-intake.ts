/**
 * Intake in whole people. A contract fixes how many people enter and when; a total given for a
 * period ("60 participants over two years") must become whole cohorts that add up to it exactly.
 *
 * Rule: largest remainder (Hamilton's method). Each cohort first gets the whole part of its exact
 * share, total x weight / sum of weights; the people left over (fewer than the number of cohorts)
 * go one each to the cohorts with the largest fractional parts, ties to the earliest cohort. For
 * equal weights this is floor(total / months) each, with the remainder one extra each in the
 * earliest months: 60 over 24 months is 3 in each of the first 12 months and 2 in the last 12.
 *
 * Why this rule: no cohort is ever more than one person away from its exact share and the counts
 * always add up to the total (rounding each share would give 24 x 3 = 72 for 60 people); ties go
 * early because a recruiter fills the first places first, and because it makes the rule
 * deterministic. Only integer arithmetic is used (weights are whole counts). The web workbench
 * imports this module into its bundle (web/src/screens/contract-builder/intake-spread.ts), so
 * the page and the service split a total the same way; it must stay free of node-only imports.
 */

/**
 * `total` whole people split over cohorts in proportion to `weights` (whole, non-negative; all
 * zero means equal), by largest remainder with ties to the earliest. Same length as `weights`.
 */
export function apportionWholePeople(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number of people, got ${total}`);
  const n = weights.length;
  if (n === 0) {
    if (total > 0) throw new RangeError('no cohort to put people in');
    return [];
  }
  const whole = weights.map((w) => {
    if (!Number.isInteger(w) || w < 0) throw new RangeError(`weights must be whole numbers >= 0, got ${w}`);
    return w;
  });
  let sum = whole.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    whole.fill(1);
    sum = n;
  }
  // total x weight < 2^53 for every intake the service accepts (100,000 x 100,000 = 1e10).
  const counts = whole.map((w) => Math.floor((total * w) / sum));
  const remainders = whole.map((w) => (total * w) % sum);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; left > 0; k++, left--) counts[order[k]]++;
  return counts;
}

export interface IntakeCohort {
  month: number;
  count: number;
}

/** `total` people spread evenly over `months` monthly cohorts from `fromMonth`: floor(total / months) each, the rest one extra each in the earliest months. */
export function spreadIntake(total: number, fromMonth: number, months: number): IntakeCohort[] {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number >= 1, got ${months}`);
  return apportionWholePeople(new Array<number>(months).fill(1), total).map((count, k) => ({ month: fromMonth + k, count }));
}

/**
 * Percentile bootstrap interval (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*,
 * §13.3): the (1 − level)/2 and (1 + level)/2 quantiles of the bootstrap estimates, with linear
 * interpolation between order statistics (R's type 7). NaN estimates (a resample whose output
 * happened not to vary) are left out.
 *
 * Sorts `estimates` in place. Complexity O(B log B) for B estimates.
 */
export function percentileInterval(estimates: Float64Array, confidenceLevel: number): { low: number; high: number } {
  estimates.sort(); // typed-array sort is numeric and puts NaN last
  let count = estimates.length;
  while (count > 0 && Number.isNaN(estimates[count - 1])) count--;
  if (count === 0) return { low: NaN, high: NaN };
  const tail = (1 - confidenceLevel) / 2;
  return { low: sortedQuantile(estimates, count, tail), high: sortedQuantile(estimates, count, 1 - tail) };
}

function sortedQuantile(sorted: Float64Array, count: number, probability: number): number {
  const position = (count - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, count - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

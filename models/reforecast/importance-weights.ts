/**
 * Self-normalised importance weights from log-likelihoods (the prior draws are the proposal, so
 * the weight of a draw is its likelihood), and their effective sample size
 * ESS = (sum w)^2 / sum w^2 (Kish): n when all weights are equal, 1 when one draw takes all.
 * Subtracting the largest log-likelihood before exponentiating keeps the sums finite.
 */
export interface ImportanceWeights {
  /** Normalised: they add up to 1. */
  weights: Float64Array;
  /** Running sum of the weights (the last entry 1): the inverse CDF resampling reads. */
  cumulative: Float64Array;
  effectiveSampleSize: number;
  /** Draws that the actuals make impossible (likelihood 0). */
  impossibleDraws: number;
}

export function importanceWeights(logLikelihoods: Float64Array): ImportanceWeights | null {
  const n = logLikelihoods.length;
  let largest = -Infinity;
  let impossible = 0;
  for (let i = 0; i < n; i++) {
    if (logLikelihoods[i] === -Infinity || Number.isNaN(logLikelihoods[i])) impossible++;
    else if (logLikelihoods[i] > largest) largest = logLikelihoods[i];
  }
  if (largest === -Infinity) return null;
  const weights = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = Number.isNaN(logLikelihoods[i]) ? 0 : Math.exp(logLikelihoods[i] - largest);
    weights[i] = w;
    sum += w;
  }
  let sumOfSquares = 0;
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    weights[i] /= sum;
    sumOfSquares += weights[i] * weights[i];
    running += weights[i];
    cumulative[i] = running;
  }
  cumulative[n - 1] = 1;
  return { weights, cumulative, effectiveSampleSize: 1 / sumOfSquares, impossibleDraws: impossible };
}

/** The draw whose cumulative weight first reaches u (inverse CDF of the weighted draws), by bisection. */
export function drawAt(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] < u) low = middle + 1;
    else high = middle;
  }
  return low;
}

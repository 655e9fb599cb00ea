/**
 * Mean, standard deviation and quantiles of weighted values (weights adding up to 1). Quantiles
 * are of the weighted empirical distribution: the smallest value whose cumulative weight reaches
 * the level (for equal weights, the order statistic ceil(level x n)). O(n log n) for the sort.
 */
export interface WeightedSummary {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

export function weightedSummary(values: ArrayLike<number>, weights: ArrayLike<number>): WeightedSummary {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += weights[i] * values[i];
  let variance = 0;
  for (let i = 0; i < n; i++) variance += weights[i] * (values[i] - mean) ** 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const quantile = (level: number) => {
    let running = 0;
    for (const i of order) {
      running += weights[i];
      if (running >= level - 1e-12) return values[i];
    }
    return values[order[n - 1]];
  };
  return { mean, sd: Math.sqrt(variance), p5: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95) };
}

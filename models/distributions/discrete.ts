import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';

export type DiscreteParameters = Extract<Distribution, { type: 'discrete' }>;

class DiscreteDistribution implements CompiledDistribution {
  constructor(
    /** Distinct values in increasing order, each with positive probability. */
    private readonly values: Float64Array,
    /** cumulative[i] = P(X ≤ values[i]); the last entry is exactly 1. */
    private readonly cumulative: Float64Array,
    readonly mean: number,
    readonly variance: number,
  ) {}

  /** The smallest value whose cumulative probability reaches u, by binary search: O(log n). */
  quantile(u: number): number {
    const cumulative = this.cumulative;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] < u) low = middle + 1;
      else high = middle;
    }
    return this.values[low];
  }

  cdf(x: number): number {
    const values = this.values;
    if (!(x >= values[0])) return 0;
    let low = 0;
    let high = values.length - 1;
    // The last index whose value is ≤ x.
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (values[middle] <= x) low = middle;
      else high = middle - 1;
    }
    return this.cumulative[low];
  }
}

/**
 * A finite set of values with their probabilities. Values are sorted, repeated values merged and
 * zero-probability values dropped, and the probabilities rescaled to sum to exactly 1 (the schema
 * allows a 1e-9 discrepancy), so that quantile(u) for u uniform in [0, 1) returns each value with
 * its probability and quantile(0) and quantile(1) are the smallest and largest possible values.
 *
 * @example compileDiscrete({ type: 'discrete', values: [3, 1], probabilities: [0.25, 0.75] }).quantile(0.8) // 3
 */
export function compileDiscrete(parameters: DiscreteParameters): CompiledDistribution {
  const order = parameters.values.map((_, index) => index).sort((a, b) => parameters.values[a] - parameters.values[b]);
  const distinctValues: number[] = [];
  const masses: number[] = [];
  for (const index of order) {
    const probability = parameters.probabilities[index];
    if (!(probability > 0)) continue;
    const value = parameters.values[index];
    if (distinctValues.length > 0 && distinctValues[distinctValues.length - 1] === value) {
      masses[masses.length - 1] += probability;
    } else {
      distinctValues.push(value);
      masses.push(probability);
    }
  }
  const total = masses.reduce((sum, mass) => sum + mass, 0);
  const cumulative = new Float64Array(masses.length);
  let running = 0;
  let mean = 0;
  for (let index = 0; index < masses.length; index++) {
    const probability = masses[index] / total;
    running += probability;
    cumulative[index] = running;
    mean += probability * distinctValues[index];
  }
  cumulative[cumulative.length - 1] = 1;
  let variance = 0;
  for (let index = 0; index < masses.length; index++) {
    const deviation = distinctValues[index] - mean;
    variance += (masses[index] / total) * deviation * deviation;
  }
  return new DiscreteDistribution(Float64Array.from(distinctValues), cumulative, mean, variance);
}

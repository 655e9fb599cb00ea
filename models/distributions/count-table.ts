import type { CompiledDistribution } from './compiled-distribution.js';

/**
 * Counting laws (binomial, Poisson, Bernoulli, negative binomial) are sampled, like every other
 * family, through their exact inverse CDF, so Latin hypercube strata, rank correlation and Sobol
 * points act on them. The inverse is a binary search in a table of the cumulative probabilities
 * of every count that carries probability: O(log L) per draw for a table of L counts.
 *
 * The table holds the counts whose upper or lower tail beyond them is at least
 * COUNT_TAIL_PROBABILITY; what is cut off is below any uniform the samplers produce (their
 * smallest positive value is 2^-54 and the largest below 1 is 1 − 2^-53), so the quantile is exact
 * for every uniform a simulation can draw.
 */
export const COUNT_TAIL_PROBABILITY = 2 ** -60;

/**
 * Most counts one table may hold: 65,536 counts are 512 KiB of doubles and 16 comparisons per
 * draw. It admits, for example, a Poisson mean up to about 13 million, a binomial with
 * n·p·(1 − p) up to about 13 million, and a geometric law (negative binomial with one success)
 * down to a success probability of about 0.00064. Beyond, the schema refuses the parameters with
 * a 400 (the exact quantile would cost too much memory and time); a normal with the same mean and
 * sd is then a close approximation.
 */
export const MAX_COUNT_TABLE_LENGTH = 65_536;

/**
 * A law on the integers given by its mode and the ratios of neighbouring probabilities, which is
 * how each family's pmf is evaluated stably (no factorials, no overflow): the table starts at
 * weight 1 at the mode and multiplies outward, and is normalised at the end.
 */
export interface CountLaw {
  readonly mode: number;
  readonly lowest: number;
  /** Largest possible count (Infinity when unbounded). */
  readonly highest: number;
  /** p(k + 1) / p(k). */
  ratioUp(k: number): number;
  /** p(k − 1) / p(k). */
  ratioDown(k: number): number;
  /**
   * An upper bound, below 1, on every ratio p(j + 1)/p(j) for j ≥ k, so that the tail beyond k is
   * at most p(k)·ρ/(1 − ρ) (a geometric series). For log-concave laws this is ratioUp(k) itself.
   */
  upperRatioBound(k: number): number;
}

export interface CountTable {
  /** The first count in the table. */
  readonly first: number;
  /** Probability of each count first, first + 1, ... (summing to 1). */
  readonly probabilities: Float64Array;
}

/** Whether a geometric tail of ratio `ratio` starting after weight `weight` is negligible. */
function tailIsNegligible(weight: number, ratio: number, total: number): boolean {
  return ratio < 1 && (weight * ratio) / (1 - ratio) < COUNT_TAIL_PROBABILITY * total;
}

/**
 * Tabulates a counting law, or returns null when it needs more than MAX_COUNT_TABLE_LENGTH counts
 * (the walk stops there, so the cost is bounded whatever the parameters). Going down from the
 * mode the ratios p(k − 1)/p(k) of the log-concave laws shrink, so the same geometric bound
 * applies with ratioDown.
 */
export function tabulateCountLaw(law: CountLaw): CountTable | null {
  const above: number[] = [];
  const below: number[] = [];
  let total = 1;
  let weight = 1;
  for (let k = law.mode; k < law.highest && !tailIsNegligible(weight, law.upperRatioBound(k), total); k++) {
    weight *= law.ratioUp(k);
    if (weight === 0) break;
    above.push(weight);
    total += weight;
    if (above.length + 1 > MAX_COUNT_TABLE_LENGTH) return null;
  }
  weight = 1;
  for (let k = law.mode; k > law.lowest && !tailIsNegligible(weight, law.ratioDown(k), total); k--) {
    weight *= law.ratioDown(k);
    if (weight === 0) break;
    below.push(weight);
    total += weight;
    if (above.length + below.length + 1 > MAX_COUNT_TABLE_LENGTH) return null;
  }
  const probabilities = new Float64Array(below.length + 1 + above.length);
  for (let index = 0; index < below.length; index++) probabilities[below.length - 1 - index] = below[index] / total;
  probabilities[below.length] = 1 / total;
  for (let index = 0; index < above.length; index++) probabilities[below.length + 1 + index] = above[index] / total;
  return { first: law.mode - below.length, probabilities };
}

class TabulatedCountDistribution implements CompiledDistribution {
  /** cumulative[i] = P(X ≤ first + i); the last entry is exactly 1. */
  private readonly cumulative: Float64Array;
  private readonly first: number;

  constructor(
    table: CountTable,
    readonly mean: number,
    readonly variance: number,
  ) {
    this.first = table.first;
    const probabilities = table.probabilities;
    this.cumulative = new Float64Array(probabilities.length);
    // Neumaier's compensated sum: 65,536 terms added plainly could be off by ~1e-11.
    let sum = 0;
    let compensation = 0;
    for (let index = 0; index < probabilities.length; index++) {
      const term = probabilities[index];
      const next = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
      sum = next;
      this.cumulative[index] = sum + compensation;
    }
    this.cumulative[this.cumulative.length - 1] = 1;
  }

  /** The smallest count whose cumulative probability reaches u. */
  quantile(u: number): number {
    const cumulative = this.cumulative;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] < u) low = middle + 1;
      else high = middle;
    }
    return this.first + low;
  }

  cdf(x: number): number {
    const index = Math.floor(x) - this.first;
    if (!(index >= 0)) return 0;
    return index >= this.cumulative.length ? 1 : this.cumulative[index];
  }
}

/**
 * The compiled distribution of a counting law with the given exact mean and variance.
 * Throws when the law is too wide: the schema refuses such parameters first (see
 * MAX_COUNT_TABLE_LENGTH), so this only fires for a caller that skipped the schema.
 */
export function compileCountLaw(law: CountLaw, mean: number, variance: number): CompiledDistribution {
  const table = tabulateCountLaw(law);
  if (table === null) throw new RangeError(`counting law needs more than ${MAX_COUNT_TABLE_LENGTH} counts for its exact quantile`);
  return new TabulatedCountDistribution(table, mean, variance);
}

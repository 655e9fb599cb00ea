import { radixSortAscending, type RadixSortScratch } from './radix-sort.js';

/**
 * The finite values of one output in ascending order, either exactly (every value kept) or as
 * sketch buckets (value, count). Percentiles, histograms and tail means are read from it the same
 * way in both cases. Used only when summarising, so it favours clarity over allocation.
 */
export interface SortedSample {
  /** Number of values. */
  readonly total: number;
  /** Ascending distinct values (exact: every value; sketch: bucket values). */
  readonly values: Float64Array;
  /** How many values each entry stands for; null when every entry is one value. */
  readonly counts: Float64Array | null;
}

export function exactSortedSample(column: Float64Array, scratch?: RadixSortScratch): SortedSample {
  let finite = 0;
  for (let i = 0; i < column.length; i++) if (column[i] - column[i] === 0) finite++;
  const values = new Float64Array(finite);
  let next = 0;
  for (let i = 0; i < column.length; i++) if (column[i] - column[i] === 0) values[next++] = column[i];
  // The order of the built-in numeric typed-array sort, in linear time for long columns.
  radixSortAscending(values, scratch);
  return { total: finite, values, counts: null };
}

/** Index into `values` of the order statistic with 0-based `rank`. */
function entryAtRank(sample: SortedSample, rank: number, cumulative: Float64Array | null): number {
  if (cumulative === null) return rank;
  // First entry whose cumulative count exceeds rank.
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] > rank) high = middle;
    else low = middle + 1;
  }
  return low;
}

function cumulativeCounts(sample: SortedSample): Float64Array | null {
  if (sample.counts === null) return null;
  const cumulative = new Float64Array(sample.counts.length);
  let running = 0;
  for (let i = 0; i < sample.counts.length; i++) cumulative[i] = running += sample.counts[i];
  return cumulative;
}

/**
 * Percentiles by linear interpolation between order statistics (Hyndman & Fan 1996 type 7, the
 * default of R and numpy): h = (n - 1) q, x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)).
 * NaN when the sample is empty.
 */
export function percentiles(sample: SortedSample, probabilities: readonly number[]): number[] {
  if (sample.total === 0) return probabilities.map(() => NaN);
  const cumulative = cumulativeCounts(sample);
  return probabilities.map((q) => {
    const h = (sample.total - 1) * q;
    const lowRank = Math.floor(h);
    const highRank = Math.min(lowRank + 1, sample.total - 1);
    const low = sample.values[entryAtRank(sample, lowRank, cumulative)];
    const high = sample.values[entryAtRank(sample, highRank, cumulative)];
    return low + (h - lowRank) * (high - low);
  });
}

/**
 * Mean of the `k` lowest (or highest) values: the tail mean behind expected shortfall.
 * NaN when k is 0.
 */
export function tailMean(sample: SortedSample, k: number, tail: 'lower' | 'upper'): number {
  if (k <= 0 || sample.total === 0) return NaN;
  const n = sample.values.length;
  let remaining = Math.min(k, sample.total);
  const taken = remaining;
  let sum = 0;
  for (let step = 0; step < n && remaining > 0; step++) {
    const i = tail === 'lower' ? step : n - 1 - step;
    const count = Math.min(remaining, sample.counts === null ? 1 : sample.counts[i]);
    sum += sample.values[i] * count;
    remaining -= count;
  }
  return sum / taken;
}

export interface Histogram {
  /** bins + 1 ascending edges from the smallest to the largest value. */
  edges: number[];
  /** Values per bin; a value on an inner edge belongs to the bin above it, the maximum to the last. */
  counts: number[];
}

/** Equal-width histogram over [min, max]; counts add up to `sample.total`. */
export function histogram(sample: SortedSample, min: number, max: number, bins: number): Histogram | null {
  if (sample.total === 0) return null;
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sample.values.length; i++) {
    const bin = width > 0 ? Math.floor((sample.values[i] - min) / width) : 0;
    // Sketch bucket values may lie just outside [min, max]; they belong to the edge bins.
    const clamped = bin < 0 ? 0 : bin >= bins ? bins - 1 : bin;
    counts[clamped] += sample.counts === null ? 1 : sample.counts[i];
  }
  return { edges, counts };
}

import { createRadixSortScratch, radixSortAscending, type RadixSortScratch } from './radix-sort.js';

/**
 * The finite values of one output, read in ascending order: either exactly (every value kept) or
 * as sketch buckets (value, count). Percentiles, histograms and tail means are read from it the
 * same way in both cases.
 *
 * Exact mode does not sort the whole column. A summary reads a dozen or two order statistics
 * (percentiles, fans, value at risk) and at most one tail (expected shortfall), so the values are
 * first distributed by value into about n / 8 equal-width buckets over [min, max] (a counting
 * pass and a scatter pass), and only the buckets that hold a rank asked for are sorted, when it
 * is asked for. The bucket of x is floor((x - min) * B / (max - min)), non-decreasing in x (IEEE
 * subtraction and multiplication round monotonically), so bucket b holds exactly the values of
 * ranks [start_b, start_b+1) of the sorted column and a sorted bucket gives the same bits at every
 * rank as sorting everything (-0 before +0 included). A bucket of one repeated value (a constant
 * output, a count) needs no sort; other skewed columns cost at most the full sort they replace.
 */
export interface SortedSample {
  /** Number of values. */
  readonly total: number;
  /** The order statistic of 0-based `rank` (0 <= rank < total). */
  at(rank: number): number;
  /**
   * The `k` lowest values added in ascending order, or the `k` highest added in descending order
   * (0 < k <= total): the sum behind a tail mean.
   */
  tailSum(k: number, tail: 'lower' | 'upper'): number;
  /** Adds the values to equal-width bins (see `histogram`). */
  countInto(counts: number[], min: number, width: number, bins: number): void;
}

/**
 * Values a bucket in exact mode, about. Measured on the summary of a 10,000-iteration run of the
 * ten-input bench contract: 4 to 32 take the same time within noise (10-12 ms median), 2 is slower
 * (15 ms: counting and bucket starts cost more than the small sorts they save).
 */
const VALUES_PER_BUCKET = 8;
/** Bucket indices fit a Uint16Array. */
const MAX_BUCKETS = 1 << 16;

/**
 * Pass 1: copies the finite values of `column` to the front of `out` and puts their smallest and
 * largest in `range`; returns how many there are.
 */
function copyFinite(column: Float64Array, out: Float64Array, range: Float64Array): number {
  let finite = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const x = column[i];
    if (x - x !== 0) continue;
    out[finite++] = x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  range[0] = min;
  range[1] = max;
  return finite;
}

/** Pass 2: each value's bucket, counted in starts[b + 1]. */
function countBuckets(
  values: Float64Array,
  n: number,
  min: number,
  scale: number,
  last: number,
  bucketOfValue: Uint16Array,
  starts: Uint32Array,
): void {
  for (let i = 0; i < n; i++) {
    // Non-negative and below 2^16: truncation is floor (and much cheaper than Math.floor).
    const b = ((values[i] - min) * scale) | 0;
    const clamped = b < last ? b : last;
    bucketOfValue[i] = clamped;
    starts[clamped + 1]++;
  }
}

/** Pass 3: values to their buckets; `cursor[b]` starts at bucket b's first index. */
function scatter(values: Float64Array, n: number, bucketOfValue: Uint16Array, cursor: Uint32Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[cursor[bucketOfValue[i]]++] = values[i];
}

class ExactSample implements SortedSample {
  readonly total: number;
  /** The finite values, grouped by bucket (buckets in ascending order, each in any order until sorted). */
  private readonly values: Float64Array;
  /** starts[b]: index of bucket b's first value; starts[buckets] = total. */
  private readonly starts: Uint32Array;
  private readonly sorted: Uint8Array;
  private readonly buckets: number;
  private readonly radix: RadixSortScratch;

  constructor(column: Float64Array, scratch: SampleScratch) {
    // The passes are small functions of their own, so that they stay optimised whichever branch
    // a column takes here.
    const n = column.length;
    if (scratch.finite.length < n) {
      scratch.finite = new Float64Array(n);
      scratch.values = new Float64Array(n);
      scratch.bucketOfValue = new Uint16Array(n);
    }
    const finiteValues = scratch.finite;
    const finite = copyFinite(column, finiteValues, scratch.range);
    const min = scratch.range[0];
    const max = scratch.range[1];
    this.total = finite;
    this.radix = scratch.radix;
    let buckets = Math.min(MAX_BUCKETS, Math.max(1, Math.floor(finite / VALUES_PER_BUCKET)));
    const scale = buckets / (max - min);
    // One bucket when every value is the same or the range does not give a finite scale.
    if (!(scale > 0 && scale < Infinity)) buckets = 1;
    this.buckets = buckets;
    if (scratch.starts.length < buckets + 1) {
      scratch.starts = new Uint32Array(buckets + 1);
      scratch.sorted = new Uint8Array(buckets);
    }
    const starts = scratch.starts.subarray(0, buckets + 1);
    starts.fill(0);
    this.starts = starts;
    this.sorted = scratch.sorted.subarray(0, buckets);
    this.sorted.fill(0);
    if (buckets === 1) {
      this.values = finiteValues.subarray(0, finite);
      starts[1] = finite;
      return;
    }
    countBuckets(finiteValues, finite, min, scale, buckets - 1, scratch.bucketOfValue, starts);
    for (let b = 1; b <= buckets; b++) starts[b] += starts[b - 1];
    const values = scratch.values.subarray(0, finite);
    scatter(finiteValues, finite, scratch.bucketOfValue, starts.slice(0, buckets), values);
    this.values = values;
  }

  /** Bucket holding `rank`: the last bucket that starts at or before it. */
  private bucketOf(rank: number): number {
    const starts = this.starts;
    let low = 0;
    let high = this.buckets - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= rank) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private sortBucket(b: number): void {
    if (this.sorted[b] === 1) return;
    this.sorted[b] = 1;
    const from = this.starts[b];
    const to = this.starts[b + 1];
    if (to - from <= 1) return;
    // Constant outputs and outputs with few distinct values (counts, months) fill a bucket with
    // one value: nothing to sort, except zeros of both signs (-0 goes first).
    const values = this.values;
    const first = values[from];
    let i = from + 1;
    while (i < to && values[i] === first) i++;
    if (i < to) radixSortAscending(values.subarray(from, to), this.radix);
    else if (first === 0) {
      let negative = 0;
      for (let j = from; j < to; j++) if (Object.is(values[j], -0)) negative++;
      values.fill(-0, from, from + negative);
      values.fill(0, from + negative, to);
    }
  }

  /** Sorts every bucket that holds a rank in [fromRank, toRank]. */
  private sortRanks(fromRank: number, toRank: number): void {
    const last = this.bucketOf(toRank);
    for (let b = this.bucketOf(fromRank); b <= last; b++) this.sortBucket(b);
  }

  at(rank: number): number {
    this.sortBucket(this.bucketOf(rank));
    return this.values[rank];
  }

  tailSum(k: number, tail: 'lower' | 'upper'): number {
    const values = this.values;
    const n = this.total;
    let sum = 0;
    if (tail === 'lower') {
      this.sortRanks(0, k - 1);
      for (let i = 0; i < k; i++) sum += values[i];
    } else {
      this.sortRanks(n - k, n - 1);
      for (let i = n - 1; i >= n - k; i--) sum += values[i];
    }
    return sum;
  }

  countInto(counts: number[], min: number, width: number, bins: number): void {
    const values = this.values;
    if (width > 0 && width < Infinity) {
      // Every value lies in [min, max], so (value - min) / width is in [0, about bins]: truncation is floor.
      for (let i = 0; i < values.length; i++) {
        const bin = ((values[i] - min) / width) | 0;
        counts[bin >= bins ? bins - 1 : bin]++;
      }
      return;
    }
    for (let i = 0; i < values.length; i++) {
      const bin = width > 0 ? Math.floor((values[i] - min) / width) : 0;
      counts[bin < 0 ? 0 : bin >= bins ? bins - 1 : bin]++;
    }
  }
}

/** Sketch buckets: ascending distinct values, each standing for `counts[i]` values. */
class GroupedSample implements SortedSample {
  private cumulative: Float64Array | null = null;

  constructor(
    readonly total: number,
    private readonly values: Float64Array,
    private readonly counts: Float64Array,
  ) {}

  at(rank: number): number {
    if (this.cumulative === null) {
      const cumulative = new Float64Array(this.counts.length);
      let running = 0;
      for (let i = 0; i < this.counts.length; i++) cumulative[i] = running += this.counts[i];
      this.cumulative = cumulative;
    }
    const cumulative = this.cumulative;
    // First entry whose cumulative count exceeds rank.
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > rank) high = middle;
      else low = middle + 1;
    }
    return this.values[low];
  }

  tailSum(k: number, tail: 'lower' | 'upper'): number {
    const n = this.values.length;
    let remaining = k;
    let sum = 0;
    for (let step = 0; step < n && remaining > 0; step++) {
      const i = tail === 'lower' ? step : n - 1 - step;
      const count = Math.min(remaining, this.counts[i]);
      sum += this.values[i] * count;
      remaining -= count;
    }
    return sum;
  }

  countInto(counts: number[], min: number, width: number, bins: number): void {
    for (let i = 0; i < this.values.length; i++) {
      const bin = width > 0 ? Math.floor((this.values[i] - min) / width) : 0;
      // Sketch bucket values may lie just outside [min, max]; they belong to the edge bins.
      counts[bin < 0 ? 0 : bin >= bins ? bins - 1 : bin] += this.counts[i];
    }
  }
}

/**
 * Buffers for exact samples, reused from one column to the next: a summary then touches a few
 * column-sized buffers instead of allocating three per column (fresh memory is slow to touch,
 * and a summary orders up to a hundred columns).
 */
export interface SampleScratch {
  finite: Float64Array;
  values: Float64Array;
  bucketOfValue: Uint16Array;
  starts: Uint32Array;
  sorted: Uint8Array;
  radix: RadixSortScratch;
  /** Smallest and largest finite value of the column being ordered. */
  range: Float64Array;
}

export const createSampleScratch = (): SampleScratch => ({
  finite: new Float64Array(0),
  values: new Float64Array(0),
  bucketOfValue: new Uint16Array(0),
  starts: new Uint32Array(0),
  sorted: new Uint8Array(0),
  radix: createRadixSortScratch(),
  range: new Float64Array(2),
});

/**
 * The finite values of `column` (which is not changed), ordered on demand. With `scratch`, the
 * sample lives in its buffers: it is valid until the next call with the same scratch.
 */
export function exactSortedSample(column: Float64Array, scratch: SampleScratch = createSampleScratch()): SortedSample {
  return new ExactSample(column, scratch);
}

/** Sketch groups: `values` ascending, `counts[i]` values each, `total` their sum. */
export function groupedSortedSample(total: number, values: Float64Array, counts: Float64Array): SortedSample {
  return new GroupedSample(total, values, counts);
}

/**
 * Percentiles by linear interpolation between order statistics (Hyndman & Fan 1996 type 7, the
 * default of R and numpy): h = (n - 1) q, x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)).
 * NaN when the sample is empty.
 */
export function percentiles(sample: SortedSample, probabilities: readonly number[]): number[] {
  if (sample.total === 0) return probabilities.map(() => NaN);
  return probabilities.map((q) => {
    const h = (sample.total - 1) * q;
    const lowRank = Math.floor(h);
    const highRank = Math.min(lowRank + 1, sample.total - 1);
    const low = sample.at(lowRank);
    const high = sample.at(highRank);
    return low + (h - lowRank) * (high - low);
  });
}

/**
 * Mean of the `k` lowest (or highest) values: the tail mean behind expected shortfall.
 * NaN when k is 0.
 */
export function tailMean(sample: SortedSample, k: number, tail: 'lower' | 'upper'): number {
  if (k <= 0 || sample.total === 0) return NaN;
  const taken = Math.min(k, sample.total);
  return sample.tailSum(taken, tail) / taken;
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
  sample.countInto(counts, min, width, bins);
  return { edges, counts };
}

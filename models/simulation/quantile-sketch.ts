/**
 * A log-bucket quantile sketch in the manner of DDSketch (Masson, Rim & Lee, "DDSketch: a fast
 * and fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019), used when
 * keeping every value would make memory grow with the number of iterations.
 *
 * A value x > 0 falls in bucket i = ceil(log(x) / log(gamma)), gamma = (1 + a) / (1 - a), and is
 * reported as 2 gamma^i / (gamma + 1), which is within relative error a of x. Negative values
 * use a mirrored set of buckets and exact zeros a counter. Each sign keeps a fixed window of
 * SKETCH_BUCKETS_PER_SIGN buckets ending at the largest magnitude seen; smaller magnitudes are
 * lumped into the lowest bucket of the window. With a = 0.5% and 2,048 buckets the window spans
 * gamma^2048, about 8.9 decades, so only values 10^-8.9 times smaller than the largest
 * magnitude of their sign lose the relative guarantee (they keep an absolute error below
 * that bound).
 *
 * Counts are integers and a value always ends in bucket max(i, top - 2047) with `top` the final
 * largest index, so merging sketches in any grouping gives exactly the same sketch. Memory is at
 * most 2 x 2,048 counters per column, whatever the number of iterations.
 */

/** Relative accuracy of every quantile read from a sketch (for values within the window). */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
export const SKETCH_BUCKETS_PER_SIGN = 2_048;

const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const INVERSE_LOG_GAMMA = 1 / Math.log(GAMMA);
const BUCKETS = SKETCH_BUCKETS_PER_SIGN;

export interface LogBucketSketch {
  /** Counts of positive values by bucket, lowest bucket first; null until one arrives. */
  positive: Uint32Array | null;
  /** Bucket index of `positive[BUCKETS - 1]`. */
  positiveTop: number;
  /** Counts of negative values by bucket of their magnitude, smallest magnitude first. */
  negative: Uint32Array | null;
  negativeTop: number;
  zeroCount: number;
}

export const createSketch = (): LogBucketSketch => ({
  positive: null,
  positiveTop: 0,
  negative: null,
  negativeTop: 0,
  zeroCount: 0,
});

const bucketIndex = (magnitude: number): number => Math.ceil(Math.log(magnitude) * INVERSE_LOG_GAMMA);

/** The value a bucket stands for: within relative error a of every magnitude in it. */
export const bucketValue = (index: number): number => (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);

/** Moves a window up so that it ends at `newTop`, lumping what falls off into the lowest bucket. */
function raiseWindow(counts: Uint32Array, top: number, newTop: number): void {
  const shift = newTop - top;
  if (shift <= 0) return;
  let lumped = 0;
  for (let p = 0; p <= Math.min(shift, BUCKETS - 1); p++) lumped += counts[p];
  if (shift < BUCKETS) counts.copyWithin(0, shift, BUCKETS);
  counts.fill(0, Math.max(1, BUCKETS - shift));
  counts[0] = lumped;
}

/** Adds the finite values of `column[0 .. length)`; allocates only when a sign first appears. */
export function addBlockToSketch(sketch: LogBucketSketch, column: Float64Array, length: number): void {
  let largest = 0;
  let smallest = 0;
  for (let i = 0; i < length; i++) {
    const x = column[i];
    if (x > largest && x !== Infinity) largest = x;
    else if (x < smallest && x !== -Infinity) smallest = x;
  }
  if (largest > 0) {
    const top = bucketIndex(largest);
    if (sketch.positive === null) {
      sketch.positive = new Uint32Array(BUCKETS);
      sketch.positiveTop = top;
    } else if (top > sketch.positiveTop) {
      raiseWindow(sketch.positive, sketch.positiveTop, top);
      sketch.positiveTop = top;
    }
  }
  if (smallest < 0) {
    const top = bucketIndex(-smallest);
    if (sketch.negative === null) {
      sketch.negative = new Uint32Array(BUCKETS);
      sketch.negativeTop = top;
    } else if (top > sketch.negativeTop) {
      raiseWindow(sketch.negative, sketch.negativeTop, top);
      sketch.negativeTop = top;
    }
  }
  const positive = sketch.positive;
  const negative = sketch.negative;
  const positiveLow = sketch.positiveTop - (BUCKETS - 1);
  const negativeLow = sketch.negativeTop - (BUCKETS - 1);
  let zeros = 0;
  for (let i = 0; i < length; i++) {
    const x = column[i];
    if (x - x !== 0) continue;
    if (x > 0) {
      const position = bucketIndex(x) - positiveLow;
      positive![position > 0 ? position : 0]++;
    } else if (x < 0) {
      const position = bucketIndex(-x) - negativeLow;
      negative![position > 0 ? position : 0]++;
    } else zeros++;
  }
  sketch.zeroCount += zeros;
}

function mergeSide(
  target: Uint32Array | null,
  targetTop: number,
  source: Uint32Array | null,
  sourceTop: number,
): { counts: Uint32Array | null; top: number } {
  if (source === null) return { counts: target, top: targetTop };
  if (target === null) return { counts: source.slice(), top: sourceTop };
  const top = Math.max(targetTop, sourceTop);
  raiseWindow(target, targetTop, top);
  const shifted = source.slice();
  raiseWindow(shifted, sourceTop, top);
  for (let p = 0; p < BUCKETS; p++) target[p] += shifted[p];
  return { counts: target, top };
}

/** Adds `source` into `target`; the result does not depend on the grouping of merges. */
export function mergeSketch(target: LogBucketSketch, source: LogBucketSketch): void {
  const positive = mergeSide(target.positive, target.positiveTop, source.positive, source.positiveTop);
  target.positive = positive.counts;
  target.positiveTop = positive.top;
  const negative = mergeSide(target.negative, target.negativeTop, source.negative, source.negativeTop);
  target.negative = negative.counts;
  target.negativeTop = negative.top;
  target.zeroCount += source.zeroCount;
}

export const cloneSketch = (sketch: LogBucketSketch): LogBucketSketch => ({
  ...sketch,
  positive: sketch.positive?.slice() ?? null,
  negative: sketch.negative?.slice() ?? null,
});

/** The sketch as ascending (value, count) pairs with non-zero counts. */
export function sketchGroups(sketch: LogBucketSketch): { values: Float64Array; counts: Float64Array } {
  const values: number[] = [];
  const counts: number[] = [];
  if (sketch.negative !== null) {
    const low = sketch.negativeTop - (BUCKETS - 1);
    for (let p = BUCKETS - 1; p >= 0; p--) {
      if (sketch.negative[p] === 0) continue;
      values.push(-bucketValue(low + p));
      counts.push(sketch.negative[p]);
    }
  }
  if (sketch.zeroCount > 0) {
    values.push(0);
    counts.push(sketch.zeroCount);
  }
  if (sketch.positive !== null) {
    const low = sketch.positiveTop - (BUCKETS - 1);
    for (let p = 0; p < BUCKETS; p++) {
      if (sketch.positive[p] === 0) continue;
      values.push(bucketValue(low + p));
      counts.push(sketch.positive[p]);
    }
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts) };
}

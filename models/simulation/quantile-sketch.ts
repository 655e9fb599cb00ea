/**
 * A log-bucket quantile sketch in the manner of DDSketch (Masson, Rim & Lee, "DDSketch: a fast
 * and fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019), used when
 * keeping every value would make memory grow with the number of iterations.
 *
 * A value x > 0 falls in bucket i = ceil(log(x) / log(gamma)), gamma = (1 + a) / (1 - a), and is
 * reported as 2 gamma^i / (gamma + 1), which is within relative error a of x. Negative values
 * use a mirrored set of buckets and exact zeros a counter. Each bucket also keeps the smallest
 * and largest magnitude it received, and the reported value is clamped to them: that never moves
 * it away from the values in the bucket, and a bucket of equal values (counts, 0/1 flags)
 * reports them exactly.
 *
 * Each sign keeps a fixed window of SKETCH_BUCKETS_PER_SIGN buckets ending at the largest
 * magnitude seen; smaller magnitudes are lumped into the lowest bucket of the window. With
 * a = 0.5% and 2,048 buckets the window spans gamma^2048, about 8.9 decades, so only values
 * 10^-8.9 times smaller than the largest magnitude of their sign lose the relative guarantee
 * (they keep an absolute error below that bound).
 *
 * Counts are integers, and min and max are exact; a value always ends in bucket
 * max(i, top - 2047) with `top` the final largest index, so merging sketches in any grouping
 * gives exactly the same sketch. Memory is at most 2 x 2,048 buckets per column (20 bytes each),
 * whatever the number of iterations.
 */

/** Relative accuracy of every quantile read from a sketch (for values within the window). */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
export const SKETCH_BUCKETS_PER_SIGN = 2_048;

const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const INVERSE_LOG_GAMMA = 1 / Math.log(GAMMA);
const BUCKETS = SKETCH_BUCKETS_PER_SIGN;

/** The buckets of one sign, by magnitude; position p holds bucket index top - (BUCKETS - 1) + p. */
export interface SketchSide {
  top: number;
  counts: Uint32Array;
  /** Smallest and largest magnitude that fell in each bucket (Infinity / -Infinity when empty). */
  smallest: Float64Array;
  largest: Float64Array;
}

export interface LogBucketSketch {
  positive: SketchSide | null;
  negative: SketchSide | null;
  zeroCount: number;
}

export const createSketch = (): LogBucketSketch => ({ positive: null, negative: null, zeroCount: 0 });

const bucketIndex = (magnitude: number): number => Math.ceil(Math.log(magnitude) * INVERSE_LOG_GAMMA);

/** The value a bucket stands for: within relative error a of every magnitude in it. */
const bucketValue = (index: number): number => (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);

function createSide(top: number): SketchSide {
  return {
    top,
    counts: new Uint32Array(BUCKETS),
    smallest: new Float64Array(BUCKETS).fill(Infinity),
    largest: new Float64Array(BUCKETS).fill(-Infinity),
  };
}

/** Moves a window up so that it ends at `newTop`, lumping what falls off into the lowest bucket. */
function raiseWindow(side: SketchSide, newTop: number): void {
  const shift = newTop - side.top;
  if (shift <= 0) return;
  const { counts, smallest, largest } = side;
  let lumpedCount = 0;
  let lumpedSmallest = Infinity;
  let lumpedLargest = -Infinity;
  for (let p = 0; p <= Math.min(shift, BUCKETS - 1); p++) {
    lumpedCount += counts[p];
    lumpedSmallest = Math.min(lumpedSmallest, smallest[p]);
    lumpedLargest = Math.max(lumpedLargest, largest[p]);
  }
  if (shift < BUCKETS) {
    counts.copyWithin(0, shift, BUCKETS);
    smallest.copyWithin(0, shift, BUCKETS);
    largest.copyWithin(0, shift, BUCKETS);
  }
  const firstEmptied = Math.max(1, BUCKETS - shift);
  counts.fill(0, firstEmptied);
  smallest.fill(Infinity, firstEmptied);
  largest.fill(-Infinity, firstEmptied);
  counts[0] = lumpedCount;
  smallest[0] = lumpedSmallest;
  largest[0] = lumpedLargest;
  side.top = newTop;
}

/** The side to add magnitudes up to `largestMagnitude` to, created or raised as needed. */
function prepareSide(side: SketchSide | null, largestMagnitude: number): SketchSide {
  const top = bucketIndex(largestMagnitude);
  if (side === null) return createSide(top);
  raiseWindow(side, top);
  return side;
}

function addMagnitude(side: SketchSide, magnitude: number): void {
  let position = bucketIndex(magnitude) - (side.top - (BUCKETS - 1));
  if (position < 0) position = 0;
  side.counts[position]++;
  if (magnitude < side.smallest[position]) side.smallest[position] = magnitude;
  if (magnitude > side.largest[position]) side.largest[position] = magnitude;
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
  if (largest > 0) sketch.positive = prepareSide(sketch.positive, largest);
  if (smallest < 0) sketch.negative = prepareSide(sketch.negative, -smallest);
  const positive = sketch.positive;
  const negative = sketch.negative;
  let zeros = 0;
  for (let i = 0; i < length; i++) {
    const x = column[i];
    if (x - x !== 0) continue;
    if (x > 0) addMagnitude(positive!, x);
    else if (x < 0) addMagnitude(negative!, -x);
    else zeros++;
  }
  sketch.zeroCount += zeros;
}

const cloneSide = (side: SketchSide): SketchSide => ({
  top: side.top,
  counts: side.counts.slice(),
  smallest: side.smallest.slice(),
  largest: side.largest.slice(),
});

function mergeSide(target: SketchSide | null, source: SketchSide | null): SketchSide | null {
  if (source === null) return target;
  if (target === null) return cloneSide(source);
  const top = Math.max(target.top, source.top);
  raiseWindow(target, top);
  const shifted = cloneSide(source);
  raiseWindow(shifted, top);
  for (let p = 0; p < BUCKETS; p++) {
    target.counts[p] += shifted.counts[p];
    target.smallest[p] = Math.min(target.smallest[p], shifted.smallest[p]);
    target.largest[p] = Math.max(target.largest[p], shifted.largest[p]);
  }
  return target;
}

/** Adds `source` into `target`; the result does not depend on the grouping of merges. */
export function mergeSketch(target: LogBucketSketch, source: LogBucketSketch): void {
  target.positive = mergeSide(target.positive, source.positive);
  target.negative = mergeSide(target.negative, source.negative);
  target.zeroCount += source.zeroCount;
}

export const cloneSketch = (sketch: LogBucketSketch): LogBucketSketch => ({
  positive: sketch.positive === null ? null : cloneSide(sketch.positive),
  negative: sketch.negative === null ? null : cloneSide(sketch.negative),
  zeroCount: sketch.zeroCount,
});

/** The typed arrays of a sketch, e.g. to transfer them between threads. */
export function sketchArrays(sketch: LogBucketSketch): Array<Uint32Array | Float64Array> {
  return [sketch.positive, sketch.negative].flatMap((side) => (side === null ? [] : [side.counts, side.smallest, side.largest]));
}

/** The magnitude a non-empty bucket reports: its value clamped to what it received. */
function reportedMagnitude(side: SketchSide, position: number): number {
  const value = bucketValue(side.top - (BUCKETS - 1) + position);
  return Math.min(Math.max(value, side.smallest[position]), side.largest[position]);
}

/** The sketch as ascending (value, count) pairs with non-zero counts. */
export function sketchGroups(sketch: LogBucketSketch): { values: Float64Array; counts: Float64Array } {
  const values: number[] = [];
  const counts: number[] = [];
  const negative = sketch.negative;
  if (negative !== null) {
    for (let p = BUCKETS - 1; p >= 0; p--) {
      if (negative.counts[p] === 0) continue;
      values.push(-reportedMagnitude(negative, p));
      counts.push(negative.counts[p]);
    }
  }
  if (sketch.zeroCount > 0) {
    values.push(0);
    counts.push(sketch.zeroCount);
  }
  const positive = sketch.positive;
  if (positive !== null) {
    for (let p = 0; p < BUCKETS; p++) {
      if (positive.counts[p] === 0) continue;
      values.push(reportedMagnitude(positive, p));
      counts.push(positive.counts[p]);
    }
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts) };
}

import { cloneExactSum, createExactSum, exactSumAdd, exactSumMerge, exactSumValue, type ExactSum } from './exact-sum.js';

/**
 * Count, NaN count, min, max, mean and variance of one output column, mergeable so that any
 * grouping of blocks into chunks gives the same bits.
 *
 * Within a block (always processed whole, in a fixed order) the sum and the sum of squared
 * deviations from the block mean are computed by two passes over the column; across blocks they
 * are added exactly (`ExactSum`). The total sum of squares is then
 * `M2 = sum over blocks of M2_b + sum of s_b^2 / n_b - S^2 / N` (the parallel-variance identity of
 * Chan, Golub & LeVeque 1979 written with sums), with values shifted by the output at the base
 * inputs so that the last two terms do not cancel catastrophically.
 *
 * NaN and infinite values are counted in `nanCount` and left out of every other statistic.
 */
export interface ColumnMoments {
  count: number;
  nanCount: number;
  min: number;
  max: number;
  /** Sum of (x - shift). */
  sum: ExactSum;
  /** Sum over blocks of the squared deviations from the block mean. */
  withinBlocks: ExactSum;
  /** Sum over blocks of s_b^2 / n_b, with s_b the block's sum of (x - shift). */
  betweenBlocks: ExactSum;
}

/** One block's contribution; a scratch object reused for every block. */
export interface BlockMoments {
  count: number;
  nanCount: number;
  min: number;
  max: number;
  sum: number;
  squaredDeviations: number;
}

export const createColumnMoments = (): ColumnMoments => ({
  count: 0,
  nanCount: 0,
  min: Infinity,
  max: -Infinity,
  sum: createExactSum(),
  withinBlocks: createExactSum(),
  betweenBlocks: createExactSum(),
});

export const createBlockMoments = (): BlockMoments => ({
  count: 0,
  nanCount: 0,
  min: Infinity,
  max: -Infinity,
  sum: 0,
  squaredDeviations: 0,
});

/** Measures `column[0 .. length)` into `out`, two passes, no allocation. */
export function measureBlock(column: Float64Array, length: number, shift: number, out: BlockMoments): void {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const x = column[i];
    // x - x is 0 exactly for finite x, NaN for NaN and the infinities.
    if (x - x !== 0) continue;
    count++;
    sum += x - shift;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  let squaredDeviations = 0;
  if (count > 0) {
    const blockMean = sum / count;
    for (let i = 0; i < length; i++) {
      const x = column[i];
      if (x - x !== 0) continue;
      const deviation = x - shift - blockMean;
      squaredDeviations += deviation * deviation;
    }
  }
  out.count = count;
  out.nanCount = length - count;
  out.min = min;
  out.max = max;
  out.sum = sum;
  out.squaredDeviations = squaredDeviations;
}

export function addBlock(moments: ColumnMoments, block: BlockMoments): void {
  moments.nanCount += block.nanCount;
  if (block.count === 0) return;
  moments.count += block.count;
  if (block.min < moments.min) moments.min = block.min;
  if (block.max > moments.max) moments.max = block.max;
  exactSumAdd(moments.sum, block.sum);
  exactSumAdd(moments.withinBlocks, block.squaredDeviations);
  exactSumAdd(moments.betweenBlocks, (block.sum * block.sum) / block.count);
}

export function mergeColumnMoments(target: ColumnMoments, source: ColumnMoments): void {
  target.count += source.count;
  target.nanCount += source.nanCount;
  if (source.min < target.min) target.min = source.min;
  if (source.max > target.max) target.max = source.max;
  exactSumMerge(target.sum, source.sum);
  exactSumMerge(target.withinBlocks, source.withinBlocks);
  exactSumMerge(target.betweenBlocks, source.betweenBlocks);
}

export const cloneColumnMoments = (moments: ColumnMoments): ColumnMoments => ({
  ...moments,
  sum: cloneExactSum(moments.sum),
  withinBlocks: cloneExactSum(moments.withinBlocks),
  betweenBlocks: cloneExactSum(moments.betweenBlocks),
});

export interface MeanAndSpread {
  /** NaN when there are no finite values. */
  mean: number;
  /** Sample standard deviation (n - 1); NaN with fewer than two values. */
  sd: number;
  /** sd / sqrt(n). */
  standardError: number;
}

export function meanAndSpread(moments: ColumnMoments, shift: number): MeanAndSpread {
  const n = moments.count;
  if (n === 0) return { mean: NaN, sd: NaN, standardError: NaN };
  const shiftedSum = exactSumValue(moments.sum);
  const mean = shift + shiftedSum / n;
  if (n < 2) return { mean, sd: NaN, standardError: NaN };
  const squares = exactSumValue(moments.withinBlocks) + exactSumValue(moments.betweenBlocks) - (shiftedSum * shiftedSum) / n;
  // Rounding can leave a tiny negative value for a constant column.
  const sd = Math.sqrt(Math.max(0, squares) / (n - 1));
  return { mean, sd, standardError: sd / Math.sqrt(n) };
}

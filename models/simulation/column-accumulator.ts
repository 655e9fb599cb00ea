import {
  addBlock,
  cloneColumnMoments,
  createColumnMoments,
  mergeColumnMoments,
  type BlockMoments,
  type ColumnMoments,
} from './column-moments.js';
import { addBlockToSketch, cloneSketch, createSketch, mergeSketch, type LogBucketSketch } from './quantile-sketch.js';

/**
 * Everything kept about one output column (a scalar output, one year of a series, or a paired
 * difference) over a contiguous range of blocks. Plain data, so that it crosses worker threads
 * by structured clone.
 */
export interface ColumnAccumulator {
  moments: ColumnMoments;
  /** Sketch mode: the log-bucket sketch for percentiles and the histogram. */
  sketch: LogBucketSketch | null;
  /** Exact mode or kept samples: the values of this range's iterations, in iteration order. */
  samples: Float64Array | null;
  /**
   * Scalar outputs only: moments of the blocks between consecutive convergence checkpoints; null
   * for a segment no block of this range fell in (a chunk covers few of the segments, and empty
   * moments would only cost copying between threads).
   */
  convergence: (ColumnMoments | null)[] | null;
}

export interface ColumnOptions {
  sketch: boolean;
  /** Number of iterations in the range, when values are kept. */
  keepIterations: number | null;
  /** Number of convergence checkpoints, when convergence is tracked. */
  checkpoints: number | null;
}

export const createColumnAccumulator = (options: ColumnOptions): ColumnAccumulator => ({
  moments: createColumnMoments(),
  sketch: options.sketch ? createSketch() : null,
  samples: options.keepIterations === null ? null : new Float64Array(options.keepIterations),
  convergence: options.checkpoints === null ? null : new Array<ColumnMoments | null>(options.checkpoints).fill(null),
});

/**
 * Adds one block (already measured into `block`) of `column[0 .. n)`.
 * @param offset  position of the block's first iteration within the range's samples
 * @param segment convergence segment the block belongs to
 */
export function accumulateBlock(
  accumulator: ColumnAccumulator,
  column: Float64Array,
  n: number,
  block: BlockMoments,
  offset: number,
  segment: number,
): void {
  addBlock(accumulator.moments, block);
  if (accumulator.convergence !== null) addBlock((accumulator.convergence[segment] ??= createColumnMoments()), block);
  if (accumulator.sketch !== null) addBlockToSketch(accumulator.sketch, column, n);
  if (accumulator.samples !== null) accumulator.samples.set(column.subarray(0, n), offset);
}

/** The accumulators of adjacent ranges, in range order, as one; the arguments are not changed. */
export function concatColumns(parts: readonly ColumnAccumulator[]): ColumnAccumulator {
  const [first, ...rest] = parts;
  const moments = cloneColumnMoments(first.moments);
  const sketch = first.sketch === null ? null : cloneSketch(first.sketch);
  const convergence = first.convergence?.map((segment) => (segment === null ? null : cloneColumnMoments(segment))) ?? null;
  for (const part of rest) {
    mergeColumnMoments(moments, part.moments);
    if (sketch !== null) mergeSketch(sketch, part.sketch!);
    if (convergence !== null) {
      part.convergence!.forEach((segment, index) => {
        if (segment === null) return;
        const target = convergence[index];
        if (target === null) convergence[index] = cloneColumnMoments(segment);
        else mergeColumnMoments(target, segment);
      });
    }
  }
  return { moments, sketch, samples: concatSamples(parts.map((part) => part.samples)), convergence };
}

/** Adjacent ranges' kept values as one array (null when values are not kept). */
export function concatSamples(parts: ReadonlyArray<Float64Array | null>): Float64Array | null {
  if (parts.some((part) => part === null)) return null;
  const arrays = parts as Float64Array[];
  const joined = new Float64Array(arrays.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of arrays) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

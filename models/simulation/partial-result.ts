import { blockLength } from './block-layout.js';
import { concatColumns, concatSamples, createColumnAccumulator, type ColumnAccumulator } from './column-accumulator.js';
import type { RunMeta } from './plan.js';

/**
 * The accumulated state of a contiguous range of blocks. A job split into chunks produces one
 * partial per chunk; `mergePartials` joins them in block order. Every statistic in it merges
 * exactly (integer counts, min and max, exact sums, sketch counts, kept values placed by
 * iteration), so the summary is bit-for-bit the same whatever the chunking and thread count.
 *
 * Plain data and typed arrays only: it crosses worker threads by structured clone.
 */
export interface EventCount {
  /** Iterations in which the event expression was non-zero. */
  occurred: number;
  /** Iterations in which it was NaN (an output it reads was undefined). */
  undefinedCount: number;
}

export interface VariantPartial {
  scalars: ColumnAccumulator[];
  /** One per series element, in the model's concatenated series order. */
  series: ColumnAccumulator[];
  events: EventCount[];
  /** keepSamples: each uncertain input's sampled values over the range. */
  inputs: Float64Array[] | null;
}

export interface PartialResult {
  meta: RunMeta;
  fromBlock: number;
  /** Exclusive. */
  toBlock: number;
  variants: VariantPartial[];
  /** differences[v - 1][k]: variant v minus the first variant, scalar output k, iteration by iteration. */
  differences: ColumnAccumulator[][];
}

/** Iterations in blocks [fromBlock, toBlock). */
export function iterationsInBlocks(meta: RunMeta, fromBlock: number, toBlock: number): number {
  let total = 0;
  for (let block = fromBlock; block < toBlock; block++) total += blockLength(block, meta.iterations);
  return total;
}

export function createPartial(meta: RunMeta, fromBlock: number, toBlock: number): PartialResult {
  const iterations = iterationsInBlocks(meta, fromBlock, toBlock);
  const exact = meta.percentileMethod === 'exact';
  const column = (convergence: boolean, keep: boolean): ColumnAccumulator =>
    createColumnAccumulator({
      sketch: !exact,
      keepIterations: exact || keep ? iterations : null,
      checkpoints: convergence ? meta.checkpointBlocks.length : null,
    });
  return {
    meta,
    fromBlock,
    toBlock,
    variants: meta.variants.map((variant) => ({
      scalars: variant.scalarOutputs.map(() => column(true, meta.keepSamples)),
      series: variant.seriesShifts.map(() => column(false, false)),
      events: variant.events.map(() => ({ occurred: 0, undefinedCount: 0 })),
      inputs: meta.keepSamples ? meta.uncertainInputPaths.map(() => new Float64Array(iterations)) : null,
    })),
    differences: meta.variants.slice(1).map(() => meta.variants[0].scalarOutputs.map(() => column(false, false))),
  };
}

/**
 * Joins partials of adjacent block ranges (given in any order; they are sorted by block) into
 * the partial of their union. Throws when the ranges are not adjacent: that is a programming
 * error of the caller, not a user error.
 */
export function mergePartials(parts: readonly PartialResult[]): PartialResult {
  if (parts.length === 0) throw new Error('mergePartials needs at least one partial');
  const ordered = [...parts].sort((a, b) => a.fromBlock - b.fromBlock);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].fromBlock !== ordered[i - 1].toBlock) {
      throw new Error(`partials are not adjacent: blocks [${ordered[i - 1].fromBlock}, ${ordered[i - 1].toBlock}) then [${ordered[i].fromBlock}, ${ordered[i].toBlock})`);
    }
  }
  if (ordered.length === 1) return ordered[0];
  const first = ordered[0];
  return {
    meta: first.meta,
    fromBlock: first.fromBlock,
    toBlock: ordered[ordered.length - 1].toBlock,
    variants: first.variants.map((variant, v) => ({
      scalars: variant.scalars.map((_, k) => concatColumns(ordered.map((part) => part.variants[v].scalars[k]))),
      series: variant.series.map((_, e) => concatColumns(ordered.map((part) => part.variants[v].series[e]))),
      events: variant.events.map((_, e) => ({
        occurred: ordered.reduce((total, part) => total + part.variants[v].events[e].occurred, 0),
        undefinedCount: ordered.reduce((total, part) => total + part.variants[v].events[e].undefinedCount, 0),
      })),
      inputs:
        variant.inputs === null
          ? null
          : variant.inputs.map((_, j) => concatSamples(ordered.map((part) => part.variants[v].inputs![j]))!),
    })),
    differences: first.differences.map((columns, d) =>
      columns.map((_, k) => concatColumns(ordered.map((part) => part.differences[d][k]))),
    ),
  };
}

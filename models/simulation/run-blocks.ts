import { createRng } from '../random/index.js';
import { BLOCK_SIZE, blockLength, inputStream, outcomeStream } from './block-layout.js';
import { BlockSampler } from './block-sampler.js';
import { accumulateBlock, type ColumnAccumulator } from './column-accumulator.js';
import { createBlockMoments, measureBlock, type BlockMoments } from './column-moments.js';
import { createPartial, type PartialResult } from './partial-result.js';
import type { SimulationPlan } from './plan.js';
import { VariantRunner } from './variant-runner.js';

/**
 * Runs blocks [fromBlock, toBlock) of a planned simulation and returns their accumulated state.
 * Pure and synchronous: the same plan and block range always give the same partial, so a job
 * can be cut into chunks, run anywhere, and joined with `mergePartials`.
 *
 * Each block: sample the uniforms of every uncertain input from stream 2b (Latin hypercube or
 * plain, then Iman-Conover), and for each variant turn them into input values, evaluate the model
 * with the outcome stream 2b + 1 (a fresh generator per variant, so that variants draw the same
 * individual outcomes), and add the output columns to the accumulators.
 *
 * @param onProgress called after each block with the number of iterations done in this call.
 */
export function runBlocks(
  plan: SimulationPlan,
  fromBlock: number,
  toBlock: number,
  onProgress?: (completedIterations: number) => void,
): PartialResult {
  const meta = plan.meta;
  if (!(Number.isInteger(fromBlock) && Number.isInteger(toBlock) && 0 <= fromBlock && fromBlock <= toBlock && toBlock <= meta.blocks)) {
    throw new RangeError(`block range [${fromBlock}, ${toBlock}) is outside [0, ${meta.blocks})`);
  }
  const partial = createPartial(meta, fromBlock, toBlock);
  const sampler = new BlockSampler(plan.uncertainInputs.length, meta.sampling, plan.correlation, meta.seed);
  const runners = plan.variants.map((variant) => new VariantRunner(variant, plan.uncertainInputs));
  const difference = new Float64Array(BLOCK_SIZE);
  const measured = createBlockMoments();

  let offset = 0;
  for (let block = fromBlock; block < toBlock; block++) {
    const n = blockLength(block, meta.iterations);
    const segment = convergenceSegment(meta.checkpointBlocks, block);
    sampler.sample(createRng(meta.seed, inputStream(block)), n, block * BLOCK_SIZE);

    runners.forEach((runner, v) => {
      const target = partial.variants[v];
      const variantMeta = meta.variants[v];
      runner.transform(sampler.uniforms, n);
      runner.evaluate(n, meta.drawIndividualOutcomes ? createRng(meta.seed, outcomeStream(block)) : null);
      runner.scalarColumns.forEach((column, k) =>
        addColumn(target.scalars[k], column, n, variantMeta.scalarShifts[k], offset, segment, measured),
      );
      runner.seriesColumns.forEach((column, e) =>
        addColumn(target.series[e], column, n, variantMeta.seriesShifts[e], offset, segment, measured),
      );
      target.events.forEach((count, e) => {
        count.occurred += runner.eventOccurred[e];
        count.undefinedCount += runner.eventUndefined[e];
      });
      target.inputs?.forEach((kept, j) => kept.set(runner.values[j].subarray(0, n), offset));
    });

    for (let v = 1; v < runners.length; v++) {
      const columns = partial.differences[v - 1];
      for (let k = 0; k < columns.length; k++) {
        const variantColumn = runners[v].scalarColumns[k];
        const baselineColumn = runners[0].scalarColumns[k];
        for (let i = 0; i < n; i++) difference[i] = variantColumn[i] - baselineColumn[i];
        const shift = meta.variants[v].scalarShifts[k] - meta.variants[0].scalarShifts[k];
        addColumn(columns[k], difference, n, shift, offset, segment, measured);
      }
    }

    offset += n;
    onProgress?.(offset);
  }
  return partial;
}

function addColumn(
  accumulator: ColumnAccumulator,
  column: Float64Array,
  n: number,
  shift: number,
  offset: number,
  segment: number,
  measured: BlockMoments,
): void {
  measureBlock(column, n, shift, measured);
  accumulateBlock(accumulator, column, n, measured, offset, segment);
}

/** Index of the first checkpoint that comes after `block`. */
function convergenceSegment(checkpointBlocks: readonly number[], block: number): number {
  let segment = 0;
  while (checkpointBlocks[segment] <= block) segment++;
  return segment;
}

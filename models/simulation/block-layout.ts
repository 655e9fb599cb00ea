/**
 * How iterations are laid out so that results do not depend on threads or chunking.
 *
 * Iterations are processed in blocks of BLOCK_SIZE (the last block may be shorter). Block b
 * always samples its inputs from `createRng(seed, 2b)` and draws the model's individual outcomes
 * from `createRng(seed, 2b + 1)`, so a block gives the same numbers whichever worker runs it and
 * whatever chunk it belongs to. Latin hypercube strata and Iman-Conover rank correlation act
 * within one block.
 */

/** Iterations per block: large enough to amortise per-block work, small enough to stream. */
export const BLOCK_SIZE = 1_024;

export function blockCount(iterations: number): number {
  return Math.ceil(iterations / BLOCK_SIZE);
}

/** Number of iterations in block `block` (BLOCK_SIZE except possibly for the last). */
export function blockLength(block: number, iterations: number): number {
  return Math.min(BLOCK_SIZE, iterations - block * BLOCK_SIZE);
}

/** Generator stream for the sampled inputs of a block. */
export const inputStream = (block: number): number => 2 * block;

/** Generator stream for the individual outcomes the model draws in a block. */
export const outcomeStream = (block: number): number => 2 * block + 1;

/**
 * Blocks after which convergence is reported: `count` checkpoints spread evenly over the blocks
 * (fewer when there are fewer blocks), always ending with the last block. Each entry is the
 * number of blocks completed at that checkpoint.
 */
export function checkpointBlocks(iterations: number, count: number): number[] {
  const blocks = blockCount(iterations);
  const checkpoints: number[] = [];
  for (let k = 1; k <= count; k++) {
    const end = Math.ceil((k * blocks) / count);
    if (end > 0 && end !== checkpoints[checkpoints.length - 1]) checkpoints.push(end);
  }
  return checkpoints;
}

import { createRng, SobolSequence, type Rng } from '../random/index.js';
import { BLOCK_SIZE } from './block-layout.js';
import { ImanConover } from './iman-conover.js';
import type { CorrelationPlan } from './rank-correlation.js';
import type { SimulationSettings } from './settings.js';
import { fillLatinHypercube, fillMonteCarlo } from './uniform-sampling.js';

/**
 * Generator stream of the Sobol scramble: odd and far beyond any block's streams (2b, 2b + 1 for
 * b < 1,000 blocks), so the scramble is independent of every block's draws.
 */
const SOBOL_SCRAMBLE_STREAM = 0xffff_ffff;

/**
 * The uniforms of one block, one column per uncertain input (columnar, so each input is
 * sampled, correlated and transformed in a tight loop). The same uniforms serve every variant
 * of a comparison: that is what makes the random numbers common.
 */
export class BlockSampler {
  /** uniforms[j][i]: uncertain input j, iteration i of the block. */
  readonly uniforms: Float64Array[];
  private readonly permutation = new Int32Array(BLOCK_SIZE);
  private readonly correlation: ImanConover | null;
  /** The run's scrambled Sobol sequence, for `sobol` sampling: the same for every block and thread. */
  private readonly sobol: SobolSequence | null;

  constructor(
    uncertainCount: number,
    private readonly sampling: SimulationSettings['sampling'],
    correlation: CorrelationPlan | null,
    seed: number,
  ) {
    this.uniforms = Array.from({ length: uncertainCount }, () => new Float64Array(BLOCK_SIZE));
    this.correlation = correlation === null ? null : new ImanConover(correlation);
    this.sobol = sampling === 'sobol' && uncertainCount > 0 ? SobolSequence.scrambled(uncertainCount, createRng(seed, SOBOL_SCRAMBLE_STREAM)) : null;
  }

  /**
   * Fills the first n uniforms of every column: from `rng` (the block's input stream) for Monte
   * Carlo and Latin hypercube, from points firstIteration ... firstIteration + n − 1 of the Sobol
   * sequence (input j its dimension j) for `sobol`.
   */
  sample(rng: Rng, n: number, firstIteration: number): void {
    this.uniforms.forEach((column, j) => {
      if (this.sobol !== null) this.sobol.fill(j, firstIteration, n, column);
      else if (this.sampling === 'latinHypercube') fillLatinHypercube(rng, column, n, this.permutation);
      else fillMonteCarlo(rng, column, n);
    });
    this.correlation?.apply(this.uniforms, n);
  }
}

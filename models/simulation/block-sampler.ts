import type { Rng } from '../random/index.js';
import { BLOCK_SIZE } from './block-layout.js';
import { ImanConover } from './iman-conover.js';
import type { CorrelationPlan } from './rank-correlation.js';
import type { SimulationSettings } from './settings.js';
import { fillLatinHypercube, fillMonteCarlo } from './uniform-sampling.js';

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

  constructor(
    uncertainCount: number,
    private readonly sampling: SimulationSettings['sampling'],
    correlation: CorrelationPlan | null,
  ) {
    this.uniforms = Array.from({ length: uncertainCount }, () => new Float64Array(BLOCK_SIZE));
    this.correlation = correlation === null ? null : new ImanConover(correlation);
  }

  /** Fills the first n uniforms of every column from `rng` (the block's input stream). */
  sample(rng: Rng, n: number): void {
    for (const column of this.uniforms) {
      if (this.sampling === 'latinHypercube') fillLatinHypercube(rng, column, n, this.permutation);
      else fillMonteCarlo(rng, column, n);
    }
    this.correlation?.apply(this.uniforms, n);
  }
}

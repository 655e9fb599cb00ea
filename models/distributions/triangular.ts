import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';

export type TriangularParameters = Extract<Distribution, { type: 'triangular' }>;

class TriangularDistribution implements CompiledDistribution {
  readonly mean: number;
  readonly variance: number;
  /** F(mode): the probability of falling on the rising side. */
  private readonly modeProbability: number;
  private readonly risingScale: number;
  private readonly fallingScale: number;

  constructor(
    private readonly min: number,
    private readonly mode: number,
    private readonly max: number,
  ) {
    const width = max - min;
    this.modeProbability = (mode - min) / width;
    this.risingScale = width * (mode - min);
    this.fallingScale = width * (max - mode);
    this.mean = (min + mode + max) / 3;
    this.variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  }

  /** Closed-form inverse of the two quadratic pieces, clamped to [min, max] against round-off. */
  quantile(u: number): number {
    if (u <= 0) return this.min;
    if (u >= 1) return this.max;
    const x =
      u <= this.modeProbability
        ? this.min + Math.sqrt(u * this.risingScale)
        : this.max - Math.sqrt((1 - u) * this.fallingScale);
    return x < this.min ? this.min : x > this.max ? this.max : x;
  }

  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    if (x <= this.mode) return ((x - this.min) * (x - this.min)) / this.risingScale;
    return 1 - ((this.max - x) * (this.max - x)) / this.fallingScale;
  }
}

/**
 * Triangular(min, mode, max): lowest, most likely and highest value, density rising linearly to
 * the mode and falling linearly after it. Mean (min + mode + max)/3, variance
 * (min² + mode² + max² − min·mode − min·max − mode·max)/18. mode may equal min or max.
 */
export function compileTriangular(parameters: TriangularParameters): CompiledDistribution {
  return new TriangularDistribution(parameters.min, parameters.mode, parameters.max);
}

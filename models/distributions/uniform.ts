import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';

export type UniformParameters = Extract<Distribution, { type: 'uniform' }>;

class UniformDistribution implements CompiledDistribution {
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;

  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.width = max - min;
    this.mean = min + this.width / 2;
    this.variance = (this.width * this.width) / 12;
  }

  /** Interpolates from the nearer end so that u = 0 gives min and u = 1 gives max exactly. */
  quantile(u: number): number {
    if (u <= 0) return this.min;
    if (u >= 1) return this.max;
    return u < 0.5 ? this.min + u * this.width : this.max - (1 - u) * this.width;
  }

  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    return (x - this.min) / this.width;
  }
}

/**
 * Uniform(min, max): every value in between equally likely. Mean (min + max)/2, variance
 * (max − min)²/12.
 */
export function compileUniform(parameters: UniformParameters): CompiledDistribution {
  return new UniformDistribution(parameters.min, parameters.max);
}


import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';

export type FixedParameters = Extract<Distribution, { type: 'fixed' }>;

class FixedDistribution implements CompiledDistribution {
  readonly variance = 0;

  constructor(readonly mean: number) {}

  quantile(): number {
    return this.mean;
  }

  cdf(x: number): number {
    return x >= this.mean ? 1 : 0;
  }
}

/** A known value: every quantile is the value, the variance is 0. */
export function compileFixed(parameters: FixedParameters): CompiledDistribution {
  return new FixedDistribution(parameters.value);
}

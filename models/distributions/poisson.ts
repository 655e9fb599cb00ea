import type { CompiledDistribution } from './compiled-distribution.js';
import { compileCountLaw, type CountLaw } from './count-table.js';
import type { Distribution } from './schema.js';

export type PoissonParameters = Extract<Distribution, { type: 'poisson' }>;

/** Poisson(λ) as a table law: mode ⌊λ⌋, p(k + 1)/p(k) = λ/(k + 1); log-concave. */
export function poissonLaw(mean: number): CountLaw {
  const ratioUp = (k: number): number => mean / (k + 1);
  return {
    mode: Math.floor(mean),
    lowest: 0,
    highest: Infinity,
    ratioUp,
    ratioDown: (k) => k / mean,
    upperRatioBound: ratioUp,
  };
}

/**
 * The number of events in a period when they occur independently at a constant rate with the
 * given mean (e.g. incidents per year). Mean and variance λ.
 *
 * @example compilePoisson({ type: 'poisson', mean: 3 }).quantile(0.5) // 3
 */
export function compilePoisson(parameters: PoissonParameters): CompiledDistribution {
  return compileCountLaw(poissonLaw(parameters.mean), parameters.mean, parameters.mean);
}

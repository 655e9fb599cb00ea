import type { CompiledDistribution } from './compiled-distribution.js';
import { compileCountLaw, type CountLaw } from './count-table.js';
import type { Distribution } from './schema.js';

export type NegativeBinomialParameters = Extract<Distribution, { type: 'negativeBinomial' }>;

/**
 * NegativeBinomial(r, p), failures before the r-th success, as a table law:
 * p(k + 1)/p(k) = (k + r)/(k + 1) · (1 − p). For r ≥ 1 the pmf is log-concave with mode
 * ⌊(r − 1)(1 − p)/p⌋ and the ratios shrink; for r < 1 the mode is 0 and the ratios grow towards
 * 1 − p, which then bounds them.
 */
export function negativeBinomialLaw(successes: number, probability: number): CountLaw {
  const failure = 1 - probability;
  const ratioUp = (k: number): number => ((k + successes) / (k + 1)) * failure;
  return {
    mode: successes >= 1 ? Math.floor(((successes - 1) * failure) / probability) : 0,
    lowest: 0,
    highest: Infinity,
    ratioUp,
    ratioDown: (k) => (k / (k - 1 + successes)) / failure,
    upperRatioBound: successes >= 1 ? ratioUp : () => failure,
  };
}

/**
 * The number of failures before the r-th success in trials that each succeed with probability p
 * (r need not be whole: then it is the Poisson-gamma mixture, an over-dispersed count).
 * Mean r(1 − p)/p, variance r(1 − p)/p².
 *
 * @example compileNegativeBinomial({ type: 'negativeBinomial', successes: 1, probability: 0.5 }).mean // 1
 */
export function compileNegativeBinomial(parameters: NegativeBinomialParameters): CompiledDistribution {
  const { successes, probability } = parameters;
  const mean = (successes * (1 - probability)) / probability;
  return compileCountLaw(negativeBinomialLaw(successes, probability), mean, mean / probability);
}

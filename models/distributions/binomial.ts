import type { CompiledDistribution } from './compiled-distribution.js';
import { compileCountLaw, type CountLaw } from './count-table.js';
import type { Distribution } from './schema.js';

export type BinomialParameters = Extract<Distribution, { type: 'binomial' }>;

/**
 * Binomial(n, p) as a table law: mode ⌊(n + 1)p⌋ (at most n), p(k + 1)/p(k) = (n − k)/(k + 1) · p/(1 − p).
 * The pmf is log-concave, so the ratios bound their own tails.
 */
export function binomialLaw(trials: number, probability: number): CountLaw {
  const odds = probability / (1 - probability);
  const inverseOdds = (1 - probability) / probability;
  const ratioUp = (k: number): number => ((trials - k) / (k + 1)) * odds;
  return {
    mode: Math.min(trials, Math.floor((trials + 1) * probability)),
    lowest: 0,
    highest: trials,
    ratioUp,
    ratioDown: (k) => (k / (trials - k + 1)) * inverseOdds,
    upperRatioBound: ratioUp,
  };
}

/**
 * The number of successes in n independent trials that each succeed with probability p
 * (e.g. how many of 20 participants find work). Mean n·p, variance n·p·(1 − p).
 *
 * @example compileBinomial({ type: 'binomial', trials: 20, probability: 0.3 }).quantile(0.5) // 6
 */
export function compileBinomial(parameters: BinomialParameters): CompiledDistribution {
  const { trials, probability } = parameters;
  return compileCountLaw(binomialLaw(trials, probability), trials * probability, trials * probability * (1 - probability));
}

import { compileBinomial } from './binomial.js';
import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';

export type BernoulliParameters = Extract<Distribution, { type: 'bernoulli' }>;

/**
 * 1 with probability p, else 0 (whether an event happens): a binomial with one trial, so
 * quantile(u) = 1 exactly when u > 1 − p. Mean p, variance p·(1 − p).
 */
export function compileBernoulli(parameters: BernoulliParameters): CompiledDistribution {
  return compileBinomial({ type: 'binomial', trials: 1, probability: parameters.probability });
}

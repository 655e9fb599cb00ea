import { compileBernoulli } from './bernoulli.js';
import { compileBeta } from './beta.js';
import { compileBinomial } from './binomial.js';
import type { CompiledDistribution } from './compiled-distribution.js';
import { compileDiscrete } from './discrete.js';
import { compileFixed } from './fixed.js';
import { compileInterval90 } from './interval90.js';
import { compileLognormal } from './lognormal.js';
import { compileNegativeBinomial } from './negative-binomial.js';
import { compileNormal } from './normal.js';
import { compilePert } from './pert.js';
import { compilePoisson } from './poisson.js';
import type { Distribution, Uncertain } from './schema.js';
import { compileTriangular } from './triangular.js';
import { compileTruncatedNormal } from './truncated-normal.js';
import { compileUniform } from './uniform.js';

/**
 * Turns a parsed distribution into one ready for sampling (`quantile`) and for deterministic
 * evaluation (`mean`). Parameters are trusted: the schema has already refused bad ones.
 */
export function compileDistribution(distribution: Distribution): CompiledDistribution {
  switch (distribution.type) {
    case 'fixed':
      return compileFixed(distribution);
    case 'uniform':
      return compileUniform(distribution);
    case 'triangular':
      return compileTriangular(distribution);
    case 'pert':
      return compilePert(distribution);
    case 'normal':
      return compileNormal(distribution);
    case 'truncatedNormal':
      return compileTruncatedNormal(distribution);
    case 'lognormal':
      return compileLognormal(distribution);
    case 'beta':
      return compileBeta(distribution);
    case 'discrete':
      return compileDiscrete(distribution);
    case 'interval90':
      return compileInterval90(distribution);
    case 'binomial':
      return compileBinomial(distribution);
    case 'bernoulli':
      return compileBernoulli(distribution);
    case 'poisson':
      return compilePoisson(distribution);
    case 'negativeBinomial':
      return compileNegativeBinomial(distribution);
  }
}

/**
 * The value a deterministic evaluation uses for an input: a plain number is its own mean.
 *
 * @example meanOf(3) // 3
 * @example meanOf({ type: 'triangular', min: 0, mode: 3, max: 9 }) // 4
 */
export function meanOf(value: Uncertain): number {
  return typeof value === 'number' ? value : compileDistribution(value).mean;
}

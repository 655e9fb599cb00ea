export * from './schema.js';
export type { CompiledDistribution } from './compiled-distribution.js';
export { compileDistribution, meanOf } from './compile.js';
export { compileFixed } from './fixed.js';
export { compileUniform } from './uniform.js';
export { compileTriangular } from './triangular.js';
export { compilePert } from './pert.js';
export { compileNormal } from './normal.js';
export { compileTruncatedNormal } from './truncated-normal.js';
export { compileLognormal, lognormalFromLogScale } from './lognormal.js';
export { compileBeta, scaledBeta } from './beta.js';
export { compileDiscrete } from './discrete.js';
export { compileInterval90, fitInterval90, type Interval90Fit } from './interval90.js';
export { fitBetaToInterval } from './beta-interval-fit.js';
export { logitNormal } from './logit-normal.js';
export { compileBinomial } from './binomial.js';
export { compileBernoulli } from './bernoulli.js';
export { compilePoisson } from './poisson.js';
export { compileNegativeBinomial } from './negative-binomial.js';
export { COUNT_TAIL_PROBABILITY, MAX_COUNT_TABLE_LENGTH } from './count-table.js';
export {
  standardNormalCdf,
  standardNormalDensity,
  standardNormalLogUpperTail,
  standardNormalMillsRatio,
  standardNormalUpperTail,
} from './special-functions/normal-cdf.js';
export {
  SMALLEST_TAIL_PROBABILITY,
  standardNormalQuantile,
  standardNormalUpperQuantileFromLog,
} from './special-functions/normal-quantile.js';
export { IncompleteBeta } from './special-functions/incomplete-beta.js';
export { logBeta, logGamma } from './special-functions/log-gamma.js';
export { describeDistribution, DistributionDescriptionSchema, type DistributionDescription } from './describe.js';

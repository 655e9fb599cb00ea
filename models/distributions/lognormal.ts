import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';
import { standardNormalCdf } from './special-functions/normal-cdf.js';
import { standardNormalQuantile } from './special-functions/normal-quantile.js';

export type LognormalParameters = Extract<Distribution, { type: 'lognormal' }>;

class LognormalDistribution implements CompiledDistribution {
  constructor(
    private readonly logMean: number,
    private readonly logSd: number,
    readonly mean: number,
    readonly variance: number,
  ) {}

  quantile(u: number): number {
    return Math.exp(this.logMean + this.logSd * standardNormalQuantile(u));
  }

  cdf(x: number): number {
    if (!(x > 0)) return 0;
    return standardNormalCdf((Math.log(x) - this.logMean) / this.logSd);
  }
}

/**
 * Lognormal given by the mean and sd of the variable itself, which is what users know: with
 * σ² = ln(1 + sd²/mean²) and μ = ln(mean) − σ²/2, ln X ~ Normal(μ, σ), so E[X] = mean and
 * Var[X] = sd² exactly. As for the normal, u = 0 and u = 1 map to e^{μ ∓ 37.04σ} (finite,
 * positive) rather than to 0 and ∞.
 *
 * @example compileLognormal({ type: 'lognormal', mean: 1, sd: 0.5 }).quantile(0.5) // e^{−σ²/2} ≈ 0.894
 */
export function compileLognormal(parameters: LognormalParameters): CompiledDistribution {
  const { mean, sd } = parameters;
  const coefficientOfVariation = sd / mean;
  const logVariance = Math.log1p(coefficientOfVariation * coefficientOfVariation);
  const logMean = Math.log(mean) - logVariance / 2;
  return new LognormalDistribution(logMean, Math.sqrt(logVariance), mean, sd * sd);
}

/**
 * The lognormal with ln X ~ Normal(logMean, logSd), for fits made on the log scale (interval90).
 * E[X] = e^{μ + σ²/2}, Var[X] = (e^{σ²} − 1)·e^{2μ + σ²}.
 */
export function lognormalFromLogScale(logMean: number, logSd: number): CompiledDistribution {
  const logVariance = logSd * logSd;
  const mean = Math.exp(logMean + logVariance / 2);
  const variance = Math.expm1(logVariance) * Math.exp(2 * logMean + logVariance);
  return new LognormalDistribution(logMean, logSd, mean, variance);
}

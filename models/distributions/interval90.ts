import { scaledBeta } from './beta.js';
import { fitBetaToInterval } from './beta-interval-fit.js';
import type { CompiledDistribution } from './compiled-distribution.js';
import { logitNormal } from './logit-normal.js';
import { lognormalFromLogScale } from './lognormal.js';
import { compileNormal } from './normal.js';
import type { Distribution } from './schema.js';
import { standardNormalQuantile } from './special-functions/normal-quantile.js';
import { compileUniform } from './uniform.js';

export type Interval90Parameters = Extract<Distribution, { type: 'interval90' }>;

const LOWER_PROBABILITY = 0.05;
const UPPER_PROBABILITY = 0.95;
/**
 * A uniform whose 5th and 95th percentiles are low and high extends 0.05/0.9 = 1/18 of
 * (high − low) beyond each; dividing by 18 avoids the rounding of 0.95 − 0.05 in doubles.
 */
const UNIFORM_MARGIN_DIVISOR = 18;

/**
 * The distance between the 5th and 95th percentiles of a standard normal, 2·Φ⁻¹(0.95) ≈ 3.29,
 * taken from the same quantile routine the fitted distribution uses so that the fit reproduces
 * low and high to rounding.
 */
const STANDARD_NORMAL_SPREAD = standardNormalQuantile(UPPER_PROBABILITY) - standardNormalQuantile(LOWER_PROBABILITY);

/** The distribution fitted to an interval, with the family and parameters it uses. */
export interface Interval90Fit {
  readonly family: 'normal' | 'lognormal' | 'uniform' | 'beta' | 'logitNormal';
  readonly parameters: Readonly<Record<string, number>>;
  readonly distribution: CompiledDistribution;
}

/**
 * A 90% interval: 5% chance below `low`, 5% above `high`. The named shape is fitted so that
 * quantile(0.05) = low and quantile(0.95) = high:
 * - normal: mean (low + high)/2, sd (high − low)/(2·Φ⁻¹(0.95));
 * - lognormal (low > 0): the same on the log scale, ln X ~ Normal((ln low + ln high)/2,
 *   (ln high − ln low)/(2·Φ⁻¹(0.95))), so the median is √(low·high);
 * - uniform: low and high are the 5th and 95th percentiles of a uniform 1/0.9 times as wide,
 *   reaching 1/18 of the interval's width beyond each end;
 * - logitNormal (0 < low < high < 1): the normal fit on the logit scale, ln(X/(1 − X));
 * - beta (0 < low < high < 1): α and β solved numerically (fitBetaToInterval), to 1e-13 in
 *   probability; the schema has refused an interval no allowed beta fits.
 * The closed forms reproduce low and high to about 1e-15 relative, the beta to about 1e-12.
 */
export function fitInterval90(parameters: Interval90Parameters): Interval90Fit {
  const { low, high, shape } = parameters;
  switch (shape) {
    case 'normal': {
      const sd = (high - low) / STANDARD_NORMAL_SPREAD;
      const mean = low - sd * standardNormalQuantile(LOWER_PROBABILITY);
      return { family: 'normal', parameters: { mean, sd }, distribution: compileNormal({ type: 'normal', mean, sd }) };
    }
    case 'lognormal': {
      const logLow = Math.log(low);
      const logSd = (Math.log(high) - logLow) / STANDARD_NORMAL_SPREAD;
      const logMean = logLow - logSd * standardNormalQuantile(LOWER_PROBABILITY);
      return { family: 'lognormal', parameters: { logMean, logSd }, distribution: lognormalFromLogScale(logMean, logSd) };
    }
    case 'uniform': {
      const margin = (high - low) / UNIFORM_MARGIN_DIVISOR;
      const min = low - margin;
      const max = high + margin;
      return { family: 'uniform', parameters: { min, max }, distribution: compileUniform({ type: 'uniform', min, max }) };
    }
    case 'logitNormal': {
      const logitLow = Math.log(low / (1 - low));
      const logitSd = (Math.log(high / (1 - high)) - logitLow) / STANDARD_NORMAL_SPREAD;
      const logitMean = logitLow - logitSd * standardNormalQuantile(LOWER_PROBABILITY);
      return { family: 'logitNormal', parameters: { logitMean, logitSd }, distribution: logitNormal(logitMean, logitSd) };
    }
    case 'beta': {
      const fit = fitBetaToInterval(low, high, LOWER_PROBABILITY, UPPER_PROBABILITY);
      if (!fit.ok) throw new RangeError(fit.reason);
      return { family: 'beta', parameters: { alpha: fit.alpha, beta: fit.beta }, distribution: scaledBeta(fit.alpha, fit.beta, 0, 1) };
    }
  }
}

/** The distribution fitted to a 90% interval (see {@link fitInterval90}). */
export function compileInterval90(parameters: Interval90Parameters): CompiledDistribution {
  return fitInterval90(parameters).distribution;
}

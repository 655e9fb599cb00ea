import type { CompiledDistribution } from './compiled-distribution.js';
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

/**
 * A 90% interval: 5% chance below `low`, 5% above `high`. The named shape is fitted exactly, so
 * quantile(0.05) = low and quantile(0.95) = high (up to rounding, about 1e-15 relative):
 * - normal: mean (low + high)/2, sd (high − low)/(2·Φ⁻¹(0.95));
 * - lognormal (low > 0): the same on the log scale, ln X ~ Normal((ln low + ln high)/2,
 *   (ln high − ln low)/(2·Φ⁻¹(0.95))), so the median is √(low·high);
 * - uniform: low and high are the 5th and 95th percentiles of a uniform 1/0.9 times as wide,
 *   reaching 1/18 of the interval's width beyond each end.
 */
export function compileInterval90(parameters: Interval90Parameters): CompiledDistribution {
  const { low, high, shape } = parameters;
  switch (shape) {
    case 'normal': {
      const sd = (high - low) / STANDARD_NORMAL_SPREAD;
      return compileNormal({ type: 'normal', mean: low - sd * standardNormalQuantile(LOWER_PROBABILITY), sd });
    }
    case 'lognormal': {
      const logLow = Math.log(low);
      const logSd = (Math.log(high) - logLow) / STANDARD_NORMAL_SPREAD;
      return lognormalFromLogScale(logLow - logSd * standardNormalQuantile(LOWER_PROBABILITY), logSd);
    }
    case 'uniform': {
      const margin = (high - low) / UNIFORM_MARGIN_DIVISOR;
      return compileUniform({ type: 'uniform', min: low - margin, max: high + margin });
    }
  }
}

import type { CompiledDistribution } from './compiled-distribution.js';
import { standardNormalCdf, standardNormalDensity } from './special-functions/normal-cdf.js';
import { standardNormalQuantile } from './special-functions/normal-quantile.js';

/**
 * Half-width, in standard deviations of the logit, of the grid the moments are integrated on,
 * and its step. The integrand sigmoid(μ + σz)^k·φ(z) is smooth and decays like φ, so the
 * trapezoidal rule on the real line converges geometrically: with step 1/32 over ±12 the error
 * is far below 1e-15 (checked against a step of 1/64 in the tests).
 */
const MOMENT_GRID_HALF_WIDTH = 12;
const MOMENT_GRID_STEP = 1 / 32;

const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
const logit = (x: number): number => Math.log(x / (1 - x));

class LogitNormalDistribution implements CompiledDistribution {
  readonly mean: number;
  readonly variance: number;

  constructor(
    private readonly logitMean: number,
    private readonly logitSd: number,
  ) {
    // E[X] and E[X²] by the trapezoidal rule in z (no closed form exists).
    let first = 0;
    let second = 0;
    for (let z = -MOMENT_GRID_HALF_WIDTH; z <= MOMENT_GRID_HALF_WIDTH; z += MOMENT_GRID_STEP) {
      const x = sigmoid(logitMean + logitSd * z);
      const weight = standardNormalDensity(z) * MOMENT_GRID_STEP;
      first += x * weight;
      second += x * x * weight;
    }
    this.mean = first;
    this.variance = Math.max(0, second - first * first);
  }

  quantile(u: number): number {
    return sigmoid(this.logitMean + this.logitSd * standardNormalQuantile(u));
  }

  cdf(x: number): number {
    if (!(x > 0)) return 0;
    if (!(x < 1)) return 1;
    return standardNormalCdf((logit(x) - this.logitMean) / this.logitSd);
  }
}

/**
 * The logit-normal on (0, 1): logit X = ln(X/(1 − X)) ~ Normal(logitMean, logitSd). A natural
 * law for a rate or share known as an interval: its quantiles are those of the normal pushed
 * through the sigmoid, so a 90% interval fits in closed form. Mean and variance by quadrature.
 */
export function logitNormal(logitMean: number, logitSd: number): CompiledDistribution {
  return new LogitNormalDistribution(logitMean, logitSd);
}

export { logit };

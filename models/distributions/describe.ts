import { z } from 'zod';
import { compileDistribution } from './compile.js';
import { fitInterval90 } from './interval90.js';
import type { Distribution } from './schema.js';

/**
 * What a distribution is once compiled: the family it is sampled from, the parameters that family
 * uses (fitted ones for a 90% interval, PERT's beta shapes α and β, a lognormal's log-scale μ and
 * σ), its moments and the quantiles it achieves, so a user can check that the numbers the service
 * uses are the ones they meant.
 */
export const DistributionDescriptionSchema = z
  .object({
    type: z.string().describe('The distribution as given.'),
    family: z.string().describe('The family it is sampled from (e.g. beta for a PERT or a beta-shaped interval).'),
    parameters: z.record(z.string(), z.number()).describe('The parameters that family uses, as computed from the input.'),
    mean: z.number(),
    sd: z.number(),
    quantiles: z
      .object({ p1: z.number(), p5: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p95: z.number(), p99: z.number() })
      .describe('Achieved quantiles (for a 90% interval, p5 and p95 reproduce low and high).'),
  })
  .meta({ id: 'DistributionDescription', description: 'The family, parameters, moments and quantiles of a compiled distribution.' });
export type DistributionDescription = z.infer<typeof DistributionDescriptionSchema>;

const QUANTILE_LEVELS = { p1: 0.01, p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;

/** The family and the parameters it uses (see DistributionDescriptionSchema). */
function familyAndParameters(distribution: Distribution): { family: string; parameters: Record<string, number> } {
  switch (distribution.type) {
    case 'fixed':
      return { family: 'fixed', parameters: { value: distribution.value } };
    case 'uniform':
      return { family: 'uniform', parameters: { min: distribution.min, max: distribution.max } };
    case 'triangular':
      return { family: 'triangular', parameters: { min: distribution.min, mode: distribution.mode, max: distribution.max } };
    case 'pert': {
      // The same shapes as compilePert: α = 1 + λ·(mode − min)/(max − min), β = 1 + λ·(max − mode)/(max − min).
      const { min, mode, max, lambda } = distribution;
      const width = max - min;
      return {
        family: 'beta',
        parameters: { alpha: 1 + (lambda * (mode - min)) / width, beta: 1 + (lambda * (max - mode)) / width, min, max, lambda },
      };
    }
    case 'normal':
      return { family: 'normal', parameters: { mean: distribution.mean, sd: distribution.sd } };
    case 'truncatedNormal':
      return {
        family: 'truncatedNormal',
        parameters: { mean: distribution.mean, sd: distribution.sd, min: distribution.min, max: distribution.max },
      };
    case 'lognormal': {
      // compileLognormal's σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
      const logVariance = Math.log1p((distribution.sd / distribution.mean) ** 2);
      return { family: 'lognormal', parameters: { logMean: Math.log(distribution.mean) - logVariance / 2, logSd: Math.sqrt(logVariance) } };
    }
    case 'beta':
      return { family: 'beta', parameters: { alpha: distribution.alpha, beta: distribution.beta, min: distribution.min, max: distribution.max } };
    case 'discrete':
      return { family: 'discrete', parameters: { valueCount: distribution.values.length } };
    case 'interval90': {
      const fit = fitInterval90(distribution);
      return { family: fit.family, parameters: { ...fit.parameters } };
    }
    case 'binomial':
      return { family: 'binomial', parameters: { trials: distribution.trials, probability: distribution.probability } };
    case 'bernoulli':
      return { family: 'binomial', parameters: { trials: 1, probability: distribution.probability } };
    case 'poisson':
      return { family: 'poisson', parameters: { mean: distribution.mean } };
    case 'negativeBinomial':
      return { family: 'negativeBinomial', parameters: { successes: distribution.successes, probability: distribution.probability } };
  }
}

/**
 * @example describeDistribution({ type: 'pert', min: 0, mode: 3, max: 9, lambda: 4 }).parameters
 *   // { alpha: 2.333…, beta: 3.666…, min: 0, max: 9, lambda: 4 }
 */
export function describeDistribution(distribution: Distribution): DistributionDescription {
  const compiled = compileDistribution(distribution);
  const quantiles = Object.fromEntries(
    Object.entries(QUANTILE_LEVELS).map(([key, level]) => [key, compiled.quantile(level)]),
  ) as DistributionDescription['quantiles'];
  return {
    type: distribution.type,
    ...familyAndParameters(distribution),
    mean: compiled.mean,
    sd: Math.sqrt(compiled.variance),
    quantiles,
  };
}

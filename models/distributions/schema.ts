import { z } from 'zod';
import { fitBetaToInterval } from './beta-interval-fit.js';
import { MAX_BETA_SHAPE, MAX_PERT_LAMBDA, MIN_BETA_SHAPE } from './beta-shape-limits.js';
import { binomialLaw } from './binomial.js';
import { MAX_COUNT_TABLE_LENGTH, tabulateCountLaw, type CountLaw } from './count-table.js';
import { negativeBinomialLaw } from './negative-binomial.js';
import { poissonLaw } from './poisson.js';

/**
 * Every numeric input of every model may be a plain number or one of these distributions.
 * Parameter checks live here (superRefine) so a bad parameter is a 400 naming the field.
 */
const finite = z.number().finite();

export { MAX_BETA_SHAPE, MAX_PERT_LAMBDA, MIN_BETA_SHAPE } from './beta-shape-limits.js';

const betaShape = z
  .number()
  .finite()
  .min(MIN_BETA_SHAPE, {
    message: `must be at least ${MIN_BETA_SHAPE}: below that the beta quantile is not accurate in double precision`,
  })
  .max(MAX_BETA_SHAPE, {
    message: `must be at most ${MAX_BETA_SHAPE}: above that the beta quantile is slow and loses accuracy (use a normal distribution with the same mean and sd)`,
  });

/** Longest `source` text a distribution may carry. */
export const MAX_SOURCE_LENGTH = 1_000;

/**
 * Where an estimate and its range come from, carried with the distribution so a contract or
 * portfolio exported, saved or imported keeps its citations. Text only: compiling ignores it.
 */
export const DistributionSourceSchema = z
  .string()
  .min(1)
  .max(MAX_SOURCE_LENGTH)
  .optional()
  .describe(
    'Where the figure and its range come from, with the reasoning (e.g. "CBS 2021: 82% still in work after 6 months; range assumed"). Shown as the source in reports and workbooks; it does not change any number.',
  );
const source = { source: DistributionSourceSchema };

export const FixedSchema = z
  .strictObject({ type: z.literal('fixed'), value: finite, ...source })
  .meta({ id: 'FixedDistribution', description: 'A known value.' });

export const UniformSchema = z
  .strictObject({ type: z.literal('uniform'), min: finite, max: finite, ...source })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
  })
  .meta({ id: 'UniformDistribution', description: 'Every value between min and max equally likely.' });

export const TriangularSchema = z
  .strictObject({ type: z.literal('triangular'), min: finite, mode: finite, max: finite, ...source })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
    else if (d.mode < d.min || d.mode > d.max)
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'mode must lie between min and max' });
  })
  .meta({ id: 'TriangularDistribution', description: 'Lowest, most likely and highest value.' });

export const PertSchema = z
  .strictObject({
    type: z.literal('pert'),
    min: finite,
    mode: finite,
    max: finite,
    /** Weight of the mode; 4 is the classic PERT. */
    lambda: z
      .number()
      .finite()
      .positive()
      .max(MAX_PERT_LAMBDA, {
        message: `must be at most ${MAX_PERT_LAMBDA}: PERT's beta shapes 1 + lambda·share must stay within the beta quantile's accurate range`,
      })
      .default(4),
    ...source,
  })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
    else if (d.mode < d.min || d.mode > d.max)
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'mode must lie between min and max' });
  })
  .meta({
    id: 'PertDistribution',
    description: 'Beta-PERT: a smooth three-point estimate (lowest, most likely, highest); lambda 4 is the classic form.',
  });

export const NormalSchema = z
  .strictObject({ type: z.literal('normal'), mean: finite, sd: z.number().finite().positive(), ...source })
  .meta({ id: 'NormalDistribution' });

export const TruncatedNormalSchema = z
  .strictObject({
    type: z.literal('truncatedNormal'),
    mean: finite,
    sd: z.number().finite().positive(),
    min: finite,
    max: finite,
    ...source,
  })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
  })
  .meta({ id: 'TruncatedNormalDistribution', description: 'A normal distribution cut to [min, max] (mean and sd are those of the uncut normal).' });

export const LognormalSchema = z
  .strictObject({
    type: z.literal('lognormal'),
    /** Mean and sd of the variable itself (not of its logarithm): what users know. */
    mean: z.number().finite().positive(),
    sd: z.number().finite().positive(),
    ...source,
  })
  .meta({ id: 'LognormalDistribution', description: 'Lognormal given by the mean and sd of the variable itself.' });

export const BetaSchema = z
  .strictObject({
    type: z.literal('beta'),
    alpha: betaShape,
    beta: betaShape,
    min: finite.default(0),
    max: finite.default(1),
    ...source,
  })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
  })
  .meta({ id: 'BetaDistribution', description: 'Beta(alpha, beta) scaled to [min, max] (default [0, 1]).' });

export const DiscreteSchema = z
  .strictObject({
    type: z.literal('discrete'),
    values: z.array(finite).min(1).max(1000),
    probabilities: z.array(z.number().finite().min(0).max(1)).min(1).max(1000),
    ...source,
  })
  .superRefine((d, ctx) => {
    if (d.values.length !== d.probabilities.length)
      ctx.addIssue({ code: 'custom', path: ['probabilities'], message: 'needs one probability per value' });
    const total = d.probabilities.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-9)
      ctx.addIssue({ code: 'custom', path: ['probabilities'], message: `probabilities must sum to 1 (they sum to ${total})` });
  })
  .meta({ id: 'DiscreteDistribution', description: 'A finite set of values with their probabilities.' });

/** Largest binomial number of trials: whole numbers stay exact in doubles far beyond it. */
export const MAX_BINOMIAL_TRIALS = 1e15;
const probability = z.number().finite().min(0).max(1);

/** A 400 naming `path` when the law's exact quantile table would exceed MAX_COUNT_TABLE_LENGTH. */
function refuseWideCountLaw(law: CountLaw, variance: number, path: string, ctx: z.RefinementCtx): void {
  // A table spans more than 16 sd (about 17.6 sd for a near-normal law, whose tails of 2^-60 lie
  // 8.8 sd out; about 42/p for a geometric one, whose sd is below 1/p), so a law with 16·sd above
  // the limit is refused without walking its table.
  if (16 * Math.sqrt(variance) > MAX_COUNT_TABLE_LENGTH || tabulateCountLaw(law) === null)
    ctx.addIssue({
      code: 'custom',
      path: [path],
      message: `this law spreads over more than ${MAX_COUNT_TABLE_LENGTH} counts, beyond which its exact quantile is too costly; use a normal with the same mean and sd`,
    });
}

export const BinomialSchema = z
  .strictObject({
    type: z.literal('binomial'),
    trials: z.number().int().min(0).max(MAX_BINOMIAL_TRIALS).describe('Number of independent trials n.'),
    probability: probability.describe('Chance p that one trial succeeds.'),
    ...source,
  })
  .superRefine((d, ctx) => refuseWideCountLaw(binomialLaw(d.trials, d.probability), d.trials * d.probability * (1 - d.probability), 'trials', ctx))
  .meta({
    id: 'BinomialDistribution',
    description: `Number of successes in n trials each succeeding with probability p (mean n·p). Refused when it spreads over more than ${MAX_COUNT_TABLE_LENGTH} counts (n·p·(1−p) above about 13 million).`,
  });

export const BernoulliSchema = z
  .strictObject({ type: z.literal('bernoulli'), probability: probability.describe('Chance p of a 1.'), ...source })
  .meta({ id: 'BernoulliDistribution', description: '1 with probability p, else 0.' });

export const PoissonSchema = z
  .strictObject({
    type: z.literal('poisson'),
    mean: z.number().finite().min(0).describe('Expected count λ (also the variance).'),
    ...source,
  })
  .superRefine((d, ctx) => refuseWideCountLaw(poissonLaw(d.mean), d.mean, 'mean', ctx))
  .meta({
    id: 'PoissonDistribution',
    description: `Count of independent events with the given mean. Refused when it spreads over more than ${MAX_COUNT_TABLE_LENGTH} counts (mean above about 13 million).`,
  });

export const NegativeBinomialSchema = z
  .strictObject({
    type: z.literal('negativeBinomial'),
    successes: z.number().finite().positive().max(1e9).describe('Number of successes r awaited (need not be whole).'),
    probability: z.number().finite().gt(0).max(1).describe('Chance p that one trial succeeds.'),
    ...source,
  })
  .superRefine((d, ctx) => refuseWideCountLaw(negativeBinomialLaw(d.successes, d.probability), (d.successes * (1 - d.probability)) / d.probability ** 2, 'probability', ctx))
  .meta({
    id: 'NegativeBinomialDistribution',
    description: `Number of failures before the r-th success (mean r(1−p)/p, variance r(1−p)/p²). Refused when it spreads over more than ${MAX_COUNT_TABLE_LENGTH} counts (e.g. r = 1 with p below about 0.0007).`,
  });

/** Shapes an `interval90` can be fitted to; `beta` and `logitNormal` only for intervals inside (0, 1). */
export const INTERVAL90_SHAPES = ['normal', 'lognormal', 'uniform', 'beta', 'logitNormal'] as const;

export const Interval90Schema = z
  .strictObject({
    type: z.literal('interval90'),
    /** 5th percentile. */
    low: finite,
    /** 95th percentile. */
    high: finite,
    shape: z.enum(INTERVAL90_SHAPES).default('normal'),
    ...source,
  })
  .superRefine((d, ctx) => {
    if (!(d.low < d.high)) {
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'high must be greater than low' });
      return;
    }
    if (d.shape === 'lognormal' && !(d.low > 0))
      ctx.addIssue({ code: 'custom', path: ['low'], message: 'a lognormal interval needs low > 0' });
    if (d.shape === 'beta' || d.shape === 'logitNormal') {
      if (!(d.low > 0)) ctx.addIssue({ code: 'custom', path: ['low'], message: `a ${d.shape} interval is for a rate or share: it needs 0 < low < high < 1` });
      else if (!(d.high < 1)) ctx.addIssue({ code: 'custom', path: ['high'], message: `a ${d.shape} interval is for a rate or share: it needs 0 < low < high < 1` });
      else if (d.shape === 'beta') {
        const fit = fitBetaToInterval(d.low, d.high, 0.05, 0.95);
        if (!fit.ok) ctx.addIssue({ code: 'custom', path: ['shape'], message: fit.reason });
      }
    }
  })
  .meta({
    id: 'Interval90Distribution',
    description:
      "A 90% interval: 5% chance below low, 5% above high. The service fits the named shape to it exactly: normal; lognormal (low > 0); uniform (low and high are the 5th and 95th percentiles of a uniform 1/0.9 times as wide); for a rate or share with 0 < low < high < 1, beta (shapes found numerically, within the beta limits) or logitNormal (normal on the logit scale, any interval). POST /distributions/describe shows the fitted parameters and the quantiles achieved.",
  });

export const DistributionSchema = z
  .discriminatedUnion('type', [
    FixedSchema,
    UniformSchema,
    TriangularSchema,
    PertSchema,
    NormalSchema,
    TruncatedNormalSchema,
    LognormalSchema,
    BetaSchema,
    DiscreteSchema,
    Interval90Schema,
    BinomialSchema,
    BernoulliSchema,
    PoissonSchema,
    NegativeBinomialSchema,
  ])
  .meta({ id: 'Distribution', description: 'An uncertain value.' });

export type Distribution = z.infer<typeof DistributionSchema>;

/** A number or a distribution: every numeric model input accepts both. */
export const Uncertain = z.union([finite, DistributionSchema]).meta({
  id: 'UncertainNumber',
  description: 'A number, or a distribution over it (its mean is used by a deterministic evaluation).',
});
export type Uncertain = z.infer<typeof Uncertain>;

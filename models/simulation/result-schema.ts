import { z } from 'zod';

/**
 * The JSON a simulation returns. Statistics that cannot be computed (no finite values, a
 * standard deviation of one value) are null, never NaN, so the document is valid JSON.
 */
const statistic = z.number().nullable();

export const PercentilesSchema = z
  .object({
    p1: statistic,
    p5: statistic,
    p10: statistic,
    p25: statistic,
    p50: statistic,
    p75: statistic,
    p90: statistic,
    p95: statistic,
    p99: statistic,
  })
  .meta({ id: 'Percentiles', description: 'Percentiles by linear interpolation between order statistics (R type 7).' });

export const HistogramSchema = z
  .object({
    edges: z.array(z.number()).describe('bins + 1 ascending edges from the smallest to the largest value.'),
    counts: z.array(z.number().int()).describe('Values per bin; they add up to the number of finite values.'),
  })
  .meta({ id: 'Histogram' });

export const OutputSummarySchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    description: z.string(),
    count: z.number().int().describe('Iterations with a finite value.'),
    nanCount: z.number().int().describe('Iterations in which the output was undefined (NaN) or infinite; left out of the statistics.'),
    mean: statistic,
    sd: statistic.describe('Sample standard deviation (n - 1).'),
    standardError: statistic.describe('Standard error of the mean: sd / sqrt(count) (with Latin hypercube a conservative bound).'),
    min: statistic,
    max: statistic,
    percentiles: PercentilesSchema,
    histogram: HistogramSchema.nullable(),
  })
  .meta({ id: 'OutputSummary', description: 'The distribution of one scalar output over all iterations.' });

export const SeriesFanSchema = z
  .object({
    p5: z.array(statistic),
    p10: z.array(statistic),
    p25: z.array(statistic),
    p50: z.array(statistic),
    p75: z.array(statistic),
    p90: z.array(statistic),
    p95: z.array(statistic),
  })
  .meta({ id: 'SeriesFan', description: 'Percentiles per element of a series (a fan chart).' });

export const SeriesSummarySchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    description: z.string(),
    labels: z.array(z.string()),
    mean: z.array(statistic),
    nanCount: z.array(z.number().int()),
    fan: SeriesFanSchema,
  })
  .meta({ id: 'SeriesSummary', description: 'The distribution of a yearly series, element by element.' });

export const EventSummarySchema = z
  .object({
    name: z.string(),
    expression: z.string(),
    probability: statistic.describe('Share of iterations in which the event happened (among those where it was defined).'),
    standardError: statistic.describe('sqrt(p (1 - p) / n).'),
    undefinedCount: z.number().int().describe('Iterations in which the expression was NaN (an output it reads was undefined).'),
  })
  .meta({ id: 'EventSummary' });

export const RiskLevelSchema = z
  .object({
    level: z.number().describe('Confidence level, e.g. 0.95.'),
    valueAtRisk: statistic.describe(
      'In the output’s own units and sign. Lower tail: the (1 - level) percentile (5% chance of a result below it at level 0.95); upper tail: the level percentile.',
    ),
    expectedShortfall: statistic.describe('Mean of the worst (1 - level) share of iterations: the lowest values for the lower tail, the highest for the upper.'),
  })
  .meta({ id: 'RiskLevel' });

export const RiskSummarySchema = z
  .object({
    output: z.string(),
    tail: z.enum(['lower', 'upper']),
    levels: z.array(RiskLevelSchema),
  })
  .meta({
    id: 'RiskSummary',
    description:
      'Value at risk and expected shortfall of one output. Values keep the output’s sign: for a payer’s net result (lower tail) a valueAtRisk of -120000 at 0.95 means a 5% chance of doing worse than -120000.',
  });

export const ConvergenceSchema = z
  .object({
    iterations: z.array(z.number().int()).describe('Iterations completed at each checkpoint (block boundaries).'),
    outputs: z.array(
      z.object({
        name: z.string(),
        mean: z.array(statistic),
        standardError: z.array(statistic),
      }),
    ),
  })
  .meta({ id: 'Convergence', description: 'How the mean of each scalar output settles as iterations grow.' });

export const SamplesSchema = z
  .object({
    inputs: z.array(z.object({ path: z.string(), values: z.array(z.number().nullable()) })),
    outputs: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  })
  .meta({ id: 'Samples', description: 'Every iteration’s sampled uncertain inputs and scalar outputs (null where NaN or infinite).' });

export const PercentileMethodSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('exact') }),
    z.object({
      kind: z.literal('sketch'),
      relativeAccuracy: z
        .number()
        .describe(
          'Percentiles and tail means are within this relative error of the exact ones (for values within about 8.9 decades of the largest magnitude of their sign); a value near a histogram edge may be counted in the neighbouring bin.',
        ),
    }),
  ])
  .meta({ id: 'PercentileMethod' });

export const SimulationResultSchema = z
  .object({
    iterations: z.number().int(),
    seed: z.number().int(),
    sampling: z.enum(['monteCarlo', 'latinHypercube', 'sobol']),
    drawIndividualOutcomes: z.boolean(),
    blockSize: z.number().int().describe('Iterations per block: Latin hypercube strata and rank correlation act within a block.'),
    percentileMethod: PercentileMethodSchema,
    outputs: z.array(OutputSummarySchema),
    series: z.array(SeriesSummarySchema),
    events: z.array(EventSummarySchema),
    risk: RiskSummarySchema.nullable(),
    convergence: ConvergenceSchema,
    samples: SamplesSchema.nullable(),
  })
  .meta({ id: 'SimulationResult', description: 'Summary of a Monte Carlo simulation of one model.' });
export type SimulationResult = z.infer<typeof SimulationResultSchema>;
export type OutputSummary = z.infer<typeof OutputSummarySchema>;

export const VariantComparisonResultSchema = z
  .object({
    variants: z.array(z.object({ name: z.string(), result: SimulationResultSchema })),
    differences: z.array(
      z.object({
        variant: z.string(),
        baseline: z.string(),
        outputs: z.array(OutputSummarySchema).describe('Per scalar output: the paired difference variant - baseline, iteration by iteration.'),
      }),
    ),
  })
  .meta({
    id: 'VariantComparisonResult',
    description: 'Several variants run on common random numbers, with the paired differences against the first.',
  });
export type VariantComparisonResult = z.infer<typeof VariantComparisonResultSchema>;

import { z } from 'zod';
import { ExpressionNameSchema, MAX_EXPRESSION_LENGTH } from '../expressions/index.js';
import { MAX_SOBOL_DIMENSIONS } from '../random/index.js';
import { BLOCK_SIZE } from './block-layout.js';
import {
  DEFAULT_CONVERGENCE_CHECKPOINTS,
  DEFAULT_HISTOGRAM_BINS,
  DEFAULT_ITERATIONS,
  MAX_CONVERGENCE_CHECKPOINTS,
  MAX_CORRELATIONS,
  MAX_EVENTS,
  MAX_HISTOGRAM_BINS,
  MAX_ITERATIONS,
  MAX_SEED,
  MIN_ITERATIONS,
} from './limits.js';

export const RankCorrelationSchema = z
  .strictObject({
    a: z.string().min(1).describe('Path of an uncertain input, e.g. `participants.profiles[0].monthlyJobEntryRate`.'),
    b: z.string().min(1).describe('Path of another uncertain input.'),
    rho: z.number().min(-1).max(1).describe('Target Spearman rank correlation between a and b.'),
  })
  .meta({ id: 'RankCorrelation', description: 'A target rank correlation between two uncertain inputs.' });
export type RankCorrelation = z.infer<typeof RankCorrelationSchema>;

export const SimulationEventSchema = z
  .strictObject({
    name: ExpressionNameSchema,
    expression: z
      .string()
      .max(MAX_EXPRESSION_LENGTH)
      .describe('An expression over scalar output names that is true (non-zero) when the event happens, e.g. `payerNetResult > 0`.'),
  })
  .meta({ id: 'SimulationEvent', description: 'An event whose probability the simulation estimates.' });
export type SimulationEvent = z.infer<typeof SimulationEventSchema>;

export const SimulationSettingsSchema = z
  .strictObject({
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS).default(DEFAULT_ITERATIONS),
    seed: z
      .number()
      .int()
      .min(0)
      .max(MAX_SEED)
      .describe('Unsigned 32-bit seed: the same seed, settings and model give the same result on any machine.'),
    sampling: z
      .enum(['monteCarlo', 'latinHypercube', 'sobol'])
      .default('latinHypercube')
      .describe(
        `Latin hypercube stratifies each input within each block of ${BLOCK_SIZE.toLocaleString('en-US')} iterations. sobol: a scrambled Sobol sequence (Joe–Kuo new-joe-kuo-6.21201 direction numbers, linear matrix scramble and digital shift drawn from the seed), iteration i taking point i; at most ${MAX_SOBOL_DIMENSIONS} uncertain inputs. Its error shrinks faster than Monte Carlo's for smooth models; use a power of two iterations.`,
      ),
    drawIndividualOutcomes: z
      .boolean()
      .default(true)
      .describe('Draw individual outcomes (a pilot of 20 may get 3 placements or 9); false uses expected rates.'),
    correlations: z.array(RankCorrelationSchema).max(MAX_CORRELATIONS).default([]),
    events: z.array(SimulationEventSchema).max(MAX_EVENTS).default([]),
    riskOutput: z
      .string()
      .optional()
      .describe('Scalar output for value at risk and expected shortfall; default: the first scalar output.'),
    riskTail: z
      .enum(['lower', 'upper'])
      .default('lower')
      .describe('lower: bad outcomes are low values (a net result); upper: bad outcomes are high values (payments).'),
    keepSamples: z.boolean().default(false).describe('Return every sampled input and scalar output (memory grows with iterations).'),
    histogramBins: z.number().int().min(1).max(MAX_HISTOGRAM_BINS).default(DEFAULT_HISTOGRAM_BINS),
    convergenceCheckpoints: z
      .number()
      .int()
      .min(1)
      .max(MAX_CONVERGENCE_CHECKPOINTS)
      .default(DEFAULT_CONVERGENCE_CHECKPOINTS)
      .describe('How many times (at block boundaries) the running mean and its standard error are reported.'),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.events.forEach((event, index) => {
      if (seen.has(event.name)) ctx.addIssue({ code: 'custom', path: ['events', index, 'name'], message: `event name '${event.name}' is used twice` });
      seen.add(event.name);
    });
  })
  .meta({ id: 'SimulationSettings', description: 'How to run a Monte Carlo simulation.' });

export type SimulationSettings = z.infer<typeof SimulationSettingsSchema>;
/** Settings as a caller writes them, with defaults still to fill in. */
export type SimulationSettingsInput = z.input<typeof SimulationSettingsSchema>;

import { z } from 'zod';
import { SimulationResultSchema } from '../simulation/result-schema.js';

/** Settings of the inference step of a re-forecast (the Monte Carlo settings are the simulation's). */
export const InferenceSettingsSchema = z
  .strictObject({
    minimumEffectiveSampleSize: z
      .number()
      .int()
      .min(10)
      .max(1_000_000)
      .default(200)
      .describe(
        'Smallest effective sample size of the importance weights accepted; below it the re-forecast is refused (422) because a handful of prior draws would stand for the whole posterior. Raise the iterations (more prior draws) or check the actuals.',
      ),
    maximumPriorDraws: z
      .number()
      .int()
      .min(1)
      .max(200_000)
      .default(100_000)
      .describe(
        'When the plan\'s draws leave an effective sample size below the minimum, up to this many prior draws in all (the plan\'s and more from a seed derived from the request\'s) are weighted instead before the re-forecast is refused.',
      ),
    planPathDraws: z
      .number()
      .int()
      .min(10)
      .max(20_000)
      .default(1_000)
      .describe('Prior draws evaluated month by month for the plan-versus-actual band (at most the iterations).'),
  })
  .meta({ id: 'InferenceSettings' });
export type InferenceSettings = z.infer<typeof InferenceSettingsSchema>;

const Statistic = z.number().nullable();
const Distribution = z.object({ mean: z.number(), sd: z.number(), p5: z.number(), p50: z.number(), p95: z.number() }).meta({ id: 'WeightedSummary' });
const Band = z.object({ mean: Statistic, p10: Statistic, p50: Statistic, p90: Statistic });

const PlanVersusActualEntry = z.object({
  actual: z.number().nullable(),
  planMean: z.number(),
  planP10: z.number(),
  planP90: z.number(),
  outsideBand: z.boolean().describe('The actual lies outside the plan\'s 80% band (below its 10th or above its 90th percentile).'),
});

export const ReforecastResultSchema = z
  .object({
    contract: z.string(),
    asOfMonth: z.number().int().nullable().describe('Last observed contract month; null without actuals (then the forecast is the plan).'),
    asOfLabel: z.string().nullable(),
    actualsSummary: z
      .object({ months: z.number().int(), participants: z.number(), jobStarts: z.number(), fallbacks: z.number(), inWork: z.number(), paymentsMade: z.number() })
      .nullable(),
    inference: z.object({
      method: z.enum(['none', 'importanceResampling']),
      priorDraws: z.number().int(),
      effectiveSampleSize: z.number(),
      minimumEffectiveSampleSize: z.number().int(),
      impossibleDraws: z.number().int().describe('Prior draws under which the actuals cannot happen (weight 0).'),
      counterfactualInformed: z.boolean().describe('Whether anything in the actuals (a comparison group, or participants past their programme months) bears on the rates without the programme.'),
      notes: z.array(z.string()),
    }),
    updatedInputs: z
      .array(
        z.object({
          path: z.string(),
          informedBy: z.string(),
          prior: Distribution,
          posterior: Distribution,
          shiftInPriorSds: z.number().nullable().describe('(posterior mean - prior mean) / prior sd.'),
          intervalWidthRatio: z.number().nullable().describe('Width of the posterior 90% interval over the prior\'s: below 1 the data narrowed it.'),
        }),
      )
      .describe('Each uncertain input the actuals bear on, before and after.'),
    notInformed: z.array(z.object({ path: z.string(), reason: z.string() })),
    yearly: z.array(
      z.object({
        year: z.string(),
        budget: z.number().nullable().describe('The yearly cap (base value), if any.'),
        paidSoFar: z.number().describe('Payments made in this year up to the as-of month.'),
        plan: Band,
        forecast: Band,
      }),
    ),
    caps: z.object({
      perYear: z.number().nullable(),
      total: z.number().nullable(),
      paidSoFar: z.number(),
      totalRoomLeft: z.number().nullable(),
      chanceCapsBindPlan: Statistic,
      chanceCapsBindForecast: Statistic,
    }),
    netResult: z.object({
      municipality: z.object({ plan: Statistic, forecast: Statistic, change: Statistic }),
      provider: z.object({ plan: Statistic, forecast: Statistic, change: Statistic }),
      outcomePayments: z.object({ plan: Statistic, forecast: Statistic, change: Statistic }),
      placements: z.object({ plan: Statistic, forecast: Statistic, change: Statistic }),
    }),
    planVersusActual: z.object({
      planPathDraws: z.number().int(),
      months: z.array(z.object({ month: z.number().int(), label: z.string(), jobStarts: PlanVersusActualEntry, inWork: PlanVersusActualEntry, fallbacks: PlanVersusActualEntry, intake: PlanVersusActualEntry, payments: PlanVersusActualEntry })),
      years: z.array(z.object({ year: z.string(), complete: z.boolean(), jobStarts: PlanVersusActualEntry, fallbacks: PlanVersusActualEntry, payments: PlanVersusActualEntry })),
      monthsOutsideBand: z.number().int(),
    }),
    plan: SimulationResultSchema.describe('The plan at signing: the contract simulated with its own distributions (identical to POST /simulations with the same settings).'),
    forecast: SimulationResultSchema.describe('The re-forecast: the observed state carried forward with posterior draws.'),
  })
  .meta({ id: 'ReforecastResult', description: 'A running contract re-forecast from its actuals.' });
export type ReforecastResult = z.infer<typeof ReforecastResultSchema>;

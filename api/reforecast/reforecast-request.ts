import { z } from 'zod';
import { ActualsSchema } from '../../models/actuals/index.js';
import { ContractSchema } from '../../models/contract/index.js';
import { InferenceSettingsSchema } from '../../models/reforecast/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import { MAX_VERSION, ResourceIdSchema } from '../resource-id.js';

/**
 * Iterations one re-forecast may run. It runs the plan and the re-forecast (twice the iterations)
 * plus the plan-path draws as one task on a simulation thread (not cut into chunks that take
 * turns, as a simulation's are), so it is bounded well below a simulation's limit: 50,000
 * iterations of the 200-participant bench contract take a few seconds.
 */
export const MAX_REFORECAST_ITERATIONS = 50_000;

export const ReforecastRequestSchema = z
  .strictObject({
    contract: ContractSchema.optional().describe('The contract, inline; or give `ref`.'),
    ref: z
      .object({
        id: ResourceIdSchema,
        version: z.number().int().min(1).max(MAX_VERSION).optional().describe('Contract version; default: the current one.'),
        actualsVersion: z.number().int().min(1).max(MAX_VERSION).optional().describe('Saved actuals version to use when `actuals` is not given; default: the latest.'),
      })
      .strict()
      .optional()
      .describe('A saved contract of your organisation (needs an API key), with its saved actuals unless `actuals` is given.'),
    actuals: ActualsSchema.nullable().optional().describe('What happened so far. Without actuals (or with no months) the forecast is the plan.'),
    settings: SimulationSettingsSchema.refine((s) => s.iterations <= MAX_REFORECAST_ITERATIONS, {
      path: ['iterations'],
      message: `at most ${MAX_REFORECAST_ITERATIONS.toLocaleString('en-US')} iterations for a re-forecast`,
    }),
    inference: InferenceSettingsSchema.default({ minimumEffectiveSampleSize: 200, maximumPriorDraws: 100_000, planPathDraws: 1_000 }),
  })
  .superRefine((request, ctx) => {
    if ((request.contract === undefined) === (request.ref === undefined))
      ctx.addIssue({ code: 'custom', path: ['contract'], message: 'give either `contract` or `ref`, not both or neither' });
  })
  .meta({ id: 'ReforecastRequest', description: 'Re-forecast a running contract from its actuals.' });
export type ReforecastRequest = z.infer<typeof ReforecastRequestSchema>;

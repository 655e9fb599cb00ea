import { z } from 'zod';
import { DEFAULT_SENSITIVITY_SEED, MAX_LISTED_INPUTS, MAX_SEED } from './limits.js';

/** Pieces shared by the settings and result schemas of every sensitivity method. */

export const OutputNameSchema = z
  .string()
  .min(1)
  .max(200)
  .describe('Name of one scalar output of the model, e.g. `payerNetResult`.');

export const InputPathSchema = z
  .string()
  .min(1)
  .max(500)
  .describe('Path of a model input as the model lists it, e.g. `participants.profiles[0].monthlyJobEntryRate`.');

/** A probability strictly inside (0, 1): P0 and P100 of a normal input are infinite. */
export const QuantileSchema = z.number().gt(0).lt(1);

export const SeedSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_SEED)
  .default(DEFAULT_SENSITIVITY_SEED)
  .describe('Seed of the random sample: the same seed gives the same answer.');

export const InputSelectionSchema = z
  .array(InputPathSchema)
  .min(1)
  .max(MAX_LISTED_INPUTS)
  .optional()
  .describe('Inputs to analyse; default every input that has a distribution.');

/** A low and high value given by the user for one input, replacing its quantiles. */
export const InputRangeSchema = z
  .strictObject({ path: InputPathSchema, low: z.number().finite(), high: z.number().finite() })
  .superRefine((range, ctx) => {
    if (!(range.low < range.high)) ctx.addIssue({ code: 'custom', path: ['high'], message: 'high must be greater than low' });
  })
  .meta({ id: 'SensitivityInputRange', description: 'Low and high value of one input, replacing its quantiles.' });

export const OutputSummarySchema = z
  .object({ name: z.string(), unit: z.string() })
  .meta({ id: 'SensitivityOutput', description: 'The scalar output analysed.' });

/**
 * An output value that may be missing: a model writes NaN when it cannot compute an output
 * for one evaluation (an IRR without a sign change), and JSON has no NaN.
 */
export const MaybeNumberSchema = z.number().nullable();

/** Checks a low/high quantile pair inside a settings object. */
export function refineQuantileOrder(
  settings: { lowQuantile: number; highQuantile: number },
  ctx: z.RefinementCtx,
): void {
  if (!(settings.lowQuantile < settings.highQuantile))
    ctx.addIssue({ code: 'custom', path: ['highQuantile'], message: 'highQuantile must be greater than lowQuantile' });
}

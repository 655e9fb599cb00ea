import { z } from 'zod';
import { compileDistribution } from '../distributions/index.js';
import { invalidInput, type DomainError } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import {
  InputPathSchema,
  InputSelectionSchema,
  MaybeNumberSchema,
  OutputNameSchema,
  OutputSummarySchema,
  QuantileSchema,
  refineQuantileOrder,
} from './common-schemas.js';
import {
  DEFAULT_HIGH_QUANTILE,
  DEFAULT_LOW_QUANTILE,
  DEFAULT_SPIDER_STEPS,
  MAX_LISTED_INPUTS,
  MAX_SPIDER_STEPS,
} from './limits.js';
import { checkModelRuns, createOutputRunner, finiteOrNull, isUncertain, resolveInput, resolveOutput } from './model-runner.js';

export const SpiderInputValuesSchema = z
  .strictObject({
    path: InputPathSchema,
    values: z.array(z.number().finite()).min(2).max(MAX_SPIDER_STEPS),
  })
  .meta({ id: 'SpiderInputValues', description: 'Values to set one input to, replacing its quantile steps.' });

export const SpiderSettingsSchema = z
  .strictObject({
    method: z.literal('spider'),
    output: OutputNameSchema,
    steps: z
      .number()
      .int()
      .min(2)
      .max(MAX_SPIDER_STEPS)
      .default(DEFAULT_SPIDER_STEPS)
      .describe('Number of quantiles per input, evenly spaced from lowQuantile to highQuantile.'),
    lowQuantile: QuantileSchema.default(DEFAULT_LOW_QUANTILE),
    highQuantile: QuantileSchema.default(DEFAULT_HIGH_QUANTILE),
    values: z
      .array(SpiderInputValuesSchema)
      .max(MAX_LISTED_INPUTS)
      .default([])
      .describe('Given values per input; the only way to include an input that is a plain number.'),
    inputs: InputSelectionSchema,
  })
  .superRefine(refineQuantileOrder)
  .meta({ id: 'SpiderSettings', description: 'The output over a range of values of each input, one input at a time.' });
export type SpiderSettings = z.infer<typeof SpiderSettingsSchema>;

export const SpiderLineSchema = z
  .object({
    path: InputPathSchema,
    points: z.array(
      z.object({
        quantile: z.number().nullable().describe('Quantile of the input value; null for given values.'),
        value: z.number(),
        output: MaybeNumberSchema,
      }),
    ),
    outputRange: MaybeNumberSchema.describe('Largest minus smallest output along the line.'),
  })
  .meta({ id: 'SpiderLine' });

export const SpiderResultSchema = z
  .object({
    method: z.literal('spider'),
    output: OutputSummarySchema,
    baseOutput: MaybeNumberSchema,
    lines: z.array(SpiderLineSchema).describe('One line per input, largest output range first.'),
    skippedInputs: z.array(InputPathSchema),
    modelRuns: z.number().int(),
  })
  .meta({ id: 'SpiderResult' });
export type SpiderResult = z.infer<typeof SpiderResultSchema>;

interface SpiderPlan {
  index: number;
  path: string;
  quantiles: Array<number | null>;
  values: number[];
}

/**
 * Spider plot: each input in turn over `steps` evenly spaced quantiles of its own distribution
 * (or the values given for it), the others at base. Quantile steps rather than value steps put
 * the points where the input's probability is, so lines of different inputs are comparable.
 *
 * Cost: 1 + Σ points per input model runs.
 */
export function spider(model: CompiledModel, settings: SpiderSettings): Result<SpiderResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;

  const givenValues = new Map<number, number[]>();
  for (let k = 0; k < settings.values.length; k++) {
    const found = resolveInput(model, settings.values[k].path, ['values', k, 'path']);
    if (!found.ok) return found;
    givenValues.set(found.value, settings.values[k].values);
  }
  let candidates: number[] = model.inputs.map((_, index) => index);
  if (settings.inputs !== undefined) {
    candidates = [];
    for (let k = 0; k < settings.inputs.length; k++) {
      const found = resolveInput(model, settings.inputs[k], ['inputs', k]);
      if (!found.ok) return found;
      if (!isUncertain(model.inputs[found.value]) && !givenValues.has(found.value))
        return fail(invalidInput(['inputs', k], `input '${settings.inputs[k]}' is a plain number; give values to vary it`));
      candidates.push(found.value);
    }
  }

  const plans: SpiderPlan[] = [];
  const skipped: string[] = [];
  for (const index of candidates) {
    const input = model.inputs[index];
    const given = givenValues.get(index);
    if (given !== undefined) {
      plans.push({ index, path: input.path, quantiles: given.map(() => null), values: given });
    } else if (isUncertain(input)) {
      const distribution = compileDistribution(input.distribution!);
      const quantiles: number[] = [];
      for (let step = 0; step < settings.steps; step++)
        quantiles.push(settings.lowQuantile + ((settings.highQuantile - settings.lowQuantile) * step) / (settings.steps - 1));
      plans.push({ index, path: input.path, quantiles, values: quantiles.map((q) => distribution.quantile(q)) });
    } else {
      skipped.push(input.path);
    }
  }
  const pointCount = plans.reduce((total, plan) => total + plan.values.length, 0);
  const budget = checkModelRuns(1 + pointCount, `a spider plot with ${pointCount} points`);
  if (!budget.ok) return budget;

  const runner = createOutputRunner(model, output.value.index);
  const baseOutput = runner.evaluate();
  const lines = plans.map((plan) => {
    let smallest = Infinity;
    let largest = -Infinity;
    let anyMissing = false;
    const points = plan.values.map((value, step) => {
      runner.params[plan.index] = value;
      const result = runner.evaluate();
      if (Number.isFinite(result)) {
        smallest = Math.min(smallest, result);
        largest = Math.max(largest, result);
      } else anyMissing = true;
      return { quantile: plan.quantiles[step], value, output: finiteOrNull(result) };
    });
    runner.params[plan.index] = runner.base[plan.index];
    return { path: plan.path, points, outputRange: anyMissing ? null : finiteOrNull(largest - smallest) };
  });
  lines.sort((first, second) => (second.outputRange ?? -1) - (first.outputRange ?? -1));

  return ok({
    method: 'spider',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    baseOutput: finiteOrNull(baseOutput),
    lines,
    skippedInputs: skipped,
    modelRuns: runner.runs,
  });
}

import { z } from 'zod';
import { invalidInput, type DomainError } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import {
  InputPathSchema,
  MaybeNumberSchema,
  OutputNameSchema,
  OutputSummarySchema,
  QuantileSchema,
  refineQuantileOrder,
} from './common-schemas.js';
import { DEFAULT_HIGH_QUANTILE, DEFAULT_LOW_QUANTILE, DEFAULT_TWO_WAY_STEPS, MAX_TWO_WAY_STEPS } from './limits.js';
import { checkModelRuns, createOutputRunner, finiteOrNull, resolveInput, resolveOutput } from './model-runner.js';
import { rangeOfInput } from './input-range.js';

export const TwoWayAxisSchema = z
  .strictObject({
    path: InputPathSchema,
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    steps: z.number().int().min(2).max(MAX_TWO_WAY_STEPS).default(DEFAULT_TWO_WAY_STEPS),
  })
  .superRefine((axis, ctx) => {
    if ((axis.low === undefined) !== (axis.high === undefined))
      ctx.addIssue({ code: 'custom', path: [axis.low === undefined ? 'low' : 'high'], message: 'give both low and high, or neither' });
    else if (axis.low !== undefined && axis.high !== undefined && !(axis.low < axis.high))
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'high must be greater than low' });
  })
  .meta({ id: 'TwoWayAxis', description: 'One input of a two-way table: its range (default its quantiles) and number of steps.' });

export const TwoWaySettingsSchema = z
  .strictObject({
    method: z.literal('two-way'),
    output: OutputNameSchema,
    x: TwoWayAxisSchema,
    y: TwoWayAxisSchema,
    lowQuantile: QuantileSchema.default(DEFAULT_LOW_QUANTILE),
    highQuantile: QuantileSchema.default(DEFAULT_HIGH_QUANTILE),
  })
  .superRefine((settings, ctx) => {
    refineQuantileOrder(settings, ctx);
    if (settings.x.path === settings.y.path)
      ctx.addIssue({ code: 'custom', path: ['y', 'path'], message: 'x and y must be different inputs' });
  })
  .meta({ id: 'TwoWaySettings', description: 'The output over a grid of two inputs, the others at base.' });
export type TwoWaySettings = z.infer<typeof TwoWaySettingsSchema>;

const TwoWayAxisResultSchema = z.object({ path: InputPathSchema, values: z.array(z.number()) });

export const TwoWayResultSchema = z
  .object({
    method: z.literal('two-way'),
    output: OutputSummarySchema,
    x: TwoWayAxisResultSchema,
    y: TwoWayAxisResultSchema,
    outputs: z
      .array(z.array(MaybeNumberSchema))
      .describe('outputs[row][column]: row follows y.values, column follows x.values (a heat map).'),
    baseOutput: MaybeNumberSchema,
    modelRuns: z.number().int(),
  })
  .meta({ id: 'TwoWayResult' });
export type TwoWayResult = z.infer<typeof TwoWayResultSchema>;

function evenlySpaced(low: number, high: number, steps: number): number[] {
  const values: number[] = [];
  for (let step = 0; step < steps; step++) values.push(step === steps - 1 ? high : low + ((high - low) * step) / (steps - 1));
  return values;
}

/**
 * Two-way table: the output at every combination of two inputs on evenly spaced values between
 * their low and high (default P10 and P90), other inputs at base. Values, not quantiles, are
 * spaced evenly so the axes of a heat map read as plain numbers.
 *
 * Cost: 1 + x.steps · y.steps model runs.
 */
export function twoWay(model: CompiledModel, settings: TwoWaySettings): Result<TwoWayResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const xIndex = resolveInput(model, settings.x.path, ['x', 'path']);
  if (!xIndex.ok) return xIndex;
  const yIndex = resolveInput(model, settings.y.path, ['y', 'path']);
  if (!yIndex.ok) return yIndex;
  if (xIndex.value === yIndex.value) return fail(invalidInput(['y', 'path'], 'x and y must be different inputs'));
  const quantiles = { low: settings.lowQuantile, high: settings.highQuantile };
  const xRange = rangeOfInput(model, xIndex.value, settings.x, quantiles, ['x']);
  if (!xRange.ok) return xRange;
  const yRange = rangeOfInput(model, yIndex.value, settings.y, quantiles, ['y']);
  if (!yRange.ok) return yRange;
  const budget = checkModelRuns(
    1 + settings.x.steps * settings.y.steps,
    `a two-way table of ${settings.x.steps} × ${settings.y.steps}`,
  );
  if (!budget.ok) return budget;

  const xValues = evenlySpaced(xRange.value.low, xRange.value.high, settings.x.steps);
  const yValues = evenlySpaced(yRange.value.low, yRange.value.high, settings.y.steps);
  const runner = createOutputRunner(model, output.value.index);
  const baseOutput = runner.evaluate();
  const outputs = yValues.map((yValue) => {
    runner.params[yIndex.value] = yValue;
    return xValues.map((xValue) => {
      runner.params[xIndex.value] = xValue;
      return finiteOrNull(runner.evaluate());
    });
  });

  return ok({
    method: 'two-way',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    x: { path: settings.x.path, values: xValues },
    y: { path: settings.y.path, values: yValues },
    outputs,
    baseOutput: finiteOrNull(baseOutput),
    modelRuns: runner.runs,
  });
}

import { z } from 'zod';
import { compileDistribution } from '../distributions/index.js';
import { invalidInput, type DomainError } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import {
  InputPathSchema,
  InputRangeSchema,
  InputSelectionSchema,
  MaybeNumberSchema,
  OutputNameSchema,
  OutputSummarySchema,
  QuantileSchema,
  refineQuantileOrder,
} from './common-schemas.js';
import { DEFAULT_HIGH_QUANTILE, DEFAULT_LOW_QUANTILE, MAX_LISTED_INPUTS } from './limits.js';
import {
  checkModelRuns,
  createOutputRunner,
  finiteOrNull,
  isUncertain,
  resolveInput,
  resolveOutput,
} from './model-runner.js';

export const TornadoSettingsSchema = z
  .strictObject({
    method: z.literal('tornado'),
    output: OutputNameSchema,
    lowQuantile: QuantileSchema.default(DEFAULT_LOW_QUANTILE).describe('Quantile used as each input\'s low value (default P10).'),
    highQuantile: QuantileSchema.default(DEFAULT_HIGH_QUANTILE).describe('Quantile used as each input\'s high value (default P90).'),
    ranges: z
      .array(InputRangeSchema)
      .max(MAX_LISTED_INPUTS)
      .default([])
      .describe('Low and high values that replace the quantiles; the only way to include an input that is a plain number.'),
    inputs: InputSelectionSchema,
  })
  .superRefine(refineQuantileOrder)
  .meta({
    id: 'TornadoSettings',
    description: 'One input at a time from low to high, the others at their base values.',
  });
export type TornadoSettings = z.infer<typeof TornadoSettingsSchema>;

export const TornadoBarSchema = z
  .object({
    path: InputPathSchema,
    low: z.number().describe('Input value at the low end.'),
    high: z.number().describe('Input value at the high end.'),
    outputAtLow: MaybeNumberSchema,
    outputAtHigh: MaybeNumberSchema,
    swing: MaybeNumberSchema.describe('|outputAtHigh − outputAtLow|; null when the output could not be computed.'),
    rangeFrom: z.enum(['quantiles', 'given']),
  })
  .meta({ id: 'TornadoBar' });

export const TornadoResultSchema = z
  .object({
    method: z.literal('tornado'),
    output: OutputSummarySchema,
    baseOutput: MaybeNumberSchema.describe('Output with every input at its base value.'),
    lowQuantile: z.number(),
    highQuantile: z.number(),
    bars: z.array(TornadoBarSchema).describe('One bar per input, widest swing first.'),
    skippedInputs: z.array(InputPathSchema).describe('Inputs that are plain numbers and had no range given.'),
    modelRuns: z.number().int(),
  })
  .meta({ id: 'TornadoResult' });
export type TornadoResult = z.infer<typeof TornadoResultSchema>;

/** One input to vary, with the values to set it to. */
interface InputSweep {
  index: number;
  path: string;
  low: number;
  high: number;
  rangeFrom: 'quantiles' | 'given';
}

/**
 * Works out, for tornado and spider, which inputs to vary and between which values:
 * a given range wins, else the input's own quantiles; plain numbers without a range are skipped.
 */
function planInputSweeps(
  model: CompiledModel,
  settings: {
    lowQuantile: number;
    highQuantile: number;
    ranges: ReadonlyArray<{ path: string; low: number; high: number }>;
    inputs?: ReadonlyArray<string>;
  },
): Result<{ sweeps: InputSweep[]; skipped: string[] }, DomainError> {
  const givenRanges = new Map<number, { low: number; high: number }>();
  for (let k = 0; k < settings.ranges.length; k++) {
    const found = resolveInput(model, settings.ranges[k].path, ['ranges', k, 'path']);
    if (!found.ok) return found;
    givenRanges.set(found.value, settings.ranges[k]);
  }
  let candidates: number[];
  if (settings.inputs === undefined) {
    candidates = model.inputs.map((_, index) => index);
  } else {
    candidates = [];
    for (let k = 0; k < settings.inputs.length; k++) {
      const found = resolveInput(model, settings.inputs[k], ['inputs', k]);
      if (!found.ok) return found;
      const input = model.inputs[found.value];
      if (!isUncertain(input) && !givenRanges.has(found.value))
        return fail(invalidInput(['inputs', k], `input '${input.path}' is a plain number; give it a range to vary it`));
      candidates.push(found.value);
    }
  }
  const sweeps: InputSweep[] = [];
  const skipped: string[] = [];
  for (const index of candidates) {
    const input = model.inputs[index];
    const given = givenRanges.get(index);
    if (given !== undefined) {
      sweeps.push({ index, path: input.path, low: given.low, high: given.high, rangeFrom: 'given' });
    } else if (isUncertain(input)) {
      const distribution = compileDistribution(input.distribution!);
      sweeps.push({
        index,
        path: input.path,
        low: distribution.quantile(settings.lowQuantile),
        high: distribution.quantile(settings.highQuantile),
        rangeFrom: 'quantiles',
      });
    } else {
      skipped.push(input.path);
    }
  }
  return ok({ sweeps, skipped });
}

/**
 * Tornado diagram: each input in turn at its low and high value (default its own P10 and P90),
 * every other input at base, output evaluated with expected rates. Bars are sorted by swing,
 * widest first; a bar whose output could not be computed (NaN) goes last.
 *
 * Cost: 1 + 2·(number of inputs varied) model runs.
 */
export function tornado(model: CompiledModel, settings: TornadoSettings): Result<TornadoResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const plan = planInputSweeps(model, settings);
  if (!plan.ok) return plan;
  const { sweeps, skipped } = plan.value;
  const budget = checkModelRuns(1 + 2 * sweeps.length, `a tornado over ${sweeps.length} inputs`);
  if (!budget.ok) return budget;

  const runner = createOutputRunner(model, output.value.index);
  const baseOutput = runner.evaluate();
  const bars = sweeps.map((sweep) => {
    runner.params[sweep.index] = sweep.low;
    const outputAtLow = runner.evaluate();
    runner.params[sweep.index] = sweep.high;
    const outputAtHigh = runner.evaluate();
    runner.params[sweep.index] = runner.base[sweep.index];
    return {
      path: sweep.path,
      low: sweep.low,
      high: sweep.high,
      outputAtLow: finiteOrNull(outputAtLow),
      outputAtHigh: finiteOrNull(outputAtHigh),
      swing: finiteOrNull(Math.abs(outputAtHigh - outputAtLow)),
      rangeFrom: sweep.rangeFrom,
    };
  });
  bars.sort((first, second) => (second.swing ?? -1) - (first.swing ?? -1));

  return ok({
    method: 'tornado',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    baseOutput: finiteOrNull(baseOutput),
    lowQuantile: settings.lowQuantile,
    highQuantile: settings.highQuantile,
    bars,
    skippedInputs: skipped,
    modelRuns: runner.runs,
  });
}

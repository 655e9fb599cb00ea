import { z } from 'zod';
import { brent } from '../numerics/brent.js';
import { invalidInput, type DomainError } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import { InputPathSchema, OutputNameSchema, OutputSummarySchema, QuantileSchema } from './common-schemas.js';
import {
  DEFAULT_BREAK_EVEN_GRID_POINTS,
  DEFAULT_BREAK_EVEN_HIGH_QUANTILE,
  DEFAULT_BREAK_EVEN_LOW_QUANTILE,
  DEFAULT_BREAK_EVEN_MAX_ITERATIONS,
  DEFAULT_BREAK_EVEN_RELATIVE_TOLERANCE,
  MAX_BREAK_EVEN_GRID_POINTS,
  MAX_BREAK_EVEN_ITERATIONS,
  MAX_LISTED_INPUTS,
} from './limits.js';
import { checkModelRuns, createOutputRunner, finiteOrNull, resolveInput, resolveOutput } from './model-runner.js';
import { rangeOfInput } from './input-range.js';

export const BreakEvenSettingsSchema = z
  .strictObject({
    method: z.literal('break-even'),
    output: OutputNameSchema,
    input: InputPathSchema.describe('The input to move.'),
    target: z.number().finite().default(0).describe('Output value to reach; 0 is the usual break-even.'),
    together: z
      .array(InputPathSchema)
      .max(MAX_LISTED_INPUTS)
      .default([])
      .describe(
        'Inputs that move in proportion with `input`: each is set to its base value × (value ÷ the base of `input`), so the search finds a common factor (every band of a rate card, every profile\'s job-entry rate). `input` then needs a base other than 0.',
      ),
    low: z.number().finite().optional().describe('Lowest input value to search; give with high.'),
    high: z.number().finite().optional().describe('Highest input value to search; give with low.'),
    lowQuantile: QuantileSchema.default(DEFAULT_BREAK_EVEN_LOW_QUANTILE),
    highQuantile: QuantileSchema.default(DEFAULT_BREAK_EVEN_HIGH_QUANTILE),
    gridPoints: z
      .number()
      .int()
      .min(2)
      .max(MAX_BREAK_EVEN_GRID_POINTS)
      .default(DEFAULT_BREAK_EVEN_GRID_POINTS)
      .describe('Evenly spaced values scanned for a sign change before the root is refined.'),
    tolerance: z.number().positive().optional().describe('Absolute tolerance on the input value; default 1e-10 of the range.'),
    maxIterations: z.number().int().min(1).max(MAX_BREAK_EVEN_ITERATIONS).default(DEFAULT_BREAK_EVEN_MAX_ITERATIONS),
  })
  .superRefine((settings, ctx) => {
    if ((settings.low === undefined) !== (settings.high === undefined))
      ctx.addIssue({ code: 'custom', path: [settings.low === undefined ? 'low' : 'high'], message: 'give both low and high, or neither' });
    else if (settings.low !== undefined && settings.high !== undefined && !(settings.low < settings.high))
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'high must be greater than low' });
    if (!(settings.lowQuantile < settings.highQuantile))
      ctx.addIssue({ code: 'custom', path: ['highQuantile'], message: 'highQuantile must be greater than lowQuantile' });
  })
  .meta({
    id: 'BreakEvenSettings',
    description: 'The value of one input at which an output reaches a target, the other inputs at base.',
  });
export type BreakEvenSettings = z.infer<typeof BreakEvenSettingsSchema>;

const SearchRangeSchema = z
  .object({ low: z.number(), high: z.number(), from: z.enum(['quantiles', 'given']) })
  .meta({ id: 'BreakEvenSearchRange' });

const breakEvenCommon = {
  method: z.literal('break-even'),
  output: OutputSummarySchema,
  input: InputPathSchema,
  target: z.number(),
  searchRange: SearchRangeSchema,
  search: z
    .literal('grid-scan-then-brent')
    .describe('The range is scanned on gridPoints evenly spaced values for a sign change of output − target; the first one is refined by Brent\'s method.'),
  gridPoints: z.number().int(),
  modelRuns: z.number().int(),
};

export const BreakEvenResultSchema = z
  .discriminatedUnion('found', [
    z.object({
      ...breakEvenCommon,
      found: z.literal(true),
      value: z.number().describe('Input value at which the output reaches the target.'),
      outputAtValue: z.number(),
      bracket: z
        .object({ low: z.number(), high: z.number() })
        .describe('Adjacent grid values between which the output crosses the target; the root was refined inside.'),
      signChangesInGrid: z
        .number()
        .int()
        .describe('Crossings seen in the grid scan; more than 1 means several break-even values, the lowest is returned.'),
    }).meta({ id: 'BreakEvenFound' }),
    z.object({
      ...breakEvenCommon,
      found: z.literal(false),
      outputAtLow: z.number().nullable(),
      outputAtHigh: z.number().nullable(),
      smallestOutputInGrid: z.number().nullable(),
      largestOutputInGrid: z.number().nullable(),
    }).meta({ id: 'BreakEvenNotFound', description: 'No input value in the search range brings the output to the target.' }),
  ])
  .meta({ id: 'BreakEvenResult' });
export type BreakEvenResult = z.infer<typeof BreakEvenResultSchema>;

/**
 * Break-even search: the value of one input at which the output equals the target, every other
 * input at base and expected rates.
 *
 * The range (default the input's P1..P99) is first scanned on an even grid, because Brent's
 * method needs a bracket (a sign change of output − target) and a model output need not be
 * monotone in the input. The first bracket from the low end is then refined with Brent's method.
 * When no grid interval changes sign the answer is `found: false` with the outputs at both ends:
 * a clear "not within this range", not an error. A crossing that enters and leaves between two
 * adjacent grid points is not seen; raise `gridPoints` to look closer.
 *
 * Cost: at most gridPoints + maxIterations + 3 model runs (Brent re-evaluates the two bracket ends, and the root once more to report the output there).
 */
export function breakEven(model: CompiledModel, settings: BreakEvenSettings): Result<BreakEvenResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const inputIndex = resolveInput(model, settings.input, ['input']);
  if (!inputIndex.ok) return inputIndex;
  const range = rangeOfInput(
    model,
    inputIndex.value,
    settings,
    { low: settings.lowQuantile, high: settings.highQuantile },
    ['input'],
  );
  if (!range.ok) return range;
  const budget = checkModelRuns(
    settings.gridPoints + settings.maxIterations + 3,
    `a break-even search with ${settings.gridPoints} grid points and ${settings.maxIterations} iterations`,
  );
  if (!budget.ok) return budget;

  const together: number[] = [];
  for (let k = 0; k < settings.together.length; k++) {
    const found = resolveInput(model, settings.together[k], ['together', k]);
    if (!found.ok) return found;
    together.push(found.value);
  }

  const runner = createOutputRunner(model, output.value.index);
  const inputBase = runner.base[inputIndex.value];
  if (together.length > 0 && inputBase === 0)
    return fail(invalidInput(['input'], `input '${settings.input}' has base 0, so the inputs in 'together' cannot move in proportion with it`));
  const { low, high } = range.value;
  const distanceToTarget = (value: number): number => {
    runner.params[inputIndex.value] = value;
    // Inputs moved together keep their ratio to their own base equal to the searched input's.
    for (const index of together) runner.params[index] = (runner.base[index] * value) / inputBase;
    return runner.evaluate() - settings.target;
  };

  // Grid scan: remember the first interval whose ends straddle the target, and count them all.
  let bracketLow = NaN;
  let bracketHigh = NaN;
  let signChanges = 0;
  let smallest = Infinity;
  let largest = -Infinity;
  let previousValue = NaN;
  let previousDistance = NaN;
  let distanceAtLow = NaN;
  let distanceAtHigh = NaN;
  for (let point = 0; point < settings.gridPoints; point++) {
    const value = point === settings.gridPoints - 1 ? high : low + ((high - low) * point) / (settings.gridPoints - 1);
    const distance = distanceToTarget(value);
    if (point === 0) distanceAtLow = distance;
    if (point === settings.gridPoints - 1) distanceAtHigh = distance;
    if (Number.isFinite(distance)) {
      smallest = Math.min(smallest, distance);
      largest = Math.max(largest, distance);
      // An interval holds a crossing when its ends have strictly opposite signs. A grid point
      // exactly on the target counts once: as the left end of the next interval, or as the last point.
      const isLast = point === settings.gridPoints - 1;
      const crosses =
        Number.isFinite(previousDistance) &&
        (previousDistance * distance < 0 || previousDistance === 0 || (isLast && distance === 0));
      if (crosses) {
        signChanges++;
        if (signChanges === 1) {
          bracketLow = previousValue;
          bracketHigh = value;
        }
      }
    }
    previousValue = value;
    previousDistance = distance;
  }

  const common = {
    method: 'break-even' as const,
    output: { name: output.value.info.name, unit: output.value.info.unit },
    input: settings.input,
    target: settings.target,
    searchRange: range.value,
    search: 'grid-scan-then-brent' as const,
    gridPoints: settings.gridPoints,
  };
  const noRoot = () =>
    ok({
      ...common,
      found: false as const,
      outputAtLow: finiteOrNull(distanceAtLow + settings.target),
      outputAtHigh: finiteOrNull(distanceAtHigh + settings.target),
      smallestOutputInGrid: finiteOrNull(smallest + settings.target),
      largestOutputInGrid: finiteOrNull(largest + settings.target),
      modelRuns: runner.runs,
    });
  if (signChanges === 0) return noRoot();

  const root = brent(distanceToTarget, bracketLow, bracketHigh, {
    tolerance: settings.tolerance ?? DEFAULT_BREAK_EVEN_RELATIVE_TOLERANCE * (high - low),
    maxIterations: settings.maxIterations,
  });
  if (!root.ok) {
    if (root.error.kind === 'not-bracketed') return noRoot();
    const why =
      root.error.kind === 'not-finite'
        ? `the output could not be computed at ${settings.input} = ${root.error.at}`
        : `no convergence within ${root.error.iterations} iterations (last estimate ${root.error.bestEstimate})`;
    return fail({ kind: 'not-computable', message: `break-even search for '${settings.output}': ${why}` });
  }
  const outputAtValue = distanceToTarget(root.value) + settings.target;
  return ok({
    ...common,
    found: true as const,
    value: root.value,
    outputAtValue,
    bracket: { low: bracketLow, high: bracketHigh },
    signChangesInGrid: signChanges,
    modelRuns: runner.runs,
  });
}

import { compileDistribution, type CompiledDistribution } from '../distributions/index.js';
import { invalidInput, type DomainError, type FieldPath, type FieldProblem } from '../errors.js';
import { MAX_SOBOL_DIMENSIONS } from '../random/index.js';
import { parseExpression, type CompiledExpression } from '../expressions/index.js';
import { fail, ok, type Result } from '../result.js';
import { BLOCK_SIZE, blockCount, checkpointBlocks } from './block-layout.js';
import {
  EXACT_PERCENTILE_MAX_ITERATIONS,
  EXACT_PERCENTILE_MAX_VALUES,
  MAX_KEPT_VALUES,
  MAX_VARIANTS,
} from './limits.js';
import { baseParams, seriesLength, type CompiledModel, type OutputInfo, type SeriesInfo } from './model.js';
import { alignVariants } from './align-variants.js';
import { planRankCorrelation, type CorrelationPlan } from './rank-correlation.js';
import type { SimulationSettings } from './settings.js';

/**
 * Everything checked and compiled before the first block runs: a bad correlation matrix, an
 * unknown event name or risk output is reported here, once, as a DomainError. Blocks then trust
 * the plan.
 */

/** A model to compare with others on common random numbers. */
export interface SimulationVariant {
  readonly name: string;
  readonly model: CompiledModel;
}

export interface VariantMeta {
  name: string;
  scalarOutputs: OutputInfo[];
  seriesOutputs: SeriesInfo[];
  /** Each output at the base inputs: subtracted before summing so that variances do not cancel. */
  scalarShifts: number[];
  seriesShifts: number[];
  events: { name: string; expression: string }[];
  risk: { outputIndex: number; tail: 'lower' | 'upper' } | null;
}

/** What `summarise` needs besides the accumulators; plain data, copied into every partial. */
export interface RunMeta {
  iterations: number;
  seed: number;
  sampling: SimulationSettings['sampling'];
  drawIndividualOutcomes: boolean;
  blockSize: number;
  blocks: number;
  percentileMethod: 'exact' | 'sketch';
  histogramBins: number;
  /** Blocks completed at each convergence checkpoint, ascending, the last equal to `blocks`. */
  checkpointBlocks: number[];
  keepSamples: boolean;
  uncertainInputPaths: string[];
  variants: VariantMeta[];
}

export interface PreparedVariant {
  readonly model: CompiledModel;
  /** One per uncertain input, in sampling order. */
  readonly distributions: readonly CompiledDistribution[];
  /** Every input at its base value; uncertain entries are overwritten each iteration. */
  readonly baseParams: Float64Array;
  readonly events: readonly CompiledExpression[];
}

export interface SimulationPlan {
  readonly settings: SimulationSettings;
  readonly meta: RunMeta;
  readonly variants: readonly PreparedVariant[];
  /** Indices into `model.inputs` of the uncertain inputs (same for every variant). */
  readonly uncertainInputs: readonly number[];
  readonly correlation: CorrelationPlan | null;
}

/** Plans a simulation of one model. `at` is where the settings sit in the request. */
export function prepareSimulation(
  model: CompiledModel,
  settings: SimulationSettings,
  at: FieldPath = ['settings'],
): Result<SimulationPlan, DomainError> {
  return prepareVariants([{ name: 'model', model }], settings, at);
}

/**
 * Plans a run of several variants on common random numbers. Variants with other inputs or outputs
 * (a share of savings instead of a price per job start) are first aligned on the union of their
 * inputs and outputs (see align-variants.ts), so inputs with the same path share their draws.
 */
export function prepareVariants(
  given: readonly SimulationVariant[],
  settings: SimulationSettings,
  at: FieldPath = ['settings'],
): Result<SimulationPlan, DomainError> {
  if (given.length === 0 || given.length > MAX_VARIANTS) {
    return fail({
      kind: 'limit-exceeded',
      problems: [{ path: ['variants'], message: `give 1 to ${MAX_VARIANTS} variants, not ${given.length}` }],
      limit: 'variants',
      requested: given.length,
      allowed: MAX_VARIANTS,
    });
  }
  const variants = alignVariants(given);
  const first = variants[0].model;
  const uncertainInputs = first.inputs.flatMap((input, index) =>
    input.distribution !== null && input.distribution.type !== 'fixed' ? [index] : [],
  );

  const correlation = planRankCorrelation(first.inputs, uncertainInputs, settings.correlations, at);
  if (!correlation.ok) return correlation;

  const problems: FieldProblem[] = [];
  const prepared: PreparedVariant[] = [];
  const metas: VariantMeta[] = [];
  for (const variant of variants) {
    const model = variant.model;
    const names = model.scalarOutputs.map((output) => output.name);
    const events: CompiledExpression[] = [];
    settings.events.forEach((event, index) => {
      const parsed = parseExpression(event.expression, names, [...at, 'events', index, 'expression']);
      if (parsed.ok) events.push(parsed.value);
      else if (parsed.error.kind === 'invalid-input' && variant === variants[0]) problems.push(...parsed.error.problems);
    });
    let risk: VariantMeta['risk'] = null;
    if (settings.riskOutput !== undefined) {
      const outputIndex = names.indexOf(settings.riskOutput);
      if (outputIndex < 0) {
        if (variant === variants[0]) {
          problems.push({ path: [...at, 'riskOutput'], message: `unknown output '${settings.riskOutput}'; this model has: ${names.join(', ')}` });
        }
      } else risk = { outputIndex, tail: settings.riskTail };
    } else if (names.length > 0) risk = { outputIndex: 0, tail: settings.riskTail };

    const params = baseParams(model);
    const shifts = baseOutputs(model, params);
    prepared.push({
      model,
      distributions: uncertainInputs.map((index) => compileDistribution(model.inputs[index].distribution!)),
      baseParams: params,
      events,
    });
    metas.push({
      name: variant.name,
      scalarOutputs: model.scalarOutputs.map((output) => ({ ...output })),
      seriesOutputs: model.seriesOutputs.map((output) => ({ ...output, labels: [...output.labels] })),
      scalarShifts: shifts.scalars,
      seriesShifts: shifts.series,
      events: settings.events.map((event) => ({ ...event })),
      risk,
    });
  }
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  if (settings.sampling === 'sobol' && uncertainInputs.length > MAX_SOBOL_DIMENSIONS) {
    return fail(
      invalidInput(
        [...at, 'sampling'],
        `sobol sampling serves at most ${MAX_SOBOL_DIMENSIONS} uncertain inputs (the embedded Joe–Kuo direction numbers); this model has ${uncertainInputs.length}: use latinHypercube`,
      ),
    );
  }

  const iterations = settings.iterations;
  const scalarCount = first.scalarOutputs.length;
  if (settings.keepSamples) {
    const kept = iterations * variants.length * (uncertainInputs.length + scalarCount);
    if (kept > MAX_KEPT_VALUES) {
      return fail({
        kind: 'limit-exceeded',
        problems: [
          {
            path: [...at, 'keepSamples'],
            message: `keeping samples would keep ${kept} values (iterations x variants x (uncertain inputs + scalar outputs)); at most ${MAX_KEPT_VALUES} are allowed: lower the iterations`,
          },
        ],
        limit: 'keptValues',
        requested: kept,
        allowed: MAX_KEPT_VALUES,
      });
    }
  }

  const columns =
    variants.reduce((total, variant) => total + variant.model.scalarOutputs.length + seriesLength(variant.model), 0) +
    (variants.length - 1) * scalarCount;
  const exact = iterations <= EXACT_PERCENTILE_MAX_ITERATIONS && iterations * columns <= EXACT_PERCENTILE_MAX_VALUES;

  return ok({
    settings,
    variants: prepared,
    uncertainInputs,
    correlation: correlation.value,
    meta: {
      iterations,
      seed: settings.seed,
      sampling: settings.sampling,
      drawIndividualOutcomes: settings.drawIndividualOutcomes,
      blockSize: BLOCK_SIZE,
      blocks: blockCount(iterations),
      percentileMethod: exact ? 'exact' : 'sketch',
      histogramBins: settings.histogramBins,
      checkpointBlocks: checkpointBlocks(iterations, settings.convergenceCheckpoints),
      keepSamples: settings.keepSamples,
      uncertainInputPaths: uncertainInputs.map((index) => first.inputs[index].path),
      variants: metas,
    },
  });
}

/** The outputs at the base inputs with expected rates; non-finite values become 0. */
function baseOutputs(model: CompiledModel, baseParams: Float64Array): { scalars: number[]; series: number[] } {
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  model.evaluate(baseParams, model.createWorkspace(), null, scalars, series);
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  return { scalars: Array.from(scalars, finite), series: Array.from(series, finite) };
}


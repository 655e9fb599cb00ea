import { compileDistribution, type CompiledDistribution } from '../distributions/index.js';
import type { DomainError, FieldPath } from '../errors.js';
import { invalidInput } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { baseParams, seriesLength, summaryModelOf, type CompiledModel, type ModelInput, type OutputInfo } from '../simulation/model.js';
import { MAX_BOOTSTRAP_WORK, MAX_MODEL_RUNS } from './limits.js';

/**
 * What every sensitivity method needs from a model: find the output and inputs a request names,
 * and evaluate the model many times without allocating. All methods evaluate with `rng = null`
 * (expected rates), so an output moves only because an input moved.
 */

export interface OutputRunner {
  /** Values of all model inputs, filled with their base values; methods change entries in place. */
  readonly params: Float64Array;
  /** Every input's base value (the fixed number or the distribution's mean). */
  readonly base: Float64Array;
  /** Evaluates the model at `params` with expected rates and returns the analysed output. */
  evaluate(): number;
  /** Puts every input back at its base value. */
  resetToBase(): void;
  /** How many evaluations ran so far: reported to the user as the cost. */
  readonly runs: number;
}

/** One workspace and one set of output buffers for all evaluations of a method. */
export function createOutputRunner(model: CompiledModel, outputIndex: number): OutputRunner {
  const kernel = summaryModelOf(model);
  const workspace = kernel.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const base = baseParams(model);
  const params = Float64Array.from(base);
  let runs = 0;
  return {
    params,
    base,
    evaluate() {
      kernel.evaluate(params, workspace, null, scalars, series);
      runs++;
      return scalars[outputIndex];
    },
    resetToBase() {
      params.set(base);
    },
    get runs() {
      return runs;
    },
  };
}

export interface ResolvedOutput {
  index: number;
  info: OutputInfo;
}

export function resolveOutput(model: CompiledModel, name: string): Result<ResolvedOutput, DomainError> {
  const index = model.scalarOutputs.findIndex((output) => output.name === name);
  if (index < 0) {
    const known = model.scalarOutputs.map((output) => output.name).join(', ');
    return fail(invalidInput(['output'], `unknown output '${name}'; this model has: ${known}`));
  }
  return ok({ index, info: model.scalarOutputs[index] });
}

export function resolveInput(model: CompiledModel, path: string, fieldPath: FieldPath): Result<number, DomainError> {
  const index = model.inputs.findIndex((input) => input.path === path);
  if (index < 0) return fail(invalidInput(fieldPath, `the model has no input '${path}'`));
  return ok(index);
}

/**
 * An input has uncertainty to analyse when it has a distribution other than a fixed value;
 * a plain number (or `fixed`) has nothing to vary unless the user gives a range.
 */
export function isUncertain(input: ModelInput): boolean {
  return input.distribution !== null && input.distribution.type !== 'fixed';
}

export interface UncertainInputs {
  /** Positions in `model.inputs` (and so in `params`). */
  indices: number[];
  distributions: CompiledDistribution[];
}

/**
 * The inputs a Monte Carlo method varies: the ones the request lists, or every uncertain input.
 * A listed input without a distribution is an error: a sampling method cannot vary it.
 */
export function resolveUncertainInputs(
  model: CompiledModel,
  paths: ReadonlyArray<string> | undefined,
): Result<UncertainInputs, DomainError> {
  const indices: number[] = [];
  if (paths === undefined) {
    model.inputs.forEach((input, index) => {
      if (isUncertain(input)) indices.push(index);
    });
    if (indices.length === 0) return fail(invalidInput(['inputs'], 'the model has no input with a distribution to vary'));
  } else {
    const seen = new Set<number>();
    for (let k = 0; k < paths.length; k++) {
      const found = resolveInput(model, paths[k], ['inputs', k]);
      if (!found.ok) return found;
      const input = model.inputs[found.value];
      if (!isUncertain(input))
        return fail(invalidInput(['inputs', k], `input '${paths[k]}' is a fixed number; give it a distribution to vary it`));
      if (seen.has(found.value)) return fail(invalidInput(['inputs', k], `input '${paths[k]}' is listed twice`));
      seen.add(found.value);
      indices.push(found.value);
    }
  }
  const distributions = indices.map((index) => compileDistribution(model.inputs[index].distribution!));
  return ok({ indices, distributions });
}

/** Refuses a request that needs more model runs than `MAX_MODEL_RUNS`, saying how many it needs. */
export function checkModelRuns(requested: number, what: string): Result<void, DomainError> {
  if (requested <= MAX_MODEL_RUNS) return ok(undefined);
  return fail({
    kind: 'limit-exceeded',
    limit: 'MAX_MODEL_RUNS',
    requested,
    allowed: MAX_MODEL_RUNS,
    problems: [
      {
        path: [],
        message: `${what} needs ${requested.toLocaleString('en-US')} model runs; at most ${MAX_MODEL_RUNS.toLocaleString('en-US')} are allowed`,
      },
    ],
  });
}

/**
 * Refuses a bootstrap of more than MAX_BOOTSTRAP_WORK operations: `resamples` recomputations over
 * `perResample` values each (Sobol: its model results; value of information: draws x columns).
 */
export function checkBootstrapWork(resamples: number, perResample: number, what: string): Result<void, DomainError> {
  const requested = resamples * perResample;
  if (requested <= MAX_BOOTSTRAP_WORK) return ok(undefined);
  return fail({
    kind: 'limit-exceeded',
    limit: 'MAX_BOOTSTRAP_WORK',
    requested,
    allowed: MAX_BOOTSTRAP_WORK,
    problems: [
      {
        path: ['bootstrapResamples'],
        message: `${resamples} bootstrap resamples of ${what} is ${requested} operations; at most ${MAX_BOOTSTRAP_WORK} are allowed: lower bootstrapResamples or sampleSize`,
      },
    ],
  });
}

/** The smallest positive double below which a uniform draw is lifted: quantile(0) is −∞ for unbounded inputs. */
const SMALLEST_UNIFORM = 2 ** -53;

/** Maps a draw in [0, 1) to (0, 1), so every quantile function gives a finite value. */
export function openUnitInterval(uniform: number): number {
  return uniform > 0 ? uniform : SMALLEST_UNIFORM;
}

/** JSON has no NaN or infinity: an output the model could not compute becomes null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** A message for a Monte Carlo method whose output was NaN in some runs. */
export function notComputableOutput(outputName: string, missing: number, runs: number): DomainError {
  return {
    kind: 'not-computable',
    message: `output '${outputName}' could not be computed in ${missing} of ${runs} model runs (NaN), so its variance cannot be decomposed; choose another output or narrow the input ranges`,
  };
}

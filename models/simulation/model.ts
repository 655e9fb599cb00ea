import type { Rng } from '../random/rng.js';
import type { Distribution } from '../distributions/index.js';

/**
 * The one shape every model takes so that the Monte Carlo and sensitivity engines can run it:
 * the outcome contract, the place-based portfolio and the expression model all compile to this.
 */

/** One numeric input of a request, found by walking it. */
export interface ModelInput {
  /** JSON path of the field in the request, e.g. `participants.profiles[0].monthlyJobEntryRate`. */
  path: string;
  /** The value used by a deterministic evaluation: the fixed number, or the distribution's mean. */
  base: number;
  /** `null` when the input is a plain number. */
  distribution: Distribution | null;
}

export interface OutputInfo {
  /** Stable camelCase name, e.g. `payerNetResult`. */
  name: string;
  /** `EUR`, `count`, `ratio`, `month`, `rate` ... */
  unit: string;
  description: string;
}

/** A series output, e.g. the payer's outcome payments per contract year. */
export interface SeriesInfo extends OutputInfo {
  /** One label per element, e.g. ['2025', '2026', ...]. */
  labels: string[];
}

export interface CompiledModel<W = unknown> {
  readonly inputs: ReadonlyArray<ModelInput>;
  readonly scalarOutputs: ReadonlyArray<OutputInfo>;
  readonly seriesOutputs: ReadonlyArray<SeriesInfo>;
  /** Allocates every buffer one evaluation needs; the engine reuses it for all iterations. */
  createWorkspace(): W;
  /**
   * Evaluates the model once and must not allocate.
   * - `params[i]` is the value of `inputs[i]` for this iteration.
   * - `rng` non-null: individual outcomes are drawn (a pilot of 20 can get 3 placements or 9);
   *   `null`: expected rates are used (fractional counts).
   * - Writes `scalars[k]` for `scalarOutputs[k]`, and the series concatenated in
   *   `seriesOutputs` order into `series` (series k starts at the sum of the earlier lengths).
   *   A scalar that cannot be computed in this iteration (an IRR without a sign change) is NaN.
   */
  evaluate(params: Float64Array, workspace: W, rng: Rng | null, scalars: Float64Array, series: Float64Array): void;
  /**
   * The same model computing only what simulation and sensitivity runs read, the scalars and the
   * series (the same values), when it has a faster way to do that than `evaluate`, whose workspace
   * also holds detail that only single evaluations show. Absent: runs use the model itself.
   */
  summaryModel?(): CompiledModel;
}

/** The model a simulation or sensitivity run evaluates: its summary model when it has one. */
export function summaryModelOf(model: CompiledModel): CompiledModel {
  return model.summaryModel?.() ?? model;
}

/** Total length of the concatenated series buffer of a model. */
export function seriesLength(model: Pick<CompiledModel, 'seriesOutputs'>): number {
  let total = 0;
  for (const s of model.seriesOutputs) total += s.labels.length;
  return total;
}

/** The values a model's inputs take when nothing is drawn: each input's base (a distribution's mean). */
export function baseParams(model: Pick<CompiledModel, 'inputs'>): Float64Array {
  return Float64Array.from(model.inputs, (input) => input.base);
}

/**
 * One evaluation with every input at its base and expected rates (no rng): the deterministic
 * answer that POST /contracts/evaluate and /portfolios/evaluate report. Allocates, so it is for
 * single evaluations, not for the engine's loops.
 */
export function evaluateAtBase<W>(model: CompiledModel<W>): { params: Float64Array; workspace: W; scalars: Float64Array; series: Float64Array } {
  const params = baseParams(model);
  const workspace = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  model.evaluate(params, workspace, null, scalars, series);
  return { params, workspace, scalars, series };
}

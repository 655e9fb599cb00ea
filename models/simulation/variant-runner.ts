import type { Rng } from '../random/index.js';
import { BLOCK_SIZE } from './block-layout.js';
import { seriesLength, summaryModelOf, type CompiledModel } from './model.js';
import type { PreparedVariant } from './plan.js';

/**
 * Runs one variant's model over one block, columnar: the inputs arrive as one column per
 * uncertain input, the outputs leave as one column per scalar output and per series element.
 * Buffers are allocated once per `runBlocks` call; the per-iteration loop allocates nothing.
 */
export class VariantRunner {
  /** values[j][i]: uncertain input j in iteration i of the block. */
  readonly values: Float64Array[];
  readonly scalarColumns: Float64Array[];
  readonly seriesColumns: Float64Array[];
  /** Per event: iterations in which it occurred / was undefined, in the current block. */
  readonly eventOccurred: Float64Array;
  readonly eventUndefined: Float64Array;
  private readonly params: Float64Array;
  private readonly uncertain: Int32Array;
  private readonly scalars: Float64Array;
  private readonly series: Float64Array;
  private readonly workspace: unknown;
  /** What is evaluated: the variant's model, or its summary model when it has one (runs read only scalars and series). */
  private readonly kernel: CompiledModel;

  constructor(
    private readonly variant: PreparedVariant,
    uncertainInputs: readonly number[],
  ) {
    const model = variant.model;
    this.params = Float64Array.from(variant.baseParams);
    this.uncertain = Int32Array.from(uncertainInputs);
    this.values = uncertainInputs.map(() => new Float64Array(BLOCK_SIZE));
    this.scalars = new Float64Array(model.scalarOutputs.length);
    this.series = new Float64Array(seriesLength(model));
    this.scalarColumns = model.scalarOutputs.map(() => new Float64Array(BLOCK_SIZE));
    this.seriesColumns = Array.from({ length: this.series.length }, () => new Float64Array(BLOCK_SIZE));
    this.eventOccurred = new Float64Array(variant.events.length);
    this.eventUndefined = new Float64Array(variant.events.length);
    this.kernel = summaryModelOf(model);
    this.workspace = this.kernel.createWorkspace();
  }

  /** Turns the block's uniforms into input values through each input's quantile function. */
  transform(uniforms: readonly Float64Array[], n: number): void {
    const distributions = this.variant.distributions;
    for (let j = 0; j < distributions.length; j++) {
      const distribution = distributions[j];
      const u = uniforms[j];
      const out = this.values[j];
      for (let i = 0; i < n; i++) out[i] = distribution.quantile(u[i]);
    }
  }

  /** Evaluates the model for iterations 0 .. n-1 of the block. */
  evaluate(n: number, rng: Rng | null): void {
    const model = this.kernel;
    const events = this.variant.events;
    const { params, uncertain, values, scalars, series, scalarColumns, seriesColumns, workspace } = this;
    const uncertainCount = uncertain.length;
    const scalarCount = scalars.length;
    const seriesCount = series.length;
    const eventCount = events.length;
    this.eventOccurred.fill(0);
    this.eventUndefined.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < uncertainCount; j++) params[uncertain[j]] = values[j][i];
      model.evaluate(params, workspace, rng, scalars, series);
      for (let k = 0; k < scalarCount; k++) scalarColumns[k][i] = scalars[k];
      for (let e = 0; e < seriesCount; e++) seriesColumns[e][i] = series[e];
      for (let e = 0; e < eventCount; e++) {
        const value = events[e].evaluate(scalars);
        if (value !== value) this.eventUndefined[e]++;
        else if (value !== 0) this.eventOccurred[e]++;
      }
    }
  }
}

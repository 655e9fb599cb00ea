import { blockLength } from './block-layout.js';
import type { ColumnAccumulator } from './column-accumulator.js';
import { cloneColumnMoments, createColumnMoments, mergeColumnMoments, meanAndSpread, type ColumnMoments } from './column-moments.js';
import type { OutputInfo } from './model.js';
import type { PartialResult } from './partial-result.js';
import { SKETCH_RELATIVE_ACCURACY, sketchGroups } from './quantile-sketch.js';
import type { RunMeta } from './plan.js';
import type { OutputSummary, SimulationResult, VariantComparisonResult } from './result-schema.js';
import {
  createSampleScratch,
  exactSortedSample,
  groupedSortedSample,
  histogram,
  percentiles,
  tailMean,
  type SampleScratch,
  type SortedSample,
} from './sorted-sample.js';

/**
 * Turns the partial of a whole run into the JSON result. Pure; its cost is ordering the kept
 * values in exact mode (at most EXACT_PERCENTILE_MAX_VALUES; see sorted-sample.ts, which sorts
 * only the value buckets that hold a percentile) or walking the sketches.
 */

const OUTPUT_PERCENTILES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;
const FAN_PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
/** Confidence levels of value at risk and expected shortfall. */
export const RISK_LEVELS = [0.9, 0.95, 0.99] as const;

/** NaN becomes null: JSON has no NaN, and null says "not computable" plainly. */
const statistic = (x: number): number | null => (Number.isFinite(x) ? x : null);

function assertComplete(partial: PartialResult): void {
  if (partial.fromBlock !== 0 || partial.toBlock !== partial.meta.blocks) {
    throw new Error(`summarise needs all blocks [0, ${partial.meta.blocks}), got [${partial.fromBlock}, ${partial.toBlock})`);
  }
}

/** The result of a one-model run (the first variant of a comparison). */
export function summarise(partial: PartialResult): SimulationResult {
  assertComplete(partial);
  return summariseVariant(partial, 0, createSampleScratch(), true);
}

/**
 * A summary split in two parts that two threads can make at the same time (the worker pool does
 * so): `summariseWithoutFans` reads everything but the series columns' values and leaves every
 * fan empty, `seriesFans` reads only the series columns, and `withFans` puts the fans in. The
 * joined result is the same bytes as `summarise`.
 */
export function summariseWithoutFans(partial: PartialResult): SimulationResult {
  assertComplete(partial);
  return summariseVariant(partial, 0, createSampleScratch(), false);
}

export type SeriesFan = SimulationResult['series'][number]['fan'];

/** The fan of each series of the first variant, in order; needs only `variants[0].series`. */
export function seriesFans(partial: PartialResult): SeriesFan[] {
  const meta = partial.meta;
  const state = partial.variants[0];
  const scratch = createSampleScratch();
  let element = 0;
  return meta.variants[0].seriesOutputs.map((info) => {
    const columns = state.series.slice(element, element + info.labels.length);
    element += info.labels.length;
    return fanOf(columns, meta, scratch);
  });
}

function fanOf(columns: readonly ColumnAccumulator[], meta: RunMeta, scratch: SampleScratch): SeriesFan {
  const fans = columns.map((column) => percentiles(sortedSample(column, meta, scratch), FAN_PERCENTILES).map(statistic));
  const fanAt = (p: number) => fans.map((fan) => fan[p]);
  return { p5: fanAt(0), p10: fanAt(1), p25: fanAt(2), p50: fanAt(3), p75: fanAt(4), p90: fanAt(5), p95: fanAt(6) };
}

export function withFans(result: SimulationResult, fans: readonly SeriesFan[]): SimulationResult {
  return { ...result, series: result.series.map((series, index) => ({ ...series, fan: fans[index] })) };
}

const EMPTY_FAN: SeriesFan = { p5: [], p10: [], p25: [], p50: [], p75: [], p90: [], p95: [] };

/** The result of a comparison: each variant, and paired differences against the first. */
export function summariseVariants(partial: PartialResult): VariantComparisonResult {
  assertComplete(partial);
  const meta = partial.meta;
  const baseline = meta.variants[0];
  const scratch = createSampleScratch();
  return {
    variants: meta.variants.map((variant, v) => ({ name: variant.name, result: summariseVariant(partial, v, scratch, true) })),
    differences: partial.differences.map((columns, d) => ({
      variant: meta.variants[d + 1].name,
      baseline: baseline.name,
      outputs: columns.map((column, k) => {
        const info = baseline.scalarOutputs[k];
        const shift = meta.variants[d + 1].scalarShifts[k] - baseline.scalarShifts[k];
        return summariseOutput(column, { ...info, description: `${meta.variants[d + 1].name} minus ${baseline.name}: ${info.description}` }, shift, meta, scratch);
      }),
    })),
  };
}

function sortedSample(column: ColumnAccumulator, meta: RunMeta, scratch: SampleScratch): SortedSample {
  if (meta.percentileMethod === 'exact') return exactSortedSample(column.samples!, scratch);
  const groups = sketchGroups(column.sketch!);
  return groupedSortedSample(column.moments.count, groups.values, groups.counts);
}

function summariseOutput(
  column: ColumnAccumulator,
  info: OutputInfo,
  shift: number,
  meta: RunMeta,
  scratch: SampleScratch,
  sample: SortedSample = sortedSample(column, meta, scratch),
): OutputSummary {
  const moments = column.moments;
  const { mean, sd, standardError } = meanAndSpread(moments, shift);
  const [p1, p5, p10, p25, p50, p75, p90, p95, p99] = percentiles(sample, OUTPUT_PERCENTILES).map(statistic);
  return {
    name: info.name,
    unit: info.unit,
    description: info.description,
    count: moments.count,
    nanCount: moments.nanCount,
    mean: statistic(mean),
    sd: statistic(sd),
    standardError: statistic(standardError),
    min: statistic(moments.min),
    max: statistic(moments.max),
    percentiles: { p1, p5, p10, p25, p50, p75, p90, p95, p99 },
    histogram: histogram(sample, moments.min, moments.max, meta.histogramBins),
  };
}

function summariseVariant(partial: PartialResult, v: number, scratch: SampleScratch, fansToo: boolean): SimulationResult {
  const meta = partial.meta;
  const variantMeta = meta.variants[v];
  const state = partial.variants[v];

  // A sample lives in `scratch` until the next column is ordered: the risk measures are read
  // from the risk output's sample while it is there.
  let riskLevels: NonNullable<SimulationResult['risk']>['levels'] = [];
  const outputs = state.scalars.map((column, k) => {
    const sample = sortedSample(column, meta, scratch);
    if (variantMeta.risk?.outputIndex === k) riskLevels = riskMeasures(sample, variantMeta.risk.tail);
    return summariseOutput(column, variantMeta.scalarOutputs[k], variantMeta.scalarShifts[k], meta, scratch, sample);
  });

  let element = 0;
  const series = variantMeta.seriesOutputs.map((info) => {
    const columns = state.series.slice(element, element + info.labels.length);
    const shifts = variantMeta.seriesShifts.slice(element, element + info.labels.length);
    element += info.labels.length;
    return {
      name: info.name,
      unit: info.unit,
      description: info.description,
      labels: [...info.labels],
      mean: columns.map((column, e) => statistic(meanAndSpread(column.moments, shifts[e]).mean)),
      nanCount: columns.map((column) => column.moments.nanCount),
      fan: fansToo ? fanOf(columns, meta, scratch) : EMPTY_FAN,
    };
  });

  const events = variantMeta.events.map((event, e) => {
    const { occurred, undefinedCount } = state.events[e];
    const defined = meta.iterations - undefinedCount;
    const p = defined > 0 ? occurred / defined : NaN;
    return {
      name: event.name,
      expression: event.expression,
      probability: statistic(p),
      standardError: statistic(Math.sqrt((p * (1 - p)) / defined)),
      undefinedCount,
    };
  });

  let risk: SimulationResult['risk'] = null;
  if (variantMeta.risk !== null) {
    const { outputIndex, tail } = variantMeta.risk;
    risk = { output: variantMeta.scalarOutputs[outputIndex].name, tail, levels: riskLevels };
  }

  const checkpointIterations = meta.checkpointBlocks.map((blocks) => iterationsBefore(meta, blocks));
  const convergence = {
    iterations: checkpointIterations,
    outputs: state.scalars.map((column, k) => {
      const running = prefixMoments(column.convergence!);
      const spreads = running.map((moments) => meanAndSpread(moments, variantMeta.scalarShifts[k]));
      return {
        name: variantMeta.scalarOutputs[k].name,
        mean: spreads.map((spread) => statistic(spread.mean)),
        standardError: spreads.map((spread) => statistic(spread.standardError)),
      };
    }),
  };

  const samples =
    state.inputs === null
      ? null
      : {
          inputs: meta.uncertainInputPaths.map((path, j) => ({ path, values: Array.from(state.inputs![j], statistic) })),
          outputs: state.scalars.map((column, k) => ({
            name: variantMeta.scalarOutputs[k].name,
            values: Array.from(column.samples!, statistic),
          })),
        };

  return {
    iterations: meta.iterations,
    seed: meta.seed,
    sampling: meta.sampling,
    drawIndividualOutcomes: meta.drawIndividualOutcomes,
    blockSize: meta.blockSize,
    percentileMethod:
      meta.percentileMethod === 'exact' ? { kind: 'exact' } : { kind: 'sketch', relativeAccuracy: SKETCH_RELATIVE_ACCURACY },
    outputs,
    series,
    events,
    risk,
    convergence,
    samples,
  };
}

function riskMeasures(sample: SortedSample, tail: 'lower' | 'upper'): NonNullable<SimulationResult['risk']>['levels'] {
  return RISK_LEVELS.map((level) => {
    const [valueAtRisk] = percentiles(sample, [tail === 'lower' ? 1 - level : level]);
    // The worst ceil((1 - level) n) iterations; the small epsilon keeps 0.05 * 1000 at 50.
    const tailCount = Math.ceil((1 - level) * sample.total - 1e-9);
    return { level, valueAtRisk: statistic(valueAtRisk), expectedShortfall: statistic(tailMean(sample, tailCount, tail)) };
  });
}

function iterationsBefore(meta: RunMeta, blocks: number): number {
  let total = 0;
  for (let block = 0; block < blocks; block++) total += blockLength(block, meta.iterations);
  return total;
}

/** Running totals: checkpoint c holds every block before it. Exact sums, so order is free. */
function prefixMoments(segments: readonly (ColumnMoments | null)[]): ColumnMoments[] {
  let total = createColumnMoments();
  return segments.map((segment) => {
    total = cloneColumnMoments(total);
    if (segment !== null) mergeColumnMoments(total, segment);
    return total;
  });
}

import { describe, expect, it } from 'vitest';
import { createRng } from '../../models/random/index.js';
import {
  EXACT_PERCENTILE_MAX_ITERATIONS,
  MAX_KEPT_VALUES,
  prepareSimulation,
  runBlocks,
  runSimulation,
  SKETCH_RELATIVE_ACCURACY,
  sketchArrays,
  type PartialResult,
} from '../../models/simulation/index.js';
import { createExactSum, exactSumAdd, exactSumMerge, exactSumValue } from '../../models/simulation/exact-sum.js';
import { addBlockToSketch, createSketch, mergeSketch } from '../../models/simulation/quantile-sketch.js';
import { expressionModel, settings } from './fixtures/expression-models.js';

describe('exact sums', () => {
  it('adds without rounding error: 1e16 + 1 - 1e16 is 1', () => {
    // In plain doubles (1e16 + 1) - 1e16 is 0; the exact sum keeps the 1.
    const sum = createExactSum();
    for (const x of [1e16, 1, -1e16]) exactSumAdd(sum, x);
    expect(exactSumValue(sum)).toBe(1);
  });

  it('gives the same bits whatever the order and grouping of additions', () => {
    const rng = createRng(11, 0);
    const values = Array.from({ length: 1000 }, () => (rng.nextDouble() - 0.5) * 10 ** Math.floor(rng.nextDouble() * 12));
    const inOrder = createExactSum();
    for (const x of values) exactSumAdd(inOrder, x);
    const reversed = createExactSum();
    for (const x of [...values].reverse()) exactSumAdd(reversed, x);
    const grouped = createExactSum();
    for (let start = 0; start < values.length; start += 37) {
      const group = createExactSum();
      for (const x of values.slice(start, start + 37)) exactSumAdd(group, x);
      exactSumMerge(grouped, group);
    }
    expect(exactSumValue(reversed)).toBe(exactSumValue(inOrder));
    expect(exactSumValue(grouped)).toBe(exactSumValue(inOrder));
  });
});

describe('quantile sketch', () => {
  it('merges to the same counts in any grouping', () => {
    const rng = createRng(12, 0);
    const columns = Array.from({ length: 8 }, (_, c) =>
      Float64Array.from({ length: 500 }, () => (rng.nextDouble() - 0.3) * 10 ** (c % 5)),
    );
    const sequential = createSketch();
    for (const column of columns) addBlockToSketch(sequential, column, column.length);
    const halves = [createSketch(), createSketch()];
    columns.forEach((column, c) => addBlockToSketch(halves[c % 2], column, column.length));
    const merged = createSketch();
    mergeSketch(merged, halves[1]);
    mergeSketch(merged, halves[0]);
    expect(merged).toEqual(sequential);
  });

  const iterations = EXACT_PERCENTILE_MAX_ITERATIONS + 50_000;
  const model = expressionModel({
    inputs: { x: { type: 'lognormal', mean: 1000, sd: 800 }, z: { type: 'normal', mean: 0, sd: 1 } },
    outputs: { positive: 'x', crossingZero: 'z * 1000', step: 'z > 0' },
  });

  it(`keeps percentiles within the stated relative accuracy (${SKETCH_RELATIVE_ACCURACY}) of exact sorting`, () => {
    const run = runSimulation(model, settings({ iterations, keepSamples: true }));
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.percentileMethod).toEqual({ kind: 'sketch', relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
    const levels = { p1: 0.01, p5: 0.05, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 };
    run.value.outputs.forEach((output, k) => {
      // The kept samples are every value: sort them for the exact type-7 percentiles.
      const sorted = Float64Array.from(run.value.samples!.outputs[k].values as number[]).sort();
      for (const [key, q] of Object.entries(levels)) {
        const h = (sorted.length - 1) * q;
        const low = sorted[Math.floor(h)];
        const high = sorted[Math.ceil(h)];
        const exact = low + (h - Math.floor(h)) * (high - low);
        // Each neighbour is estimated within relative accuracy a, so their interpolation is within
        // a times the larger neighbour's magnitude (the two may straddle zero).
        const bound = SKETCH_RELATIVE_ACCURACY * Math.max(Math.abs(low), Math.abs(high)) * (1 + 1e-12);
        expect(Math.abs(run.value.outputs[k].percentiles[key as keyof typeof levels]! - exact)).toBeLessThanOrEqual(bound);
      }
    });
    // A bucket holding only 1s reports 1, not its bucket value 0.995.
    expect(run.value.outputs[2].percentiles.p75).toBe(1);
  });

  it('counts every finite value in the histogram, exact and sketched', () => {
    for (const n of [10_000, iterations]) {
      const run = runSimulation(model, settings({ iterations: n, histogramBins: 25 }));
      if (!run.ok) throw new Error(JSON.stringify(run.error));
      for (const output of run.value.outputs) {
        expect(output.histogram!.counts).toHaveLength(25);
        expect(output.histogram!.edges).toHaveLength(26);
        expect(output.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(n);
        expect(output.histogram!.edges[0]).toBe(output.min);
        expect(output.histogram!.edges[25]).toBe(output.max);
      }
    }
  });
});

/** What a partial holds that could grow: bytes in typed arrays, and the longest exact sum. */
function retained(partial: PartialResult): { arrayBytes: number; longestSum: number } {
  let arrayBytes = 0;
  let longestSum = 0;
  const columns = partial.variants.flatMap((variant) => [...variant.scalars, ...variant.series]);
  for (const column of columns) {
    arrayBytes += column.samples?.byteLength ?? 0;
    if (column.sketch !== null) for (const array of sketchArrays(column.sketch)) arrayBytes += array.byteLength;
    const moments = [column.moments, ...(column.convergence ?? [])].filter((m) => m !== null);
    const sums = moments.flatMap((m) => [m.sum, m.withinBlocks, m.betweenBlocks]);
    for (const sum of sums) longestSum = Math.max(longestSum, sum.partials.length);
  }
  for (const variant of partial.variants) for (const input of variant.inputs ?? []) arrayBytes += input.byteLength;
  return { arrayBytes, longestSum };
}

describe('memory', () => {
  const model = expressionModel({ inputs: { u: { type: 'uniform', min: -1, max: 3 } }, outputs: { y: 'u * 100' } });
  const sizeAt = (iterations: number, keepSamples: boolean) => {
    const plan = prepareSimulation(model, settings({ iterations, keepSamples }));
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    return retained(runBlocks(plan.value, 0, plan.value.meta.blocks));
  };

  it('stays flat in the number of iterations when samples are not kept', () => {
    const small = sizeAt(150_000, false);
    const large = sizeAt(600_000, false);
    // Two sketch windows (the output takes both signs) of 2,048 buckets of 20 bytes each.
    expect(small.arrayBytes).toBe(2 * 2_048 * 20);
    expect(large.arrayBytes).toBe(small.arrayBytes);
    // An exact sum holds non-overlapping doubles: never more than about 2,098 exponent bits /
    // 53 mantissa bits = 40 of them, whatever the number of values added (a handful in practice).
    expect(large.longestSum).toBeLessThanOrEqual(40);
  });

  it('grows with the iterations only when samples are kept', () => {
    // One input and one output kept: 8 bytes each per iteration, on top of the sketch.
    expect(sizeAt(300_000, true).arrayBytes).toBe(2 * 8 * 300_000 + 2 * 2_048 * 20);
  });

  it(`refuses to keep more than MAX_KEPT_VALUES (${MAX_KEPT_VALUES}) samples`, () => {
    const wide = expressionModel({
      inputs: { u: { type: 'uniform', min: 0, max: 1 } },
      outputs: Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`y${k}`, `u * ${k}`])),
    });
    // 1,000,000 iterations x (1 input + 10 outputs) = 11,000,000 values.
    const plan = prepareSimulation(wide, settings({ iterations: 1_000_000, keepSamples: true }));
    expect(!plan.ok && plan.error).toMatchObject({ kind: 'limit-exceeded', requested: 11_000_000, allowed: MAX_KEPT_VALUES });
  });

  it('computes mean and sd as a two-pass computation on all values would', () => {
    const run = runSimulation(model, settings({ iterations: 30_000, keepSamples: true }));
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    const values = run.value.samples!.outputs[0].values as number[];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    expect(run.value.outputs[0].mean).toBeCloseTo(mean, 10);
    expect(Math.abs(run.value.outputs[0].sd! / sd - 1)).toBeLessThan(1e-12);
  });
});

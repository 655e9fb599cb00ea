import { describe, expect, it } from 'vitest';
import { createRng } from '../../models/random/index.js';
import { exactSortedSample, histogram, percentiles, tailMean } from '../../models/simulation/sorted-sample.js';

/**
 * Exact mode reads order statistics from value buckets sorted on demand instead of sorting the
 * whole column: every percentile, tail mean and histogram must be bit for bit those of a full
 * sort (the reference below is the plain algorithm on `Float64Array.prototype.sort`).
 */
const PROBABILITIES = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

function reference(column: Float64Array, bins: number) {
  const sorted = column.filter((x) => Number.isFinite(x)).sort();
  const n = sorted.length;
  const at = (q: number) => {
    const h = (n - 1) * q;
    const low = Math.floor(h);
    const high = Math.min(low + 1, n - 1);
    return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
  };
  const tail = (k: number, side: 'lower' | 'upper') => {
    let sum = 0;
    const taken = Math.min(k, n);
    for (let step = 0; step < taken; step++) sum += sorted[side === 'lower' ? step : n - 1 - step];
    return sum / taken;
  };
  const min = sorted[0];
  const max = sorted[n - 1];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of sorted) {
    const bin = width > 0 ? Math.floor((x - min) / width) : 0;
    counts[bin < 0 ? 0 : bin >= bins ? bins - 1 : bin]++;
  }
  return { percentiles: PROBABILITIES.map(at), lower: [1, 7, 100].map((k) => tail(k, 'lower')), upper: [1, 7, 100].map((k) => tail(k, 'upper')), counts, min, max };
}

/** Bits, so that -0 and +0 and NaN payloads count as different. */
const bits = (values: number[]) => Array.from(new Uint32Array(Float64Array.from(values).buffer));

describe('exact sorted sample', () => {
  const rng = createRng(77, 0);
  const columns: [string, Float64Array][] = [
    ['uniform', Float64Array.from({ length: 10_000 }, () => rng.nextDouble() * 1e6)],
    ['heavy tail', Float64Array.from({ length: 5_000 }, () => Math.exp(20 * rng.nextDouble()) - 3)],
    ['few distinct values', Float64Array.from({ length: 4_000 }, () => Math.floor(rng.nextDouble() * 6) * 3)],
    ['constant', new Float64Array(3_000).fill(200)],
    ['zeros of both signs', Float64Array.from({ length: 2_000 }, () => (rng.nextDouble() < 0.5 ? -0 : 0))],
    ['zeros and values', Float64Array.from({ length: 2_000 }, () => (rng.nextDouble() < 0.6 ? (rng.nextDouble() < 0.5 ? -0 : 0) : rng.nextDouble() - 0.5))],
    ['with NaN and infinities', Float64Array.from({ length: 3_001 }, (_, i) => (i % 7 === 0 ? NaN : i % 11 === 0 ? Infinity : i % 13 === 0 ? -Infinity : rng.nextDouble() - 0.3))],
    ['tiny', Float64Array.of(3, -1, 2)],
    ['one value', Float64Array.of(-5)],
  ];
  for (const [name, column] of columns) {
    it(`gives the full sort's statistics for ${name}`, () => {
      const expected = reference(column, 17);
      const before = column.slice();
      const sample = exactSortedSample(column);
      expect(bits(percentiles(sample, PROBABILITIES))).toEqual(bits(expected.percentiles));
      expect(bits([1, 7, 100].map((k) => tailMean(sample, k, 'lower')))).toEqual(bits(expected.lower));
      expect(bits([1, 7, 100].map((k) => tailMean(sample, k, 'upper')))).toEqual(bits(expected.upper));
      expect(histogram(sample, expected.min, expected.max, 17)!.counts).toEqual(expected.counts);
      // The column itself is left as it was.
      expect(Array.from(new Uint32Array(column.buffer))).toEqual(Array.from(new Uint32Array(before.buffer)));
    });
  }
});

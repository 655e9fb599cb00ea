import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  RankCorrelationSettingsSchema,
  rankCorrelation,
  type RankCorrelationResult,
} from '../../models/sensitivity/index.js';
import { functionModel, linearModel, normal, uniform } from './test-models.js';

const coefficientOf = (result: RankCorrelationResult, path: string) => result.coefficients.find((entry) => entry.path === path)!;

describe('averageRanks', () => {
  it('shares the average rank between ties', () => {
    // scipy.stats.rankdata([10, 20, 20, 5]) = [2, 3.5, 3.5, 1].
    const ranks = new Float64Array(4);
    averageRanks([10, 20, 20, 5], ranks, new Uint32Array(4));
    expect(Array.from(ranks)).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe('rank correlation', () => {
  // y = 2·x1 − x2 + 0.5·x3 + 0·unused, x1 ~ N(10, 2), x2 ~ N(5, 1.5), x3 ~ N(0, 3), unused ~ N(0, 1).
  // sd_y = √(16 + 2.25 + 2.25) = 4.5277; Pearson r_i = b_i·sd_i / sd_y = (0.8835, −0.3313, 0.3313).
  // For jointly normal variables Spearman's rho is (6/π)·asin(r/2) (Pearson 1907; Kruskal 1958):
  // (0.8738, −0.3178, 0.3178) (checked in Python).
  const coefficients = [2, -1, 0.5, 0];
  const model = () =>
    linearModel(coefficients, [
      { path: 'x1', distribution: normal(10, 2) },
      { path: 'x2', distribution: normal(5, 1.5) },
      { path: 'x3', distribution: normal(0, 3) },
      { path: 'unused', distribution: normal(0, 1) },
    ]);
  const sampleSize = 4000;
  const sdY = Math.sqrt(16 + 2.25 + 2.25);
  const pearson = [(2 * 2) / sdY, (-1 * 1.5) / sdY, (0.5 * 3) / sdY, 0];
  const spearmanOfNormal = (r: number) => (6 / Math.PI) * Math.asin(r / 2);
  /**
   * Sampling error of Spearman's rho is at most about 1/√(n − 1) ≈ 0.016 for n = 4000
   * (its variance is ≈ (1 − ρ²)²·1.06/(n − 3) or smaller); 0.05 is three of those.
   */
  const tolerance = 3 / Math.sqrt(sampleSize - 1);

  it('matches (6/π)·asin(r/2) for a linear model with normal inputs', () => {
    const result = rankCorrelation(
      model(),
      RankCorrelationSettingsSchema.parse({ method: 'rank-correlation', output: 'y', sampleSize, seed: 42 }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    ['x1', 'x2', 'x3', 'unused'].forEach((path, i) => {
      expect(Math.abs(coefficientOf(result.value, path).spearman! - spearmanOfNormal(pearson[i]))).toBeLessThan(tolerance);
    });
    expect(result.value.modelRuns).toBe(sampleSize);
  });

  it("gives Spearman a 95% interval that contains the true (6/π)·asin(r/2) in about 95% of samples", () => {
    // 300 samples of 60 draws, seeds 1..300. Each interval covers the true value with probability
    // near 0.95 (Fisher z with Fieller's 1.06/(n − 3) is approximate for small n); a binomial count
    // of 300 at 0.95 has sd 3.8 (1.3%), so 90% to 99% is more than three sd either side.
    let covered = 0;
    const runs = 300;
    for (let seed = 1; seed <= runs; seed++) {
      const result = rankCorrelation(model(), RankCorrelationSettingsSchema.parse({ method: 'rank-correlation', output: 'y', sampleSize: 60, seed }));
      if (!result.ok) throw new Error('expected a result');
      const interval = coefficientOf(result.value, 'x2').spearmanInterval!;
      const truth = spearmanOfNormal(pearson[1]);
      if (interval.low <= truth && truth <= interval.high) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.9);
    expect(covered / runs).toBeLessThan(0.99);
  });

  it('gives intervals around each estimate on the Fisher z scale, narrower for the larger sample', () => {
    const at = (sampleSize: number) => {
      const result = rankCorrelation(model(), RankCorrelationSettingsSchema.parse({ method: 'rank-correlation', output: 'y', sampleSize, seed: 3 }));
      if (!result.ok) throw new Error('expected a result');
      return coefficientOf(result.value, 'x1');
    };
    const small = at(200);
    // By hand: tanh(atanh(r) ± 1.96·√(1.06/197)) and, with 3 inputs held, tanh(atanh(r) ± 1.96/√(200 − 3 − 3)).
    const z = Math.atanh(small.spearman!);
    expect(small.spearmanInterval!.low).toBeCloseTo(Math.tanh(z - 1.959964 * Math.sqrt(1.06 / 197)), 6);
    expect(small.spearmanInterval!.high).toBeCloseTo(Math.tanh(z + 1.959964 * Math.sqrt(1.06 / 197)), 6);
    const zp = Math.atanh(small.prcc!);
    expect(small.prccInterval!.low).toBeCloseTo(Math.tanh(zp - 1.959964 / Math.sqrt(194)), 6);
    expect(small.prccInterval!.high).toBeCloseTo(Math.tanh(zp + 1.959964 / Math.sqrt(194)), 6);
    const large = at(2000);
    expect(large.spearmanInterval!.high - large.spearmanInterval!.low).toBeLessThan(small.spearmanInterval!.high - small.spearmanInterval!.low);
  });

  it('gives PRCC the sign of the coefficient, stronger than Spearman, and near 0 for an unused input', () => {
    const result = rankCorrelation(
      model(),
      RankCorrelationSettingsSchema.parse({ method: 'rank-correlation', output: 'y', sampleSize, seed: 42 }),
    );
    if (!result.ok) throw new Error('expected a result');
    for (const path of ['x1', 'x2', 'x3']) {
      const entry = coefficientOf(result.value, path);
      expect(Math.sign(entry.prcc!)).toBe(Math.sign(entry.spearman!));
      // Removing the other inputs' share of the output leaves this input's relation almost monotone.
      expect(Math.abs(entry.prcc!)).toBeGreaterThan(Math.abs(entry.spearman!));
    }
    expect(Math.abs(coefficientOf(result.value, 'unused').prcc!)).toBeLessThan(tolerance);
    expect(result.value.coefficients[0].path).toBe('x1');
  });

  it('computes Spearman as the Pearson correlation of the ranks (cross-check with simple-statistics)', () => {
    // Re-create the sample the method draws: the same model evaluated on the same seed, recorded.
    const recorded: number[][] = [[], []];
    const recording = functionModel(
      [
        { path: 'a', distribution: uniform(0, 1) },
        { path: 'b', distribution: uniform(0, 1) },
      ],
      ['y'],
      (x, y) => {
        y[0] = Math.exp(3 * x[0]) + x[1];
        recorded[0].push(x[0]);
        recorded[1].push(y[0]);
      },
    );
    const result = rankCorrelation(
      recording,
      RankCorrelationSettingsSchema.parse({ method: 'rank-correlation', output: 'y', sampleSize: 500, seed: 9 }),
    );
    if (!result.ok) throw new Error('expected a result');
    const rank = (values: number[]) => {
      const ranks = new Float64Array(values.length);
      averageRanks(values, ranks, new Uint32Array(values.length));
      return Array.from(ranks);
    };
    const expected = sampleCorrelation(rank(recorded[0]), rank(recorded[1]));
    expect(coefficientOf(result.value, 'a').spearman).toBeCloseTo(expected, 12);
  });

  it('reports PRCC as null when the other inputs explain the output\'s ranks exactly', () => {
    // y = x1 only: ranking y is ranking x1, so regressing y's ranks on x1's leaves nothing for x2.
    const single = functionModel(
      [
        { path: 'x1', distribution: uniform(0, 1) },
        { path: 'x2', distribution: uniform(0, 1) },
      ],
      ['y'],
      (x, y) => {
        y[0] = x[0];
      },
    );
    const result = rankCorrelation(
      single,
      RankCorrelationSettingsSchema.parse({ method: 'rank-correlation', output: 'y', sampleSize: 200 }),
    );
    if (!result.ok) throw new Error('expected a result');
    expect(coefficientOf(result.value, 'x1')).toMatchObject({ spearman: expect.closeTo(1, 12), prcc: expect.closeTo(1, 12) });
    expect(coefficientOf(result.value, 'x2').prcc).toBeNull();
  });
});

import { sampleRankCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, prepareSimulation, runSimulation, type SimulationResult } from '../../models/simulation/index.js';
import { symmetricEigenvalues, choleskyLower } from '../../models/simulation/cholesky.js';
import { expressionModel, settings } from './fixtures/expression-models.js';

const model = expressionModel({
  inputs: {
    a: { type: 'normal', mean: 0, sd: 1 },
    b: { type: 'lognormal', mean: 2, sd: 1 },
    c: { type: 'uniform', min: 0, max: 1 },
    d: { type: 'triangular', min: 0, mode: 1, max: 4 },
    fixed: 3,
  },
  outputs: { total: 'a + b + c + d + fixed' },
});

function samplesOf(result: SimulationResult, path: string): number[] {
  return result.samples!.inputs.find((input) => input.path === path)!.values as number[];
}

describe('rank correlation (Iman-Conover)', () => {
  const iterations = 4 * BLOCK_SIZE;
  // Sampling sd of Spearman's rho is about 1 / sqrt(n - 1) (exactly so under independence);
  // four of them is the tolerance.
  const tolerance = 4 / Math.sqrt(iterations - 1);
  const targets = [
    { a: 'inputs.a', b: 'inputs.b', rho: 0.7 },
    { a: 'inputs.a', b: 'inputs.c', rho: -0.4 },
    { a: 'inputs.b', b: 'inputs.d', rho: 0.5 },
  ];

  it.each(['latinHypercube', 'monteCarlo'] as const)('reaches the target Spearman correlations with %s sampling', (sampling) => {
    const run = runSimulation(model, settings({ iterations, sampling, keepSamples: true, correlations: targets }));
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    for (const { a, b, rho } of targets) {
      expect(Math.abs(sampleRankCorrelation(samplesOf(run.value, a), samplesOf(run.value, b)) - rho)).toBeLessThan(tolerance);
    }
    // Pairs without a target stay uncorrelated.
    expect(Math.abs(sampleRankCorrelation(samplesOf(run.value, 'inputs.c'), samplesOf(run.value, 'inputs.d')))).toBeLessThan(tolerance);
  });

  it('keeps each input’s values: reordering does not touch Latin hypercube strata', () => {
    const run = runSimulation(model, settings({ iterations: BLOCK_SIZE, keepSamples: true, correlations: targets }));
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    const strata = new Set(samplesOf(run.value, 'inputs.c').map((u) => Math.floor(u * BLOCK_SIZE)));
    expect(strata.size).toBe(BLOCK_SIZE);
  });

  it('accepts a correlation of exactly 1 (a semi-definite matrix) and gives identical ranks', () => {
    const run = runSimulation(model, settings({ iterations: BLOCK_SIZE, keepSamples: true, correlations: [{ a: 'inputs.a', b: 'inputs.c', rho: 1 }] }));
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(sampleRankCorrelation(samplesOf(run.value, 'inputs.a'), samplesOf(run.value, 'inputs.c'))).toBeCloseTo(1, 12);
  });

  it('refuses a target matrix that is not positive semi-definite, never repairing it', () => {
    // a ~ b and a ~ c strongly, but b and c strongly opposed: eigenvalues of
    // [[1, .9, .9], [.9, 1, -.9], [.9, -.9, 1]] are 1.9, 1.9 and -0.8.
    const plan = prepareSimulation(
      model,
      settings({
        correlations: [
          { a: 'inputs.a', b: 'inputs.b', rho: 0.9 },
          { a: 'inputs.a', b: 'inputs.c', rho: 0.9 },
          { a: 'inputs.b', b: 'inputs.c', rho: -0.9 },
        ],
      }),
    );
    expect(plan.ok).toBe(false);
    if (plan.ok || plan.error.kind !== 'invalid-input') return;
    expect(plan.error.problems[0].path).toEqual(['settings', 'correlations']);
    expect(plan.error.problems[0].message).toContain('not positive semi-definite (smallest eigenvalue -0.800)');
  });

  it.each([
    [{ a: 'inputs.x', b: 'inputs.a', rho: 0.5 }, ['settings', 'correlations', 0, 'a'], "unknown input path 'inputs.x'; uncertain inputs of this model: inputs.a, inputs.b, inputs.c, inputs.d"],
    [{ a: 'inputs.a', b: 'inputs.fixed', rho: 0.5 }, ['settings', 'correlations', 0, 'b'], "input 'inputs.fixed' is a fixed number"],
    [{ a: 'inputs.a', b: 'inputs.a', rho: 0.5 }, ['settings', 'correlations', 0, 'b'], 'cannot be correlated with itself'],
  ])('refuses %j naming the field', (correlation, path, message) => {
    const plan = prepareSimulation(model, settings({ correlations: [correlation] }));
    expect(plan.ok).toBe(false);
    if (plan.ok || plan.error.kind !== 'invalid-input') return;
    expect(plan.error.problems[0].path).toEqual(path);
    expect(plan.error.problems[0].message).toContain(message);
  });

  it('refuses the same pair given twice', () => {
    const plan = prepareSimulation(
      model,
      settings({ correlations: [{ a: 'inputs.a', b: 'inputs.b', rho: 0.5 }, { a: 'inputs.b', b: 'inputs.a', rho: 0.2 }] }),
    );
    expect(!plan.ok && plan.error.kind === 'invalid-input' && plan.error.problems[0].message).toContain('also given at correlations[0]');
  });
});

describe('small dense linear algebra', () => {
  it('factors a positive definite matrix', () => {
    // [[4, 2], [2, 3]] = L L^T with L = [[2, 0], [1, sqrt 2]] (worked by hand).
    const lower = new Float64Array(4);
    expect(choleskyLower(Float64Array.of(4, 2, 2, 3), 2, lower, 1e-12)).toBe(true);
    expect(Array.from(lower)).toEqual([2, 0, 1, Math.SQRT2]);
  });

  it('finds the eigenvalues of a symmetric matrix', () => {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
    const values = symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(1, 12);
    expect(values[1]).toBeCloseTo(3, 12);
  });
});

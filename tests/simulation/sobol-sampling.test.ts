import { describe, expect, it } from 'vitest';
import { MAX_SOBOL_DIMENSIONS } from '../../models/random/index.js';
import { BLOCK_SIZE, runSimulation } from '../../models/simulation/index.js';
import { BlockSampler } from '../../models/simulation/block-sampler.js';
import { createRng } from '../../models/random/index.js';
import { expressionModel, settings } from './fixtures/expression-models.js';

/**
 * A smooth test function with a known mean: f(x) = exp((x1 + ... + x5)/5) over independent
 * uniforms on (0, 1), E f = (5·(e^0.2 − 1))^5 (the integral factorises).
 */
const SMOOTH = expressionModel({
  inputs: Object.fromEntries(['x1', 'x2', 'x3', 'x4', 'x5'].map((name) => [name, { type: 'uniform', min: 0, max: 1 }])),
  outputs: { f: 'exp((x1 + x2 + x3 + x4 + x5) / 5)' },
});
const EXACT_MEAN = (5 * Math.expm1(0.2)) ** 5;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const SIZES = [256, 1024, 4096, 16384];

function rootMeanSquareError(sampling: 'monteCarlo' | 'sobol', iterations: number): number {
  let squares = 0;
  for (const seed of SEEDS) {
    const result = runSimulation(SMOOTH, settings({ iterations, seed, sampling, convergenceCheckpoints: 1, histogramBins: 1 }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    squares += (result.value.outputs[0].mean! - EXACT_MEAN) ** 2;
  }
  return Math.sqrt(squares / SEEDS.length);
}

/** Least-squares slope of log(error) against log(N). */
function convergenceRate(errors: number[]): number {
  const xs = SIZES.map(Math.log);
  const ys = errors.map(Math.log);
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

describe('sobol sampling in a simulation', () => {
  it('makes the error of a smooth model\'s mean shrink faster than Monte Carlo over the same seeds', () => {
    const monteCarlo = SIZES.map((n) => rootMeanSquareError('monteCarlo', n));
    const sobol = SIZES.map((n) => rootMeanSquareError('sobol', n));
    const monteCarloRate = convergenceRate(monteCarlo);
    const sobolRate = convergenceRate(sobol);
    console.info(`RMSE over 8 seeds at N = ${SIZES.join(', ')}: Monte Carlo ${monteCarlo.map((e) => e.toExponential(2)).join(', ')} (rate ${monteCarloRate.toFixed(2)}); sobol ${sobol.map((e) => e.toExponential(2)).join(', ')} (rate ${sobolRate.toFixed(2)})`);
    // Theory: N^-0.5 for Monte Carlo; about N^-1 (up to log factors) or better for scrambled Sobol on a smooth integrand.
    expect(monteCarloRate).toBeGreaterThan(-0.8);
    expect(monteCarloRate).toBeLessThan(-0.25);
    expect(sobolRate).toBeLessThan(-0.9);
    expect(sobol[SIZES.length - 1]).toBeLessThan(monteCarlo[SIZES.length - 1] / 10);
  });

  it('gives a block the same points whichever blocks ran before it (so any thread count gives the same run)', () => {
    const alone = new BlockSampler(3, 'sobol', null, 42);
    alone.sample(createRng(42, 4), BLOCK_SIZE, 2 * BLOCK_SIZE);
    const after = new BlockSampler(3, 'sobol', null, 42);
    after.sample(createRng(42, 0), BLOCK_SIZE, 0);
    after.sample(createRng(42, 2), BLOCK_SIZE, BLOCK_SIZE);
    after.sample(createRng(42, 4), BLOCK_SIZE, 2 * BLOCK_SIZE);
    for (let j = 0; j < 3; j++) expect(Array.from(after.uniforms[j])).toEqual(Array.from(alone.uniforms[j]));
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const run = (seed: number) => {
      const result = runSimulation(SMOOTH, settings({ iterations: 2048, seed, sampling: 'sobol' }));
      if (!result.ok) throw new Error('failed');
      return result.value.outputs[0].mean;
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });

  it(`refuses more than ${MAX_SOBOL_DIMENSIONS} uncertain inputs, naming settings.sampling`, () => {
    const inputs = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x${i}`, { type: 'uniform', min: 0, max: 1 }]));
    // 200 inputs fit; the limit is checked in the plan with the input count.
    const wide = expressionModel({ inputs, outputs: { y: 'x0' } });
    const result = runSimulation({ ...wide, inputs: Array.from({ length: MAX_SOBOL_DIMENSIONS + 1 }, (_, i) => ({ ...wide.inputs[i % 200], path: `inputs.x${i}` })) }, settings({ iterations: 16, sampling: 'sobol' }));
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid-input') return;
    expect(result.error.problems[0].path.at(-1)).toBe('sampling');
  });
});

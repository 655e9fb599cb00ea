import { describe, expect, it } from 'vitest';
import { createRng } from '../../models/random/index.js';
import {
  BLOCK_SIZE,
  fillLatinHypercube,
  fillMonteCarlo,
  runSimulation,
  type SimulationResult,
} from '../../models/simulation/index.js';
import { PILOT_PARTICIPANTS, pilotModel } from './fixtures/pilot-model.js';
import { expressionModel, settings } from './fixtures/expression-models.js';

function succeed<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** True when floor(u * n) over values[0 .. n) hits every stratum 0 .. n-1 exactly once. */
function oneValuePerStratum(values: ArrayLike<number>, n: number): boolean {
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) seen[Math.floor(values[i] * n)]++;
  return seen.every((count) => count === 1);
}

describe('Latin hypercube sampling', () => {
  it('puts exactly one uniform in each of the n strata', () => {
    for (const n of [1, 5, 100, BLOCK_SIZE]) {
      const uniforms = new Float64Array(n);
      fillLatinHypercube(createRng(3, 0), uniforms, n, new Int32Array(n));
      expect(oneValuePerStratum(uniforms, n)).toBe(true);
      expect(uniforms.every((u) => u > 0 && u < 1)).toBe(true);
    }
  });

  it('stratifies each block of a run, including a shorter last block', () => {
    const iterations = 2 * BLOCK_SIZE + 904;
    const result = succeed(
      runSimulation(
        expressionModel({ inputs: { u: { type: 'uniform', min: 0, max: 1 }, v: { type: 'uniform', min: 0, max: 1 } }, outputs: { w: 'u + v' } }),
        settings({ iterations, keepSamples: true }),
      ),
    );
    for (const input of result.samples!.inputs) {
      const values = input.values as number[];
      expect(oneValuePerStratum(values.slice(0, BLOCK_SIZE), BLOCK_SIZE)).toBe(true);
      expect(oneValuePerStratum(values.slice(BLOCK_SIZE, 2 * BLOCK_SIZE), BLOCK_SIZE)).toBe(true);
      expect(oneValuePerStratum(values.slice(2 * BLOCK_SIZE), 904)).toBe(true);
    }
  });

  it('estimates the mean of an additive output far better than plain Monte Carlo', () => {
    // Mean of u1 + u2 + u3 with u ~ U(0, 1) is 1.5. Plain Monte Carlo's error has sd
    // sqrt(3 / 12 / n) = 0.011 at n = 2048; stratification removes the additive part of the
    // variance (Stein 1987), leaving only rounding-level noise here.
    const model = expressionModel({
      inputs: Object.fromEntries(['u1', 'u2', 'u3'].map((name) => [name, { type: 'uniform', min: 0, max: 1 }])),
      outputs: { total: 'u1 + u2 + u3' },
    });
    const rmsError = (sampling: 'monteCarlo' | 'latinHypercube') => {
      let squares = 0;
      for (let seed = 1; seed <= 30; seed++) {
        const result = succeed(runSimulation(model, settings({ seed, iterations: BLOCK_SIZE, sampling })));
        squares += (result.outputs[0].mean! - 1.5) ** 2;
      }
      return Math.sqrt(squares / 30);
    };
    const monteCarlo = rmsError('monteCarlo');
    const latinHypercube = rmsError('latinHypercube');
    expect(monteCarlo).toBeGreaterThan(0.005);
    expect(monteCarlo).toBeLessThan(0.02);
    expect(latinHypercube).toBeLessThan(monteCarlo / 10);
  });

  it('draws plain Monte Carlo uniforms strictly inside (0, 1)', () => {
    const uniforms = new Float64Array(1000);
    fillMonteCarlo(createRng(5, 0), uniforms, 1000);
    expect(uniforms.every((u) => u > 0 && u < 1)).toBe(true);
  });
});

describe('individual outcomes', () => {
  // Placement rate p ~ Beta(2, 8): E[p] = 0.2, Var(p) = 2 * 8 / (10^2 * 11) = 0.0145454...
  // Placements X of 20 participants. With drawn outcomes X | p ~ Binomial(20, p), so by the law
  // of total variance Var(X) = 20 E[p (1 - p)] + 400 Var(p) = 2.90909 + 5.81818 = 8.72727;
  // with expected rates X = 20 p and Var(X) = 400 Var(p) = 5.81818. E[X] = 4 either way.
  const varianceOfRate = 16 / 1100;
  const expectedRateTimesComplement = 0.2 - (varianceOfRate + 0.04);
  const model = pilotModel({ alpha: 2, beta: 8 });
  const iterations = 20_000;
  const run = (drawIndividualOutcomes: boolean): SimulationResult =>
    succeed(runSimulation(model, settings({ iterations, drawIndividualOutcomes })));

  it('draws whole placements from the rng when asked, adding binomial spread', () => {
    const drawn = run(true);
    const placements = drawn.outputs[0];
    const variance = PILOT_PARTICIPANTS * expectedRateTimesComplement + PILOT_PARTICIPANTS ** 2 * varianceOfRate;
    expect(Math.abs(placements.mean! - 4)).toBeLessThan(4 * Math.sqrt(variance / iterations));
    // Relative sd of a sample variance is about sqrt(2 / n) (1.4% here, more with excess kurtosis): allow 6%.
    expect(Math.abs(placements.sd! ** 2 / variance - 1)).toBeLessThan(0.06);
    expect(placements.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(iterations);
    expect(placements.percentiles.p50! % 1).toBe(0);
  });

  it('uses expected rates when individual outcomes are off', () => {
    const expected = run(false);
    const placements = expected.outputs[0];
    const variance = PILOT_PARTICIPANTS ** 2 * varianceOfRate;
    expect(Math.abs(placements.mean! - 4)).toBeLessThan(4 * Math.sqrt(variance / iterations));
    expect(Math.abs(placements.sd! ** 2 / variance - 1)).toBeLessThan(0.06);
  });

  it('summarises a series element by element', () => {
    const result = run(true);
    const [yearly] = result.series;
    expect(yearly.labels).toEqual(['2026', '2027']);
    // Year 1 pays 1000 per placement and year 2 half of that, so the means are in that ratio.
    expect(yearly.mean[0]).toBeCloseTo(1000 * result.outputs[0].mean!, 6);
    expect(yearly.mean[1]).toBeCloseTo(500 * result.outputs[0].mean!, 6);
    expect(yearly.fan.p50[0]).toBe(1000 * result.outputs[0].percentiles.p50!);
    for (const key of ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const) expect(yearly.fan[key]).toHaveLength(2);
  });
});

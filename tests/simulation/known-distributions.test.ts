import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, runSimulation, type OutputSummary } from '../../models/simulation/index.js';
import { expressionModel, settings } from './fixtures/expression-models.js';

/**
 * The engine against outputs whose distribution is known in closed form. Tolerances are four
 * standard errors of plain Monte Carlo (Latin hypercube only does better), so a failure means a
 * bug, not bad luck: mean sigma / sqrt(n); standard deviation sigma / sqrt(2 (n - 1)) (normal
 * data); the p-quantile sqrt(p (1 - p) / n) / f(x_p) (asymptotic variance of a sample quantile).
 */
const ITERATIONS = 20_000;
const PERCENTILE_KEYS = ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'] as const;
const PERCENTILE_LEVELS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

function run(definition: unknown, iterations = ITERATIONS): OutputSummary[] {
  const result = runSimulation(expressionModel(definition), settings({ iterations }));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.outputs;
}

describe('outputs with known distributions', () => {
  it('gives a sum of independent normals the mean and sd of N(15, sqrt 5)', () => {
    const [sum] = run({
      inputs: { a: { type: 'normal', mean: 10, sd: 2 }, b: { type: 'normal', mean: 5, sd: 1 } },
      outputs: { sum: 'a + b' },
    });
    // Closed form: means add, variances add: 4 + 1 = 5.
    const sigma = Math.sqrt(5);
    expect(sum.count).toBe(ITERATIONS);
    expect(Math.abs(sum.mean! - 15)).toBeLessThan((4 * sigma) / Math.sqrt(ITERATIONS));
    expect(Math.abs(sum.sd! - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * (ITERATIONS - 1)));
    expect(sum.standardError).toBeCloseTo(sum.sd! / Math.sqrt(ITERATIONS), 12);
    PERCENTILE_LEVELS.forEach((p, i) => {
      const exact = jStat.normal.inv(p, 15, sigma);
      const density = Math.exp(-0.5 * ((exact - 15) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
      const tolerance = (4 * Math.sqrt((p * (1 - p)) / ITERATIONS)) / density;
      expect(Math.abs(sum.percentiles[PERCENTILE_KEYS[i]]! - exact)).toBeLessThan(tolerance);
    });
  });

  it('gives a product of independent lognormals the lognormal with summed log-parameters', () => {
    // Lognormal by mean m and sd s: sigma^2 = ln(1 + s^2 / m^2), mu = ln m - sigma^2 / 2.
    const logParameters = (m: number, s: number) => {
      const variance = Math.log(1 + (s * s) / (m * m));
      return { mu: Math.log(m) - variance / 2, variance };
    };
    const x = logParameters(2, 0.5);
    const y = logParameters(3, 1.2);
    const mu = x.mu + y.mu;
    const sigma = Math.sqrt(x.variance + y.variance);
    const [product] = run({
      inputs: { x: { type: 'lognormal', mean: 2, sd: 0.5 }, y: { type: 'lognormal', mean: 3, sd: 1.2 } },
      outputs: { product: 'x * y' },
    });
    // Independent: E[XY] = E[X] E[Y] = 6; sd of XY = 6 sqrt(exp(sigma^2) - 1).
    const sd = 6 * Math.sqrt(Math.exp(sigma * sigma) - 1);
    expect(Math.abs(product.mean! - 6)).toBeLessThan((4 * sd) / Math.sqrt(ITERATIONS));
    PERCENTILE_LEVELS.forEach((p, i) => {
      const exact = jStat.lognormal.inv(p, mu, sigma);
      const z = (Math.log(exact) - mu) / sigma;
      const density = Math.exp(-0.5 * z * z) / (exact * sigma * Math.sqrt(2 * Math.PI));
      const tolerance = (4 * Math.sqrt((p * (1 - p)) / ITERATIONS)) / density;
      expect(Math.abs(product.percentiles[PERCENTILE_KEYS[i]]! - exact)).toBeLessThan(tolerance);
    });
  });

  it('puts the median of a uniform within one Latin hypercube stratum of the midpoint', () => {
    // Each full block has exactly half its strata below the midpoint, so the sample median is
    // within one stratum width, (max - min) / BLOCK_SIZE, of (min + max) / 2 = 150.
    const [value] = run({ inputs: { u: { type: 'uniform', min: 100, max: 200 } }, outputs: { value: 'u' } }, 4 * BLOCK_SIZE);
    expect(Math.abs(value.percentiles.p50! - 150)).toBeLessThanOrEqual(100 / BLOCK_SIZE);
    expect(value.min).toBeGreaterThanOrEqual(100);
    expect(value.max).toBeLessThanOrEqual(200);
  });
});

describe('counting laws in an expression model', () => {
  it('gives a sum of independent Poisson(2) and Poisson(3.5) counts the mean, sd and median of Poisson(5.5)', () => {
    const [sum, atLeastEight] = run({
      inputs: { a: { type: 'poisson', mean: 2 }, b: { type: 'poisson', mean: 3.5 } },
      outputs: { sum: 'a + b', atLeastEight: 'sum >= 8' },
    });
    // Closed form: independent Poisson counts add to a Poisson with the summed mean, variance 5.5.
    const sigma = Math.sqrt(5.5);
    expect(Math.abs(sum.mean! - 5.5)).toBeLessThan((4 * sigma) / Math.sqrt(ITERATIONS));
    expect(sum.percentiles.p50).toBe(5);
    // P(X ≥ 8) = 1 − F(7) for Poisson(5.5), from jStat.
    const tail = 1 - jStat.poisson.cdf(7, 5.5);
    expect(Math.abs(atLeastEight.mean! - tail)).toBeLessThan(4 * Math.sqrt((tail * (1 - tail)) / ITERATIONS));
  });

  it('gives Binomial(20, 0.3) plus a Bernoulli(0.5) the mean 6.5 and variance 4.45', () => {
    const [total] = run({
      inputs: { placed: { type: 'binomial', trials: 20, probability: 0.3 }, bonus: { type: 'bernoulli', probability: 0.5 } },
      outputs: { total: 'placed + bonus' },
    });
    // n·p + p' = 6 + 0.5; n·p·(1 − p) + p'(1 − p') = 4.2 + 0.25.
    const sigma = Math.sqrt(4.45);
    expect(Math.abs(total.mean! - 6.5)).toBeLessThan((4 * sigma) / Math.sqrt(ITERATIONS));
    expect(Math.abs(total.sd! - sigma)).toBeLessThan((6 * sigma) / Math.sqrt(2 * (ITERATIONS - 1)));
  });
});

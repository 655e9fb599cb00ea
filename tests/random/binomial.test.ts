import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { binomial, createRng } from '../../models/random/index.js';

/**
 * The exact Binomial(n, p) probabilities, by the ratio recursion
 * f(k + 1)/f(k) = (n − k)/(k + 1) · p/(1 − p) outward from the mode, then normalised: no log-gamma
 * or Stirling terms, so nothing is shared with the sampler's acceptance test.
 */
function binomialProbabilities(n: number, p: number): Float64Array {
  const weights = new Float64Array(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  weights[mode] = 1;
  for (let k = mode; k < n; k++) weights[k + 1] = (weights[k] * (n - k) * odds) / (k + 1);
  for (let k = mode; k > 0; k--) weights[k - 1] = (weights[k] * k) / ((n - k + 1) * odds);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/** Bins of consecutive k each expecting at least this many draws (the usual validity rule of thumb). */
const MINIMUM_EXPECTED_PER_BIN = 5;
const SIGNIFICANCE = 0.001;

/**
 * Pearson's chi-square statistic of `draws` samples against the exact pmf, with consecutive values
 * pooled into bins of expected count ≥ 5, and its degrees of freedom (bins − 1).
 */
function chiSquareAgainstExact(n: number, p: number, seed: number, draws: number) {
  const probabilities = binomialProbabilities(n, p);
  const binOfValue = new Int32Array(n + 1);
  const expected: number[] = [0];
  for (let k = 0; k <= n; k++) {
    if (expected[expected.length - 1] >= MINIMUM_EXPECTED_PER_BIN) expected.push(0);
    binOfValue[k] = expected.length - 1;
    expected[expected.length - 1] += probabilities[k] * draws;
  }
  // The last bin collects the upper tail; fold it into its neighbour if it is too small.
  if (expected.length > 1 && expected[expected.length - 1] < MINIMUM_EXPECTED_PER_BIN) {
    const last = expected.length - 1;
    expected[last - 1] += expected[last];
    expected.pop();
    for (let k = 0; k <= n; k++) if (binOfValue[k] === last) binOfValue[k] = last - 1;
  }
  const observed = new Float64Array(expected.length);
  const rng = createRng(seed);
  for (let draw = 0; draw < draws; draw++) observed[binOfValue[binomial(rng, n, p)]]++;
  let statistic = 0;
  for (let bin = 0; bin < expected.length; bin++) statistic += (observed[bin] - expected[bin]) ** 2 / expected[bin];
  return { statistic, degreesOfFreedom: expected.length - 1 };
}

describe('binomial sampler', () => {
  it.each([
    // [n, p, branch exercised]
    [20, 0.3, 'inversion'],
    [20, 0.1, 'inversion (the monthly job-finding draw)'],
    [30, 0.8, 'inversion on 1 − p'],
    [1000, 0.02, 'BTRD'],
    [200, 0.25, 'BTRD, mostly the exact recursion (step 3.1)'],
    [10000, 0.4, 'BTRD, mostly squeeze and Stirling (steps 3.2–3.4)'],
    [100, 0.9, 'BTRD on 1 − p at the threshold n·p = 10'],
  ] as const)('Binomial(%s, %s) passes a chi-square test against the exact pmf (%s)', (n, p, _branch) => {
    const { statistic, degreesOfFreedom } = chiSquareAgainstExact(n, p, 20240917, 200_000);
    const critical = jStat.chisquare.inv(1 - SIGNIFICANCE, degreesOfFreedom);
    expect(degreesOfFreedom).toBeGreaterThan(3);
    expect(statistic).toBeLessThanOrEqual(critical);
  });

  it.each([
    [10_000_000, 0.3],
    [10_000_000, 9.9e-7],
    [5_000, 0.5],
  ])('Binomial(%s, %s) has mean n·p and variance n·p·(1 − p) within 5 standard errors', (n, p) => {
    const draws = 50_000;
    const rng = createRng(8);
    let sum = 0;
    let sumOfSquares = 0;
    for (let draw = 0; draw < draws; draw++) {
      const k = binomial(rng, n, p);
      sum += k;
      sumOfSquares += k * k;
    }
    const mean = sum / draws;
    const variance = (sumOfSquares - draws * mean * mean) / (draws - 1);
    const exactVariance = n * p * (1 - p);
    // The binomial's fourth central moment is npq(1 + 3(n − 2)pq), so μ₄ − σ⁴ = npq(1 − 6pq) + 2(npq)²,
    // and the sample variance has standard error √((μ₄ − σ⁴)/N).
    const fourthMomentExcess = exactVariance * (1 - 6 * p * (1 - p)) + 2 * exactVariance ** 2;
    expect(Math.abs(mean - n * p)).toBeLessThanOrEqual(5 * Math.sqrt(exactVariance / draws));
    expect(Math.abs(variance - exactVariance)).toBeLessThanOrEqual(5 * Math.sqrt(fourthMomentExcess / draws));
  });

  it('returns integers between 0 and n', () => {
    const rng = createRng(3);
    for (const [n, p] of [
      [1, 0.5],
      [20, 0.3],
      [1000, 0.02],
      [10000, 0.4],
      [10_000_000, 1e-7],
      [10_000_000, 0.999],
    ]) {
      for (let draw = 0; draw < 2000; draw++) {
        const k = binomial(rng, n, p);
        if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`Binomial(${n}, ${p}) gave ${k}`);
      }
    }
  });

  it('handles the degenerate cases without drawing', () => {
    const rng = createRng(4);
    expect(binomial(rng, 0, 0.5)).toBe(0);
    expect(binomial(rng, 20, 0)).toBe(0);
    expect(binomial(rng, 20, 1)).toBe(20);
    expect(binomial(rng, 20, Number.NaN)).toBe(0);
    expect(rng.nextUint32()).toBe(createRng(4).nextUint32());
  });

  it('draws Bernoulli(p) for n = 1', () => {
    const draws = 100_000;
    const rng = createRng(5);
    let successes = 0;
    for (let draw = 0; draw < draws; draw++) successes += binomial(rng, 1, 0.3);
    expect(Math.abs(successes / draws - 0.3)).toBeLessThanOrEqual(5 * Math.sqrt((0.3 * 0.7) / draws));
  });

  it('is reproducible for a fixed seed', () => {
    const first = createRng(6);
    const second = createRng(6);
    for (let draw = 0; draw < 1000; draw++) expect(binomial(first, 10000, 0.4)).toBe(binomial(second, 10000, 0.4));
  });
});

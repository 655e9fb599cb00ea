import { describe, expect, it } from 'vitest';
import { compileDiscrete } from '../../models/distributions/index.js';
import { createRng } from '../../models/random/index.js';
import { STANDARD_ERRORS_ALLOWED, expectRelativelyClose, expectSampleMomentsToMatch } from './checks.js';

describe('discrete distribution', () => {
  // Unsorted, with the value 1 listed twice and a value of probability 0: after merging,
  // P(1) = 0.4, P(2) = 0.4, P(3) = 0.2.
  const spec = { type: 'discrete' as const, values: [3, 1, 2, 1, 7], probabilities: [0.2, 0.3, 0.4, 0.1, 0] };
  const discrete = compileDiscrete(spec);

  it('quantile is the smallest value whose cumulative probability reaches u', () => {
    expect(discrete.quantile(0)).toBe(1);
    expect(discrete.quantile(0.4)).toBe(1);
    expect(discrete.quantile(0.4000001)).toBe(2);
    expect(discrete.quantile(0.8)).toBe(2);
    expect(discrete.quantile(0.81)).toBe(3);
    expect(discrete.quantile(1)).toBe(3);
  });

  it('never returns a value of probability zero', () => {
    expect(discrete.quantile(1)).not.toBe(7);
  });

  it('has mean Σ p·x and variance Σ p·x² − mean²', () => {
    // 0.4·1 + 0.4·2 + 0.2·3 = 1.8; 0.4·1 + 0.4·4 + 0.2·9 − 1.8² = 0.56.
    expectRelativelyClose(discrete.mean, 1.8, 1e-15);
    expectRelativelyClose(discrete.variance, 0.56, 1e-14);
  });

  it('cdf steps at each value', () => {
    expect(discrete.cdf(0.99)).toBe(0);
    expect(discrete.cdf(1)).toBeCloseTo(0.4, 15);
    expect(discrete.cdf(2.5)).toBeCloseTo(0.8, 15);
    expect(discrete.cdf(3)).toBe(1);
    expect(discrete.cdf(100)).toBe(1);
  });

  it('draws each value with its probability (within 5 binomial standard errors in 200,000 draws)', () => {
    const draws = 200_000;
    const rng = createRng(12);
    const counts = new Map<number, number>();
    for (let index = 0; index < draws; index++) {
      const value = discrete.quantile(rng.nextDouble());
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const [value, probability] of [
      [1, 0.4],
      [2, 0.4],
      [3, 0.2],
    ]) {
      const standardError = Math.sqrt((probability * (1 - probability)) / draws);
      expect(Math.abs((counts.get(value) ?? 0) / draws - probability)).toBeLessThanOrEqual(
        STANDARD_ERRORS_ALLOWED * standardError,
      );
    }
    expect(counts.has(7)).toBe(false);
  });

  it('sample moments of 200,000 draws lie within 5 standard errors', () => {
    expectSampleMomentsToMatch(discrete, 13);
  });

  it('rescales probabilities that sum to 1 only within the schema tolerance', () => {
    const nearlyOne = compileDiscrete({ type: 'discrete', values: [0, 1], probabilities: [0.5, 0.5 + 5e-10] });
    expect(nearlyOne.quantile(1)).toBe(1);
    expect(nearlyOne.cdf(1)).toBe(1);
  });

  it('with a single value is that value everywhere', () => {
    const single = compileDiscrete({ type: 'discrete', values: [42], probabilities: [1] });
    expect(single.quantile(0)).toBe(42);
    expect(single.quantile(1)).toBe(42);
    expect(single.mean).toBe(42);
    expect(single.variance).toBe(0);
  });
});

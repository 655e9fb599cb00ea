import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { IncompleteBeta, compileBeta } from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

/**
 * jStat's incomplete beta stops its continued fraction at a relative change of 3e-7 and its
 * log-gamma is good to about 1e-10, so against scipy it is off by up to 6e-8 at these points:
 * the comparison with jStat can only be this tight. The 1e-13 checks use mpmath instead.
 */
const JSTAT_BETA_TOLERANCE = 1e-6;

const PROBABILITIES = [0.001, 0.1, 0.5, 0.9, 0.999];
// Expected x with I_x(α, β) = p: mpmath 1.3 at 50 digits (betainc, root found from scipy's betaincinv).
const highPrecision: Array<{ alpha: number; beta: number; quantiles: number[] }> = [
  {
    alpha: 2,
    beta: 5,
    quantiles: [0.0082554927877466776, 0.092595258913128752, 0.26444998329565996, 0.51031630655149167, 0.81861386691913394],
  },
  {
    alpha: 0.5,
    beta: 0.5,
    quantiles: [2.4673990709169442e-6, 0.024471741852423217, 0.5, 0.9755282581475768, 0.99999753260092908],
  },
  {
    alpha: 0.7,
    beta: 2.5,
    quantiles: [1.9149244522069463e-5, 0.013952273970454301, 0.15849782115851604, 0.52387736530637481, 0.92109522528582898],
  },
  {
    alpha: 30,
    beta: 20,
    quantiles: [0.38377235542731028, 0.51066572955521126, 0.60134365373677568, 0.68757176700580491, 0.79425982909551058],
  },
];

describe('inverse regularized incomplete beta', () => {
  describe.each(highPrecision)('Beta($alpha, $beta)', ({ alpha, beta, quantiles }) => {
    const incompleteBeta = new IncompleteBeta(alpha, beta);

    it.each(PROBABILITIES.map((p, index) => [p, quantiles[index]]))(
      'inverse(%s) agrees with a 50-digit reference to 1e-13',
      (p, expected) => {
        expectRelativelyClose(incompleteBeta.inverse(p), expected, 1e-13);
      },
    );

    it('lower and upper add up to one and lower inverts inverse', () => {
      for (const p of PROBABILITIES) {
        const x = incompleteBeta.inverse(p);
        expect(Math.abs(incompleteBeta.lower(x) - p)).toBeLessThanOrEqual(1e-14);
        expect(Math.abs(incompleteBeta.lower(x) + incompleteBeta.upper(x) - 1)).toBeLessThanOrEqual(1e-15);
      }
    });
  });

  it('returns 0 and 1 at the ends', () => {
    const incompleteBeta = new IncompleteBeta(2, 3);
    expect(incompleteBeta.inverse(0)).toBe(0);
    expect(incompleteBeta.inverse(1)).toBe(1);
  });
});

describe('beta distribution', () => {
  const cases = [
    { alpha: 2, beta: 5, min: 0, max: 1 },
    { alpha: 0.5, beta: 0.5, min: 10, max: 20 },
    { alpha: 0.7, beta: 2.5, min: -1, max: 3 },
  ];

  describe.each(cases)('Beta($alpha, $beta) on [$min, $max]', ({ alpha, beta, min, max }) => {
    const distribution = compileBeta({ type: 'beta', alpha, beta, min, max });
    const width = max - min;

    it.each(REFERENCE_PROBABILITIES)('quantile(%s) matches jStat within its own accuracy', (p) => {
      expectRelativelyClose(distribution.quantile(p), min + width * jStat.beta.inv(p, alpha, beta), JSTAT_BETA_TOLERANCE);
    });

    it('has mean min + w·α/(α + β) and variance w²·αβ/((α + β)²(α + β + 1))', () => {
      expectRelativelyClose(distribution.mean, min + (width * alpha) / (alpha + beta), 1e-15);
      const variance = (width ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
      expectRelativelyClose(distribution.variance, variance, 1e-15);
    });

    it('returns min and max exactly at u = 0 and u = 1', () => {
      expect(distribution.quantile(0)).toBe(min);
      expect(distribution.quantile(1)).toBe(max);
    });

    it('cdf inverts the quantile', () => {
      // Rounding x = min + w·y to a double moves the cdf by up to density·ulp(x): about 4e-14 for
      // Beta(½, ½) on [10, 20] at u = 0.001, where the density is 20 and ulp(x) is 1.8e-15.
      expectCdfToInvertQuantile(distribution, 1e-13);
    });

    it('sample moments of 200,000 draws lie within 5 standard errors', () => {
      expectSampleMomentsToMatch(distribution, 99);
    });
  });
});

describe('beta quantile at the ends of the accepted shape range (MIN_BETA_SHAPE, MAX_BETA_SHAPE)', () => {
  // Closed forms: Beta(a, 1) has CDF x^a, so its quantile is p^(1/a); Beta(1, b) has CDF
  // 1 − (1 − x)^b, so its quantile is 1 − (1 − p)^(1/b) = −expm1(log1p(−p)/b) (no cancellation).
  const probabilities = [1e-9, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999];
  it.each([0.05, 100_000])('Beta(a, 1) and Beta(1, a) for a = %s match their closed forms to 2e-10 relative', (shape) => {
    const lowerShape = new IncompleteBeta(shape, 1);
    const upperShape = new IncompleteBeta(1, shape);
    for (const p of probabilities) {
      // Measured worst: 1.1e-10 relative at Beta(1, 1e5) (the error grows with the shape: 1.4e-11 at 1e4,
      // 1.9e-13 at 1e3); Beta(0.05, 1) to 6e-14.
      expectRelativelyClose(lowerShape.inverse(p), Math.pow(p, 1 / shape), 2e-10);
      expectRelativelyClose(upperShape.inverse(p), -Math.expm1(Math.log1p(-p) / shape), 2e-10);
    }
  });

  it('Beta(1e5, 1e5) is symmetric about its median ½ (to 1e-11; its sd is 1.1e-3)', () => {
    // The median of a symmetric beta is exactly ½; measured error 8.9e-13 at a = b = 1e5.
    const symmetric = new IncompleteBeta(100_000, 100_000);
    expect(Math.abs(symmetric.inverse(0.5) - 0.5)).toBeLessThanOrEqual(1e-11);
    for (const p of [0.001, 0.1, 0.3]) {
      expect(Math.abs(symmetric.inverse(p) + symmetric.inverse(1 - p) - 1)).toBeLessThanOrEqual(1e-11);
    }
  });
});

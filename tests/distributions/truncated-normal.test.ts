import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { compileTruncatedNormal } from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

/** The inverse-CDF transform written with jStat's normal: Φ⁻¹(Φ(a) + u(Φ(b) − Φ(a))). */
function jStatTruncatedQuantile(u: number, mean: number, sd: number, min: number, max: number): number {
  const below = jStat.normal.cdf(min, mean, sd);
  const kept = jStat.normal.cdf(max, mean, sd) - below;
  return jStat.normal.inv(below + u * kept, mean, sd);
}

/**
 * Closed-form moments (Johnson, Kotz & Balakrishnan §13.10) with a = (min − μ)/σ, b = (max − μ)/σ,
 * Z = Φ(b) − Φ(a): mean μ + σ(φ(a) − φ(b))/Z, variance σ²[1 + (aφ(a) − bφ(b))/Z − ((φ(a) − φ(b))/Z)²].
 */
function closedFormMoments(mean: number, sd: number, min: number, max: number) {
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  const density = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
  const kept = jStat.normal.cdf(b, 0, 1) - jStat.normal.cdf(a, 0, 1);
  const shift = (density(a) - density(b)) / kept;
  return {
    mean: mean + sd * shift,
    variance: sd * sd * (1 + (a * density(a) - b * density(b)) / kept - shift * shift),
  };
}

describe('truncated normal distribution', () => {
  const moderate = [
    { name: 'a rate cut to [0, 1]', mean: 0.3, sd: 0.1, min: 0, max: 1 },
    { name: 'an interval straddling the mean', mean: 5, sd: 3, min: 0, max: 100 },
    { name: 'an interval above the mean', mean: 10, sd: 2, min: 11, max: 30 },
    { name: 'an interval below the mean', mean: 10, sd: 2, min: 2, max: 9 },
  ];

  describe.each(moderate)('$name: N($mean, $sd) on [$min, $max]', ({ mean, sd, min, max }) => {
    const distribution = compileTruncatedNormal({ type: 'truncatedNormal', mean, sd, min, max });

    it.each(REFERENCE_PROBABILITIES)('quantile(%s) matches the transform with jStat to 1e-12', (p) => {
      expectRelativelyClose(distribution.quantile(p), jStatTruncatedQuantile(p, mean, sd, min, max), 1e-12);
    });

    it('mean and variance match the closed forms', () => {
      const expected = closedFormMoments(mean, sd, min, max);
      expectRelativelyClose(distribution.mean, expected.mean, 1e-13);
      expectRelativelyClose(distribution.variance, expected.variance, 1e-12);
    });

    it('returns min and max exactly at u = 0 and u = 1', () => {
      expect(distribution.quantile(0)).toBe(min);
      expect(distribution.quantile(1)).toBe(max);
    });

    it('cdf inverts the quantile', () => {
      expectCdfToInvertQuantile(distribution, 1e-14);
    });

    it('sample moments of 200,000 draws lie within 5 standard errors', () => {
      expectSampleMomentsToMatch(distribution, 5);
    });
  });

  describe('far in a tail, where Φ(min) and Φ(max) are equal in double precision', () => {
    // Expected values: mpmath at 60 digits, with probabilities written as differences of Q = erfc(x/√2)/2.
    it('N(0, 1) on [40, 41]: quantiles, mean and variance', () => {
      const distribution = compileTruncatedNormal({ type: 'truncatedNormal', mean: 0, sd: 1, min: 40, max: 41 });
      expectRelativelyClose(distribution.quantile(0.001), 40.000024996896941, 1e-15);
      expectRelativelyClose(distribution.quantile(0.5), 40.017314126764651, 1e-15);
      expectRelativelyClose(distribution.quantile(0.999), 40.172215882479076, 1e-15);
      expectRelativelyClose(distribution.mean, 40.024968847207264, 1e-15);
      // The variance loses about a⁴·1e-16 ≈ 3e-10 to cancellation here (documented).
      expectRelativelyClose(distribution.variance, 0.00062266837859138626, 1e-9);
    });

    it('N(0, 1) on [−41, −40] mirrors [40, 41]', () => {
      const distribution = compileTruncatedNormal({ type: 'truncatedNormal', mean: 0, sd: 1, min: -41, max: -40 });
      expectRelativelyClose(distribution.quantile(0.001), -40.172215882479076, 1e-15);
      expectRelativelyClose(distribution.quantile(0.999), -40.000024996896941, 1e-15);
      expectRelativelyClose(distribution.mean, -40.024968847207264, 1e-15);
      // The density there is about 20, so the half-ulp (3.6e-15) rounding of x alone moves the cdf by 7e-14.
      expectRelativelyClose(distribution.cdf(-40.017314126764651), 0.5, 2e-13);
    });

    it('N(0, 1) on [100, 200], beyond where Q underflows', () => {
      const distribution = compileTruncatedNormal({ type: 'truncatedNormal', mean: 0, sd: 1, min: 100, max: 200 });
      expectRelativelyClose(distribution.quantile(0.001), 100.00001000400264, 1e-15);
      expectRelativelyClose(distribution.quantile(0.5), 100.00693053875243, 1e-15);
      expectRelativelyClose(distribution.quantile(0.999), 100.06904681455682, 1e-15);
      expectRelativelyClose(distribution.mean, 100.00999800099926, 1e-15);
      expectRelativelyClose(distribution.variance, 9.994004994826345e-5, 1e-7);
    });
  });

  it('never returns NaN and stays inside [min, max] on a fine grid of u, even for a tiny interval', () => {
    const distribution = compileTruncatedNormal({ type: 'truncatedNormal', mean: 0, sd: 1, min: -1e-9, max: 1e-9 });
    for (let index = 0; index <= 1000; index++) {
      const x = distribution.quantile(index / 1000);
      expect(x).toBeGreaterThanOrEqual(-1e-9);
      expect(x).toBeLessThanOrEqual(1e-9);
    }
  });
});

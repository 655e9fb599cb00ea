import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import {
  compileNormal,
  standardNormalCdf,
  standardNormalQuantile,
  standardNormalUpperQuantileFromLog,
  standardNormalUpperTail,
} from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

describe('standard normal quantile (AS 241)', () => {
  // Expected values: mpmath at 50 digits, solving Φ(z) = p by root finding on erfc.
  const highPrecision: Array<[number, number]> = [
    [1e-300, -37.047096299361199],
    [1e-100, -21.273453560965324],
    [1e-20, -9.2623400897984076],
    [1e-10, -6.3613409024040562],
    [0.025, -1.9599639845400542],
    [0.3, -0.52440051270804082],
    [0.975, 1.9599639845400539],
    [1 - 1e-10, 6.3613408896974219],
  ];

  it.each(highPrecision)('Φ⁻¹(%s) agrees with a 50-digit reference to 1e-15', (p, expected) => {
    expectRelativelyClose(standardNormalQuantile(p), expected, 1e-15);
  });

  it('is exactly 0 at one half', () => {
    expect(standardNormalQuantile(0.5)).toBe(0);
  });

  it('maps 0 and 1 to the quantiles at tail probability 1e-300 instead of infinities', () => {
    expect(standardNormalQuantile(0)).toBe(standardNormalQuantile(1e-300));
    expect(standardNormalQuantile(1)).toBe(-standardNormalQuantile(1e-300));
    expect(standardNormalQuantile(5e-324)).toBe(standardNormalQuantile(0));
  });

  it('inverts the log upper tail where the probability underflows', () => {
    // mpmath: the x with ln Q(x) = −1e4, and the x with ln Q(x) = ln 1e-20 (= −Φ⁻¹(1e-20)).
    expectRelativelyClose(standardNormalUpperQuantileFromLog(-1e4), 141.37983987312716, 1e-14);
    expectRelativelyClose(standardNormalUpperQuantileFromLog(Math.log(1e-20)), 9.2623400897984076, 1e-14);
  });
});

describe('standard normal CDF (Cody)', () => {
  // Expected values: mpmath at 60 digits, Φ(x) = erfc(−x/√2)/2.
  const highPrecision: Array<[number, number]> = [
    [-37, 5.7255712225245768e-300],
    [-10, 7.6198530241605261e-24],
    [-1.96, 0.024997895148220436],
    [0.5, 0.6914624612740131],
    [1.96, 0.97500210485177956],
  ];

  it.each(highPrecision)('Φ(%s) agrees with a 60-digit reference to 1e-15 relative', (x, expected) => {
    expectRelativelyClose(standardNormalCdf(x), expected, 1e-15);
  });

  it('keeps the relative precision of small upper tails', () => {
    // mpmath: Q(8) and Q(20), where 1 − Φ(x) in doubles would be 0 or all rounding.
    expectRelativelyClose(standardNormalUpperTail(8), 6.2209605742717841e-16, 1e-15);
    expectRelativelyClose(standardNormalUpperTail(20), 2.7536241186062337e-89, 1e-15);
  });
});

describe('normal distribution', () => {
  const spec = { type: 'normal' as const, mean: 100, sd: 15 };
  const normal = compileNormal(spec);

  it.each(REFERENCE_PROBABILITIES)('quantile(%s) matches jStat to 1e-13', (p) => {
    // jStat inverts its erfc with Halley steps; it agrees with mpmath to about 2e-15 at these probabilities.
    expectRelativelyClose(normal.quantile(p), jStat.normal.inv(p, spec.mean, spec.sd), 1e-13);
  });

  it('has the parameters as mean and sd² as variance', () => {
    expect(normal.mean).toBe(100);
    expect(normal.variance).toBe(225);
  });

  it('cdf inverts the quantile', () => {
    expectCdfToInvertQuantile(normal, 1e-15);
  });

  it('returns finite values at u = 0 and u = 1', () => {
    expect(normal.quantile(0)).toBeCloseTo(100 - 15 * 37.047096299361199, 10);
    expect(normal.quantile(1)).toBeCloseTo(100 + 15 * 37.047096299361199, 10);
  });

  it('sample moments of 200,000 draws lie within 5 standard errors', () => {
    expectSampleMomentsToMatch(normal, 20240601);
  });
});

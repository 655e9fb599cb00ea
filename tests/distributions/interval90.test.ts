import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { DistributionSchema, compileInterval90 } from '../../models/distributions/index.js';
import { expectRelativelyClose, expectSampleMomentsToMatch } from './checks.js';

/** Φ⁻¹(0.95) (mpmath); the 90% interval of a normal is mean ± this many sds. */
const Z95 = 1.6448536269514722;

describe('interval90 (a 90% interval: 5% below low, 5% above high)', () => {
  describe('normal shape', () => {
    const distribution = compileInterval90({ type: 'interval90', low: 10, high: 30, shape: 'normal' });
    // Fit: mean = (low + high)/2 = 20, sd = (high − low)/(2·Φ⁻¹(0.95)).
    const sd = 20 / (2 * Z95);

    it('puts low at the 5th and high at the 95th percentile', () => {
      expectRelativelyClose(distribution.quantile(0.05), 10, 1e-15);
      expectRelativelyClose(distribution.quantile(0.95), 30, 1e-15);
    });

    it('is the normal with mean (low + high)/2 and sd (high − low)/3.29', () => {
      expectRelativelyClose(distribution.mean, 20, 1e-15);
      expectRelativelyClose(distribution.variance, sd * sd, 1e-14);
      for (const p of [0.01, 0.3, 0.8]) expectRelativelyClose(distribution.quantile(p), jStat.normal.inv(p, 20, sd), 1e-13);
    });

    it('sample moments of 200,000 draws lie within 5 standard errors', () => {
      expectSampleMomentsToMatch(distribution, 21);
    });
  });

  describe('lognormal shape', () => {
    const distribution = compileInterval90({ type: 'interval90', low: 2, high: 50, shape: 'lognormal' });
    // Fit on the log scale: μ = (ln 2 + ln 50)/2 = ln 10, σ = (ln 50 − ln 2)/(2·Φ⁻¹(0.95)).
    const logMean = Math.log(10);
    const logSd = Math.log(25) / (2 * Z95);

    it('puts low at the 5th and high at the 95th percentile', () => {
      expectRelativelyClose(distribution.quantile(0.05), 2, 1e-14);
      expectRelativelyClose(distribution.quantile(0.95), 50, 1e-14);
    });

    it('has median √(low·high) and the lognormal mean e^{μ+σ²/2} and variance (e^{σ²} − 1)e^{2μ+σ²}', () => {
      expectRelativelyClose(distribution.quantile(0.5), 10, 1e-14);
      expectRelativelyClose(distribution.mean, Math.exp(logMean + logSd ** 2 / 2), 1e-14);
      expectRelativelyClose(distribution.variance, Math.expm1(logSd ** 2) * Math.exp(2 * logMean + logSd ** 2), 1e-14);
      for (const p of [0.01, 0.3, 0.8]) {
        expectRelativelyClose(distribution.quantile(p), jStat.lognormal.inv(p, logMean, logSd), 1e-13);
      }
    });

    it('sample moments of 200,000 draws lie within 5 standard errors', () => {
      expectSampleMomentsToMatch(distribution, 22);
    });
  });

  describe('uniform shape', () => {
    const distribution = compileInterval90({ type: 'interval90', low: 0, high: 90, shape: 'uniform' });

    it('puts low at the 5th and high at the 95th percentile of a uniform on [−5, 95]', () => {
      // Width (high − low)/0.9 = 100, reaching 5 beyond each end.
      // low is 0 here, so the check is absolute: within rounding of the width, 100·1e-15.
      expect(Math.abs(distribution.quantile(0.05))).toBeLessThanOrEqual(1e-13);
      expectRelativelyClose(distribution.quantile(0.95), 90, 1e-15);
      expect(distribution.quantile(0)).toBe(-5);
      expect(distribution.quantile(1)).toBe(95);
    });

    it('has mean 45 and variance 100²/12', () => {
      expectRelativelyClose(distribution.mean, 45, 1e-15);
      expectRelativelyClose(distribution.variance, 10_000 / 12, 1e-15);
    });
  });

  it('defaults to the normal shape through the schema', () => {
    expect(DistributionSchema.parse({ type: 'interval90', low: 1, high: 2 })).toMatchObject({ shape: 'normal' });
  });
});

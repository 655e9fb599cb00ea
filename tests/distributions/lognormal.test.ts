import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { compileLognormal, lognormalFromLogScale } from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

describe('lognormal distribution given by the mean and sd of the variable', () => {
  // A cost per participant: mean €50,000, sd €20,000.
  const spec = { type: 'lognormal' as const, mean: 50_000, sd: 20_000 };
  const lognormal = compileLognormal(spec);
  // Log-scale parameters: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
  const logVariance = Math.log(1 + (spec.sd / spec.mean) ** 2);
  const logMean = Math.log(spec.mean) - logVariance / 2;

  it.each(REFERENCE_PROBABILITIES)('quantile(%s) matches jStat with the log-scale parameters to 1e-13', (p) => {
    expectRelativelyClose(lognormal.quantile(p), jStat.lognormal.inv(p, logMean, Math.sqrt(logVariance)), 1e-13);
  });

  it('reproduces the given mean and sd exactly', () => {
    expect(lognormal.mean).toBe(50_000);
    expect(lognormal.variance).toBe(20_000 ** 2);
  });

  it('has median e^μ', () => {
    expectRelativelyClose(lognormal.quantile(0.5), Math.exp(logMean), 1e-15);
  });

  it('cdf inverts the quantile and is 0 at and below zero', () => {
    expectCdfToInvertQuantile(lognormal, 1e-15);
    expect(lognormal.cdf(0)).toBe(0);
    expect(lognormal.cdf(-5)).toBe(0);
  });

  it('returns finite positive values at u = 0 and u = 1', () => {
    expect(lognormal.quantile(0)).toBeGreaterThan(0);
    expect(Number.isFinite(lognormal.quantile(1))).toBe(true);
  });

  it('sample moments of 200,000 draws lie within 5 standard errors', () => {
    expectSampleMomentsToMatch(lognormal, 7);
  });

  it('built from log-scale parameters has mean e^{μ+σ²/2} and variance (e^{σ²} − 1)e^{2μ+σ²}', () => {
    const fromLogScale = lognormalFromLogScale(1, 0.5);
    expectRelativelyClose(fromLogScale.mean, Math.exp(1 + 0.125), 1e-15);
    expectRelativelyClose(fromLogScale.variance, (Math.exp(0.25) - 1) * Math.exp(2 + 0.25), 1e-14);
    expectRelativelyClose(fromLogScale.quantile(0.9), jStat.lognormal.inv(0.9, 1, 0.5), 1e-13);
  });
});

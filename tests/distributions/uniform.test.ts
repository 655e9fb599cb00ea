import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { compileUniform } from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

describe('uniform distribution', () => {
  const spec = { type: 'uniform' as const, min: 0.1, max: 0.7 };
  const uniform = compileUniform(spec);

  it.each(REFERENCE_PROBABILITIES)('quantile(%s) matches jStat to 1e-15', (p) => {
    expectRelativelyClose(uniform.quantile(p), jStat.uniform.inv(p, spec.min, spec.max), 1e-15);
  });

  it('returns min and max exactly at u = 0 and u = 1', () => {
    expect(uniform.quantile(0)).toBe(0.1);
    expect(uniform.quantile(1)).toBe(0.7);
  });

  it('has mean (min + max)/2 and variance (max − min)²/12', () => {
    expectRelativelyClose(uniform.mean, (0.1 + 0.7) / 2, 1e-15);
    expectRelativelyClose(uniform.variance, (0.7 - 0.1) ** 2 / 12, 1e-15);
  });

  it('cdf inverts the quantile and is 0 below min and 1 above max', () => {
    expectCdfToInvertQuantile(uniform, 1e-15);
    expect(uniform.cdf(0)).toBe(0);
    expect(uniform.cdf(1)).toBe(1);
  });

  it('sample moments of 200,000 draws lie within 5 standard errors', () => {
    expectSampleMomentsToMatch(uniform, 11);
  });
});

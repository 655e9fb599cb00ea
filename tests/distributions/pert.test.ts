import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { DistributionSchema, compilePert } from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

/** See beta.test.ts: jStat's incomplete beta is only good to about 1e-7. */
const JSTAT_BETA_TOLERANCE = 1e-6;

describe('PERT distribution', () => {
  // Months until a participant finds work: at least 0, most likely 3, at most 10.
  const pert = compilePert({ type: 'pert', min: 0, mode: 3, max: 10, lambda: 4 });
  // α = 1 + λ(mode − min)/(max − min) = 2.2, β = 1 + λ(max − mode)/(max − min) = 3.8.
  const alpha = 2.2;
  const beta = 3.8;

  it.each(REFERENCE_PROBABILITIES)('quantile(%s) is 10 × the Beta(2.2, 3.8) quantile from jStat', (p) => {
    expectRelativelyClose(pert.quantile(p), 10 * jStat.beta.inv(p, alpha, beta), JSTAT_BETA_TOLERANCE);
  });

  it('agrees with 50-digit Beta(2.2, 3.8) quantiles to 1e-13', () => {
    // mpmath 1.3 at 50 digits: x with I_x(2.2, 3.8) = p for p = 0.001, 0.1, 0.5, 0.9.
    const expected = [0.01503338675332437, 0.13619996256367143, 0.35099948494911802, 0.62075448566512015];
    [0.001, 0.1, 0.5, 0.9].forEach((p, index) => expectRelativelyClose(pert.quantile(p), 10 * expected[index], 1e-13));
  });

  it('has mean (min + λ·mode + max)/(λ + 2) and variance (mean − min)(max − mean)/(λ + 3)', () => {
    const mean = (0 + 4 * 3 + 10) / 6;
    expectRelativelyClose(pert.mean, mean, 1e-15);
    expectRelativelyClose(pert.variance, ((mean - 0) * (10 - mean)) / 7, 1e-14);
  });

  it('with the mode at min is Beta(1, 1 + λ), whose quantile is 1 − (1 − u)^{1/(1+λ)}', () => {
    const edge = compilePert({ type: 'pert', min: 0, mode: 0, max: 1, lambda: 4 });
    for (const u of REFERENCE_PROBABILITIES) expectRelativelyClose(edge.quantile(u), 1 - (1 - u) ** (1 / 5), 1e-13);
  });

  it('defaults lambda to 4 through the schema', () => {
    const parsed = DistributionSchema.parse({ type: 'pert', min: 0, mode: 3, max: 10 });
    expect(parsed).toMatchObject({ lambda: 4 });
  });

  it('returns min and max exactly at u = 0 and u = 1', () => {
    expect(pert.quantile(0)).toBe(0);
    expect(pert.quantile(1)).toBe(10);
  });

  it('cdf inverts the quantile', () => {
    expectCdfToInvertQuantile(pert, 1e-14);
  });

  it('sample moments of 200,000 draws lie within 5 standard errors', () => {
    expectSampleMomentsToMatch(pert, 4);
  });
});

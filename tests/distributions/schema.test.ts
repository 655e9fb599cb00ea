import { describe, expect, it } from 'vitest';
import { DistributionSchema, Uncertain } from '../../models/distributions/index.js';
import { MAX_BETA_SHAPE, MAX_PERT_LAMBDA, MIN_BETA_SHAPE } from '../../models/distributions/schema.js';

/** The paths of the issues zod reports for `input`, or [] when it parses. */
function issuePaths(input: unknown): Array<Array<PropertyKey>> {
  const result = DistributionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
}

describe('distribution schema refuses bad parameters and names the field', () => {
  it.each([
    ['uniform with min > max', { type: 'uniform', min: 2, max: 1 }, ['max']],
    ['uniform with min = max', { type: 'uniform', min: 1, max: 1 }, ['max']],
    ['triangular with min > max', { type: 'triangular', min: 5, mode: 4, max: 3 }, ['max']],
    ['triangular with the mode outside', { type: 'triangular', min: 0, mode: 5, max: 2 }, ['mode']],
    ['pert with min > max', { type: 'pert', min: 5, mode: 4, max: 3 }, ['max']],
    ['pert with a non-positive lambda', { type: 'pert', min: 0, mode: 1, max: 2, lambda: 0 }, ['lambda']],
    ['normal with a negative sd', { type: 'normal', mean: 0, sd: -1 }, ['sd']],
    ['normal with a zero sd', { type: 'normal', mean: 0, sd: 0 }, ['sd']],
    ['truncated normal with a negative sd', { type: 'truncatedNormal', mean: 0, sd: -1, min: 0, max: 1 }, ['sd']],
    ['truncated normal with min > max', { type: 'truncatedNormal', mean: 0, sd: 1, min: 1, max: 0 }, ['max']],
    ['lognormal with a negative sd', { type: 'lognormal', mean: 1, sd: -0.5 }, ['sd']],
    ['lognormal with a zero mean', { type: 'lognormal', mean: 0, sd: 1 }, ['mean']],
    ['beta with a negative alpha', { type: 'beta', alpha: -1, beta: 2 }, ['alpha']],
    ['beta with min > max', { type: 'beta', alpha: 1, beta: 2, min: 1, max: 0 }, ['max']],
    // Outside [MIN_BETA_SHAPE, MAX_BETA_SHAPE] the quantile is slow (1e300: ~23 ms a call) or wrong (1e-300: ~0.5 where the mean is ~0).
    ['beta with alpha 1e300', { type: 'beta', alpha: 1e300, beta: 1e300 }, ['alpha']],
    ['beta with beta 1e300', { type: 'beta', alpha: 1e300, beta: 1e300 }, ['beta']],
    ['beta with alpha 1e-300', { type: 'beta', alpha: 1e-300, beta: 1e300 }, ['alpha']],
    ['beta with alpha just above the range', { type: 'beta', alpha: 100_001, beta: 2 }, ['alpha']],
    ['beta with beta just below the range', { type: 'beta', alpha: 2, beta: 0.049 }, ['beta']],
    ['pert with a lambda that makes a beta shape above the range', { type: 'pert', min: 0, mode: 1, max: 2, lambda: 1e300 }, ['lambda']],
    ['discrete with probabilities summing to 1.1', { type: 'discrete', values: [1, 2], probabilities: [0.5, 0.6] }, ['probabilities']],
    ['discrete with a negative probability', { type: 'discrete', values: [1, 2], probabilities: [1.5, -0.5] }, ['probabilities', 1]],
    ['interval90 with high < low', { type: 'interval90', low: 3, high: 1 }, ['high']],
    ['lognormal interval90 with low = 0', { type: 'interval90', low: 0, high: 2, shape: 'lognormal' }, ['low']],
    ['lognormal interval90 with low < 0', { type: 'interval90', low: -1, high: 2, shape: 'lognormal' }, ['low']],
  ])('%s', (_name, input, path) => {
    expect(issuePaths(input)).toContainEqual(path);
  });

  it('refuses a discrete distribution with more values than probabilities', () => {
    expect(issuePaths({ type: 'discrete', values: [1, 2], probabilities: [1] })).toContainEqual(['probabilities']);
  });

  it('accepts beta shapes at both ends of the documented range and PERT at the largest lambda', () => {
    expect(issuePaths({ type: 'beta', alpha: MIN_BETA_SHAPE, beta: MAX_BETA_SHAPE })).toEqual([]);
    expect(issuePaths({ type: 'pert', min: 0, mode: 1, max: 2, lambda: MAX_PERT_LAMBDA })).toEqual([]);
  });

  it('accepts a normal interval90 with low ≤ 0', () => {
    expect(issuePaths({ type: 'interval90', low: -1, high: 2 })).toEqual([]);
  });

  it('accepts plain finite numbers as uncertain values but not infinities', () => {
    expect(Uncertain.safeParse(3).success).toBe(true);
    expect(Uncertain.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
  });
});

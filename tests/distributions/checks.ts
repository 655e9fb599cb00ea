import { expect } from 'vitest';
import type { CompiledDistribution } from '../../models/distributions/index.js';
import { createRng } from '../../models/random/index.js';

/** Probabilities at which quantiles are compared with a reference. */
export const REFERENCE_PROBABILITIES = [0.001, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999];

/** Sample size for moment checks: large enough for 5-standard-error bounds to be tight, small enough to run in ~0.1 s. */
export const SAMPLE_SIZE = 200_000;
/** How many standard errors a sample moment may stray: a false alarm is a 1-in-1.7-million event. */
export const STANDARD_ERRORS_ALLOWED = 5;

/** |actual − expected| ≤ tolerance·|expected| (or ≤ tolerance when expected is 0). */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  expect(Math.abs(actual - expected) / scale, `actual ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance);
}

export interface SampleMoments {
  mean: number;
  variance: number;
  /** Standard error of the sample mean: √(m₂/N). */
  meanStandardError: number;
  /** Standard error of the sample variance, √((m₄ − m₂²)/N) (its large-sample form). */
  varianceStandardError: number;
}

/** Moments of `count` draws quantile(u), u from createRng(seed), with their standard errors. */
export function sampleMoments(distribution: CompiledDistribution, seed: number, count = SAMPLE_SIZE): SampleMoments {
  const rng = createRng(seed);
  const draws = new Float64Array(count);
  let sum = 0;
  for (let index = 0; index < count; index++) {
    draws[index] = distribution.quantile(rng.nextDouble());
    sum += draws[index];
  }
  const mean = sum / count;
  let secondMoment = 0;
  let fourthMoment = 0;
  for (let index = 0; index < count; index++) {
    const squared = (draws[index] - mean) ** 2;
    secondMoment += squared;
    fourthMoment += squared * squared;
  }
  secondMoment /= count;
  fourthMoment /= count;
  return {
    mean,
    variance: (secondMoment * count) / (count - 1),
    meanStandardError: Math.sqrt(secondMoment / count),
    varianceStandardError: Math.sqrt((fourthMoment - secondMoment * secondMoment) / count),
  };
}

/** The sample mean and variance of draws lie within STANDARD_ERRORS_ALLOWED standard errors of the distribution's own. */
export function expectSampleMomentsToMatch(distribution: CompiledDistribution, seed: number): void {
  const sample = sampleMoments(distribution, seed);
  expect(Math.abs(sample.mean - distribution.mean), 'sample mean').toBeLessThanOrEqual(
    STANDARD_ERRORS_ALLOWED * sample.meanStandardError,
  );
  expect(Math.abs(sample.variance - distribution.variance), 'sample variance').toBeLessThanOrEqual(
    STANDARD_ERRORS_ALLOWED * sample.varianceStandardError,
  );
}

/** cdf(quantile(u)) = u for each u, within an absolute tolerance. */
export function expectCdfToInvertQuantile(distribution: CompiledDistribution, tolerance: number): void {
  for (const u of REFERENCE_PROBABILITIES) {
    expect(Math.abs(distribution.cdf(distribution.quantile(u)) - u), `at u = ${u}`).toBeLessThanOrEqual(tolerance);
  }
}

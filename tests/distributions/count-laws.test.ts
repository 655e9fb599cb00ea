import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import {
  DistributionSchema,
  MAX_COUNT_TABLE_LENGTH,
  compileBernoulli,
  compileBinomial,
  compileDistribution,
  compileNegativeBinomial,
  compilePoisson,
  type CompiledDistribution,
  type Distribution,
} from '../../models/distributions/index.js';
import { expectRelativelyClose, expectSampleMomentsToMatch } from './checks.js';

/** Probabilities at which quantiles are checked: both tails, including the generators' extremes. */
const QUANTILE_PROBABILITIES = [2 ** -54, 1e-9, 0.001, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999, 1 - 2 ** -53];

/**
 * The quantile is the smallest count whose reference CDF reaches u: F(q − 1) < u ≤ F(q), within
 * the reference's own accuracy.
 */
function expectQuantilesToInvert(distribution: CompiledDistribution, referenceCdf: (k: number) => number, tolerance: number): void {
  for (const u of QUANTILE_PROBABILITIES) {
    const q = distribution.quantile(u);
    expect(Number.isInteger(q), `quantile(${u}) = ${q}`).toBe(true);
    expect(referenceCdf(q), `F(q) at u = ${u}`).toBeGreaterThanOrEqual(u - tolerance);
    expect(referenceCdf(q - 1), `F(q − 1) at u = ${u}`).toBeLessThan(u + tolerance);
  }
}

/** The table's own mean and variance Σ k·p(k), from its CDF steps, against the closed forms. */
function expectTableMomentsToMatch(distribution: CompiledDistribution, low: number, high: number, tolerance: number): void {
  let mean = 0;
  let second = 0;
  for (let k = low; k <= high; k++) {
    const mass = distribution.cdf(k) - distribution.cdf(k - 1);
    mean += k * mass;
    second += k * k * mass;
  }
  expectRelativelyClose(mean, distribution.mean, tolerance);
  expectRelativelyClose(second - mean * mean, distribution.variance, tolerance * 100);
}

describe('binomial distribution', () => {
  // jStat's binomial CDF is rounded to 1e-10 (jstat 1.9.6, binomial.cdf), so it is compared at that accuracy.
  const cases = [
    { trials: 20, probability: 0.3 },
    { trials: 1000, probability: 0.02 },
    { trials: 500, probability: 0.7 },
    { trials: 1, probability: 0.5 },
  ];
  for (const { trials, probability } of cases) {
    const binomial = compileBinomial({ type: 'binomial', trials, probability });
    it(`Binomial(${trials}, ${probability}): CDF and quantiles agree with jStat`, () => {
      for (let k = 0; k <= Math.min(trials, 200); k++)
        expect(Math.abs(binomial.cdf(k) - jStat.binomial.cdf(k, trials, probability)), `k = ${k}`).toBeLessThanOrEqual(2e-10);
      expectQuantilesToInvert(binomial, (k) => jStat.binomial.cdf(k, trials, probability), 2e-10);
    });
    it(`Binomial(${trials}, ${probability}): mean n·p and variance n·p·(1 − p), in the table and in draws`, () => {
      expect(binomial.mean).toBe(trials * probability);
      expect(binomial.variance).toBe(trials * probability * (1 - probability));
      expectTableMomentsToMatch(binomial, 0, trials, 1e-13);
      expectSampleMomentsToMatch(binomial, 7);
    });
  }

  it('Binomial(1e8, 0.05) matches scipy 1.17.1 binom.cdf and ppf', () => {
    const binomial = compileBinomial({ type: 'binomial', trials: 1e8, probability: 0.05 });
    const scipy: Array<[number, number]> = [
      [4_995_000, 0.010888892302580206],
      [4_999_000, 0.3232795002600465],
      [5_000_000, 0.5001189807238349],
      [5_003_000, 0.915691647924332],
    ];
    for (const [k, expected] of scipy) expect(Math.abs(binomial.cdf(k) - expected)).toBeLessThanOrEqual(1e-11);
    expect([1e-9, 0.5, 1 - 1e-9].map((u) => binomial.quantile(u))).toEqual([4_986_933, 5_000_000, 5_013_077]);
  });

  it('p = 0 gives always 0 and p = 1 always n', () => {
    const never = compileBinomial({ type: 'binomial', trials: 12, probability: 0 });
    const always = compileBinomial({ type: 'binomial', trials: 12, probability: 1 });
    for (const u of QUANTILE_PROBABILITIES) {
      expect(never.quantile(u)).toBe(0);
      expect(always.quantile(u)).toBe(12);
    }
  });
});

describe('Bernoulli distribution', () => {
  it('is 1 exactly when u > 1 − p, with mean p and variance p(1 − p)', () => {
    const bernoulli = compileBernoulli({ type: 'bernoulli', probability: 0.25 });
    expect(bernoulli.quantile(0.75)).toBe(0);
    expect(bernoulli.quantile(0.7500001)).toBe(1);
    expect(bernoulli.mean).toBe(0.25);
    expect(bernoulli.variance).toBe(0.1875);
  });
});

describe('Poisson distribution', () => {
  // jStat's Poisson pmf is λ^k·e^−λ/k!, which overflows beyond k = 170: compared up to k = 140 and λ = 42.5 (whose quantile at 1 − 2^-53 is still below 170).
  for (const mean of [0.5, 3, 42.5]) {
    const poisson = compilePoisson({ type: 'poisson', mean });
    it(`Poisson(${mean}): CDF and quantiles agree with jStat`, () => {
      for (let k = 0; k <= 140; k++)
        expect(Math.abs(poisson.cdf(k) - jStat.poisson.cdf(k, mean)), `k = ${k}`).toBeLessThanOrEqual(1e-12);
      expectQuantilesToInvert(poisson, (k) => jStat.poisson.cdf(k, mean), 1e-12);
    });
    it(`Poisson(${mean}): mean and variance λ, in the table and in draws`, () => {
      expect(poisson.mean).toBe(mean);
      expect(poisson.variance).toBe(mean);
      expectTableMomentsToMatch(poisson, 0, 400, 1e-13);
      expectSampleMomentsToMatch(poisson, 11);
    });
  }

  it('Poisson(1e6) matches scipy 1.17.1 poisson.cdf and ppf', () => {
    const poisson = compilePoisson({ type: 'poisson', mean: 1e6 });
    const scipy: Array<[number, number]> = [
      [997_000, 0.0013462037182411075],
      [999_000, 0.15877629981172567],
      [1_000_000, 0.5002659614862837],
      [1_001_500, 0.9332305590207578],
      [1_004_000, 0.9999680605179618],
    ];
    for (const [k, expected] of scipy) expect(Math.abs(poisson.cdf(k) - expected)).toBeLessThanOrEqual(1e-11);
    // scipy poisson.ppf([1e-9, 0.5, 1 − 1e-9], 1e6)
    expect([1e-9, 0.5, 1 - 1e-9].map((u) => poisson.quantile(u))).toEqual([994_008, 1_000_000, 1_006_004]);
  });
});

describe('negative binomial distribution', () => {
  for (const { successes, probability } of [
    { successes: 1, probability: 0.3 },
    { successes: 4, probability: 0.5 },
    { successes: 10, probability: 0.15 },
  ]) {
    const law = compileNegativeBinomial({ type: 'negativeBinomial', successes, probability });
    it(`NegativeBinomial(${successes}, ${probability}): CDF and quantiles agree with jStat (failures before the r-th success)`, () => {
      for (let k = 0; k <= 150; k++)
        expect(Math.abs(law.cdf(k) - jStat.negbin.cdf(k, successes, probability)), `k = ${k}`).toBeLessThanOrEqual(1e-12);
      expectQuantilesToInvert(law, (k) => jStat.negbin.cdf(k, successes, probability), 1e-12);
    });
    it(`NegativeBinomial(${successes}, ${probability}): mean r(1 − p)/p, variance r(1 − p)/p², in the table and in draws`, () => {
      expectRelativelyClose(law.mean, (successes * (1 - probability)) / probability, 1e-15);
      expectRelativelyClose(law.variance, (successes * (1 - probability)) / probability ** 2, 1e-15);
      expectTableMomentsToMatch(law, 0, 2000, 1e-13);
      expectSampleMomentsToMatch(law, 13);
    });
  }

  it('non-whole r (Poisson-gamma mixture) matches scipy 1.17.1 nbinom.cdf, also with r < 1', () => {
    const wide = compileNegativeBinomial({ type: 'negativeBinomial', successes: 2.5, probability: 0.01 });
    for (const [k, expected] of [
      [10, 0.0013205426966547908],
      [100, 0.15714217621955762],
      [247, 0.5841212511985279],
      [600, 0.9664983991174059],
      [1500, 0.9999864451051721],
    ])
      expect(Math.abs(wide.cdf(k) - expected)).toBeLessThanOrEqual(1e-12);
    expect([0.001, 0.5, 0.999].map((u) => wide.quantile(u))).toEqual([9, 215, 1019]);
    const skewed = compileNegativeBinomial({ type: 'negativeBinomial', successes: 0.3, probability: 0.2 });
    for (const [k, expected] of [
      [0, 0.6170338627200097],
      [1, 0.765121989772812],
      [3, 0.8893580558283095],
      [10, 0.9862585744861142],
      [40, 0.9999923438186112],
    ])
      expect(Math.abs(skewed.cdf(k) - expected)).toBeLessThanOrEqual(1e-12);
  });
});

describe('counting laws in the distribution schema', () => {
  const parse = (value: unknown) => DistributionSchema.safeParse(value);

  it('refuse laws whose exact quantile would need more than MAX_COUNT_TABLE_LENGTH counts, naming the field', () => {
    const cases: Array<[unknown, string]> = [
      [{ type: 'poisson', mean: 1e9 }, 'mean'],
      [{ type: 'binomial', trials: 1e15, probability: 0.5 }, 'trials'],
      [{ type: 'negativeBinomial', successes: 1, probability: 1e-6 }, 'probability'],
    ];
    for (const [value, field] of cases) {
      const result = parse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].path).toEqual([field]);
      expect(result.error?.issues[0].message).toContain(String(MAX_COUNT_TABLE_LENGTH));
    }
  });

  it('refuse a fractional number of trials and a probability outside [0, 1]', () => {
    expect(parse({ type: 'binomial', trials: 2.5, probability: 0.5 }).success).toBe(false);
    expect(parse({ type: 'bernoulli', probability: 1.5 }).success).toBe(false);
    expect(parse({ type: 'negativeBinomial', successes: 1, probability: 0 }).success).toBe(false);
  });

  it('accept the widest documented laws (Poisson mean 1e7, binomial n = 1e15 with n·p = 1e6, geometric with p = 0.001) and compile them', () => {
    for (const value of [
      { type: 'poisson', mean: 1e7 },
      { type: 'binomial', trials: 1e15, probability: 1e-9 },
      { type: 'negativeBinomial', successes: 1, probability: 0.001 },
    ]) {
      const parsed = parse(value);
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      const compiled = compileDistribution(parsed.data as Distribution);
      const median = compiled.quantile(0.5);
      expect(compiled.cdf(median)).toBeGreaterThanOrEqual(0.5);
      expect(compiled.cdf(median - 1)).toBeLessThan(0.5);
    }
  });
});

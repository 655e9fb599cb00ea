import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { DistributionSchema, compileInterval90, fitInterval90 } from '../../models/distributions/index.js';
import { InputSlots } from '../../models/simulation/input-slots.js';
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

  describe('rates and shares: beta and logit-normal shapes', () => {
    const intervals: Array<[number, number]> = [
      [0.02, 0.08],
      [0.1, 0.9],
      [0.001, 0.002],
      [0.3, 0.31],
      [0.5, 0.99],
      [1e-6, 0.5],
      [0.001, 0.999],
    ];

    for (const shape of ['beta', 'logitNormal'] as const) {
      it(`${shape}: every fit reproduces its interval to 1e-9 and reports its parameters`, () => {
        for (const [low, high] of intervals) {
          const parsed = DistributionSchema.parse({ type: 'interval90', low, high, shape });
          if (parsed.type !== 'interval90') throw new Error('parsed to another type');
          const fit = fitInterval90(parsed);
          expect(fit.family).toBe(shape);
          expect(Math.abs(fit.distribution.quantile(0.05) - low), `[${low}, ${high}] low`).toBeLessThanOrEqual(1e-9 * low);
          expect(Math.abs(fit.distribution.quantile(0.95) - high), `[${low}, ${high}] high`).toBeLessThanOrEqual(1e-9 * high);
          expect(Math.abs(fit.distribution.cdf(low) - 0.05)).toBeLessThanOrEqual(1e-11);
          expect(Math.abs(fit.distribution.cdf(high) - 0.95)).toBeLessThanOrEqual(1e-11);
          expect(fit.distribution.quantile(0)).toBeGreaterThanOrEqual(0);
          expect(fit.distribution.quantile(1)).toBeLessThanOrEqual(1);
        }
      });
    }

    it('beta: finds the shapes scipy 1.17.1 finds (fsolve on beta.cdf, xtol 1e-14)', () => {
      const scipy: Array<[number, number, number, number]> = [
        [0.02, 0.08, 5.8012484, 120.50178854],
        [0.5, 0.99, 4.19093289, 0.94463462],
        [0.001, 0.002, 22.91739035, 15632.35198956],
        [1e-6, 0.5, 0.23188231, 1.99497238],
      ];
      for (const [low, high, alpha, beta] of scipy) {
        const fit = fitInterval90({ type: 'interval90', low, high, shape: 'beta' });
        expectRelativelyClose(fit.parameters.alpha, alpha, 1e-7);
        expectRelativelyClose(fit.parameters.beta, beta, 1e-7);
        // Beta moments: mean α/(α + β).
        expectRelativelyClose(fit.distribution.mean, alpha / (alpha + beta), 1e-7);
      }
    });

    it('beta: jStat agrees that low and high are the 5th and 95th percentiles (to its 1e-6)', () => {
      const fit = fitInterval90({ type: 'interval90', low: 0.02, high: 0.08, shape: 'beta' });
      expect(Math.abs(jStat.beta.cdf(0.02, fit.parameters.alpha, fit.parameters.beta) - 0.05)).toBeLessThan(1e-6);
      expect(Math.abs(jStat.beta.cdf(0.08, fit.parameters.alpha, fit.parameters.beta) - 0.95)).toBeLessThan(1e-6);
    });

    it('logitNormal: the logit of X is Normal(μ, σ) with μ, σ from the logits of low and high', () => {
      const fit = fitInterval90({ type: 'interval90', low: 0.02, high: 0.08, shape: 'logitNormal' });
      const logit = (x: number) => Math.log(x / (1 - x));
      expectRelativelyClose(fit.parameters.logitMean, (logit(0.02) + logit(0.08)) / 2, 1e-14);
      expectRelativelyClose(fit.parameters.logitSd, (logit(0.08) - logit(0.02)) / (2 * Z95), 1e-14);
      for (const p of [0.01, 0.3, 0.8]) {
        const expected = 1 / (1 + Math.exp(-jStat.normal.inv(p, fit.parameters.logitMean, fit.parameters.logitSd)));
        expectRelativelyClose(fit.distribution.quantile(p), expected, 1e-13);
      }
    });

    it('logitNormal: mean and variance by quadrature agree with a midpoint rule over 1,000,000 quantiles, and with draws', () => {
      const distribution = compileInterval90({ type: 'interval90', low: 0.05, high: 0.6, shape: 'logitNormal' });
      const points = 1_000_000;
      let first = 0;
      let second = 0;
      for (let i = 0; i < points; i++) {
        const x = distribution.quantile((i + 0.5) / points);
        first += x / points;
        second += (x * x) / points;
      }
      // The midpoint rule in u converges like 1/points² in the body and slower in the tails: 1e-6 relative is what it can promise.
      expectRelativelyClose(distribution.mean, first, 1e-6);
      expectRelativelyClose(distribution.variance, second - first * first, 1e-5);
      expectSampleMomentsToMatch(distribution, 23);
    });

    it('refuses only what cannot fit, saying why and naming the field', () => {
      const refusal = (value: unknown) => {
        const result = DistributionSchema.safeParse(value);
        expect(result.success).toBe(false);
        return result.error!.issues[0];
      };
      expect(refusal({ type: 'interval90', low: 0, high: 0.5, shape: 'beta' }).path).toEqual(['low']);
      expect(refusal({ type: 'interval90', low: 0.2, high: 1, shape: 'logitNormal' }).path).toEqual(['high']);
      const narrow = refusal({ type: 'interval90', low: 0.499, high: 0.501, shape: 'beta' });
      expect(narrow.path).toEqual(['shape']);
      expect(narrow.message).toContain('100000');
      expect(narrow.message).toContain('logitNormal');
      // The same interval as a logit-normal fits.
      expect(DistributionSchema.safeParse({ type: 'interval90', low: 0.499, high: 0.501, shape: 'logitNormal' }).success).toBe(true);
    });
  });

  describe('as a model input', () => {
    const check = (value: unknown, constraint: 'probability' | 'nonNegative') => {
      const slots = new InputSlots();
      slots.add(DistributionSchema.parse(value), ['rate'], constraint);
      return slots.problems;
    };

    it('a rate accepts a beta or logit-normal interval and refuses a normal one, naming the shapes that fit', () => {
      expect(check({ type: 'interval90', low: 0.02, high: 0.08, shape: 'beta' }, 'probability')).toEqual([]);
      expect(check({ type: 'interval90', low: 0.02, high: 0.08, shape: 'logitNormal' }, 'probability')).toEqual([]);
      const problems = check({ type: 'interval90', low: 0.02, high: 0.08 }, 'probability');
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toContain("'beta' or 'logitNormal'");
    });

    it('an amount accepts a uniform interval that stays non-negative and refuses one that reaches below 0', () => {
      // Uniform fit of [10, 100] reaches 5 beyond each end: [5, 105].
      expect(check({ type: 'interval90', low: 10, high: 100, shape: 'uniform' }, 'nonNegative')).toEqual([]);
      expect(check({ type: 'interval90', low: 1, high: 100, shape: 'uniform' }, 'nonNegative')[0].message).toContain('-4.5');
    });
  });
});

import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { InferenceSettingsSchema, reforecastContract } from '../../models/reforecast/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/settings.js';
import { conjugateActuals, conjugateContract, conjugateCounts } from './reforecast-fixtures.js';

/**
 * Beta prior, binomial monthly job starts given the persons waiting: the posterior is
 * Beta(alpha + starts, beta + non-starts) exactly (conjugacy). The importance-resampled
 * posterior must match its mean and 5% / 95% quantiles within Monte Carlo error. The expected
 * values are the closed form, computed with jStat's Beta mean and inverse CDF.
 *
 * Monte Carlo error of a weighted estimate is about that of ESS independent draws: the mean's
 * standard error is sd / sqrt(ESS); a quantile's is sqrt(q (1 - q)) / (density at it x sqrt(ESS)).
 * The tolerance is 4 such standard errors (a false failure about 1 in 15,000 per check); the
 * prior is 20 times wider than the posterior, so a method that ignored the data would miss by
 * far more.
 */
/** The Beta density as the slope of jStat's CDF (central difference; its error is far below the tolerance). */
const betaDensity = (x: number, a: number, b: number) => (jStat.beta.cdf(x + 1e-6, a, b) - jStat.beta.cdf(x - 1e-6, a, b)) / 2e-6;

describe('conjugate Beta-binomial job-entry rate', () => {
  const alpha = 2;
  const beta = 38;
  const iterations = 20_000;
  const result = reforecastContract(
    conjugateContract(alpha, beta),
    conjugateActuals(),
    SimulationSettingsSchema.parse({ iterations, seed: 20261206 }),
    InferenceSettingsSchema.parse({ planPathDraws: 10 }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const reforecast = result.value;
  const updated = reforecast.updatedInputs.find((u) => u.path === 'profiles[0].programme.monthlyJobEntryRate')!;
  const { starts, nonStarts } = conjugateCounts();
  const a = alpha + starts;
  const b = beta + nonStarts;
  const ess = reforecast.inference.effectiveSampleSize;
  const exactSd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));

  it('weights the prior draws by the binomial likelihood and reports the effective sample size', () => {
    expect(reforecast.inference.method).toBe('importanceResampling');
    expect(ess).toBeGreaterThan(500);
    expect(ess).toBeLessThan(iterations);
  });

  it('matches the closed-form posterior mean within Monte Carlo error', () => {
    expect(Math.abs(updated.posterior.mean - a / (a + b))).toBeLessThan((4 * exactSd) / Math.sqrt(ess));
    expect(Math.abs(updated.posterior.sd - exactSd) / exactSd).toBeLessThan(4 / Math.sqrt(2 * ess) + 0.02);
  });

  it.each([0.05, 0.95])('matches the closed-form %s quantile within Monte Carlo error', (q) => {
    const exact = jStat.beta.inv(q, a, b);
    const got = q === 0.05 ? updated.posterior.p5 : updated.posterior.p95;
    const standardError = Math.sqrt(q * (1 - q)) / (betaDensity(exact, a, b) * Math.sqrt(ess));
    expect(Math.abs(got - exact)).toBeLessThan(4 * standardError);
  });

  it('says how far the data moved the rate: in prior sds and as a narrower interval', () => {
    expect(updated.prior.mean).toBeCloseTo(alpha / (alpha + beta), 2);
    expect(updated.shiftInPriorSds).toBeCloseTo((updated.posterior.mean - updated.prior.mean) / updated.prior.sd, 12);
    expect(updated.intervalWidthRatio!).toBeLessThan(0.5);
  });

  it('says the counterfactual job-entry rate is not informed without a comparison group', () => {
    expect(reforecast.inference.counterfactualInformed).toBe(false);
    expect(reforecast.inference.notes.join(' ')).toMatch(/counterfactual .* not informed/);
  });
});

import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { standardNormalCdf, standardNormalQuantile } from '../../models/distributions/index.js';
import { conditionalFailureProbability } from '../../models/portfolio/index.js';
import {
  binomialProbabilities,
  compile,
  drawScalars,
  expectedScalars,
  loanPortfolio,
  moments,
  STANDARD_ERRORS,
} from './portfolio-fixtures.js';

/**
 * Shared regional risk: a one-factor Gaussian copula. Theory used below:
 * - Independent failures (rho = 0): the count among n enterprises that each fail with p is
 *   Binomial(n, p); over H years with a constant yearly chance h, p = 1 - (1 - h)^H.
 * - Vasicek's model (Vasicek 2002): two enterprises fail together with probability
 *   Phi2(c, c; rho), c = Phi^-1(p), so Var(N) = n p (1 - p) + n (n - 1) (Phi2(c, c; rho) - p^2), and
 *   losses of L each have variance L^2 Var(N). Phi2 is computed here with Plackett's identity
 *   Phi2(a, b; rho) = Phi(a) Phi(b) + integral over r from 0 to rho of phi2(a, b; r) dr (Plackett 1954),
 *   not with the factor representation the model uses.
 * Tolerances are derived from the sampling error: a chi-square test at significance 0.001, or
 * STANDARD_ERRORS standard errors of the estimate (of a mean, or of a sample variance).
 */
const DRAWS = 20_000;
/** More draws for independence: enough to see a 1% excess variance (what correlated hash outputs would cause) at 4 standard errors. */
const INDEPENDENCE_DRAWS = 100_000;
const SIGNIFICANCE = 0.001;

/** Phi2(c, c; rho) by Plackett's identity, Simpson's rule on the rho integral (the integrand is smooth for rho < 1). */
function bivariateNormalDiagonal(c: number, rho: number): number {
  const density = (r: number) => Math.exp((-c * c) / (1 + r)) / (2 * Math.PI * Math.sqrt(1 - r * r));
  const intervals = 2_000;
  const h = rho / intervals;
  let sum = density(0) + density(rho);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * density(i * h);
  return standardNormalCdf(c) ** 2 + (sum * h) / 3;
}

/** Pearson's statistic of integer counts against exact probabilities, bins pooled to an expected count of at least 5. */
function chiSquare(counts: Float64Array, probabilities: Float64Array): { statistic: number; degreesOfFreedom: number } {
  const n = counts.length;
  const binOf = new Int32Array(probabilities.length);
  const expected: number[] = [0];
  for (let k = 0; k < probabilities.length; k++) {
    if (expected[expected.length - 1] >= 5) expected.push(0);
    binOf[k] = expected.length - 1;
    expected[expected.length - 1] += probabilities[k] * n;
  }
  if (expected.length > 1 && expected[expected.length - 1] < 5) {
    const last = expected.length - 1;
    expected[last - 1] += expected.pop()!;
    for (let k = 0; k < binOf.length; k++) if (binOf[k] === last) binOf[k] = last - 1;
  }
  const observed = new Float64Array(expected.length);
  for (const count of counts) observed[binOf[count]]++;
  let statistic = 0;
  expected.forEach((e, bin) => (statistic += (observed[bin] - e) ** 2 / e));
  return { statistic, degreesOfFreedom: expected.length - 1 };
}

describe('regional factor (one-factor Gaussian copula)', () => {
  it.each([
    [1, 0.1],
    [5, 0.06],
  ])('without correlation, failures over %d year(s) follow Binomial(n, 1 - (1 - h)^H) with h = %d', (years, h) => {
    const n = 40;
    const model = compile(loanPortfolio({ count: n, failureRate: h, correlation: 0, horizonYears: years }));
    const { failures } = drawScalars(model, ['failures'], INDEPENDENCE_DRAWS, 11);
    const p = 1 - Math.pow(1 - h, years);
    const { statistic, degreesOfFreedom } = chiSquare(failures, binomialProbabilities(n, p));
    expect(statistic).toBeLessThan(jStat.chisquare.inv(1 - SIGNIFICANCE, degreesOfFreedom));
    const m = moments(failures);
    expect(Math.abs(m.mean - n * p)).toBeLessThan(STANDARD_ERRORS * m.standardError);
    expect(Math.abs(m.variance - n * p * (1 - p))).toBeLessThan(STANDARD_ERRORS * m.varianceStandardError);
  });

  it('draws independent luck for enterprises of different archetypes and years', () => {
    // Five archetypes of eight, three years, h = 5%, no correlation: Binomial(40, 1 - 0.95^3),
    // checked on mean and variance (counter-based draws must not correlate across streams).
    const enterprises = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      id,
      count: 8,
      business: { revenue: 1, costs: 0, ownCash: 1, resultVolatility: 0, otherFailureRate: 0.05 },
    }));
    const model = compile({
      name: 'streams',
      horizonYears: 3,
      fund: { investmentPeriodYears: 1, layers: [{ id: 'senior', provider: 'bank', kind: 'senior', amount: 0 }] },
      risk: { regionalCorrelation: 0 },
      enterprises,
    });
    const { failures } = drawScalars(model, ['failures'], INDEPENDENCE_DRAWS / 2, 31);
    const p = 1 - Math.pow(0.95, 3);
    const m = moments(failures);
    expect(Math.abs(m.mean - 40 * p)).toBeLessThan(STANDARD_ERRORS * m.standardError);
    expect(Math.abs(m.variance - 40 * p * (1 - p))).toBeLessThan(STANDARD_ERRORS * m.varianceStandardError);
  });

  it.each([0.1, 0.25, 0.5])('with correlation %d, the variance of losses is Vasicek\'s L^2 [n p(1-p) + n(n-1)(Phi2(c,c;rho) - p^2)]', (rho) => {
    const n = 40;
    const p = 0.1;
    const L = 100_000;
    const model = compile(loanPortfolio({ count: n, failureRate: p, correlation: rho, horizonYears: 1 }));
    const { loanLosses } = drawScalars(model, ['loanLosses'], DRAWS, 23);
    const c = standardNormalQuantile(p);
    const pairJoint = bivariateNormalDiagonal(c, rho);
    const theoretical = L * L * (n * p * (1 - p) + n * (n - 1) * (pairJoint - p * p));
    const m = moments(loanLosses);
    expect(Math.abs(m.variance - theoretical)).toBeLessThan(STANDARD_ERRORS * m.varianceStandardError);
    // The rise over independence is what theory says, and it is far beyond the sampling error.
    const independent = L * L * n * p * (1 - p);
    expect(m.variance - independent).toBeGreaterThan(STANDARD_ERRORS * m.varianceStandardError);
    // The mean loss does not move: each enterprise still fails with p.
    expect(Math.abs(m.mean - L * n * p)).toBeLessThan(STANDARD_ERRORS * m.standardError);
  });

  it('keeps every expected sum exact under correlation: drawn means match the expected evaluation', () => {
    // A multi-year portfolio whose failure chances come from the cash model (volatile results,
    // an annuity loan, outcome payments), with strongly correlated shocks.
    const model = compile({
      name: 'cash model',
      horizonYears: 8,
      fund: { investmentPeriodYears: 3, layers: [{ id: 'senior', provider: 'bank', kind: 'senior', amount: 3_000_000 }] },
      risk: { regionalCorrelation: 0.35 },
      enterprises: [
        {
          id: 'horeca',
          count: 12,
          intake: { perYear: 4 },
          business: { startupCosts: 150_000, ownCash: 10_000, revenue: 500_000, revenueGrowth: 0.03, costs: 470_000, resultVolatility: 0.08 },
          jobs: { positions: 6, extraCostPerWorkerYear: 4_000, rampUpYears: 1 },
          loan: { amount: 150_000, rate: 0.05, termYears: 5, graceYears: 1, recoveryRate: 0.2 },
          outcomeContract: { pricePerSustainedPlacement: 6_000 },
        },
      ],
    });
    const names = ['failures', 'loanLosses', 'portfolioInflows', 'workerYears', 'sustainedPlacements', 'outcomePayments', 'avoidedCostsAttributable'];
    const expected = expectedScalars(model);
    const drawn = drawScalars(model, names, DRAWS, 5);
    for (const name of names) {
      const m = moments(drawn[name]);
      expect(Math.abs(m.mean - expected[name]), name).toBeLessThan(STANDARD_ERRORS * m.standardError);
    }
    expect(expected.failures).toBeGreaterThan(1);
  });

  it('gives a conditional failure chance whose average over the regional factor is the unconditional one', () => {
    // E over z ~ N(0, 1) of Phi((Phi^-1(p) - sqrt(rho) z) / sqrt(1 - rho)) = p (Vasicek 2002), by the trapezoid rule on [-10, 10].
    for (const [p, rho] of [
      [0.02, 0.12],
      [0.1, 0.3],
      [0.4, 0.8],
    ]) {
      const step = 0.001;
      let integral = 0;
      for (let z = -10; z <= 10; z += step) integral += conditionalFailureProbability(p, rho, z) * Math.exp((-z * z) / 2) * step;
      expect(integral / Math.sqrt(2 * Math.PI)).toBeCloseTo(p, 9);
    }
  });
});

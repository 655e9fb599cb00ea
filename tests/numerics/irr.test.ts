import { describe, expect, it } from 'vitest';
import { annualIrr, irrObjective, monthlyIrr } from '../../models/numerics/irr.js';
import { yearlyIrr } from '../../models/portfolio/index.js';
import { PORTFOLIO_LIMITS } from '../../models/portfolio/limits.js';
import { CONTRACT_LIMITS } from '../../models/contract/limits.js';

/**
 * The IRR solver against closed forms: the rate is chosen first and the flows are built from it,
 * so the expected value is exact. A loan of P repaid by n level payments A has IRR r exactly where
 * A = P r / (1 - (1 + r)^-n); a single (bullet) repayment after n periods of P (1 + r)^n has IRR r.
 * The horizons are the longest the service accepts (240 months for a contract, 30 years for a
 * fund) and the 104 months from which the old search (discounting at -99.9% a month) overflowed.
 */
const P = 100_000;

function annuityFlows(rate: number, periods: number): Float64Array {
  const payment = (P * rate) / (1 - Math.pow(1 + rate, -periods));
  const flows = new Float64Array(periods + 1).fill(payment);
  flows[0] = -P;
  return flows;
}

function bulletFlows(rate: number, periods: number): Float64Array {
  const flows = new Float64Array(periods + 1);
  flows[0] = -P;
  flows[periods] = P * Math.pow(1 + rate, periods);
  return flows;
}

describe('IRR of monthly flows at every horizon a contract may have', () => {
  const horizons = [104, 120, CONTRACT_LIMITS.maxHorizonMonths];

  it.each(horizons)('recovers the monthly rate of a level-annuity loan over %i months to 1e-10', (months) => {
    for (const rate of [0.004, 0.0095, 0.02]) {
      const flows = annuityFlows(rate, months - 1);
      expect(Math.abs(monthlyIrr(flows) - rate)).toBeLessThan(1e-10);
      expect(Math.abs(annualIrr(flows) - (Math.pow(1 + rate, 12) - 1))).toBeLessThan(1e-10);
    }
  });

  it.each(horizons)('recovers the rate of a bullet repayment over %i months, gains and large losses alike', (months) => {
    // -0.5% a month is losing 45% over 120 months; -5% a month over 240 months leaves 0.0005% of
    // the money; -90% a month is all but total loss. Discounting those at -99.9% a month overflowed.
    for (const rate of [0.01, -0.005, -0.05, -0.9]) {
      const flows = bulletFlows(rate, months - 1);
      const irr = monthlyIrr(flows);
      expect(Math.abs(irr - rate)).toBeLessThan(1e-10);
    }
  });

  it('finds the rate of draws spread over years and repaid late, as an investor in a long SIB sees them', () => {
    // 1,000 drawn each month for 96 months, then everything repaid with 0.6% a month in month 239:
    // the IRR is 0.6% a month by construction.
    const rate = 0.006;
    const flows = new Float64Array(240);
    let owed = 0;
    for (let t = 0; t < 240; t++) {
      owed *= 1 + rate;
      if (t < 96) {
        flows[t] = -1_000;
        owed += 1_000;
      }
    }
    flows[239] += owed;
    expect(Math.abs(monthlyIrr(flows) - rate)).toBeLessThan(1e-10);
  });

  it('finds a near-total loss repaid early in a long horizon, where the trailing zeros would underflow', () => {
    // -100, then 1 a month later, then 238 months of nothing: 1 / (1 + m) = 100, m = -99% a month.
    // Valued at the last month, the early flows shrink by (1 + m)^238 and fall below the smallest
    // double for every rate under about -95% a month: the value is exactly 0 there, not a root.
    const flows = new Float64Array(240);
    flows[0] = -100;
    flows[1] = 1;
    expect(Math.abs(monthlyIrr(flows) - -0.99)).toBeLessThan(1e-10);
  });

  it('has no IRR when nothing comes back, and a finite objective at -99.9% a month over 240 months', () => {
    const flows = new Float64Array(240).fill(-1);
    expect(annualIrr(flows)).toBeNaN();
    const signChange = bulletFlows(0.01, 239);
    expect(Number.isFinite(irrObjective(signChange, 0, 240, -0.999))).toBe(true);
  });
});

describe('IRR of yearly flows at the longest fund horizon', () => {
  const years = PORTFOLIO_LIMITS.maxHorizonYears;

  it('recovers the yearly rate of an annuity and of a bullet over the longest fund horizon', () => {
    for (const rate of [0.03, 0.08]) expect(Math.abs(yearlyIrr(annuityFlows(rate, years)) - rate)).toBeLessThan(1e-10);
    // -60% a year over 30 years: a fund that lost nearly everything still has its IRR.
    for (const rate of [0.05, -0.2, -0.6]) expect(Math.abs(yearlyIrr(bulletFlows(rate, years)) - rate)).toBeLessThan(1e-10);
  });
});

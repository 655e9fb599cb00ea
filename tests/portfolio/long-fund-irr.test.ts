import { describe, expect, it } from 'vitest';
import type { PortfolioInput } from '../../models/portfolio/index.js';
import { PORTFOLIO_LIMITS } from '../../models/portfolio/limits.js';
import { compile, expectedScalars, healthyBusiness } from './portfolio-fixtures.js';

/**
 * The fund's IRRs at the longest horizon the service accepts (30 years), against a hand
 * calculation. n enterprises each borrow P at r (annuity over the whole horizon) at the start of
 * year 0 and fail in any year with chance h, recovering nothing; one senior layer without costs or
 * required return funds the loans and passes on what comes in. The expected inflow at the end of
 * year a is n (1 - h)^(a + 1) A with A = P r / (1 - (1 + r)^-T), so the layer's flows are -nP, then
 * those inflows. Without failures the IRR is r exactly; with them it is found here by bisection on
 * the plain present value (safe for 31 yearly flows at rates down to -90%).
 */
const n = 10;
const P = 100_000;
const r = 0.05;
const years = PORTFOLIO_LIMITS.maxHorizonYears;

function portfolio(failureRate: number): PortfolioInput {
  return {
    name: 'longest fund',
    horizonYears: years,
    fund: { investmentPeriodYears: 1, revolving: false, layers: [{ id: 'senior', provider: 'bank', kind: 'senior', amount: n * P, targetReturn: 0 }] },
    risk: { regionalCorrelation: 0 },
    enterprises: [
      {
        id: 'firm',
        count: n,
        business: healthyBusiness(failureRate),
        loan: { amount: P, rate: r, termYears: years, amortisation: 'annuity', recoveryRate: 0 },
        outcomeContract: { pricePerSustainedPlacement: 0, pricePerWorkerYear: 0 },
      },
    ],
  };
}

function handIrr(failureRate: number): number {
  const A = (P * r) / (1 - Math.pow(1 + r, -years));
  const flows = [-n * P, ...Array.from({ length: years }, (_, a) => n * Math.pow(1 - failureRate, a + 1) * A)];
  const npv = (rate: number) => flows.reduce((sum, flow, k) => sum + flow / Math.pow(1 + rate, k), 0);
  let low = -0.9;
  let high = 0.5;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (npv(middle) > 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

describe(`fund IRRs over the longest horizon (${years} years)`, () => {
  it('equal the loan rate when no enterprise fails', () => {
    const s = expectedScalars(compile(portfolio(0)));
    expect(Math.abs(s.layerSeniorIrr - r)).toBeLessThan(1e-10);
    expect(Math.abs(s.fundIrr - r)).toBeLessThan(1e-10);
  });

  it('equal the hand calculation when a quarter of the enterprises fail each year (a large loss)', () => {
    const expected = handIrr(0.25);
    expect(expected).toBeLessThan(-0.15);
    const s = expectedScalars(compile(portfolio(0.25)));
    expect(Math.abs(s.layerSeniorIrr - expected)).toBeLessThan(1e-10);
    expect(Math.abs(s.fundIrr - expected)).toBeLessThan(1e-10);
  });
});

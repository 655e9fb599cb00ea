import { describe, expect, it } from 'vitest';
import { compile, drawScalars, expectedScalars, healthyBusiness, moments, STANDARD_ERRORS } from './portfolio-fixtures.js';
import type { PortfolioInput } from '../../models/portfolio/index.js';

/**
 * A hand calculation of the fund's expected return with zero outcome payments and zero
 * correlation. Ten enterprises each borrow P = 100,000 at r = 5% (annuity, 5 years) at the start
 * of year 0; each fails in any year with h = 8% (nothing else can sink them), and a failure
 * recovers R = 25% of the balance outstanding at the start of that year. One senior layer with
 * no required return funds exactly the loans; the fund has no costs and pays out what comes in.
 *
 * By hand: A = P r / (1 - (1 + r)^-5); the balance before year a is B(0) = P, B(a + 1) = B(a)(1 + r) - A;
 * the chance of operating through year a is S(a) = (1 - h)^(a + 1). The expected inflow at the end
 * of year a is n [S(a) A + S(a - 1) h R B(a)], and the layer's yearly flows are -nP at the start
 * and those inflows after; its IRR solves their net present value = 0 (by bisection below).
 */
const n = 10;
const P = 100_000;
const r = 0.05;
const term = 5;
const h = 0.08;
const R = 0.25;
const horizon = 6;
const positions = 5;
const deadweight = 0.6;

function handCalculation() {
  const A = (P * r) / (1 - Math.pow(1 + r, -term));
  const inflows: number[] = [];
  const losses: number[] = [];
  let balance = P;
  for (let a = 0; a < horizon; a++) {
    const operating = Math.pow(1 - h, a + 1);
    const reached = Math.pow(1 - h, a);
    if (a < term) {
      inflows.push(n * (operating * A + reached * h * R * balance));
      losses.push(n * reached * h * (1 - R) * balance);
      balance = balance * (1 + r) - A;
    } else {
      inflows.push(0);
      losses.push(0);
    }
  }
  const flows = [-n * P, ...inflows];
  const npv = (rate: number) => flows.reduce((sum, flow, k) => sum + flow / Math.pow(1 + rate, k), 0);
  let low = -0.5;
  let high = 0.5;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (npv(middle) > 0) low = middle;
    else high = middle;
  }
  const workerYears = n * positions * Array.from({ length: horizon }, (_, a) => Math.pow(1 - h, a + 1)).reduce((x, y) => x + y, 0);
  return { inflows, losses, irr: (low + high) / 2, received: inflows.reduce((x, y) => x + y, 0), workerYears };
}

function portfolio(correlation: number): PortfolioInput {
  return {
    name: 'hand calculation',
    horizonYears: horizon,
    fund: { investmentPeriodYears: 1, revolving: false, layers: [{ id: 'senior', provider: 'bank', kind: 'senior', amount: n * P, targetReturn: 0 }] },
    risk: { regionalCorrelation: correlation },
    impact: { deadweight },
    enterprises: [
      {
        id: 'firm',
        count: n,
        business: healthyBusiness(h),
        jobs: { positions },
        loan: { amount: P, rate: r, termYears: term, amortisation: 'annuity', recoveryRate: R },
        outcomeContract: { pricePerSustainedPlacement: 0, pricePerWorkerYear: 0 },
      },
    ],
  };
}

describe('expected return of a loan fund (hand calculation)', () => {
  const hand = handCalculation();

  it.each([0, 0.3])('matches the hand calculation of IRR, multiple and loss (regional correlation %d)', (correlation) => {
    const s = expectedScalars(compile(portfolio(correlation)));
    expect(s.outcomePayments).toBe(0);
    expect(s.portfolioInflows).toBeCloseTo(hand.received, 6);
    expect(s.loanLosses).toBeCloseTo(hand.losses.reduce((x, y) => x + y, 0), 6);
    expect(s.portfolioIrr).toBeCloseTo(hand.irr, 10);
    // The only layer gets everything, in the year it comes in: its return is the portfolio's.
    expect(s.layerSeniorPaidIn).toBeCloseTo(n * P, 6);
    expect(s.layerSeniorReceived).toBeCloseTo(hand.received, 6);
    expect(s.layerSeniorIrr).toBeCloseTo(hand.irr, 10);
    expect(s.layerSeniorMultiple).toBeCloseTo(hand.received / (n * P), 12);
    expect(s.layerSeniorLoss).toBeCloseTo(n * P - hand.received, 6);
    expect(s.fundIrr).toBeCloseTo(hand.irr, 10);
    expect(s.failures).toBeCloseTo(n * (1 - Math.pow(1 - h, horizon)), 10);
  });

  it('books the jobs and the municipality position of the surviving enterprises', () => {
    const s = expectedScalars(compile(portfolio(0)));
    // Berenschot 2018 defaults: 14,000 benefit + 2,883 administration per worker-year.
    expect(s.workerYears).toBeCloseTo(hand.workerYears, 9);
    expect(s.avoidedCostsGross).toBeCloseTo(hand.workerYears * (14_000 + 2_883), 4);
    expect(s.avoidedCostsAttributable).toBeCloseTo(hand.workerYears * (14_000 + 2_883) * (1 - deadweight), 4);
    // No municipal capital, payments, LKS or own costs: its net position is the attributable saving.
    expect(s.municipalityNetPosition).toBeCloseTo(s.avoidedCostsAttributable, 4);
  });

  it('is the mean of the drawn runs for the layer, because one layer without costs is linear in the flows', () => {
    const model = compile(portfolio(0.3));
    const drawn = drawScalars(model, ['layerSeniorReceived'], 20_000, 3);
    const m = moments(drawn.layerSeniorReceived);
    expect(Math.abs(m.mean - hand.received)).toBeLessThan(STANDARD_ERRORS * m.standardError);
  });
});

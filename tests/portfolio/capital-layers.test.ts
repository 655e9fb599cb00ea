import { describe, expect, it } from 'vitest';
import { callCapital, distributeTopDown } from '../../models/portfolio/index.js';
import { compile, expectedScalars, drawScalars, healthyBusiness } from './portfolio-fixtures.js';
import type { PortfolioInput } from '../../models/portfolio/index.js';

/**
 * A layer structure allocates losses bottom-up: with layers of sizes G (grant), F (first loss),
 * J (junior) and S (senior), all paid in, no required return and a total shortfall X, the grant
 * loses min(X, G), first loss min(max(X - G, 0), F), junior min(max(X - G - F, 0), J) and senior
 * min(max(X - G - F - J, 0), S). The expected values below are this formula, written out.
 */
const G = 1_000;
const F = 1_500;
const J = 2_500;
const S = 5_000;
const sizes = [G, F, J, S];
const below = [0, G, G + F, G + F + J];
const bottomUpLoss = (shortfall: number, layer: number) => Math.min(Math.max(shortfall - below[layer], 0), sizes[layer]);

// Layer indices in input order: 0 grant, 1 first loss, 2 junior, 3 senior. Pay order: senior, junior, first loss.
const payOrder = Int32Array.from([3, 2, 1]);
const groupEnd = Int32Array.from([1, 2, 3]);
const residualLayer = 0;

describe('capital layers', () => {
  it.each([0, 400, 1_000, 1_800, 2_500, 4_999, 5_000, 7_300, 9_999, 10_000])(
    'allocates a shortfall of %d bottom-up exactly: grant, then first loss, junior, senior',
    (shortfall) => {
      const balance = Float64Array.from(sizes);
      const paid = new Float64Array(4);
      const total = G + F + J + S;
      // Grants are never repaid: what comes back to the grant is the residual after every repayable balance.
      distributeTopDown(total - shortfall, balance, payOrder, groupEnd, residualLayer, paid);
      sizes.forEach((size, layer) => expect(size - paid[layer]).toBeCloseTo(bottomUpLoss(shortfall, layer), 9));
    },
  );

  it('shares a payment pro rata between layers of the same rank and sends the surplus to the residual layer', () => {
    const balance = Float64Array.from([300, 100, 200]);
    const paid = new Float64Array(3);
    // Layers 0 and 1 are both senior (group [0, 2)), layer 2 junior; residual to layer 2.
    distributeTopDown(200, balance, Int32Array.from([0, 1, 2]), Int32Array.from([2, 2, 3]), 2, paid);
    expect(Array.from(paid)).toEqual([150, 50, 0]);
    const rest = new Float64Array(3);
    distributeTopDown(500, Float64Array.from([300, 100, 200]), Int32Array.from([0, 1, 2]), Int32Array.from([2, 2, 3]), 2, rest);
    expect(Array.from(rest)).toEqual([300, 100, 100]);
  });

  it('calls capital pro rata to what each layer has not paid in, never more than is committed', () => {
    const uncalled = Float64Array.from([100, 300]);
    const balance = new Float64Array(2);
    const calls = new Float64Array(2);
    expect(callCapital(200, uncalled, balance, calls, 1, 0)).toBe(200);
    expect(Array.from(calls)).toEqual([50, 150]);
    expect(callCapital(1_000, uncalled, balance, calls, 1, 0)).toBe(200);
    expect(Array.from(uncalled)).toEqual([0, 0]);
    expect(Array.from(balance)).toEqual([100, 300]);
  });

  it('gives each layer of a whole fund exactly its bottom-up share of the portfolio loss', () => {
    // Ten enterprises borrow 1,000 each (bullet, no interest). Three are doomed: no volatility and a
    // negative cash position in their first year, so they fail with certainty and repay nothing.
    // The layers fund exactly the 10,000 lent; the shortfall is 3 x 1,000.
    const doomed: PortfolioInput['enterprises'][number] = {
      id: 'doomed',
      count: 3,
      business: { revenue: 0, costs: 10_000, resultVolatility: 0 },
      loan: { amount: 1_000, rate: 0, termYears: 3, amortisation: 'bullet' },
    };
    const sound: PortfolioInput['enterprises'][number] = {
      id: 'sound',
      count: 7,
      business: healthyBusiness(0),
      loan: { amount: 1_000, rate: 0, termYears: 3, amortisation: 'bullet' },
    };
    const portfolio: PortfolioInput = {
      name: 'bottom-up',
      horizonYears: 4,
      fund: {
        investmentPeriodYears: 1,
        layers: [
          { id: 'grant', provider: 'fondsen', kind: 'grant', amount: G },
          { id: 'firstLoss', provider: 'fondsen', kind: 'firstLoss', amount: F },
          { id: 'junior', provider: 'fondsen', kind: 'junior', amount: J },
          { id: 'senior', provider: 'gemeente', kind: 'senior', amount: S },
        ],
      },
      enterprises: [doomed, sound],
    };
    const model = compile(portfolio);
    const names = ['layerGrantLoss', 'layerFirstLossLoss', 'layerJuniorLoss', 'layerSeniorLoss'];
    const expected = expectedScalars(model);
    const drawn = drawScalars(model, names, 3, 7);
    names.forEach((name, layer) => {
      expect(expected[name]).toBeCloseTo(bottomUpLoss(3_000, layer), 6);
      // Certain failures and certain survivals: every draw gives the same exact allocation.
      drawn[name].forEach((loss) => expect(loss).toBeCloseTo(bottomUpLoss(3_000, layer), 6));
    });
    expect(expected.loanLosses).toBeCloseTo(3_000, 9);
  });
});

describe('fund cash', () => {
  // Four enterprises, two a year in years 0 and 1, each borrowing 100 repaid in two equal parts
  // (annuity at rate 0) and never failing; the layers commit 300 of the 400 lent. By hand:
  // - not revolving: 200 is called in year 0; in year 1 the 100 left is called and 100 is
  //   missing (the shortfall); the 100 repaid at the end of year 0 is distributed.
  // - revolving over two investment years: the 100 repaid at the end of year 0 stays in the fund
  //   and pays half of year 1's investments (recycled); 100 is called; nothing is missing.
  const fund = (revolving: boolean): PortfolioInput => ({
    name: 'cash',
    horizonYears: 4,
    fund: { investmentPeriodYears: 2, revolving, layers: [{ id: 'senior', provider: 'bank', kind: 'senior', amount: 300 }] },
    enterprises: [
      { id: 'firm', count: 4, intake: { perYear: 2 }, business: healthyBusiness(0), loan: { amount: 100, rate: 0, termYears: 2, amortisation: 'annuity' } },
    ],
  });

  it('reports the cash the commitments cannot cover, and calls no more than is committed', () => {
    const s = expectedScalars(compile(fund(false)));
    expect(s.capitalCalled).toBeCloseTo(300, 9);
    expect(s.fundingShortfall).toBeCloseTo(100, 9);
    expect(s.capitalRecycled).toBe(0);
  });

  it('recycles repayments into later investments when revolving', () => {
    const s = expectedScalars(compile(fund(true)));
    expect(s.capitalRecycled).toBeCloseTo(100, 9);
    expect(s.capitalCalled).toBeCloseTo(300, 9);
    expect(s.fundingShortfall).toBe(0);
    // All 400 lent comes back (100 of it was lent twice): 400 in, 100 reinvested, 300 distributed.
    expect(s.portfolioInflows).toBeCloseTo(400, 9);
    expect(s.layerSeniorReceived).toBeCloseTo(300, 9);
  });
});

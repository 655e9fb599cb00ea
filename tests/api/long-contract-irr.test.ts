import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractInput } from '../../models/contract/index.js';
import type { SimulationResult } from '../../models/simulation/index.js';
import { evaluate } from '../contract/contract-fixtures.js';
import { startService } from './http-client.js';

/**
 * A social impact bond running 120 or 240 months (SIBs run 8-10 years; the service accepts 240):
 * investors finance all coaching of 120 people taken in over a year, and are repaid from payments
 * per month of benefit saved beyond the counterfactual, paid over the whole horizon. Before the
 * IRR search stopped discounting at -99.9% a month (a factor 1000^t, infinite past month 102),
 * investorIrr was null for every such contract, in evaluations, simulations and tornado alike.
 *
 * The expected IRR is computed here independently: bisection on the plain present value
 * sum flow[t] / (1 + m)^t of the investor's monthly net flows the evaluation reports, over
 * m in [-5%, +5%] a month (where plain discounting is safe for 240 months), annualised (1 + m)^12 - 1.
 */
function longSib(horizonMonths: number, price: number): ContractInput {
  return {
    name: `SIB over ${horizonMonths} months`,
    startMonth: '2026-01',
    horizonMonths,
    programmeMonths: 12,
    intake: { cohorts: Array.from({ length: 12 }, (_, month) => ({ month, count: 10 })) },
    profiles: [
      {
        id: 'jongeren',
        share: 1,
        monthlyBenefit: 1_283.83,
        programme: { monthlyJobEntryRate: 0.06, monthlyOtherExitRate: 0.01 },
        counterfactual: { monthlyJobEntryRate: 0.02, monthlyOtherExitRate: 0.01 },
      },
    ],
    counterfactual: { method: 'rates' },
    payment: { triggers: [{ id: 'bespaardeMaand', kind: 'perMonthOffBenefit', basis: 'attributable', price, payee: 'investor' }] },
    provider: { costPerParticipantMonth: 700 },
    investor: { commitment: 2_000_000, financedShare: 1, returnCap: 0.12, hurdleRate: 0.08 },
    money: { discountRate: 0.0225 },
  };
}

function irrByBisection(flows: number[]): number {
  const npv = (m: number) => flows.reduce((sum, flow, t) => sum + flow / Math.pow(1 + m, t), 0);
  let low = -0.05;
  let high = 0.05;
  expect(Math.sign(npv(low))).not.toBe(Math.sign(npv(high)));
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (Math.sign(npv(middle)) === Math.sign(npv(low))) low = middle;
    else high = middle;
  }
  return Math.pow(1 + (low + high) / 2, 12) - 1;
}

/** The investor IRR of the expected-rate evaluation, by the independent bisection. */
function independentIrr(contract: ContractInput): number {
  return irrByBisection(evaluate(contract).monthly.investorNetFlow);
}

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  service = await startService({ WORKER_THREADS: 1 });
});
afterAll(async () => service.close());

describe.each([120, 240])('investor IRR of a SIB running %i months', (horizon) => {
  // 1,500 a saved month repays less than the 12% cap (here about -9% a year: a loss); 2,500 a
  // saved month repays the capped claim in full, so the waterfall stops at exactly 12% a year.
  const low = longSib(horizon, 1_500);
  const capped = longSib(horizon, 2_500);

  it('is reported by POST /contracts/evaluate and equals the independent solver on its own flows', async () => {
    const { data, response } = await service.client.POST('/contracts/evaluate', { body: low });
    expect(response.status).toBe(200);
    const irr = data!.summary.investorIrr;
    expect(irr).not.toBeNull();
    expect(Math.abs(irr! - irrByBisection(data!.monthly.investorNetFlow))).toBeLessThan(1e-10);
    expect(irr!).toBeLessThan(0.12);
    const full = await service.client.POST('/contracts/evaluate', { body: capped });
    expect(Math.abs(full.data!.summary.investorIrr! - 0.12)).toBeLessThan(1e-9);
  });

  it('is reported in every iteration of POST /simulations, expected and drawn', async () => {
    const expectedIrr = independentIrr(low);
    const expected = await service.client.POST('/simulations', {
      body: { model: { kind: 'contract', contract: low }, settings: { seed: 3, iterations: 64, drawIndividualOutcomes: false } },
      params: { header: { prefer: 'wait=120' } },
    });
    expect(expected.response.status).toBe(200);
    const summary = (expected.data!.result as SimulationResult).outputs.find((o) => o.name === 'investorIrr')!;
    // Nothing is uncertain and outcomes are expected rates: every iteration is the evaluation.
    expect(summary.nanCount).toBe(0);
    expect(Math.abs(summary.min! - expectedIrr)).toBeLessThan(1e-10);
    expect(Math.abs(summary.max! - expectedIrr)).toBeLessThan(1e-10);
    const drawn = await service.client.POST('/simulations', {
      body: { model: { kind: 'contract', contract: low }, settings: { seed: 3, iterations: 64, drawIndividualOutcomes: true } },
      params: { header: { prefer: 'wait=120' } },
    });
    const drawnSummary = (drawn.data!.result as SimulationResult).outputs.find((o) => o.name === 'investorIrr')!;
    expect(drawnSummary.nanCount).toBe(0);
    expect(Number.isFinite(drawnSummary.mean)).toBe(true);
  });

  it('is reported in a tornado at both ends and at the base, equal to the solver on each contract', async () => {
    const { data, response } = await service.client.POST('/sensitivity', {
      body: {
        model: { kind: 'contract', contract: low },
        settings: { method: 'tornado', output: 'investorIrr', ranges: [{ path: 'payment.triggers[0].price', low: 1_400, high: 1_700 }] },
      },
    });
    expect(response.status).toBe(200);
    if (!data || !('bars' in data)) throw new Error('expected a tornado');
    expect(Math.abs(data.baseOutput! - independentIrr(low))).toBeLessThan(1e-10);
    const bar = data.bars[0];
    expect(Math.abs(bar.outputAtLow! - independentIrr(longSib(horizon, 1_400)))).toBeLessThan(1e-10);
    expect(Math.abs(bar.outputAtHigh! - independentIrr(longSib(horizon, 1_700)))).toBeLessThan(1e-10);
  });
});

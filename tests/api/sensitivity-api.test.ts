import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, simpleContract } from '../contract/contract-fixtures.js';
import { startService } from './http-client.js';

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  // The threads start here (seconds each on a busy machine), not in the first test's 30 s.
  service = await startService({}, { warm: true });
});
afterAll(async () => service.close());

describe('POST /sensitivity on an outcome contract', () => {
  it('finds the job-start price at which the payer breaks even: attributable savings / job starts', async () => {
    // With one job-start trigger and no other costs, payerNetResult = attributable savings - price x job starts,
    // which is linear in the price; its root follows from the deterministic evaluation.
    const contract = simpleContract();
    const base = evaluate(contract).summary;
    const expectedPrice = base.avoidedCostsAttributable! / base.placements!;
    const { data, response } = await service.client.POST('/sensitivity', {
      body: {
        model: { kind: 'contract', contract },
        settings: { method: 'break-even', output: 'payerNetResult', input: 'payment.triggers[0].price', low: 0, high: 10_000 },
      },
    });
    expect(response.status).toBe(200);
    if (!data || !('found' in data) || !data.found) throw new Error('expected a break-even');
    expect(data.value).toBeCloseTo(expectedPrice, 4);
    expect(data.outputAtValue).toBeCloseTo(0, 4);
  });

  it('ranks the tornado bars by swing, with the placement rate above the benefit level when that moves less', async () => {
    const contract = simpleContract();
    contract.profiles[0].programme.monthlyJobEntryRate = { type: 'uniform', min: 0.05, max: 0.15 };
    contract.profiles[0].monthlyBenefit = { type: 'uniform', min: 990, max: 1_010 };
    const { data, response } = await service.client.POST('/sensitivity', {
      body: { model: { kind: 'contract', contract }, settings: { method: 'tornado', output: 'payerNetResult' } },
    });
    expect(response.status).toBe(200);
    if (!data || !('bars' in data)) throw new Error('expected a tornado');
    const bars = data.bars;
    expect(bars.map((b) => b.path)).toEqual(['profiles[0].programme.monthlyJobEntryRate', 'profiles[0].monthlyBenefit']);
    expect(bars[0].swing!).toBeGreaterThan(bars[1].swing!);
  });

  it('refuses an analysis needing more model runs than the limit and says how many', async () => {
    const { error, response } = await service.client.POST('/sensitivity', {
      body: {
        model: { kind: 'expression', expression: { inputs: { a: { type: 'uniform', min: 0, max: 1 }, b: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'a + b' } } },
        settings: { method: 'sobol', output: 'y', sampleSize: 1_000_000, seed: 1 },
      },
    });
    expect(response.status).toBe(400);
    expect(error!.requested).toBe(4_000_000);
    expect(error!.allowed).toBe(2_000_000);
  });

  it('names an unknown output in the field path', async () => {
    const { error, response } = await service.client.POST('/sensitivity', {
      body: { model: { kind: 'contract', contract: simpleContract() }, settings: { method: 'tornado', output: 'payerNet' } },
    });
    expect(response.status).toBe(400);
    expect(error!.errors![0].path).toMatch(/^settings\.output/);
  });
});

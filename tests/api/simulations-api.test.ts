import jStat from 'jstat';
import { BLOCK_SIZE } from '../../models/simulation/block-layout.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import { evaluate, simpleContract } from '../contract/contract-fixtures.js';
import { startService } from './http-client.js';

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  service = await startService({ WORKER_THREADS: 2 }, { warm: true });
});
afterAll(async () => service.close());

/** A pilot of 20 people for one placement month (intake joins in month 0, starts from month 1). */
function pilotOfTwenty(rate: number) {
  return simpleContract({
    horizonMonths: 2,
    programmeMonths: 2,
    intake: { cohorts: [{ month: 0, count: 20 }] },
    profiles: [
      {
        id: 'pilot',
        share: 1,
        monthlyBenefit: 1_000,
        administrationCostPerYear: 1_200,
        programme: { monthlyJobEntryRate: rate, monthlyOtherExitRate: 0 },
        counterfactual: { monthlyJobEntryRate: 0.05, monthlyOtherExitRate: 0 },
      },
    ],
  });
}

const output = (result: SimulationResult, name: string) => result.outputs.find((o) => o.name === name)!;

describe('POST /simulations on an outcome contract', () => {
  it('draws the placements of a pilot of 20 from Binomial(20, p): chi-square against the exact pmf', async () => {
    const p = 0.3;
    const contract = pilotOfTwenty(p);
    // The expected-rate evaluation places 20 p in that one month: the law's mean.
    expect(evaluate(contract).summary.placements).toBeCloseTo(20 * p, 12);
    const iterations = 20_000;
    const { data, response } = await service.client.POST('/simulations', {
      body: {
        model: { kind: 'contract', contract },
        settings: { seed: 7, iterations, sampling: 'monteCarlo', drawIndividualOutcomes: true, keepSamples: true },
      },
      params: { header: { prefer: 'wait=120' } },
    });
    expect(response.status).toBe(200);
    const result = data!.result as SimulationResult;
    const placements = result.samples!.outputs.find((o) => o.name === 'placements')!.values as number[];
    expect(placements).toHaveLength(iterations);
    expect(placements.every((k) => Number.isInteger(k) && k >= 0 && k <= 20)).toBe(true);

    // Pearson chi-square against the exact Binomial(20, 0.3) pmf, pooling k >= 12 where expected counts fall below 5;
    // the seed is fixed, so this deterministic test fails only if the law is wrong (or with probability 0.001 for this seed).
    const pmf = (k: number) => jStat.binomial.pdf(k, 20, p);
    const top = 12;
    const observed = new Array<number>(top + 1).fill(0);
    for (const k of placements) observed[Math.min(k, top)]++;
    const expected = observed.map((_, k) => iterations * (k < top ? pmf(k) : 1 - jStat.binomial.cdf(top - 1, 20, p)));
    const statistic = observed.reduce((sum, o, k) => sum + (o - expected[k]) ** 2 / expected[k], 0);
    expect(statistic).toBeLessThan(jStat.chisquare.inv(0.999, top));
    // Mean and sd within 4 standard errors of n p and sqrt(n p (1 - p)).
    const summary = output(result, 'placements');
    const sd = Math.sqrt(20 * p * (1 - p));
    expect(Math.abs(summary.mean! - 20 * p)).toBeLessThan((4 * sd) / Math.sqrt(iterations));
    expect(Math.abs(summary.sd! - sd)).toBeLessThan(4 * sd * Math.sqrt(1 / (2 * (iterations - 1))) * 1.5);
  });

  it('uses expected rates when asked: every iteration places exactly 20 p', async () => {
    const { data } = await service.client.POST('/simulations', {
      body: { model: { kind: 'contract', contract: pilotOfTwenty(0.3) }, settings: { seed: 7, iterations: 100, drawIndividualOutcomes: false } },
    });
    const placements = output(data!.result as SimulationResult, 'placements');
    expect(placements.min).toBeCloseTo(6, 12);
    expect(placements.max).toBeCloseTo(6, 12);
  });

  it('returns bit-for-bit the same result with 1, 2 and 4 worker threads', async () => {
    const contract = simpleContract();
    contract.profiles[0].programme.monthlyJobEntryRate = { type: 'pert', min: 0.05, mode: 0.1, max: 0.2 };
    contract.profiles[0].monthlyBenefit = { type: 'lognormal', mean: 1_000, sd: 50 };
    const body = {
      model: { kind: 'contract' as const, contract },
      settings: {
        seed: 2026,
        // Six blocks of BLOCK_SIZE (1,024): enough that 2 and 4 threads split the run differently, and
        // little enough that three services in a row finish on a busy 2-core machine.
        iterations: 6 * BLOCK_SIZE,
        correlations: [{ a: 'profiles[0].programme.monthlyJobEntryRate', b: 'profiles[0].monthlyBenefit', rho: 0.4 }],
        events: [{ name: 'saves', expression: 'payerNetResult > 0' }],
        riskOutput: 'payerNetResult',
      },
    };
    const texts: string[] = [];
    for (const threads of [1, 2, 4]) {
      const other = await startService({ WORKER_THREADS: threads });
      try {
        const response = await fetch(`${other.baseUrl}/simulations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', prefer: 'wait=60' },
          body: JSON.stringify(body),
        });
        if (response.status !== 200) throw new Error(await response.text());
        texts.push(JSON.stringify(((await response.json()) as { result: unknown }).result));
      } finally {
        await other.close();
      }
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  }, 180_000);
});

describe('simulation jobs', () => {
  const bigRun = () => ({
    model: {
      kind: 'expression' as const,
      expression: { inputs: { x: { type: 'beta' as const, alpha: 2, beta: 5 }, y: { type: 'pert' as const, min: 0, mode: 1, max: 4 } }, outputs: { z: 'x * y' } },
    },
    settings: { seed: 1, iterations: 1_000_000 },
  });

  it('answers 202 with a job when asked to respond asynchronously, shows progress, then serves the result', async () => {
    const { data, response } = await service.client.POST('/simulations', {
      body: { ...bigRun(), settings: { seed: 1, iterations: 200_000 } },
      params: { header: { prefer: 'respond-async' } },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/simulations/${data!.id}`);
    expect(response.headers.get('preference-applied')).toBe('respond-async');
    expect(data!.result).toBeNull();
    let job = data!;
    while (job.status === 'queued' || job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await service.client.GET('/simulations/{id}', { params: { path: { id: data!.id } } })).data!;
      expect(job.progress.completedIterations).toBeLessThanOrEqual(200_000);
    }
    expect(job.status).toBe('succeeded');
    expect(job.progress.fraction).toBe(1);
    const fetched = await service.client.GET('/simulations/{id}/result', { params: { path: { id: data!.id } } });
    expect(fetched.response.status).toBe(200);
    expect(JSON.stringify(fetched.data)).toBe(JSON.stringify(job.result));
    // E[xy] = E[x] E[y] for independent inputs: 2/7 x (0 + 4 x 1 + 4) / 6.
    expect(output(fetched.data as SimulationResult, 'z').mean!).toBeCloseTo((2 / 7) * (8 / 6), 2);
  });

  it('keeps /health answering while a long simulation runs on the workers', async () => {
    const started = await service.client.POST('/simulations', { body: bigRun(), params: { header: { prefer: 'respond-async' } } });
    const id = started.data!.id;
    // The worker threads do the sampling: health answers while the job is still running.
    let answeredDuringRun = 0;
    for (let i = 0; i < 5; i++) {
      const health = await service.client.GET('/health');
      expect(health.response.status).toBe(200);
      const job = (await service.client.GET('/simulations/{id}', { params: { path: { id } } })).data!;
      if (job.status === 'running' || job.status === 'queued') answeredDuringRun++;
    }
    expect(answeredDuringRun).toBe(5);
    const cancelled = await service.client.POST('/simulations/{id}/cancel', { params: { path: { id } } });
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.data!.status).toBe('cancelled');
    const result = await service.client.GET('/simulations/{id}/result', { params: { path: { id } } });
    expect(result.response.status).toBe(409);
    // Cancelling again is harmless; removing forgets the job.
    expect((await service.client.POST('/simulations/{id}/cancel', { params: { path: { id } } })).response.status).toBe(200);
    expect((await service.client.DELETE('/simulations/{id}', { params: { path: { id } } })).response.status).toBe(204);
    expect((await service.client.GET('/simulations/{id}', { params: { path: { id } } })).response.status).toBe(404);
  });

  it('refuses a new job with 429 and Retry-After when every job slot is taken', async () => {
    const small = await startService({ WORKER_THREADS: 1, MAX_ACTIVE_JOBS: 1 });
    try {
      const first = await small.client.POST('/simulations', { body: bigRun(), params: { header: { prefer: 'respond-async' } } });
      expect(first.response.status).toBe(202);
      const second = await small.client.POST('/simulations', { body: bigRun(), params: { header: { prefer: 'respond-async' } } });
      expect(second.response.status).toBe(429);
      expect(second.response.headers.get('retry-after')).toBe('5');
      await small.client.POST('/simulations/{id}/cancel', { params: { path: { id: first.data!.id } } });
    } finally {
      await small.close();
    }
  });
});

describe('simulation requests that are refused', () => {
  const expression = { kind: 'expression' as const, expression: { inputs: { a: { type: 'uniform' as const, min: 0, max: 1 }, b: { type: 'uniform' as const, min: 0, max: 1 }, c: { type: 'uniform' as const, min: 0, max: 1 } }, outputs: { y: 'a + b + c' } } };
  const post = (body: unknown) =>
    fetch(`${service.baseUrl}/simulations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each([
    ['more iterations than the limit', { model: expression, settings: { seed: 1, iterations: 1_000_001 } }, 'settings.iterations'],
    ['a negative seed', { model: expression, settings: { seed: -1 } }, 'settings.seed'],
    ['a uniform with min above max', { model: { ...expression, expression: { ...expression.expression, inputs: { ...expression.expression.inputs, a: { type: 'uniform', min: 2, max: 1 } } } }, settings: { seed: 1 } }, 'model.expression.inputs.a.max'],
    ['an event over an unknown output', { model: expression, settings: { seed: 1, events: [{ name: 'e', expression: 'nothing > 0' }] } }, 'settings.events[0].expression'],
    ['a correlation between unknown inputs', { model: expression, settings: { seed: 1, correlations: [{ a: 'inputs.a', b: 'inputs.q', rho: 0.5 }] } }, 'settings.correlations[0].b'],
    // Issue 18 item 1: Beta(1e300, 1e300) cost about 23 ms per quantile (2,048 iterations × 20 inputs pinned a thread for minutes).
    ['a beta with shape 1e300 (slow quantile)', { model: { ...expression, expression: { ...expression.expression, inputs: { ...expression.expression.inputs, a: { type: 'beta', alpha: 1e300, beta: 1e300 } } } }, settings: { seed: 1, iterations: 2_048 } }, 'model.expression.inputs.a.alpha'],
    // Beta(1e-300, 1e300) has mean about 0 but its quantile came out near 0.5.
    ['a beta with shape 1e-300 (wrong quantile)', { model: { ...expression, expression: { ...expression.expression, inputs: { ...expression.expression.inputs, a: { type: 'beta', alpha: 1e-300, beta: 1e300 } } } }, settings: { seed: 1, iterations: 2_048 } }, 'model.expression.inputs.a.alpha'],
  ])('refuses %s with a 400 naming the field', async (_case, body, path) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain(path);
  });

  it('refuses a correlation matrix that is not positive semi-definite instead of repairing it', async () => {
    // rho(a,b) = rho(b,c) = 0.9 forces rho(a,c) > 0.62; asking -0.9 leaves no valid matrix (determinant < 0).
    const response = await post({
      model: expression,
      settings: {
        seed: 1,
        correlations: [
          { a: 'inputs.a', b: 'inputs.b', rho: 0.9 },
          { a: 'inputs.b', b: 'inputs.c', rho: 0.9 },
          { a: 'inputs.a', b: 'inputs.c', rho: -0.9 },
        ],
      },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors[0].path).toBe('settings.correlations');
    expect(problem.errors[0].message).toMatch(/positive semi-definite/);
  });

  it('answers 404 for an unknown job', async () => {
    const response = await service.client.GET('/simulations/{id}', { params: { path: { id: 'no-such-job' } } });
    expect(response.response.status).toBe(404);
  });
});

describe('POST /simulations/compare', () => {
  it('runs variants on common random numbers: doubling the job-start price doubles payments iteration by iteration', async () => {
    const contract = simpleContract();
    contract.profiles[0].programme.monthlyJobEntryRate = { type: 'uniform', min: 0.05, max: 0.15 };
    const { data, response } = await service.client.POST('/simulations/compare', {
      body: {
        model: { kind: 'contract', contract },
        variants: [{ name: 'doublePrice', changes: { contract: { payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 2_000 }] } } } }],
        settings: { seed: 3, iterations: 5_000 },
      },
      params: { header: { prefer: 'wait=120' } },
    });
    expect(response.status).toBe(200);
    const comparison = data!.result as VariantComparisonResult;
    expect(comparison.variants.map((v) => v.name)).toEqual(['baseline', 'doublePrice']);
    const baseline = output(comparison.variants[0].result, 'payerOutcomePayments');
    const doubled = output(comparison.variants[1].result, 'payerOutcomePayments');
    const difference = comparison.differences[0].outputs.find((o) => o.name === 'payerOutcomePayments')!;
    // Same draws, no caps: the paired difference equals the baseline payment in every iteration,
    // so its distribution is the baseline's (an independent run would add the variances instead).
    expect(doubled.mean!).toBeCloseTo(2 * baseline.mean!, 6);
    expect(difference.mean!).toBeCloseTo(baseline.mean!, 6);
    expect(difference.sd!).toBeCloseTo(baseline.sd!, 6);
    expect(difference.percentiles.p5!).toBeCloseTo(baseline.percentiles.p5!, 6);
  });

  it('compares a price per job start with a share of savings: other inputs, same people', async () => {
    // The variants have different inputs (a price against a share), so the engine aligns them by
    // path; the population draws are the same, so placements differ by exactly zero in every iteration.
    const contract = simpleContract();
    contract.profiles[0].programme.monthlyJobEntryRate = { type: 'uniform', min: 0.05, max: 0.15 };
    const { data, response } = await service.client.POST('/simulations/compare', {
      body: {
        model: { kind: 'contract', contract },
        baselineName: 'pricePerStart',
        variants: [{ name: 'shareOfSavings', changes: { contract: { payment: { triggers: [{ id: 'share', kind: 'shareOfSavings', share: 0.4 }] } } } }],
        settings: { seed: 4, iterations: 3_000 },
      },
      params: { header: { prefer: 'wait=120' } },
    });
    expect(response.status).toBe(200);
    const comparison = data!.result as VariantComparisonResult;
    const placements = comparison.differences[0].outputs.find((o) => o.name === 'placements')!;
    expect([placements.min, placements.max]).toEqual([0, 0]);
    // Same people, so the same avoided costs: the payer's net result moves by exactly minus the
    // change in payments, iteration by iteration (its paired sd equals the payments' paired sd).
    const difference = (name: string) => comparison.differences[0].outputs.find((o) => o.name === name)!;
    expect(difference('avoidedCostsAttributable').sd).toBe(0);
    expect(difference('payerNetResult').mean!).toBeCloseTo(-difference('payerOutcomePayments').mean!, 6);
    expect(difference('payerNetResult').sd!).toBeCloseTo(difference('payerOutcomePayments').sd!, 6);
  });

  it('names the variant and field when a change makes the model invalid', async () => {
    const response = await fetch(`${service.baseUrl}/simulations/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: { kind: 'contract', contract: simpleContract() },
        variants: [{ name: 'broken', changes: { contract: { horizonMonths: -3 } } }],
        settings: { seed: 1 },
      }),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors[0].path).toBe('variants[0].changes.contract.horizonMonths');
  });
});

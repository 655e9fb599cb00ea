import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulationPool, type SimulationPool } from '../../runtime/simulation-pool.js';
import { simpleContract } from '../contract/contract-fixtures.js';
import { startService } from '../api/http-client.js';
import type { ModelSpec } from '../../models/model-spec.js';
import { ContractSchema } from '../../models/contract/index.js';
import { SensitivitySettingsSchema, type SensitivitySettings } from '../../models/sensitivity/index.js';

/**
 * Issue 18: every analysis, report computation and re-forecast has a bounded cost. Sizes are
 * refused up front (MAX_MODEL_RUNS, iteration limits); what still runs longer than
 * MAX_REQUEST_SECONDS on its thread is stopped and answered with a `time-limit` problem. The work
 * here is minutes long and the limit one or two seconds: no timing is asserted beyond that order
 * of magnitude, so a busy machine only makes the stop come sooner relative to the work.
 */

function longSobol(): { model: ModelSpec; settings: SensitivitySettings } {
  const contract = simpleContract({ horizonMonths: 120 });
  contract.profiles[0].programme.monthlyJobEntryRate = { type: 'uniform', min: 0.05, max: 0.15 };
  contract.profiles[0].monthlyBenefit = { type: 'uniform', min: 900, max: 1_100 };
  // (2 + 2) x 250,000 = 1,000,000 model runs: minutes of work.
  // Model and settings parsed, as the service hands them to the pool (defaults filled in).
  return { model: { kind: 'contract', contract: ContractSchema.parse(contract) } as ModelSpec, settings: SensitivitySettingsSchema.parse({ method: 'sobol', output: 'payerNetResult', sampleSize: 250_000, seed: 1 }) };
}

describe('the time limit of one analysis or computation on a thread', () => {
  let pool: SimulationPool;
  beforeAll(() => {
    pool = createSimulationPool({ threads: 1, maxTaskMs: 1_000 });
  });
  afterAll(async () => pool.close());

  it('stops an analysis still running at the limit with a time-limit error and stops its thread', async () => {
    const { model, settings } = longSobol();
    const result = await pool.analyse(model, settings);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('time-limit');
    if (result.error.kind !== 'time-limit') return;
    expect(result.error.seconds).toBe(1);
    expect(result.error.message).toMatch(/sobol analysis was stopped after computing for 1 s.*MAX_REQUEST_SECONDS/);
    // The thread that ran it was stopped, not left computing: nothing is busy or started.
    expect(pool.stats()).toMatchObject({ busyThreads: 0, queuedTasks: 0, startedThreads: 0 });
  });
});

describe('POST /sensitivity beyond MAX_REQUEST_SECONDS', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    service = await startService({ WORKER_THREADS: 1, MAX_REQUEST_SECONDS: 2 });
  });
  afterAll(async () => service.close());

  it('answers 503 time-limit naming the limit, and the service goes on', async () => {
    const answer = await fetch(`${service.baseUrl}/sensitivity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(longSobol()) });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await answer.json()) as { type: string; limit: string; allowed: number; detail: string };
    expect(problem.type).toMatch(/time-limit$/);
    expect(problem).toMatchObject({ limit: 'MAX_REQUEST_SECONDS', allowed: 2 });
    expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
  });
});

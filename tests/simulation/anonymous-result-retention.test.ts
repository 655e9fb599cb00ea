import { describe, expect, it } from 'vitest';
import type { ModelDescription } from '../../runtime/model-registry.js';
import { createSimulationJobs, type SimulationJob } from '../../runtime/simulation-jobs.js';
import type { SimulationPool } from '../../runtime/simulation-pool.js';
import type { SimulationSettings } from '../../models/simulation/index.js';

/**
 * Issue 18 item 2: finished anonymous jobs stayed in memory (up to 200) with their kept samples,
 * so eight maximum keepSamples requests held about 5 GB. Their results are now bounded in bytes as
 * well: beyond `maxAnonymousResultBytes` the oldest anonymous results are dropped (the id then
 * answers 404: `get` gives undefined), never the newest; jobs of an organisation are not counted.
 * A fake pool answers at once with a result of 1,000 kept values.
 */

const KEPT_VALUES = 1_000;
const result = { samples: { inputs: [{ path: 'inputs.a', values: new Array<number>(KEPT_VALUES).fill(0.5) }], outputs: [] } };
// Independent of the estimate's code: the JSON text (one byte a character) plus 8 bytes per kept value.
const ONE_RESULT_BYTES = JSON.stringify(result).length + 8 * KEPT_VALUES;

const pool = {
  run: () => Promise.resolve({ ok: true, value: result }),
} as unknown as SimulationPool;
const work = { kind: 'simulation' as const, model: {} as ModelDescription, settings: { iterations: KEPT_VALUES } as SimulationSettings };

async function finish(jobs: ReturnType<typeof createSimulationJobs>, owner: string | null): Promise<SimulationJob> {
  const job = jobs.submit(work, { owner })!;
  await jobs.waitFor(job, 1_000);
  expect(job.status).toBe('succeeded');
  return job;
}

describe('anonymous results kept in memory are bounded in bytes', () => {
  it('drops the oldest anonymous result once the byte budget is exceeded, and keeps the newer ones and an organisation’s', async () => {
    // Room for two results, not three.
    const jobs = createSimulationJobs({ pool, maxActiveJobs: 4, maxAnonymousResultBytes: Math.floor(2.5 * ONE_RESULT_BYTES) });
    const owned = await finish(jobs, 'organisation-a');
    const first = await finish(jobs, null);
    const second = await finish(jobs, null);
    expect(jobs.get(first.id)).toBe(first);
    const third = await finish(jobs, null);
    expect(jobs.get(first.id)).toBeUndefined();
    expect(jobs.get(second.id)).toBe(second);
    expect(jobs.get(third.id)).toBe(third);
    expect(jobs.get(owned.id, 'organisation-a')).toBe(owned);
  });

  it('keeps the newest anonymous result for its caller even when it alone exceeds the budget', async () => {
    const jobs = createSimulationJobs({ pool, maxActiveJobs: 4, maxAnonymousResultBytes: ONE_RESULT_BYTES - 1 });
    const first = await finish(jobs, null);
    expect(jobs.get(first.id)).toBe(first);
    const second = await finish(jobs, null);
    expect(jobs.get(first.id)).toBeUndefined();
    expect(jobs.get(second.id)).toBe(second);
  });
});

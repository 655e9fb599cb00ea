import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModelSpec, type ModelSpec } from '../../models/model-spec.js';
import { runSensitivity, SensitivitySettingsSchema } from '../../models/sensitivity/index.js';
import { BLOCK_SIZE, SimulationSettingsSchema } from '../../models/simulation/index.js';
import { ContractSchema } from '../../models/contract/index.js';
import { describeModelSpec } from '../../runtime/model-kinds.js';
import { createQueuePool, type QueuePool } from '../../runtime/queue/queue-pool.js';
import { createSimulationJobs, type SimulationJobs } from '../../runtime/simulation-jobs.js';
import { createSimulationPool, type SimulationPool } from '../../runtime/simulation-pool.js';
import { createApp } from '../../api/app.js';
import { ConfigSchema } from '../../api/config.js';
import { createServices } from '../../api/services.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { uncertainContract } from '../api/saved-object-fixtures.js';
import { removeQueuePrefix, startWorker, stopWorker, type WorkerProcess } from './worker-processes.js';

/**
 * Scale-out through Redis: an API-side queue pool shares a run's blocks out as chunk jobs, two
 * worker processes (`runtime/queue-worker.ts`, spawned) run them, and the merged result must be the
 * bytes an in-process run gives, also when one worker is SIGKILLed mid-chunk. Needs Redis:
 * TEST_REDIS_URL (CI sets it); skipped without. Each run uses its own queue prefix.
 */

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
/** Locks expire fast, so a killed worker's chunk is taken again within seconds. */
const LOCK_MS = 2_000;
/** Spawning a worker loads tsx and the engine: slow on a busy machine. */
const WORKER_START_TIMEOUT_MS = 120_000;

const contractSpec: ModelSpec = { kind: 'contract', contract: ContractSchema.parse(uncertainContract()) };
const model = describeModelSpec(contractSpec);
/** 12 whole blocks and a short last one, shared out one block per chunk. */
const settings = SimulationSettingsSchema.parse({ seed: 5, iterations: 12 * BLOCK_SIZE + 100, drawIndividualOutcomes: true });

describe.skipIf(TEST_REDIS_URL === undefined)('simulations through Redis and worker processes', () => {
  const prefix = `rf-test-${randomUUID()}`;
  let workers: WorkerProcess[] = [];
  let queuePool: QueuePool;
  let jobs: SimulationJobs;
  let local: SimulationPool;
  let expectedText: string;

  beforeAll(async () => {
    workers = [startWorker('a', { redisUrl: TEST_REDIS_URL!, prefix, lockMs: LOCK_MS }), startWorker('b', { redisUrl: TEST_REDIS_URL!, prefix, lockMs: LOCK_MS })];
    queuePool = createQueuePool({ redisUrl: TEST_REDIS_URL!, prefix, blocksPerChunk: 1, reconcileIntervalMs: 500 });
    jobs = createSimulationJobs({ pool: queuePool, maxActiveJobs: 4 });
    local = createSimulationPool({ threads: 1 });
    const expected = await local.run(model, settings);
    if (!expected.ok) throw new Error(JSON.stringify(expected.error));
    expectedText = JSON.stringify(expected.value);
    await Promise.all(workers.map((worker) => worker.waitFor((event) => event.event === 'ready')));
    await queuePool.warmUp();
  }, WORKER_START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await queuePool?.close();
    await local?.close();
    await removeQueuePrefix(TEST_REDIS_URL!, prefix);
  });

  it('completes a simulation on two worker processes with the bytes of one in-process run', async () => {
    const job = jobs.submit({ kind: 'simulation', model, settings })!;
    await jobs.waitFor(job, 120_000);
    expect(job.status).toBe('succeeded');
    expect(job.completedIterations).toBe(settings.iterations);
    expect(job.resultText).toBe(expectedText);
    // 13 chunks went through the queue, and each worker ran some of them.
    for (const worker of workers) expect(worker.events.filter((event) => event.event === 'finished').length).toBeGreaterThan(0);
  }, 180_000);

  it('reports readiness with the connected workers and the queue depth', async () => {
    expect(await queuePool.health()).toEqual({ ok: true, detail: 'Redis answers; 2 worker processes connected' });
    expect(await queuePool.depth()).toEqual({ waiting: 0, active: 0 });
  });

  it('runs a sensitivity analysis in a worker with the in-process answer', async () => {
    const sensitivity = SensitivitySettingsSchema.parse({ method: 'tornado', output: 'payerNetResult' });
    const compiled = compileModelSpec(contractSpec);
    if (!compiled.ok) throw new Error('the contract compiles');
    const inProcess = runSensitivity(compiled.value, sensitivity);
    const queued = await queuePool.analyse(contractSpec, sensitivity);
    expect(JSON.stringify(queued)).toBe(JSON.stringify(inProcess));
  }, 120_000);

  it('cancels a run: the chunks not started never start, and the job says cancelled', async () => {
    const big = SimulationSettingsSchema.parse({ seed: 9, iterations: 400 * 2_048 });
    const job = jobs.submit({ kind: 'simulation', model, settings: big })!;
    const isFirstChunk = (event: { event: string; job?: string }) => event.event === 'started' && (event.job ?? '').endsWith('.0');
    await Promise.race(workers.map((worker) => worker.waitFor(isFirstChunk)));
    const runId = workers.flatMap((worker) => worker.events).find(isFirstChunk)!.job!.split('.')[0];
    expect(jobs.cancel(job.id)).toBe(true);
    expect(job.status).toBe('cancelled');
    // Wait until the queue is empty: the 400 chunks were removed (or skipped), the running ones stopped.
    for (let tries = 0; tries < 600; tries++) {
      const depth = await queuePool.depth();
      if (depth.waiting === 0 && depth.active === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await queuePool.depth()).toEqual({ waiting: 0, active: 0 });
    // Only the chunks taken before the cancel arrived started: far fewer than the run's 400 (a
    // one-block chunk takes a fraction of a second, so a few dozen at most on a busy machine).
    const started = workers.flatMap((worker) => worker.events).filter((event) => event.event === 'started' && event.job!.startsWith(runId));
    expect(started.length).toBeLessThan(100);
  }, 120_000);

  it('completes the run elsewhere when a worker is SIGKILLed mid-chunk, with the same bytes', async () => {
    const [victim, survivor] = workers;
    const job = jobs.submit({ kind: 'simulation', model, settings })!;
    const victimStarted = victim.events.length;
    await victim.waitFor((event) => victim.events.indexOf(event) >= victimStarted && event.event === 'started');
    victim.child.kill('SIGKILL');
    await jobs.waitFor(job, 150_000);
    expect(job.status).toBe('succeeded');
    expect(job.resultText).toBe(expectedText);
    expect(survivor.events.filter((event) => event.event === 'finished').length).toBeGreaterThan(0);
  }, 180_000);

  it('serves POST /simulations through the queue with REDIS_URL: the same result, and /ready names the queue', async () => {
    const config = ConfigSchema.parse({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    const services = createServices(config);
    const app = createApp({ config, services });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const answer = await fetch(`${baseUrl}/simulations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', prefer: 'wait=120' },
        body: JSON.stringify({ model: contractSpec, settings }),
      });
      expect(answer.status).toBe(200);
      const view = (await answer.json()) as { result: unknown };
      expect(JSON.stringify(view.result)).toBe(expectedText);
      const ready = (await (await fetch(`${baseUrl}/ready`)).json()) as { status: string; checks: Record<string, { ok: boolean }> };
      expect(ready.status).toBe('ready');
      expect(ready.checks.queue.ok).toBe(true);
      expect(await (await fetch(`${baseUrl}/metrics`)).text()).toMatch(/^job_queue_depth\{state="waiting"\} 0$/m);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    }
  }, 180_000);
});

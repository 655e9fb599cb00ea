import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ConfigSchema } from '../../api/config.js';
import type { Services } from '../../api/services.js';
import { ContractSchema } from '../../models/contract/index.js';
import { BLOCK_SIZE } from '../../models/simulation/block-layout.js';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import { describeModelSpec } from '../../runtime/model-kinds.js';
import { createQueuePool, type QueuePool } from '../../runtime/queue/queue-pool.js';
import { createSimulationJobs } from '../../runtime/simulation-jobs.js';
import { createSimulationPool } from '../../runtime/simulation-pool.js';
import { uncertainContract } from '../api/saved-object-fixtures.js';
import { removeQueuePrefix, startWorker, stopWorker, type WorkerProcess } from './worker-processes.js';

/**
 * A queue worker stopped with SIGTERM (a rolling deploy, a scale-in) hands the chunk it holds back
 * to the queue at once and exits 0 without finishing it; another worker runs the chunk, and the
 * run's result is the bytes an in-process run gives. The chunk locks last QUEUE_LOCK_MS = 120 s
 * here: a chunk that was not handed back (a worker that merely stops) would wait for its lock to
 * expire, so the test requires the other worker to have started it well within that.
 * Real processes: two `runtime/queue-worker.ts` processes spawned without a tsx wrapper (so the
 * signal reaches the worker itself), the API (app + queue pool) in this process. Needs Redis:
 * TEST_REDIS_URL; skipped without. Its own queue prefix, removed afterwards.
 */

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
const LOCK_MS = 120_000;
/** A handed-back chunk must be started elsewhere well before its lock could have expired. */
const TAKE_OVER_LIMIT_MS = LOCK_MS / 2;
/** Spawning a worker loads tsx and the engine: slow on a busy machine. */
const WORKER_START_TIMEOUT_MS = 120_000;
/** Chunks of 100 blocks: a second or more each on one thread, so the signal surely lands mid-chunk. */
const BLOCKS_PER_CHUNK = 100;
const CHUNKS = 4;

const contractSpec = { kind: 'contract' as const, contract: ContractSchema.parse(uncertainContract()) };
const settings = SimulationSettingsSchema.parse({ seed: 31, iterations: (CHUNKS - 1) * BLOCKS_PER_CHUNK * BLOCK_SIZE + 7 * BLOCK_SIZE + 100 });

describe.skipIf(TEST_REDIS_URL === undefined)('a queue worker stopped with SIGTERM', () => {
  const prefix = `rf-test-sigterm-${randomUUID()}`;
  let workers: WorkerProcess[] = [];
  let queuePool: QueuePool;
  let server: Server | undefined;
  let baseUrl: string;
  let expectedText: string;

  beforeAll(async () => {
    workers = [startWorker('victim', { redisUrl: TEST_REDIS_URL!, prefix, lockMs: LOCK_MS }), startWorker('survivor', { redisUrl: TEST_REDIS_URL!, prefix, lockMs: LOCK_MS })];
    queuePool = createQueuePool({ redisUrl: TEST_REDIS_URL!, prefix, blocksPerChunk: BLOCKS_PER_CHUNK, reconcileIntervalMs: 500 });
    const jobs = createSimulationJobs({ pool: queuePool, maxActiveJobs: 4 });
    const services: Services = { pool: queuePool, jobs, store: null, instanceId: randomUUID(), close: () => queuePool.close() };
    const config = ConfigSchema.parse({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    const app = createApp({ config, services });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The reference: the same run in this process, on one thread.
    const local = createSimulationPool({ threads: 1 });
    try {
      const expected = await local.run(describeModelSpec(contractSpec), settings);
      if (!expected.ok) throw new Error(JSON.stringify(expected.error));
      expectedText = JSON.stringify(expected.value);
    } finally {
      await local.close();
    }
    await Promise.all(workers.map((worker) => worker.waitFor((event) => event.event === 'ready', WORKER_START_TIMEOUT_MS)));
    await queuePool.warmUp();
  }, 2 * WORKER_START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    await queuePool?.close();
    await removeQueuePrefix(TEST_REDIS_URL!, prefix);
  });

  it('hands its chunk back at once and exits 0; the other worker runs it, and the result is the in-process bytes', async () => {
    const [victim, survivor] = workers;
    const accepted = await fetch(`${baseUrl}/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'respond-async' },
      body: JSON.stringify({ model: contractSpec, settings }),
    });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };

    // The victim holds a chunk of the run: SIGTERM it then, well before the chunk can finish.
    const held = await victim.waitFor((event) => event.event === 'started', WORKER_START_TIMEOUT_MS);
    const heldJob = held.job!;
    expect(heldJob).toMatch(/\.\d+$/);
    const signalledAt = Date.now();
    victim.child.kill('SIGTERM');

    // It exits promptly and cleanly, without finishing the chunk.
    const exit = await victim.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan(15_000);
    expect(victim.events.map((event) => event.event)).toContain('stopping');
    expect(victim.events.filter((event) => event.job === heldJob && event.event === 'finished')).toEqual([]);

    // The survivor takes the handed-back chunk long before its lock could have expired.
    const takenOver = await survivor
      .waitFor((event) => event.job === heldJob && event.event === 'started', TAKE_OVER_LIMIT_MS)
      .catch(() => null);
    expect(takenOver, `the survivor did not start the handed-back chunk ${heldJob} within ${TAKE_OVER_LIMIT_MS} ms of the SIGTERM`).not.toBeNull();
    expect(takenOver!.at - signalledAt).toBeLessThan(TAKE_OVER_LIMIT_MS);

    // The run completes with the bytes of one in-process run.
    let text = '';
    const deadline = Date.now() + 180_000;
    for (;;) {
      text = await (await fetch(`${baseUrl}/simulations/${id}`)).text();
      const { status } = JSON.parse(text) as { status: string };
      if (status !== 'queued' && status !== 'running') break;
      if (Date.now() > deadline) throw new Error(`the run did not finish: ${text.slice(0, 300)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const job = JSON.parse(text) as { status: string; progress: { completedIterations: number; totalIterations: number } };
    expect(job.status).toBe('succeeded');
    expect(job.progress.completedIterations).toBe(settings.iterations);
    expect(text.endsWith(`"result":${expectedText}}`)).toBe(true);
    // Every chunk of the run was finished by the survivor, the handed-back one included.
    const finishedBySurvivor = new Set(survivor.events.filter((event) => event.event === 'finished' && event.job!.startsWith(heldJob.split('.')[0])).map((event) => event.job));
    expect(finishedBySurvivor.has(heldJob)).toBe(true);
    expect(await queuePool.depth()).toEqual({ waiting: 0, active: 0 });
  }, 4 * WORKER_START_TIMEOUT_MS);
});

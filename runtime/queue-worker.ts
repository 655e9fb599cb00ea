import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { z } from 'zod';
import { createSimulationPool } from './simulation-pool.js';
import {
  cancelKey,
  decode,
  encode,
  MAX_STALLED_COUNT,
  QUEUE_NAME,
  RESULT_TTL_SECONDS,
  resultKey,
  type ChunkJobData,
  type SensitivityJobData,
  type SummariseJobData,
  type WorkName,
} from './queue/queue-protocol.js';
import type { PartialResult } from '../models/simulation/index.js';

/**
 * `npm run worker`: a worker process for the shared simulation queue (BullMQ on REDIS_URL). It
 * takes chunk, summary and sensitivity jobs and runs each on its own simulation threads, so its
 * event loop stays free to renew its job locks. Start as many as the machines have cores to spare,
 * on any machine that reaches the same Redis (and runs the same software version).
 *
 * SIGTERM hands the jobs under way back to the queue at once (another worker takes them from the
 * start); a worker killed without warning stops renewing its locks, and BullMQ gives its jobs to
 * another worker after QUEUE_LOCK_MS.
 */

const WorkerConfigSchema = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  QUEUE_PREFIX: z.string().min(1).default('resultaatfinanciering'),
  /** Simulation threads, and jobs taken at once; default: every core. */
  WORKER_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  /** How long a job stays locked to a worker that stops renewing it (a killed worker) before another takes it. */
  QUEUE_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** A name in logs and in the queue's worker list. */
  WORKER_NAME: z.string().min(1).optional(),
  /** Seconds one sensitivity analysis may compute on a thread here; 0: no limit (as the service's MAX_REQUEST_SECONDS). */
  MAX_REQUEST_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
});

/** How often a running chunk checks whether its run was cancelled. */
const CANCEL_POLL_MS = 250;
/** Least time between two progress updates of one chunk. */
const PROGRESS_INTERVAL_MS = 250;

const parsed = WorkerConfigSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
const config = parsed.data;
const name = config.WORKER_NAME ?? `${hostname()}:${process.pid}`;
const pool = createSimulationPool({ threads: config.WORKER_THREADS, maxTaskMs: config.MAX_REQUEST_SECONDS === 0 ? undefined : config.MAX_REQUEST_SECONDS * 1000 });
const commands = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });

function log(event: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: 'info', worker: name, event, ...fields }));
}

/** Aborts when the run is cancelled (polled) or the worker hands the job back. */
function cancellation(runId: string, handBack: AbortSignal | undefined): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const poll = setInterval(() => {
    void commands.exists(cancelKey(config.QUEUE_PREFIX, runId)).then((cancelled) => {
      if (cancelled === 1) controller.abort(new Error('the run was cancelled'));
    });
  }, CANCEL_POLL_MS);
  const onHandBack = () => controller.abort(handBack!.reason);
  handBack?.addEventListener('abort', onHandBack, { once: true });
  return {
    signal: controller.signal,
    stop() {
      clearInterval(poll);
      handBack?.removeEventListener('abort', onHandBack);
    },
  };
}

async function work(job: Job, _token?: string, handBack?: AbortSignal): Promise<string> {
  const kind = job.name as WorkName;
  const data = job.data as ChunkJobData | SummariseJobData | SensitivityJobData;
  if ((await commands.exists(cancelKey(config.QUEUE_PREFIX, data.runId))) === 1) {
    log('skipped', { job: job.id, reason: 'cancelled' });
    return 'cancelled';
  }
  log('started', { job: job.id, kind });
  const { signal, stop } = cancellation(data.runId, handBack);
  try {
    let answer: unknown;
    if (kind === 'chunk') {
      const chunk = data as ChunkJobData;
      let lastProgressAt = 0;
      answer = await pool.runPartial(chunk.variants, chunk.settings, { fromBlock: chunk.fromBlock, toBlock: chunk.toBlock }, {
        comparison: chunk.comparison,
        signal,
        onProgress: ({ completedIterations }) => {
          if (Date.now() - lastProgressAt < PROGRESS_INTERVAL_MS) return;
          lastProgressAt = Date.now();
          void job.updateProgress(completedIterations).catch(() => {});
        },
      });
    } else if (kind === 'summarise') {
      const summarise = data as SummariseJobData;
      answer = await pool.summarisePartial(decode<PartialResult>(summarise.partial), summarise.comparison);
    } else {
      const analysis = data as SensitivityJobData;
      answer = await pool.analyse(analysis.model, analysis.settings, { signal });
    }
    await commands.set(resultKey(config.QUEUE_PREFIX, job.id!), encode(answer), 'EX', RESULT_TTL_SECONDS);
    log('finished', { job: job.id, kind });
    return 'done';
  } finally {
    stop();
  }
}

const worker = new Worker(QUEUE_NAME, work, {
  connection: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
  prefix: config.QUEUE_PREFIX,
  name,
  concurrency: pool.threads,
  lockDuration: config.QUEUE_LOCK_MS,
  stalledInterval: Math.max(1_000, Math.floor(config.QUEUE_LOCK_MS / 2)),
  maxStalledCount: MAX_STALLED_COUNT,
});
worker.on('error', (error) => console.error(JSON.stringify({ level: 'error', worker: name, message: error.message })));
await worker.waitUntilReady();
void pool.warmUp();
log('ready', { threads: pool.threads, prefix: config.QUEUE_PREFIX });

/** How long a stopping worker waits for its jobs to be handed back or finished: well inside the 30 s an orchestrator waits before SIGKILL. */
const HAND_BACK_WAIT_MS = 10_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

let stopping = false;
async function stop(signalName: string): Promise<void> {
  if (stopping) process.exit(1);
  stopping = true;
  log('stopping', { signal: signalName });
  // Hand the jobs under way back: their processors stop, and the failed attempt returns each job
  // to the queue (CHUNK_ATTEMPTS), where another worker starts it again.
  // close() without force waits until each cancelled processor has thrown and its failed attempt
  // is written to Redis, so the hand-back does not depend on how long the rest of the shutdown
  // takes; a summary (which cannot be cancelled) may finish instead. Bounded: after
  // HAND_BACK_WAIT_MS the worker closes by force and the chunk lock's expiry hands the job back.
  worker.cancelAllJobs('the worker is stopping');
  const closed = await Promise.race([worker.close().then(() => true), delay(HAND_BACK_WAIT_MS).then(() => false)]);
  if (!closed) await worker.close(true);
  await pool.close();
  commands.disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

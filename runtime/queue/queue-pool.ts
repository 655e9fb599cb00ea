import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { DomainError } from '../../models/errors.js';
import type { ModelSpec } from '../../models/model-spec.js';
import { ok, type Result } from '../../models/result.js';
import type { SensitivityResult, SensitivitySettings } from '../../models/sensitivity/index.js';
import {
  iterationsInBlocks,
  mergePartials,
  prepareVariants,
  type PartialResult,
  type SimulationResult,
  type SimulationSettings,
  type SimulationVariant,
  type VariantComparisonResult,
} from '../../models/simulation/index.js';
import '../model-kinds.js';
import { compileModelDescription } from '../model-registry.js';
import type { VariantDescription } from '../simulation-messages.js';
import { createSimulationPool, type RunOptions, type SimulationPool, type SimulationPoolStats } from '../simulation-pool.js';
import {
  CANCEL_TTL_SECONDS,
  cancelKey,
  CHUNK_ATTEMPTS,
  decode,
  DEFAULT_BLOCKS_PER_CHUNK,
  encode,
  QUEUE_NAME,
  resultKey,
  type ChunkJobData,
  type SensitivityJobData,
  type SummariseJobData,
  type WorkName,
} from './queue-protocol.js';

/**
 * The simulation pool of an API process when REDIS_URL is set: instead of running chunks on its
 * own threads, it cuts a run into chunk jobs on a BullMQ queue, which worker processes
 * (`npm run worker`, on this machine or others) take; it merges their partials in block order and
 * has a worker summarise the whole. Each block has its own random stream and partials merge
 * exactly, so the result is the same bytes as one process gives. Progress comes from the workers'
 * job progress; cancelling removes the chunks not started and tells workers to stop the others.
 * A worker that dies mid-chunk stops renewing the chunk's lock; BullMQ then hands the chunk to
 * another worker. The simulation jobs module (progress, cancel, 429) runs on top unchanged.
 */

export interface QueuePoolOptions {
  redisUrl: string;
  /** BullMQ key prefix: processes sharing work use the same one (tests use a fresh one per run). */
  prefix: string;
  blocksPerChunk?: number;
  /** How often pending jobs are checked for results whose event was missed (a Redis reconnect). */
  reconcileIntervalMs?: number;
  /** The time limit of a computation on this process's own thread (SimulationPoolOptions.maxTaskMs). */
  maxTaskMs?: number;
}

export interface QueueDepth {
  waiting: number;
  active: number;
}

export interface QueuePool extends SimulationPool {
  depth(): Promise<QueueDepth>;
  /** Whether Redis answers and how many worker processes are connected. */
  health(): Promise<{ ok: boolean; detail: string }>;
}

interface PendingJob {
  resolve(value: unknown): void;
  reject(reason: unknown): void;
  onProgress?: (completedIterations: number) => void;
}

const DEFAULT_RECONCILE_INTERVAL_MS = 2_000;

export function createQueuePool(options: QueuePoolOptions): QueuePool {
  const { prefix } = options;
  /** A thread for computations other than simulations (see `compute`), started on the first. */
  let localThread: SimulationPool | null = null;
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const eventsConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix });
  const pending = new Map<string, PendingJob>();
  let closed = false;
  const ready = Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);

  async function take(jobId: string): Promise<void> {
    const waiting = pending.get(jobId);
    if (waiting === undefined) return;
    const text = await connection.getdel(resultKey(prefix, jobId));
    if (text === null || !pending.has(jobId)) return;
    pending.delete(jobId);
    waiting.resolve(decode(text));
  }

  events.on('completed', ({ jobId }) => void take(jobId).catch((error: unknown) => failPending(jobId, error)));
  events.on('failed', ({ jobId, failedReason }) => failPending(jobId, new Error(`a simulation worker failed: ${failedReason}`)));
  events.on('progress', ({ jobId, data }) => {
    if (typeof data === 'number') pending.get(jobId)?.onProgress?.(data);
  });

  function failPending(jobId: string, reason: unknown): void {
    const waiting = pending.get(jobId);
    if (waiting === undefined) return;
    pending.delete(jobId);
    waiting.reject(reason);
  }

  // Events are a stream read from the moment of connecting: a reconnect can miss one. Results stay
  // under their keys, so a slow sweep finds any that arrived unannounced.
  const reconcile = setInterval(() => {
    for (const jobId of pending.keys()) void take(jobId).catch(() => {});
  }, options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS);
  reconcile.unref();

  type JobSpec = { name: WorkName; jobId: string; data: ChunkJobData | SummariseJobData | SensitivityJobData; onProgress?: (n: number) => void };

  /** Adds the jobs in one round trip and returns the promise of each one's answer. */
  function addAll<T>(specs: JobSpec[]): { added: Promise<unknown>; answers: Promise<T>[] } {
    const answers = specs.map(({ jobId, onProgress }) => {
      const answer = new Promise<T>((resolve, reject) => pending.set(jobId, { resolve: resolve as (value: unknown) => void, reject, onProgress }));
      // A run cancelled before its answers are awaited must not leave unhandled rejections behind.
      answer.catch(() => {});
      return answer;
    });
    const added = queue.addBulk(
      specs.map(({ name, jobId, data }) => ({ name, data, opts: { jobId, attempts: CHUNK_ATTEMPTS, removeOnComplete: true, removeOnFail: { age: 24 * 60 * 60 } } })),
    );
    added.catch((error: unknown) => {
      for (const { jobId } of specs) failPending(jobId, error);
    });
    return { added, answers };
  }

  async function addAndAwait<T>(name: WorkName, jobId: string, data: ChunkJobData | SummariseJobData | SensitivityJobData): Promise<T> {
    const { answers } = addAll<T>([{ name, jobId, data }]);
    return answers[0];
  }

  /** Runs whose jobs are still being added: a cancel waits for that, then removes them. */
  const adding = new Map<string, Promise<unknown>>();

  async function cancelRun(runId: string, jobIds: string[], reason: unknown): Promise<void> {
    for (const jobId of jobIds) failPending(jobId, reason);
    await connection.set(cancelKey(prefix, runId), '1', 'EX', CANCEL_TTL_SECONDS);
    await adding.get(runId)?.catch(() => {});
    // Chunks not yet taken are removed; those running see the cancel key and stop.
    await Promise.all(jobIds.map((jobId) => queue.remove(jobId).catch(() => 0)));
  }

  async function distribute(
    variants: VariantDescription[],
    settings: SimulationSettings,
    comparison: boolean,
    runOptions: RunOptions,
  ): Promise<Result<SimulationResult | VariantComparisonResult, DomainError>> {
    if (closed) throw new Error('the simulation queue is closed');
    runOptions.signal?.throwIfAborted();
    // Validate and plan here: errors return at once, and the plan gives the blocks to share out.
    const compiled: SimulationVariant[] = [];
    for (const [v, variant] of variants.entries()) {
      const model = compileModelDescription(variant.model, comparison ? ['variants', v, 'model'] : ['model']);
      if (!model.ok) return model;
      compiled.push({ name: variant.name, model: model.value });
    }
    const plan = prepareVariants(compiled, settings);
    if (!plan.ok) return plan;
    const { meta } = plan.value;
    await ready;
    runOptions.signal?.throwIfAborted();

    const runId = randomUUID();
    const blocksPerChunk = Math.max(1, Math.floor(runOptions.blocksPerChunk ?? options.blocksPerChunk ?? DEFAULT_BLOCKS_PER_CHUNK));
    const chunkCount = Math.ceil(meta.blocks / blocksPerChunk);
    const jobIds = Array.from({ length: chunkCount }, (_, chunk) => `${runId}.${chunk}`);
    const summaryJobId = `${runId}.summary`;
    const progressOfChunk = new Array<number>(chunkCount).fill(0);
    const onAbort = () => void cancelRun(runId, [...jobIds, summaryJobId], runOptions.signal!.reason);
    runOptions.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const arrived = new Map<number, PartialResult>();
      let merged: PartialResult | null = null;
      let nextToMerge = 0;
      let refused: Result<never, DomainError> | null = null;
      const rangeOf = (chunk: number) => ({ fromBlock: chunk * blocksPerChunk, toBlock: Math.min(meta.blocks, (chunk + 1) * blocksPerChunk) });
      const { added, answers } = addAll<Result<PartialResult, DomainError>>(
        jobIds.map((jobId, chunk) => ({
          name: 'chunk',
          jobId,
          data: { runId, chunk, comparison, variants, settings, ...rangeOf(chunk) } satisfies ChunkJobData,
          onProgress: (completed: number) => {
            progressOfChunk[chunk] = completed;
            runOptions.onProgress?.({ completedIterations: progressOfChunk.reduce((a, b) => a + b, 0), totalIterations: meta.iterations });
          },
        })),
      );
      adding.set(runId, added);
      void added.finally(() => adding.delete(runId)).catch(() => {});
      await Promise.all(
        answers.map(async (answer, chunk) => {
          const { fromBlock, toBlock } = rangeOf(chunk);
          const outcome = await answer;
          if (!outcome.ok) {
            refused ??= outcome;
            return;
          }
          progressOfChunk[chunk] = iterationsInBlocks(meta, fromBlock, toBlock);
          arrived.set(chunk, outcome.value);
          // Merge in block order as soon as the next chunk is there: memory stays at a few partials.
          while (arrived.has(nextToMerge)) {
            const next = arrived.get(nextToMerge)!;
            arrived.delete(nextToMerge);
            merged = merged === null ? next : mergePartials([merged, next]);
            nextToMerge++;
          }
        }),
      );
      if (refused !== null) return refused;
      const summary = await addAndAwait<SimulationResult | VariantComparisonResult>('summarise', summaryJobId, { runId, comparison, partial: encode(merged!) });
      return ok(summary);
    } catch (error) {
      if (runOptions.signal?.aborted) throw runOptions.signal.reason;
      await cancelRun(runId, [...jobIds, summaryJobId], error).catch(() => {});
      throw error;
    } finally {
      runOptions.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    threads: 0,
    run: (model, settings, runOptions = {}) =>
      distribute([{ name: 'model', model }], settings, false, runOptions) as Promise<Result<SimulationResult, DomainError>>,
    runVariants: (variants, settings, runOptions = {}) =>
      distribute(variants, settings, true, runOptions) as Promise<Result<VariantComparisonResult, DomainError>>,
    runPartial: () => Promise.reject(new Error('a queue pool shares runs out to workers; it runs no block range itself')),
    summarisePartial: (partial, comparison) => addAndAwait('summarise', `${randomUUID()}.summary`, { runId: randomUUID(), comparison, partial: encode(partial) }),
    async analyse(model: ModelSpec, settings: SensitivitySettings, analyseOptions: { signal?: AbortSignal } = {}) {
      if (closed) throw new Error('the simulation queue is closed');
      const signal = analyseOptions.signal;
      signal?.throwIfAborted();
      await ready;
      const runId = randomUUID();
      const jobId = `${runId}.sensitivity`;
      const onAbort = () => void cancelRun(runId, [jobId], signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await addAndAwait<Result<SensitivityResult, DomainError>>('sensitivity', jobId, { runId, model, settings });
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    // A report's rendering is short next to a simulation and its input is large (a whole run):
    // it stays on this process, on one thread of its own, off the event loop all the same.
    compute: (name, input, computeOptions) => {
      if (closed) return Promise.reject(new Error('the simulation queue is closed'));
      localThread ??= createSimulationPool({ threads: 1, maxTaskMs: options.maxTaskMs });
      return localThread.compute(name, input, computeOptions);
    },
    stats(): SimulationPoolStats {
      return { threads: 0, startedThreads: 0, busyThreads: 0, queuedTasks: pending.size };
    },
    async warmUp() {
      await ready;
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      return { waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0), active: counts.active ?? 0 };
    },
    async health() {
      await connection.ping();
      const workers = await queue.getWorkersCount();
      return workers > 0
        ? { ok: true, detail: `Redis answers; ${workers} worker process${workers === 1 ? '' : 'es'} connected` }
        : { ok: false, detail: 'Redis answers, but no worker process is connected: simulations would wait (start npm run worker)' };
    },
    async close() {
      closed = true;
      await localThread?.close();
      clearInterval(reconcile);
      for (const jobId of [...pending.keys()]) failPending(jobId, new Error('the simulation queue was closed'));
      await events.close();
      await queue.close();
      connection.disconnect();
      eventsConnection.disconnect();
    },
  };
}

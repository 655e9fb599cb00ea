import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DomainError } from '../models/errors.js';
import { fail, ok, type Result } from '../models/result.js';
import {
  iterationsInBlocks,
  MAX_INLINE_SAMPLE_VALUES,
  mergePartials,
  prepareVariants,
  withFans,
  type PartialResult,
  type SeriesFan,
  type SimulationResult,
  type SimulationSettings,
  type SimulationVariant,
  type VariantComparisonResult,
} from '../models/simulation/index.js';
import type { ModelSpec } from '../models/model-spec.js';
import type { SensitivityResult, SensitivitySettings } from '../models/sensitivity/index.js';
import './model-kinds.js';
import { compileModelDescription, type ModelDescription } from './model-registry.js';
import { warmUpCompile } from './warm-up.js';
import type { ComputationName, Computations } from './report-rendering.js';
import {
  partialBuffers,
  type ComputeTask,
  type FansTask,
  type PingTask,
  type RunChunkTask,
  type SensitivityTask,
  type SummariseTask,
  type VariantDescription,
  type WorkerReply,
  type WorkerTask,
} from './simulation-messages.js';

/**
 * Runs simulations on worker threads without blocking the event loop. A job's blocks are cut into
 * chunks, the chunks run on up to `threads` workers, and their partials are merged in block order
 * as they arrive; a worker summarises the merged partial. The engine's layout (one generator
 * stream per block, exact merges) makes the result bit-for-bit the same as a single-threaded
 * run, whatever the thread count and chunk size.
 *
 * Workers are started lazily and kept for later jobs; idle workers do not keep the process
 * alive. Call `close()` to stop them.
 */

export interface SimulationPoolOptions {
  /** Worker threads; default `os.availableParallelism()`. */
  threads?: number;
  /** Blocks per chunk; default: about CHUNKS_PER_THREAD chunks per thread, at most MAX_BLOCKS_PER_CHUNK. */
  blocksPerChunk?: number;
  /**
   * Milliseconds one analysis or computation (a task of `analyse` or `compute`) may run once a
   * thread has begun it, its modules loaded (MAX_REQUEST_SECONDS: a thread's cold start, 5 to 20 s
   * on a busy machine, does not count); then its thread is stopped and it answers a
   * `time-limit` domain error. Default: no limit. Simulation jobs have their own (MAX_JOB_SECONDS).
   */
  maxTaskMs?: number;
}

export interface SimulationProgress {
  completedIterations: number;
  totalIterations: number;
}

export interface RunOptions {
  /** Aborting rejects the run with the signal's reason and stops its workers at once. */
  signal?: AbortSignal;
  onProgress?: (progress: SimulationProgress) => void;
  /** Blocks per chunk for this run (the result does not depend on it); default: the pool's. */
  blocksPerChunk?: number;
  /**
   * keepSamples: the folder the threads write the kept values to (runtime/sample-files.ts), so that
   * they never pass through this thread. The result carries them as `samples` too only when there
   * are at most MAX_INLINE_SAMPLE_VALUES (read back by the summarising thread); else `samples` is null.
   * Without it (a share of a run for another process) the values come back in the partial.
   */
  samplesDirectory?: string;
  /** Called once, when the run is planned, with the number of kept values written to `samplesDirectory`. */
  onSamplesKept?: (values: number) => void;
}

export interface SimulationPool {
  readonly threads: number;
  /** One model. Domain errors (bad model, bad settings) come back as a failed Result. */
  run(model: ModelDescription, settings: SimulationSettings, options?: RunOptions): Promise<Result<SimulationResult, DomainError>>;
  /** Variants of one model on common random numbers. */
  runVariants(
    variants: VariantDescription[],
    settings: SimulationSettings,
    options?: RunOptions,
  ): Promise<Result<VariantComparisonResult, DomainError>>;
  /**
   * Blocks [fromBlock, toBlock) of a run, merged but not summarised: a share of a run that is
   * spread over several processes (see runtime/queue). Merging the partials of consecutive ranges
   * in block order and summarising gives the bytes of the whole run.
   */
  runPartial(
    variants: VariantDescription[],
    settings: SimulationSettings,
    range: BlockRange,
    options?: RunOptions & { comparison?: boolean },
  ): Promise<Result<PartialResult, DomainError>>;
  /** Summarises a complete partial on a thread (sorting can take a while). */
  summarisePartial(partial: PartialResult, comparison: boolean): Promise<SimulationResult | VariantComparisonResult>;
  /**
   * A sensitivity analysis on a worker thread, queued with the simulation chunks. The model is
   * validated by the caller; a domain error here concerns the settings. Aborting stops the thread.
   */
  analyse(model: ModelSpec, settings: SensitivitySettings, options?: { signal?: AbortSignal }): Promise<Result<SensitivityResult, DomainError>>;
  /**
   * Another heavy computation of a request (runtime/report-rendering.ts) on a thread, queued with
   * the simulation chunks and analyses (taking turns with them), so that it never holds up the
   * event loop. A domain error comes back as a failed Result; aborting stops the thread.
   */
  compute<N extends ComputationName>(
    name: N,
    input: Computations[N]['input'],
    options?: { signal?: AbortSignal },
  ): Promise<Result<Computations[N]['output'], DomainError>>;
  /** What the threads are doing now, for readiness and metrics. */
  stats(): SimulationPoolStats;
  /**
   * Starts every thread and waits until each has loaded its modules and run a few small warm-up
   * simulations (runtime/warm-up.ts), so that the first jobs start at once and run compiled code.
   */
  warmUp(): Promise<void>;
  /** Stops every worker; runs still in progress are rejected. */
  close(): Promise<void>;
}

export interface BlockRange {
  fromBlock: number;
  /** Exclusive. */
  toBlock: number;
}

export interface SimulationPoolStats {
  threads: number;
  /** Threads started and not stopped. */
  startedThreads: number;
  /** Threads working on a chunk, a summary or an analysis. */
  busyThreads: number;
  /** Chunks, summaries and analyses waiting for a free thread. */
  queuedTasks: number;
}

/** Chunks per thread: enough to balance uneven chunks, few enough to keep merging cheap. */
const CHUNKS_PER_THREAD = 4;
/** Upper bound on a chunk, so that progress and cancellation stay responsive. */
const MAX_BLOCKS_PER_CHUNK = 16;

/**
 * Cuts blocks [fromBlock, toBlock) into chunks. With `blocksPerChunk` given, chunks of that many
 * blocks (the last may be shorter). By default about CHUNKS_PER_THREAD chunks per thread (a
 * multiple of the thread count when there are enough blocks) of at most MAX_BLOCKS_PER_CHUNK
 * blocks, as even as blocks allow and the larger ones first: threads take chunks as they become
 * free, so the short chunks at the end even out the threads' finishing times.
 */
export function chunkRanges(fromBlock: number, toBlock: number, blocksPerChunk: number | undefined, threads: number): BlockRange[] {
  const blocks = toBlock - fromBlock;
  const ranges: BlockRange[] = [];
  if (blocksPerChunk !== undefined) {
    const size = Math.max(1, Math.floor(blocksPerChunk));
    for (let from = fromBlock; from < toBlock; from += size) ranges.push({ fromBlock: from, toBlock: Math.min(toBlock, from + size) });
    return ranges;
  }
  const count = Math.min(blocks, Math.max(threads * CHUNKS_PER_THREAD, Math.ceil(blocks / MAX_BLOCKS_PER_CHUNK)));
  const smaller = Math.floor(blocks / count);
  const larger = blocks % count;
  let from = fromBlock;
  for (let chunk = 0; chunk < count; chunk++) {
    const size = chunk < larger ? smaller + 1 : smaller;
    ranges.push({ fromBlock: from, toBlock: from + size });
    from += size;
  }
  return ranges;
}

interface Job {
  id: number;
  comparison: boolean;
  /** Resolve with the merged partial instead of summarising it. */
  partialOnly: boolean;
  totalIterations: number;
  chunkCount: number;
  /** Chunk index of each outstanding task. */
  chunkOfTask: Map<number, number>;
  /** Iterations done so far by each chunk. */
  progressOfChunk: number[];
  arrived: Map<number, PartialResult>;
  nextToMerge: number;
  merged: PartialResult | null;
  /** A summary made in two halves on two threads (see `summariseInHalves`): what has arrived. */
  halves: { result: SimulationResult | null; fans: SeriesFan[] | null } | null;
  /** The folder to read kept samples back from into the result (see RunOptions.samplesDirectory). */
  inlineSamplesFrom: string | undefined;
  options: RunOptions;
  resolve(result: Result<SimulationResult | VariantComparisonResult, DomainError>): void;
  reject(reason: unknown): void;
  removeAbortListener(): void;
}

interface Slot {
  worker: Worker;
  task: WorkerTask | null;
}

export function createSimulationPool(options: SimulationPoolOptions = {}): SimulationPool {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const slots: Slot[] = [];
  const queue: WorkerTask[] = [];
  const jobs = new Map<number, Job>();
  /** When each owner last had a task started (a rising count), for turns between owners. */
  const lastStarted = new Map<number, number>();
  let starts = 0;
  let nextJobId = 1;
  let nextTaskId = 1;
  let closed = false;
  const pings = new Map<number, () => void>();
  /** Sensitivity analyses and other computations (compute) under way, by task id. */
  const analyses = new Map<number, { resolve(result: Result<never, DomainError>): void; reject(reason: unknown): void }>();
  /** The time limit of each analysis or computation on a thread (see SimulationPoolOptions.maxTaskMs). */
  const taskTimers = new Map<number, ReturnType<typeof setTimeout>>();

  function jobOfTask(task: WorkerTask): Job | undefined {
    return jobs.get(task.jobId);
  }

  function finish(job: Job): void {
    jobs.delete(job.id);
    lastStarted.delete(job.id);
    job.removeAbortListener();
  }

  function failJob(job: Job, reason: unknown): void {
    if (!jobs.has(job.id)) return;
    finish(job);
    removeQueuedTasks(job.id);
    job.reject(reason);
  }

  function removeQueuedTasks(jobId: number): void {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].jobId === jobId) queue.splice(i, 1);
  }

  function spawn(): Slot {
    const slot: Slot = { worker: startWorker(), task: null };
    slot.worker.on('message', (message: WorkerReply) => onReply(slot, message));
    slot.worker.on('error', (error) => onWorkerLost(slot, error));
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) onWorkerLost(slot, new Error(`simulation worker stopped with exit code ${code}`));
    });
    slots.push(slot);
    return slot;
  }

  /** A warm-up waits for pongs; a lost or closed worker settles its ping too (warming up is best effort). */
  function settlePing(taskId: number): void {
    lastStarted.delete(-taskId);
    pings.get(taskId)?.();
    pings.delete(taskId);
  }

  function onWorkerLost(slot: Slot, error: unknown): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    const task = slot.task;
    if (task !== null && task.type === 'ping') settlePing(task.taskId);
    else if (task !== null && (task.type === 'sensitivity' || task.type === 'compute')) rejectAnalysis(task.taskId, error);
    else if (task !== null) {
      const job = jobOfTask(task);
      if (job !== undefined) failJob(job, error);
    }
    void slot.worker.terminate();
    dispatch();
  }

  function clearTaskTimer(taskId: number): void {
    clearTimeout(taskTimers.get(taskId));
    taskTimers.delete(taskId);
  }

  /** A task cannot be interrupted inside a worker: the worker running it (if any) is stopped and dropped. */
  function stopThreadRunning(task: WorkerTask): void {
    const slot = slots.find((candidate) => candidate.task === task);
    if (slot === undefined) return;
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
  }

  /** An analysis or computation still on its thread at the limit: stop the thread, answer a domain error. */
  function stopAtTimeLimit(task: SensitivityTask | ComputeTask, limitMs: number): void {
    taskTimers.delete(task.taskId);
    const analysis = analyses.get(task.taskId);
    if (analysis === undefined) return;
    analyses.delete(task.taskId);
    lastStarted.delete(-task.taskId);
    stopThreadRunning(task);
    const seconds = limitMs / 1000;
    const what = task.type === 'sensitivity' ? `the ${task.settings.method} analysis` : 'the computation';
    analysis.resolve(
      fail({
        kind: 'time-limit',
        seconds,
        message: `${what} was stopped after computing for ${seconds} s, the most one request may compute (MAX_REQUEST_SECONDS); ask for less work (fewer iterations, a smaller sample or fewer inputs)`,
      }),
    );
    dispatch();
  }

  function rejectAnalysis(taskId: number, reason: unknown): void {
    clearTaskTimer(taskId);
    lastStarted.delete(-taskId);
    analyses.get(taskId)?.reject(reason);
    analyses.delete(taskId);
  }

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((candidate) => candidate.task === null);
      if (slot === undefined) {
        if (slots.length >= threads) return;
        slot = spawn();
      }
      const task = takeNextTask();
      slot.task = task;
      slot.worker.ref();
      const transfer = task.type === 'summarise' || task.type === 'fans' ? partialBuffers(task.partial) : [];
      slot.worker.postMessage(task, transfer);
    }
  }

  /** Who a task works for: its job, or itself for a sensitivity analysis or a ping (job id 0). */
  const ownerOf = (task: WorkerTask): number => (task.jobId === 0 ? -task.taskId : task.jobId);

  /**
   * Takes the queued task to start next off the queue, and records its owner's turn: a summary, or
   * else the oldest task of the owner with the fewest tasks on threads now, and among those the one
   * whose turn came longest ago (an owner not yet started first). Threads are shared in turns between runs, so a short run submitted beside a
   * long one starts on the next free thread instead of waiting behind every chunk of the long one.
   * (Which thread runs a chunk, and when, never changes a result: partials merge in block order.)
   */
  function takeNextTask(): WorkerTask {
    // A summary finishes a run (and frees its kept values): it goes first, as it was queued.
    for (let i = 0; i < queue.length; i++) if (queue[i].type === 'summarise' || queue[i].type === 'fans') return queue.splice(i, 1)[0];
    let best = 0;
    let bestRunning = Infinity;
    let bestTurn = Infinity;
    const seen = new Set<number>();
    for (let i = 0; i < queue.length; i++) {
      const owner = ownerOf(queue[i]);
      if (seen.has(owner)) continue;
      seen.add(owner);
      let running = 0;
      for (const slot of slots) if (slot.task !== null && ownerOf(slot.task) === owner) running++;
      const turn = lastStarted.get(owner) ?? -1;
      if (running < bestRunning || (running === bestRunning && turn < bestTurn)) {
        best = i;
        bestRunning = running;
        bestTurn = turn;
      }
    }
    lastStarted.set(ownerOf(queue[best]), starts++);
    return queue.splice(best, 1)[0];
  }

  function release(slot: Slot): void {
    slot.task = null;
    slot.worker.unref();
    dispatch();
  }

  function reportProgress(job: Job): void {
    if (job.options.onProgress === undefined) return;
    const completedIterations = job.progressOfChunk.reduce((total, done) => total + done, 0);
    job.options.onProgress({ completedIterations, totalIterations: job.totalIterations });
  }

  function onReply(slot: Slot, message: WorkerReply): void {
    const task = slot.task;
    if (task === null || task.taskId !== message.taskId) return;
    const job = jobOfTask(task);
    if (message.type === 'started') {
      // The thread has begun the analysis or computation (modules loaded): its time limit starts.
      const limitMs = options.maxTaskMs;
      if (limitMs !== undefined && limitMs > 0 && (task.type === 'sensitivity' || task.type === 'compute'))
        taskTimers.set(task.taskId, setTimeout(() => stopAtTimeLimit(task, limitMs), limitMs));
      return;
    }
    if (message.type === 'progress') {
      if (job !== undefined && task.type === 'run') {
        job.progressOfChunk[job.chunkOfTask.get(task.taskId)!] = message.completedIterations;
        reportProgress(job);
      }
      return;
    }
    release(slot);
    if (message.type === 'pong') {
      settlePing(message.taskId);
      return;
    }
    if (task.type === 'sensitivity' || task.type === 'compute') {
      clearTaskTimer(task.taskId);
      const analysis = analyses.get(task.taskId);
      analyses.delete(task.taskId);
      lastStarted.delete(-task.taskId);
      if (message.type === 'analysis') analysis?.resolve(ok(message.result) as never);
      else if (message.type === 'computed') analysis?.resolve(ok(message.value) as never);
      else if (message.type === 'failed') analysis?.resolve(fail(message.error));
      else analysis?.reject(new Error(message.type === 'crashed' ? `sensitivity worker failed: ${message.message}` : `unexpected reply ${message.type}`));
      return;
    }
    if (job === undefined) return;
    switch (message.type) {
      case 'partial': {
        const chunk = job.chunkOfTask.get(task.taskId)!;
        job.chunkOfTask.delete(task.taskId);
        job.arrived.set(chunk, message.partial);
        const meta = message.partial.meta;
        if (meta.percentileMethod === 'exact' || meta.keepSamples) {
          // Kept values: memory grows with the iterations anyway, and joining every chunk's values
          // once at the end copies each value once instead of once per later chunk.
          if (job.arrived.size === job.chunkCount) {
            job.merged = mergePartials([...job.arrived.values()]);
            job.arrived.clear();
            job.nextToMerge = job.chunkCount;
          }
        } else {
          // Sketches: merge in block order as soon as the next chunk is there, so that memory stays
          // at a few partials.
          while (job.arrived.has(job.nextToMerge)) {
            const next = job.arrived.get(job.nextToMerge)!;
            job.arrived.delete(job.nextToMerge);
            job.merged = job.merged === null ? next : mergePartials([job.merged, next]);
            job.nextToMerge++;
          }
        }
        if (job.nextToMerge === job.chunkCount && job.partialOnly) {
          finish(job);
          job.resolve(ok(job.merged!) as never);
          return;
        }
        if (job.nextToMerge === job.chunkCount) {
          const merged = job.merged!;
          job.merged = null;
          if (!job.comparison && threads > 1 && merged.variants[0].series.length > 0) summariseInHalves(job, merged);
          else {
            const summariseTask: SummariseTask = {
              type: 'summarise',
              taskId: nextTaskId++,
              jobId: job.id,
              partial: merged,
              comparison: job.comparison,
              ...(job.inlineSamplesFrom === undefined ? {} : { inlineSamplesFrom: job.inlineSamplesFrom }),
            };
            queue.unshift(summariseTask);
          }
          dispatch();
        }
        return;
      }
      case 'summary':
        if (job.halves !== null) {
          job.halves.result = message.result as SimulationResult;
          resolveHalves(job);
          return;
        }
        finish(job);
        job.resolve(ok(message.result));
        return;
      case 'fans':
        if (job.halves !== null) {
          job.halves.fans = message.fans;
          resolveHalves(job);
        }
        return;
      case 'failed':
        finish(job);
        removeQueuedTasks(job.id);
        job.resolve(fail(message.error));
        return;
      case 'crashed':
        failJob(job, new Error(`simulation worker failed: ${message.message}`));
        return;
    }
  }

  /**
   * Summarises a one-model run on two threads at once: one thread everything but the series fans
   * (it gets the scalar columns' values), the other the fans (it gets the series columns' values);
   * the two parts join into the bytes of a one-thread summary (see `summariseWithoutFans`).
   */
  function summariseInHalves(job: Job, merged: PartialResult): void {
    const [first, ...others] = merged.variants;
    const withoutSeriesValues: PartialResult = {
      ...merged,
      variants: [{ ...first, series: first.series.map((column) => ({ ...column, samples: null, sketch: null })) }, ...others],
    };
    const seriesOnly: PartialResult = { ...merged, variants: [{ scalars: [], series: first.series, events: [], inputs: null }], differences: [] };
    job.halves = { result: null, fans: null };
    const fansTask: FansTask = { type: 'fans', taskId: nextTaskId++, jobId: job.id, partial: seriesOnly };
    const summariseTask: SummariseTask = {
      type: 'summarise',
      taskId: nextTaskId++,
      jobId: job.id,
      partial: withoutSeriesValues,
      comparison: false,
      withoutFans: true,
      ...(job.inlineSamplesFrom === undefined ? {} : { inlineSamplesFrom: job.inlineSamplesFrom }),
    };
    queue.unshift(summariseTask, fansTask);
  }

  function resolveHalves(job: Job): void {
    const halves = job.halves!;
    if (halves.result === null || halves.fans === null) return;
    finish(job);
    job.resolve(ok(withFans(halves.result, halves.fans)));
  }

  function cancel(job: Job, reason: unknown): void {
    if (!jobs.has(job.id)) return;
    failJob(job, reason);
    // A chunk cannot be interrupted inside a worker: stop the workers busy with this job.
    for (const slot of [...slots]) {
      if (slot.task !== null && slot.task.jobId === job.id) {
        slots.splice(slots.indexOf(slot), 1);
        void slot.worker.terminate();
      }
    }
    dispatch();
  }

  function submit(
    variants: VariantDescription[],
    settings: SimulationSettings,
    comparison: boolean,
    runOptions: RunOptions,
    range: BlockRange | null = null,
  ): Promise<Result<SimulationResult | VariantComparisonResult, DomainError>> {
    if (closed) return Promise.reject(new Error('the simulation pool is closed'));
    runOptions.signal?.throwIfAborted();

    // Validate and plan on this thread too: errors return at once, and the plan gives the blocks.
    const compiled: SimulationVariant[] = [];
    for (const [v, variant] of variants.entries()) {
      const model = compileModelDescription(variant.model, comparison ? ['variants', v, 'model'] : ['model']);
      if (!model.ok) return Promise.resolve(model);
      compiled.push({ name: variant.name, model: model.value });
    }
    const plan = prepareVariants(compiled, settings);
    if (!plan.ok) return Promise.resolve(plan);
    const { blocks } = plan.value.meta;
    const fromBlock = range?.fromBlock ?? 0;
    const toBlock = range?.toBlock ?? blocks;
    if (!(Number.isInteger(fromBlock) && Number.isInteger(toBlock) && 0 <= fromBlock && fromBlock < toBlock && toBlock <= blocks)) {
      return Promise.reject(new Error(`block range [${fromBlock}, ${toBlock}) is not within the run's ${blocks} blocks`));
    }
    const iterations = iterationsInBlocks(plan.value.meta, fromBlock, toBlock);

    const chunks = chunkRanges(fromBlock, toBlock, runOptions.blocksPerChunk ?? options.blocksPerChunk, threads);
    const chunkCount = chunks.length;
    const { meta } = plan.value;
    const samplesDirectory = meta.keepSamples && range === null ? runOptions.samplesDirectory : undefined;
    let inlineSamplesFrom: string | undefined;
    if (samplesDirectory !== undefined) {
      const kept = meta.iterations * meta.variants.length * (meta.uncertainInputPaths.length + meta.variants[0].scalarOutputs.length);
      if (kept <= MAX_INLINE_SAMPLE_VALUES) inlineSamplesFrom = samplesDirectory;
      runOptions.onSamplesKept?.(kept);
    }

    return new Promise((resolve, reject) => {
      const job: Job = {
        id: nextJobId++,
        comparison,
        partialOnly: range !== null,
        totalIterations: iterations,
        chunkCount,
        chunkOfTask: new Map(),
        progressOfChunk: new Array<number>(chunkCount).fill(0),
        arrived: new Map(),
        nextToMerge: 0,
        merged: null,
        halves: null,
        inlineSamplesFrom,
        options: runOptions,
        resolve,
        reject,
        removeAbortListener: () => {},
      };
      jobs.set(job.id, job);
      const signal = runOptions.signal;
      if (signal !== undefined) {
        const onAbort = () => cancel(job, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        job.removeAbortListener = () => signal.removeEventListener('abort', onAbort);
      }
      for (let chunk = 0; chunk < chunkCount; chunk++) {
        const task: RunChunkTask = {
          type: 'run',
          taskId: nextTaskId++,
          jobId: job.id,
          variants,
          settings,
          fromBlock: chunks[chunk].fromBlock,
          toBlock: chunks[chunk].toBlock,
          ...(samplesDirectory === undefined ? {} : { samplesDirectory }),
        };
        job.chunkOfTask.set(task.taskId, chunk);
        queue.push(task);
      }
      dispatch();
    });
  }

  /** Runs one task that is not part of a simulation (an analysis, a computation) on the next free thread. */
  function runOnThread<T>(task: SensitivityTask | ComputeTask, signal: AbortSignal | undefined): Promise<Result<T, DomainError>> {
    if (closed) return Promise.reject(new Error('the simulation pool is closed'));
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!analyses.has(task.taskId)) return;
        rejectAnalysis(task.taskId, signal!.reason);
        const queued = queue.indexOf(task);
        if (queued >= 0) queue.splice(queued, 1);
        stopThreadRunning(task);
        dispatch();
      };
      const settleWith =
        <V>(settle: (value: V) => void) =>
        (value: V) => {
          signal?.removeEventListener('abort', onAbort);
          settle(value);
        };
      analyses.set(task.taskId, { resolve: settleWith(resolve as (value: Result<never, DomainError>) => void), reject: settleWith(reject) });
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(task);
      dispatch();
    });
  }

  return {
    threads,
    run: (model, settings, runOptions = {}) =>
      submit([{ name: 'model', model }], settings, false, runOptions) as Promise<Result<SimulationResult, DomainError>>,
    runVariants: (variants, settings, runOptions = {}) =>
      submit(variants, settings, true, runOptions) as Promise<Result<VariantComparisonResult, DomainError>>,
    runPartial: (variants, settings, range, runOptions = {}) =>
      submit(variants, settings, runOptions.comparison ?? false, runOptions, range) as unknown as Promise<Result<PartialResult, DomainError>>,
    summarisePartial(partial, comparison) {
      if (closed) return Promise.reject(new Error('the simulation pool is closed'));
      return new Promise((resolve, reject) => {
        const job: Job = {
          id: nextJobId++,
          comparison,
          partialOnly: false,
          totalIterations: 0,
          chunkCount: 0,
          chunkOfTask: new Map(),
          progressOfChunk: [],
          arrived: new Map(),
          nextToMerge: 0,
          merged: null,
          halves: null,
          inlineSamplesFrom: undefined,
          options: {},
          resolve: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(new Error('a summary cannot fail'))),
          reject,
          removeAbortListener: () => {},
        };
        jobs.set(job.id, job);
        const task: SummariseTask = { type: 'summarise', taskId: nextTaskId++, jobId: job.id, partial, comparison };
        queue.unshift(task);
        dispatch();
      });
    },
    analyse: (model, settings, analyseOptions = {}) =>
      runOnThread<SensitivityResult>({ type: 'sensitivity', taskId: nextTaskId++, jobId: 0, model, settings }, analyseOptions.signal),
    compute: (name, input, computeOptions = {}) => runOnThread({ type: 'compute', taskId: nextTaskId++, jobId: 0, name, input }, computeOptions.signal),
    stats: () => ({
      threads,
      startedThreads: slots.length,
      busyThreads: slots.filter((slot) => slot.task !== null).length,
      queuedTasks: queue.length,
    }),
    async warmUp() {
      if (closed) return;
      while (slots.length < threads) spawn();
      const pongs = slots.map((slot) => {
        if (slot.task !== null) return Promise.resolve();
        const task: PingTask = { type: 'ping', taskId: nextTaskId++, jobId: 0 };
        return new Promise<void>((resolve) => {
          pings.set(task.taskId, resolve);
          slot.task = task;
          slot.worker.ref();
          slot.worker.postMessage(task);
        });
      });
      // Requests are validated, planned and merged on this thread: warm that code too meanwhile.
      warmUpCompile();
      await Promise.all(pongs);
    },
    async close() {
      closed = true;
      for (const taskId of [...pings.keys()]) settlePing(taskId);
      for (const job of [...jobs.values()]) failJob(job, new Error('the simulation pool was closed'));
      for (const taskId of [...analyses.keys()]) rejectAnalysis(taskId, new Error('the simulation pool was closed'));
      const stopping = slots.splice(0).map((slot) => slot.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

/**
 * Starts a worker on `simulation-worker`. From TypeScript sources (under tsx or vitest) the
 * worker first registers tsx's loader: on Node 20 a worker does not inherit the parent's module
 * hooks, and `--import tsx` in a worker's execArgv is not applied, so the bootstrap registers tsx
 * through its API and then imports the worker module. Compiled JavaScript needs no loader.
 */
function startWorker(): Worker {
  const fromTypeScript = import.meta.url.endsWith('.ts');
  const workerUrl = new URL(fromTypeScript ? './simulation-worker.ts' : './simulation-worker.js', import.meta.url);
  if (!fromTypeScript) return new Worker(workerUrl);
  const bootstrap = [
    `import { register } from ${JSON.stringify(tsxApiUrl())};`,
    'register();',
    `await import(${JSON.stringify(workerUrl.href)});`,
  ].join('\n');
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}

/** URL of tsx's ESM API, found through its package.json so that it works from any cwd. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('tsx/package.json');
  const packageJson = require(packageJsonPath) as { exports: Record<string, { import?: { default?: string } }> };
  const entry = packageJson.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(packageJsonPath), entry)).href;
}

import { randomUUID } from 'node:crypto';
import type { DomainError } from '../models/errors.js';
import { formatPath } from '../models/simulation/input-slots.js';
import type { Result } from '../models/result.js';
import type { SimulationResult, SimulationSettings, VariantComparisonResult } from '../models/simulation/index.js';
import type { ModelDescription } from './model-registry.js';
import type { VariantDescription } from './simulation-messages.js';
import type { ModelSpec } from '../models/model-spec.js';
import type { SensitivityResult, SensitivitySettings } from '../models/sensitivity/index.js';
import { estimateResultBytes } from './result-size.js';
import { BYTES_PER_SAMPLE_VALUE } from './sample-files.js';
import type { SampleStore } from './sample-store.js';
import type { SimulationPool } from './simulation-pool.js';

/**
 * Simulation jobs: every simulation request becomes a job on the worker pool, whose status shows
 * progress and whose result is fetched when it is done. The HTTP edge waits a short while for a
 * job and answers at once when it finished in that time, so small runs need no polling.
 *
 * Jobs live in memory (the most recent MAX_FINISHED_JOBS finished ones are kept, and of the
 * anonymous ones only as many as fit in `maxAnonymousResultBytes`). A job may
 * also have a recorder, which stores its start, progress (at most once per
 * `progressWriteIntervalMs`) and outcome; the writes of one job happen in order, and a job counts
 * as finished for its waiters only once its outcome is written, so that an answer never runs ahead
 * of what is stored.
 */

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type JobWork =
  | { kind: 'simulation'; model: ModelDescription; settings: SimulationSettings }
  | { kind: 'comparison'; variants: VariantDescription[]; settings: SimulationSettings };

export interface SimulationJob {
  readonly id: string;
  readonly kind: JobWork['kind'];
  /** Who may see the job (an organisation id), or null for a job anyone with its id may see. */
  readonly owner: string | null;
  status: JobStatus;
  completedIterations: number;
  /** Iterations over all variants of a comparison count once: variants share their draws. */
  readonly totalIterations: number;
  readonly createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: SimulationResult | VariantComparisonResult | null;
  /** Why a job failed or was cancelled, in one sentence. */
  reason: string | null;
  /** Domain error of a failed job (the API validates first, so this is rare). */
  error: DomainError | null;
  /** The result as JSON text, made once when the job succeeds (stored and served as it is). */
  resultText: string | null;
  /** Whether the job is a stored run (see /runs/{id}). */
  readonly stored: boolean;
  /** What the job runs (model and settings), so that a later request can check it is about the same run (a report on a finished simulation). */
  readonly work?: JobWork;
  /** keepSamples: the kept values written to disk (see runtime/sample-files.ts); 0 when none. */
  keptSampleValues?: number;
}

/** Stores what happens to a job; the jobs module calls it in order and never twice at once for one job. */
export interface JobRecorder {
  /** The first progress arrived: the job runs. */
  started(job: SimulationJob): Promise<void>;
  progress(job: SimulationJob): Promise<void>;
  /** The job succeeded, failed or was cancelled. */
  finished(job: SimulationJob): Promise<void>;
}

export interface SubmitOptions {
  /** The job's id (a stored run's id); default: a new UUID. */
  id?: string;
  owner?: string | null;
  recorder?: JobRecorder;
  /** A job accepted before (resumed after a restart): it is run even when every slot is taken. */
  resumed?: boolean;
}

export interface SimulationJobsOptions {
  pool: SimulationPool;
  /** Queued and running jobs at once; more are refused (the edge answers 429). */
  maxActiveJobs: number;
  /** Finished jobs kept for fetching; the oldest are dropped first. */
  maxFinishedJobs?: number;
  /**
   * Bytes the results of finished anonymous jobs may hold in memory together (estimated by
   * {@link estimateResultBytes}); beyond it the oldest anonymous ones are dropped (their id then
   * answers 404), never the one that has just finished. Jobs with an owner are stored runs and
   * are not counted.
   */
  maxAnonymousResultBytes?: number;
  /** Least time between two progress writes of one job to its recorder. */
  progressWriteIntervalMs?: number;
  /**
   * Wall-clock limit on a running job (MAX_JOB_SECONDS), counted from its first progress report so
   * that time spent queued behind other jobs does not count: a job still running then is stopped
   * (its threads are terminated) and marked failed with the reason. Default: no limit.
   */
  maxRunMs?: number;
  /**
   * Where keepSamples runs write their kept values (streamed from there by GET
   * /simulations/{id}/samples). Without it they come back in the result, as with REDIS_URL.
   */
  samples?: SampleStore;
  now?: () => Date;
  newId?: () => string;
}

export const DEFAULT_MAX_FINISHED_JOBS = 200;
/** 256 MiB: about one kept-samples result at the documented limits (1,000,000 iterations × 10 columns). */
export const DEFAULT_MAX_ANONYMOUS_RESULT_BYTES = 256 * 1024 * 1024;
export const DEFAULT_PROGRESS_WRITE_INTERVAL_MS = 1_000;

export interface SimulationJobs {
  /** Starts a job, or returns null when `maxActiveJobs` are already queued or running. */
  submit(work: JobWork, options?: SubmitOptions): SimulationJob | null;
  /**
   * The job, if `owner` may see it: a job owned by an organisation is seen only with that owner,
   * an anonymous job only with none (so a lookup that forgets the owner never shows another
   * organisation's job).
   */
  get(id: string, owner?: string | null): SimulationJob | undefined;
  /** Resolves when the job finished, or after `waitMs`, whichever comes first. */
  waitFor(job: SimulationJob, waitMs: number): Promise<SimulationJob>;
  /** Cancels a queued or running job; false when it had already finished. */
  cancel(id: string): boolean;
  /** Cancels the job if it runs and forgets it. */
  remove(id: string): boolean;
  /** Jobs queued or running: all of them, or those of one owner (an organisation id; null: anonymous). */
  activeCount(owner?: string | null): number;
  /** Calls `listener` once for every job that succeeds, fails or is cancelled; returns the unsubscribe. */
  onSettled(listener: (job: SimulationJob) => void): () => void;
  /**
   * Runs a sensitivity analysis on the simulation threads, so that a long one (up to
   * MAX_MODEL_RUNS model runs) never blocks the requests answered beside it.
   */
  analyse(model: ModelSpec, settings: SensitivitySettings, options?: { signal?: AbortSignal }): Promise<Result<SensitivityResult, DomainError>>;
  /** Another heavy computation of a request on the simulation threads (see SimulationPool.compute). */
  compute: SimulationPool['compute'];
  /** The folder a job's kept samples are written to, or null when this service keeps none on disk. */
  samplesDirectory(job: Pick<SimulationJob, 'id' | 'stored'>): string | null;
  /** Removes a job's kept samples from disk (a deleted stored run). */
  removeSamples(job: Pick<SimulationJob, 'id' | 'stored'>): void;
  /** Resolves when every write to the job's recorder asked for so far is done. */
  recorded(id: string): Promise<void>;
  /**
   * Stops writing to recorders and waits for the writes under way: a stopping service leaves its
   * unfinished jobs stored as queued or running, so that the next start resumes them instead of
   * finding them failed by the shutdown.
   */
  detachRecorders(): Promise<void>;
}

export function isFinished(status: JobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

class JobCancelled extends Error {}

export function createSimulationJobs(options: SimulationJobsOptions): SimulationJobs {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const maxFinished = options.maxFinishedJobs ?? DEFAULT_MAX_FINISHED_JOBS;
  const jobs = new Map<string, SimulationJob>();
  const controllers = new Map<string, AbortController>();
  const waiters = new Map<string, Set<() => void>>();
  const finishedOrder: string[] = [];
  const progressInterval = options.progressWriteIntervalMs ?? DEFAULT_PROGRESS_WRITE_INTERVAL_MS;
  const recorders = new Map<string, { recorder: JobRecorder; writes: Promise<void>; lastProgressAt: number }>();
  const settledListeners = new Set<(job: SimulationJob) => void>();
  const runTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const maxAnonymousBytes = options.maxAnonymousResultBytes ?? DEFAULT_MAX_ANONYMOUS_RESULT_BYTES;
  /** Estimated result bytes of finished anonymous jobs still kept, and their total. */
  const anonymousBytes = new Map<string, number>();
  let anonymousTotal = 0;

  /** Forgets a finished job (and the bytes it was counted for; an anonymous job's kept samples with it). */
  function dropFinished(id: string): void {
    const job = jobs.get(id);
    if (job !== undefined && !job.stored && (job.keptSampleValues ?? 0) > 0) options.samples?.remove(id, false);
    jobs.delete(id);
    recorders.delete(id);
    const index = finishedOrder.indexOf(id);
    if (index >= 0) finishedOrder.splice(index, 1);
    anonymousTotal -= anonymousBytes.get(id) ?? 0;
    anonymousBytes.delete(id);
  }

  /** Queues a write behind the job's earlier ones; a failed write is logged and does not stop later ones. */
  function record(job: SimulationJob, write: (recorder: JobRecorder) => Promise<void>): Promise<void> {
    const entry = recorders.get(job.id);
    if (entry === undefined) return Promise.resolve();
    entry.writes = entry.writes.then(() =>
      write(entry.recorder).catch((error: unknown) => {
        console.error(JSON.stringify({ level: 'error', job: job.id, message: `could not store the job's state: ${error instanceof Error ? error.message : String(error)}` }));
      }),
    );
    return entry.writes;
  }

  function settle(job: SimulationJob): void {
    job.finishedAt = now();
    controllers.delete(job.id);
    clearTimeout(runTimers.get(job.id));
    runTimers.delete(job.id);
    for (const listener of settledListeners) listener(job);
    // Kept samples of a run that did not succeed are of no use to anyone.
    if (job.status !== 'succeeded' && (job.keptSampleValues ?? 0) > 0) {
      options.samples?.remove(job.id, job.stored);
      job.keptSampleValues = 0;
    }
    finishedOrder.push(job.id);
    while (finishedOrder.length > maxFinished) dropFinished(finishedOrder[0]);
    if (job.owner === null && !job.stored) {
      // Samples on disk count as much as in memory: the bound holds for the disk too.
      const bytes = estimateResultBytes(job.result, job.resultText) + BYTES_PER_SAMPLE_VALUE * (job.keptSampleValues ?? 0);
      anonymousBytes.set(job.id, bytes);
      anonymousTotal += bytes;
      // Oldest first, in finishing order; the job that has just finished stays for its caller.
      for (const id of [...anonymousBytes.keys()]) {
        if (anonymousTotal <= maxAnonymousBytes) break;
        if (id !== job.id) dropFinished(id);
      }
    }
    void record(job, (recorder) => recorder.finished(job)).then(() => {
      for (const wake of waiters.get(job.id) ?? []) wake();
      waiters.delete(job.id);
    });
  }

  function onOutcome(job: SimulationJob, outcome: Result<SimulationResult | VariantComparisonResult, DomainError>): void {
    if (isFinished(job.status)) return;
    if (outcome.ok) {
      job.status = 'succeeded';
      job.result = outcome.value;
      job.resultText = JSON.stringify(outcome.value);
      job.completedIterations = job.totalIterations;
    } else {
      job.status = 'failed';
      job.error = outcome.error;
      job.reason = refusalReason(outcome.error);
    }
    settle(job);
  }

  function onRejected(job: SimulationJob, reason: unknown): void {
    if (isFinished(job.status)) return;
    if (reason instanceof JobCancelled) {
      job.status = 'cancelled';
      job.reason = reason.message;
    } else {
      job.status = 'failed';
      job.reason = reason instanceof Error ? reason.message : String(reason);
    }
    settle(job);
  }

  /** Marks the job cancelled at once (the pool stops its workers), so the caller sees the new status. */
  function cancelJob(id: string, reason: string): boolean {
    const controller = controllers.get(id);
    const job = jobs.get(id);
    if (controller === undefined || job === undefined) return false;
    job.status = 'cancelled';
    job.reason = reason;
    settle(job);
    controller.abort(new JobCancelled(reason));
    return true;
  }

  /** Fails a job that ran longer than `maxRunMs` and stops its threads. */
  function expire(id: string, limitMs: number): void {
    const controller = controllers.get(id);
    const job = jobs.get(id);
    if (controller === undefined || job === undefined || isFinished(job.status)) return;
    const reason = `stopped after running ${limitMs / 1000} s, the most one job may run (MAX_JOB_SECONDS); ask for fewer iterations or a simpler model`;
    job.status = 'failed';
    job.reason = reason;
    settle(job);
    controller.abort(new Error(reason));
  }

  return {
    submit(work, submitOptions = {}) {
      if (controllers.size >= options.maxActiveJobs && submitOptions.resumed !== true) return null;
      const job: SimulationJob = {
        id: submitOptions.id ?? newId(),
        kind: work.kind,
        owner: submitOptions.owner ?? null,
        status: 'queued',
        completedIterations: 0,
        totalIterations: work.settings.iterations,
        createdAt: now(),
        startedAt: null,
        finishedAt: null,
        result: null,
        reason: null,
        error: null,
        resultText: null,
        stored: submitOptions.recorder !== undefined,
        work,
      };
      const controller = new AbortController();
      jobs.set(job.id, job);
      controllers.set(job.id, controller);
      if (submitOptions.recorder !== undefined) recorders.set(job.id, { recorder: submitOptions.recorder, writes: Promise.resolve(), lastProgressAt: 0 });
      const samplesDirectory = options.samples !== undefined && work.settings.keepSamples ? options.samples.directoryFor(job.id, job.stored) : undefined;
      // A resumed run starts again from its first block, perhaps cut into other chunks: what the
      // stopped run wrote must not mix with it.
      if (samplesDirectory !== undefined && submitOptions.resumed === true) options.samples!.clear(job.id, job.stored);
      const runOptions = {
        signal: controller.signal,
        samplesDirectory,
        onSamplesKept: (values: number) => (job.keptSampleValues = values),
        onProgress: ({ completedIterations }: { completedIterations: number }) => {
          if (isFinished(job.status)) return;
          if (job.status === 'queued') {
            job.status = 'running';
            job.startedAt = now();
            const limitMs = options.maxRunMs;
            if (limitMs !== undefined) {
              const timer = setTimeout(() => expire(job.id, limitMs), limitMs);
              timer.unref?.();
              runTimers.set(job.id, timer);
            }
            void record(job, (recorder) => recorder.started(job));
          }
          job.completedIterations = completedIterations;
          const entry = recorders.get(job.id);
          if (entry !== undefined && Date.now() - entry.lastProgressAt >= progressInterval) {
            entry.lastProgressAt = Date.now();
            void record(job, (recorder) => recorder.progress(job));
          }
        },
      };
      const running =
        work.kind === 'simulation'
          ? options.pool.run(work.model, work.settings, runOptions)
          : options.pool.runVariants(work.variants, work.settings, runOptions);
      running.then(
        (outcome) => onOutcome(job, outcome),
        (reason) => onRejected(job, reason),
      );
      return job;
    },
    get(id, owner = null) {
      const job = jobs.get(id);
      return job !== undefined && job.owner === owner ? job : undefined;
    },
    waitFor(job, waitMs) {
      if (isFinished(job.status) || waitMs <= 0) return Promise.resolve(job);
      return new Promise((resolve) => {
        const set = waiters.get(job.id) ?? new Set<() => void>();
        waiters.set(job.id, set);
        const wake = () => {
          clearTimeout(timer);
          set.delete(wake);
          resolve(job);
        };
        const timer = setTimeout(wake, waitMs);
        set.add(wake);
      });
    },
    cancel(id) {
      return cancelJob(id, 'cancelled by request');
    },
    remove(id) {
      if (!jobs.has(id)) return false;
      cancelJob(id, 'removed by request');
      dropFinished(id);
      return true;
    },
    activeCount(owner) {
      if (owner === undefined) return controllers.size;
      let count = 0;
      for (const id of controllers.keys()) if (jobs.get(id)?.owner === owner) count++;
      return count;
    },
    onSettled(listener) {
      settledListeners.add(listener);
      return () => settledListeners.delete(listener);
    },
    analyse: (model, settings, analyseOptions) => options.pool.analyse(model, settings, analyseOptions),
    compute: (name, input, computeOptions) => options.pool.compute(name, input, computeOptions),
    samplesDirectory: (job) => options.samples?.directoryFor(job.id, job.stored) ?? null,
    removeSamples: (job) => options.samples?.remove(job.id, job.stored),
    recorded: (id) => recorders.get(id)?.writes ?? Promise.resolve(),
    async detachRecorders() {
      const pending = [...recorders.values()].map((entry) => entry.writes);
      recorders.clear();
      await Promise.all(pending);
    },
  };
}

/**
 * Why a worker refused a job, naming each field as a 400 would (a custom payment rule not finite
 * in some month of some draw is found only while the job runs).
 */
function refusalReason(error: DomainError): string {
  switch (error.kind) {
    case 'invalid-input':
    case 'limit-exceeded':
      return `refused: ${error.problems.map((problem) => `${formatPath(problem.path)}: ${problem.message}`).join('; ')}`;
    case 'not-found':
      return `refused: no ${error.resource} '${error.id}'`;
    default:
      return `refused: ${error.message}`;
  }
}

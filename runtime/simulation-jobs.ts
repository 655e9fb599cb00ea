import { randomUUID } from 'node:crypto';
import type { DomainError } from '../models/errors.js';
import type { Result } from '../models/result.js';
import type { SimulationResult, SimulationSettings, VariantComparisonResult } from '../models/simulation/index.js';
import type { ModelDescription } from './model-registry.js';
import type { VariantDescription } from './simulation-messages.js';
import type { SimulationPool } from './simulation-pool.js';

/**
 * Simulation jobs: every simulation request becomes a job on the worker pool, whose status shows
 * progress and whose result is fetched when it is done. The HTTP edge waits a short while for a
 * job and answers at once when it finished in that time, so small runs need no polling.
 *
 * Jobs live in memory here (the most recent MAX_FINISHED_JOBS finished ones are kept); the
 * persistence issue stores them in the database.
 */

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type JobWork =
  | { kind: 'simulation'; model: ModelDescription; settings: SimulationSettings }
  | { kind: 'comparison'; variants: VariantDescription[]; settings: SimulationSettings };

export interface SimulationJob {
  readonly id: string;
  readonly kind: JobWork['kind'];
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
}

export interface SimulationJobsOptions {
  pool: SimulationPool;
  /** Queued and running jobs at once; more are refused (the edge answers 429). */
  maxActiveJobs: number;
  /** Finished jobs kept for fetching; the oldest are dropped first. */
  maxFinishedJobs?: number;
  now?: () => Date;
  newId?: () => string;
}

export const DEFAULT_MAX_FINISHED_JOBS = 200;

export interface SimulationJobs {
  /** Starts a job, or returns null when `maxActiveJobs` are already queued or running. */
  submit(work: JobWork): SimulationJob | null;
  get(id: string): SimulationJob | undefined;
  /** Resolves when the job finished, or after `waitMs`, whichever comes first. */
  waitFor(job: SimulationJob, waitMs: number): Promise<SimulationJob>;
  /** Cancels a queued or running job; false when it had already finished. */
  cancel(id: string): boolean;
  /** Cancels the job if it runs and forgets it. */
  remove(id: string): boolean;
  activeCount(): number;
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

  function settle(job: SimulationJob): void {
    job.finishedAt = now();
    controllers.delete(job.id);
    finishedOrder.push(job.id);
    while (finishedOrder.length > maxFinished) jobs.delete(finishedOrder.shift()!);
    for (const wake of waiters.get(job.id) ?? []) wake();
    waiters.delete(job.id);
  }

  function onOutcome(job: SimulationJob, outcome: Result<SimulationResult | VariantComparisonResult, DomainError>): void {
    if (isFinished(job.status)) return;
    if (outcome.ok) {
      job.status = 'succeeded';
      job.result = outcome.value;
      job.completedIterations = job.totalIterations;
    } else {
      job.status = 'failed';
      job.error = outcome.error;
      job.reason = 'the model or its settings were refused by a worker';
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

  return {
    submit(work) {
      if (controllers.size >= options.maxActiveJobs) return null;
      const job: SimulationJob = {
        id: newId(),
        kind: work.kind,
        status: 'queued',
        completedIterations: 0,
        totalIterations: work.settings.iterations,
        createdAt: now(),
        startedAt: null,
        finishedAt: null,
        result: null,
        reason: null,
        error: null,
      };
      const controller = new AbortController();
      jobs.set(job.id, job);
      controllers.set(job.id, controller);
      const runOptions = {
        signal: controller.signal,
        onProgress: ({ completedIterations }: { completedIterations: number }) => {
          if (job.status === 'queued') {
            job.status = 'running';
            job.startedAt = now();
          }
          job.completedIterations = completedIterations;
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
    get: (id) => jobs.get(id),
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
      jobs.delete(id);
      const index = finishedOrder.indexOf(id);
      if (index >= 0) finishedOrder.splice(index, 1);
      return true;
    },
    activeCount: () => controllers.size,
  };
}

import type { RunRecord, RunRepository, ServiceInstanceRepository } from '../store/index.js';
import type { JobRecorder, JobWork, SimulationJobs } from './simulation-jobs.js';

/**
 * Simulation jobs that are stored runs: the recorder that writes a job's progress and outcome to
 * its run, and what a starting service does with the runs that a stopped one left queued or
 * running: it resumes them (the result depends only on the stored work and seed, so a resumed run
 * gives the numbers an uninterrupted one would have), or marks them failed with the reason when
 * resuming could not give those numbers.
 */

/** A run that keeps stopping its service (say, by exhausting memory) is not started a fourth time. */
export const MAX_RUN_ATTEMPTS = 3;
/** How often an instance writes its heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** An instance silent for this long has stopped: its runs are taken over. */
export const INSTANCE_STALE_AFTER_MS = 30_000;
/** How often a service on a shared PostgreSQL server looks for runs of stopped instances. */
export const ORPHAN_SWEEP_INTERVAL_MS = 30_000;

/**
 * Writes a job's state to its run. `inserted` resolves to true once the run's row exists (the
 * job may report progress before the insert finished) and to false when the insert failed, after
 * which the writes do nothing.
 */
export function runRecorder(runs: RunRepository, runId: string, instanceId: string, inserted: Promise<boolean>): JobRecorder {
  return {
    async started(job) {
      if (await inserted) await runs.markRunning(runId, instanceId, job.startedAt ?? new Date());
    },
    async progress(job) {
      if (await inserted) await runs.recordProgress(runId, instanceId, job.completedIterations);
    },
    async finished(job) {
      if (!(await inserted)) return;
      await runs.finish(runId, instanceId, {
        status: job.status === 'succeeded' ? 'succeeded' : job.status === 'cancelled' ? 'cancelled' : 'failed',
        completedIterations: job.completedIterations,
        resultText: job.resultText,
        reason: job.reason,
        error: job.error,
        finishedAt: job.finishedAt ?? new Date(),
      });
    },
  };
}

export interface OrphanedRunOptions {
  runs: RunRepository;
  jobs: SimulationJobs;
  instanceId: string;
  softwareVersion: string;
  /** False for the embedded database (one process: every other instance is gone). */
  othersMayBeAlive: boolean;
  now?: () => Date;
}

export interface OrphanedRunOutcome {
  resumed: string[];
  failed: { id: string; reason: string }[];
}

/** Why a run left by a stopped instance cannot be resumed, or null when it can. */
export function whyNotResumable(run: RunRecord, softwareVersion: string): string | null {
  if (run.softwareVersion !== softwareVersion) {
    return `The service was restarted with software version ${softwareVersion} while this run, started with version ${run.softwareVersion}, was unfinished; resuming it would mix versions. Re-run it to get this version's figures.`;
  }
  if (run.attempts > MAX_RUN_ATTEMPTS) {
    return `The service stopped ${run.attempts - 1} times while this run was unfinished; it is not started again. Re-run it with fewer iterations, or ask the operator to check the service's memory.`;
  }
  if (!isJobWork(run.work)) return 'The stored work of this run is not one this service can run.';
  return null;
}

/** Takes over the runs of stopped instances and resumes each, or fails it with the reason. */
export async function resumeOrphanedRuns(options: OrphanedRunOptions): Promise<OrphanedRunOutcome> {
  const now = options.now ?? (() => new Date());
  const claimed = await options.runs.claimOrphans(options.instanceId, { othersAlive: options.othersMayBeAlive, staleAfterMs: INSTANCE_STALE_AFTER_MS });
  const outcome: OrphanedRunOutcome = { resumed: [], failed: [] };
  for (const run of claimed) {
    const reason = whyNotResumable(run, options.softwareVersion);
    if (reason !== null) {
      await options.runs.fail(run.id, options.instanceId, reason, now());
      outcome.failed.push({ id: run.id, reason });
      continue;
    }
    options.jobs.submit(run.work as JobWork, {
      id: run.id,
      owner: run.organisationId,
      recorder: runRecorder(options.runs, run.id, options.instanceId, Promise.resolve(true)),
      resumed: true,
    });
    outcome.resumed.push(run.id);
  }
  return outcome;
}

function isJobWork(work: unknown): work is JobWork {
  if (typeof work !== 'object' || work === null) return false;
  const { kind, settings } = work as { kind?: unknown; settings?: { iterations?: unknown } };
  if (typeof settings !== 'object' || settings === null || typeof settings.iterations !== 'number') return false;
  if (kind === 'simulation') return typeof (work as { model?: unknown }).model === 'object';
  if (kind === 'comparison') return Array.isArray((work as { variants?: unknown }).variants);
  return false;
}

/**
 * This instance's heartbeat and, on a shared PostgreSQL server, a periodic sweep that resumes the
 * runs of instances that stopped beating. Returns a function that stops both.
 */
export function keepInstanceAlive(
  instances: ServiceInstanceRepository,
  instanceId: string,
  sweep: (() => Promise<unknown>) | null,
  { heartbeatMs = HEARTBEAT_INTERVAL_MS, sweepMs = ORPHAN_SWEEP_INTERVAL_MS } = {},
): () => void {
  const log = (what: string) => (error: unknown) =>
    console.error(JSON.stringify({ level: 'error', message: `${what}: ${error instanceof Error ? error.message : String(error)}` }));
  const beat = setInterval(() => void instances.heartbeat(instanceId).catch(log('heartbeat failed')), heartbeatMs);
  beat.unref();
  const sweeper = sweep === null ? null : setInterval(() => void sweep().catch(log('resuming runs of stopped instances failed')), sweepMs);
  sweeper?.unref();
  return () => {
    clearInterval(beat);
    if (sweeper !== null) clearInterval(sweeper);
  };
}

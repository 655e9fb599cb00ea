import { randomUUID } from 'node:crypto';
import type { JobWork, SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { runRecorder } from '../../runtime/stored-runs.js';
import type { Caller, RunKind, RunSource, Store } from '../../store/index.js';
import { SOFTWARE_VERSION } from '../version.js';

/**
 * Runs of callers with an API key are stored: the request as validated, the saved objects it
 * used, the work the engine runs, the seed and the software version; then the job's progress and
 * its result, as the exact JSON text the API returns. Anonymous callers' jobs live in memory only.
 */

/** The store and this instance's id, for the routes that start or read runs. */
export interface RunStorage {
  store: Store;
  instanceId: string;
}

/** What a run records about its request. */
export interface RunInput {
  kind: RunKind;
  /** The request as validated: defaults filled in, saved objects resolved to their content. */
  request: unknown;
  sources: RunSource[];
  rerunOf?: string | null;
}

/** The seed of a request's settings, when its method draws at random. */
export function seedOf(request: unknown): number | null {
  const seed = (request as { settings?: { seed?: unknown } } | null)?.settings?.seed;
  return typeof seed === 'number' ? seed : null;
}

/**
 * Starts a job. For a caller with a key and a run to record, the job is a stored run whose row
 * exists before this resolves; otherwise an in-memory job visible to the caller's organisation (or
 * to anyone with its id, for an anonymous caller). Null when every job slot is taken: then nothing
 * is stored.
 */
export async function submitJob(
  jobs: SimulationJobs,
  work: JobWork,
  caller: Caller | null,
  storage: RunStorage | null,
  run: RunInput | undefined,
): Promise<SimulationJob | null> {
  const owner = caller?.organisationId ?? null;
  if (caller === null || storage === null || run === undefined) return jobs.submit(work, { owner });
  const id = randomUUID();
  let insertDone!: (inserted: boolean) => void;
  const inserted = new Promise<boolean>((resolve) => (insertDone = resolve));
  const job = jobs.submit(work, { id, owner, recorder: runRecorder(storage.store.runs, id, storage.instanceId, inserted) });
  if (job === null) return null;
  try {
    await storage.store.runs.create({
      id,
      organisationId: caller.organisationId,
      kind: run.kind,
      status: 'queued',
      request: run.request,
      sources: run.sources,
      work,
      seed: seedOf(run.request),
      softwareVersion: SOFTWARE_VERSION,
      rerunOf: run.rerunOf ?? null,
      totalIterations: work.settings.iterations,
      createdByKey: caller.keyId,
      runnerInstance: storage.instanceId,
    });
    insertDone(true);
  } catch (error) {
    insertDone(false);
    jobs.remove(id);
    throw error;
  }
  return job;
}

/**
 * Stores a run that finished within its request (a sensitivity analysis), with its result text
 * exactly as the API serves it. Its progress counts model runs (a sensitivity design has no
 * iterations), all of them completed. Returns the run's id.
 */
export async function storeFinishedRun(
  storage: RunStorage,
  caller: Caller,
  run: RunInput,
  outcome: { resultText: string; modelRuns: number; startedAt: Date; finishedAt: Date },
): Promise<string> {
  const id = randomUUID();
  await storage.store.runs.create({
    id,
    organisationId: caller.organisationId,
    kind: run.kind,
    status: 'succeeded',
    request: run.request,
    sources: run.sources,
    work: run.request,
    seed: seedOf(run.request),
    softwareVersion: SOFTWARE_VERSION,
    rerunOf: run.rerunOf ?? null,
    totalIterations: outcome.modelRuns,
    completedIterations: outcome.modelRuns,
    createdByKey: caller.keyId,
    runnerInstance: null,
    resultText: outcome.resultText,
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
  });
  return id;
}

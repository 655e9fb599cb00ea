import type { Request, Response } from 'express';
import type { SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { callerOf } from '../auth.js';
import { fromDomainError, HttpProblem, PROBLEM_BASE } from '../problem.js';
import { parsePrefer } from './prefer-header.js';

export interface JobWaitOptions {
  /** How long a request waits for its job before answering 202, unless `Prefer` says otherwise. */
  defaultWaitMs: number;
  /** Upper bound on `Prefer: wait`. */
  maxWaitMs: number;
  /** Jobs one organisation may have queued or running; default: no limit beyond the service's. */
  maxActiveJobsPerOrganisation?: number;
}

/** Seconds a client is asked to wait before retrying when every job slot is taken. */
export const RETRY_AFTER_SECONDS = 5;

/** Starts a job, or gives null when every job slot is taken. */
export type StartJob = () => Promise<SimulationJob | null>;

/**
 * Starts a job (see `submitJob` in api/runs, which also stores it for a caller with a key) and
 * waits as the request's `Prefer` header asks (RFC 7240): the job is returned finished or still
 * running, with `Location` and `Preference-Applied` set. Throws 429 when every job slot is taken
 * and 500 when the job failed (400 naming the field when a worker refused what the request holds).
 */
export async function submitAndWait(req: Request, res: Response, jobs: SimulationJobs, start: StartJob, options: JobWaitOptions): Promise<SimulationJob> {
  // Checked in the same tick as `start` submits (it submits before its first await): no race between two requests.
  const organisation = callerOf(res)?.organisationId;
  const perOrganisation = options.maxActiveJobsPerOrganisation;
  if (organisation !== undefined && perOrganisation !== undefined && jobs.activeCount(organisation) >= perOrganisation) {
    throw tooManyJobsForOrganisation(perOrganisation);
  }
  const job = await start();
  if (job === null) throw tooManyJobs(jobs);
  const prefer = parsePrefer(req.get('prefer'));
  const waitMs = prefer.respondAsync ? 0 : Math.min(options.maxWaitMs, prefer.waitSeconds === null ? options.defaultWaitMs : prefer.waitSeconds * 1000);
  const applied = prefer.respondAsync ? 'respond-async' : prefer.waitSeconds !== null ? `wait=${prefer.waitSeconds}` : null;
  if (applied !== null) res.set('Preference-Applied', applied);
  await jobs.waitFor(job, waitMs);
  res.set('Location', `/simulations/${job.id}`);
  if (job.status === 'failed') throw failedJobProblem(job);
  return job;
}

export function tooManyJobs(jobs: SimulationJobs): HttpProblem {
  return new HttpProblem(
    {
      type: PROBLEM_BASE + 'too-many-jobs',
      title: 'Too many simulations are running',
      status: 429,
      detail: `${jobs.activeCount()} simulations are queued or running, the most this service allows; retry in ${RETRY_AFTER_SECONDS} seconds.`,
    },
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

export function tooManyJobsForOrganisation(allowed: number): HttpProblem {
  return new HttpProblem(
    {
      type: PROBLEM_BASE + 'too-many-jobs-for-organisation',
      title: 'Your organisation has too many simulations running',
      status: 429,
      detail: `Your organisation has ${allowed} simulations queued or running, the most allowed at once; retry in ${RETRY_AFTER_SECONDS} seconds, or cancel one.`,
      limit: 'MAX_ACTIVE_JOBS_PER_ORGANISATION',
      allowed,
    },
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

export function failedJobProblem(job: SimulationJob): HttpProblem {
  // Refused by a worker for what the request holds (a custom rule not finite in some month): the
  // 400 naming the field that the same problem found before the job started would give.
  if (job.error !== null) return new HttpProblem({ ...fromDomainError(job.error), detail: job.reason ?? undefined, instance: `/simulations/${job.id}` });
  return new HttpProblem({
    type: PROBLEM_BASE + 'simulation-failed',
    title: 'The simulation failed',
    status: 500,
    detail: job.reason ?? 'unknown reason',
    instance: `/simulations/${job.id}`,
  });
}

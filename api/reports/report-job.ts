import type { JobWork, SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import type { Caller } from '../../store/index.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { submitJob, type RunInput, type RunStorage } from '../runs/run-storage.js';
import { failedJobProblem, RETRY_AFTER_SECONDS, tooManyJobsForOrganisation } from '../simulations/job-response.js';

/** Whose the report's job is: the caller (null: anonymous) and where its runs are stored. */
export interface ReportJobOwner {
  caller: Caller | null;
  /** Null without a database: then the job lives in memory only. */
  storage: RunStorage | null;
  /** Jobs one organisation may have queued or running (MAX_ACTIVE_JOBS_PER_ORGANISATION). */
  maxActiveJobsPerOrganisation?: number;
}

/**
 * Runs a report's Monte Carlo work as a job on the worker pool (as POST /simulations and POST
 * /portfolios/compare do) and waits for it. The job is the caller's, exactly as at POST
 * /simulations: for a caller with a key it belongs to the organisation, is stored as a run and
 * counts against the organisation's limit. 429 when too many jobs run, 503 when it takes longer
 * than the report may wait (the job is cancelled then), the job's own problem when it failed.
 */
export async function runReportJob(jobs: SimulationJobs, work: JobWork, waitMs: number, owner: ReportJobOwner, run: RunInput): Promise<SimulationJob> {
  const organisation = owner.caller?.organisationId;
  const perOrganisation = owner.maxActiveJobsPerOrganisation;
  if (organisation !== undefined && perOrganisation !== undefined && jobs.activeCount(organisation) >= perOrganisation) {
    throw tooManyJobsForOrganisation(perOrganisation);
  }
  const job = await submitJob(jobs, work, owner.caller, owner.storage, run);
  if (job === null) {
    throw new HttpProblem(
      { type: PROBLEM_BASE + 'too-many-jobs', title: 'Too many simulations are running', status: 429, detail: `Retry in ${RETRY_AFTER_SECONDS} seconds.` },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  await jobs.waitFor(job, waitMs);
  if (job.status === 'failed') throw failedJobProblem(job);
  if (job.status !== 'succeeded') {
    jobs.cancel(job.id);
    throw new HttpProblem({
      type: PROBLEM_BASE + 'report-timeout',
      title: 'The report took too long',
      status: 503,
      detail: `The simulation did not finish within ${Math.round(waitMs / 1000)} seconds; ask for fewer iterations.`,
    });
  }
  return job;
}

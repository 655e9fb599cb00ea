import type { JobWork, SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { failedJobProblem, RETRY_AFTER_SECONDS } from '../simulations/job-response.js';

/**
 * Runs a report's Monte Carlo work as a job on the worker pool (as POST /simulations and POST
 * /portfolios/compare do) and waits for it: 429 when too many jobs run, 503 when it takes longer
 * than the report may wait (the job is cancelled then), the job's own problem when it failed.
 */
export async function runReportJob(jobs: SimulationJobs, work: JobWork, waitMs: number): Promise<SimulationJob> {
  const job = jobs.submit(work);
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

import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { RETRY_AFTER_SECONDS } from './job-response.js';

/**
 * Sensitivity analyses under way per owner (organisation id, or null for all anonymous callers),
 * kept per jobs module so that every route running analyses on it (POST /sensitivity, a re-run of
 * a stored analysis) counts against one allowance, together with the owner's simulations.
 */
const analysesByJobs = new WeakMap<object, Map<string | null, number>>();

/**
 * Admits one analysis for `owner` or throws 429 with Retry-After when the owner already has
 * `allowed` (MAX_ACTIVE_JOBS_PER_ORGANISATION) analyses and simulations under way. Returns the
 * release, to call once when the analysis ends however it ends. Checks and counts in one tick, so
 * two requests cannot both take the last slot. `allowed` undefined: no limit (still counted).
 */
export function admitAnalysis(jobs: Pick<SimulationJobs, 'activeCount'>, owner: string | null, allowed: number | undefined): () => void {
  let counts = analysesByJobs.get(jobs);
  if (counts === undefined) analysesByJobs.set(jobs, (counts = new Map()));
  const active = counts.get(owner) ?? 0;
  if (allowed !== undefined && active + jobs.activeCount(owner) >= allowed) throw tooManyAnalyses(allowed, owner === null);
  counts.set(owner, active + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (counts.get(owner) ?? 1) - 1;
    if (left > 0) counts.set(owner, left);
    else counts.delete(owner);
  };
}

function tooManyAnalyses(allowed: number, anonymous: boolean): HttpProblem {
  const who = anonymous ? 'Anonymous callers together have' : 'Your organisation has';
  return new HttpProblem(
    {
      type: PROBLEM_BASE + 'too-many-jobs-for-organisation',
      title: anonymous ? 'Too many anonymous analyses and simulations are running' : 'Your organisation has too many analyses and simulations running',
      status: 429,
      detail: `${who} ${allowed} sensitivity analyses and simulations under way, the most allowed at once; retry in ${RETRY_AFTER_SECONDS} seconds.`,
      limit: 'MAX_ACTIVE_JOBS_PER_ORGANISATION',
      allowed,
    },
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

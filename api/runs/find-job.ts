import type { Response } from 'express';
import type { SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import type { JobWork, SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import type { RunRecord } from '../../store/index.js';
import { callerOf } from '../auth.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import type { RunStorage } from './run-storage.js';

/**
 * The simulation job behind `/simulations/{id}` that the caller may see: a job running in this
 * service that belongs to the caller's organisation (or, for an anonymous caller, to nobody), else
 * the organisation's stored run (after a restart, or run by another instance). Anything else,
 * another organisation's job included, is 404.
 */
export async function findJob(jobs: SimulationJobs, storage: RunStorage | null, res: Response, id: string): Promise<SimulationJob> {
  const caller = callerOf(res);
  const live = jobs.get(id, caller?.organisationId ?? null);
  if (live !== undefined) return live;
  if (caller !== null && storage !== null) {
    const run = await storage.store.runs.get(caller.organisationId, id);
    if (run !== null && run.kind !== 'sensitivity') return jobFromRun(run);
  }
  throw new HttpProblem({ type: PROBLEM_BASE + 'not-found', title: 'Simulation not found', status: 404, detail: `No simulation '${id}'.` });
}

/** A stored run as a (read-only) job, with its result read back from the stored text. */
export function jobFromRun(run: RunRecord): SimulationJob {
  return {
    id: run.id,
    kind: run.kind === 'comparison' ? 'comparison' : 'simulation',
    owner: run.organisationId,
    status: run.status,
    completedIterations: run.completedIterations,
    totalIterations: run.totalIterations,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    result: run.resultText === null ? null : (JSON.parse(run.resultText) as SimulationResult | VariantComparisonResult),
    reason: run.reason,
    error: null,
    resultText: run.resultText,
    stored: true,
    // Stored as the JobWork the job ran (api/runs/run-storage.ts), read back as JSON.
    work: run.work as JobWork,
  };
}

import { Router, type Response } from 'express';
import type { JobWork, SimulationJobs } from '../../runtime/simulation-jobs.js';
import type { RunRecord } from '../../store/index.js';
import { requireCaller } from '../auth.js';
import { guardIdParameter } from '../resource-id.js';
import { fromDomainError, HttpProblem, PROBLEM_BASE } from '../problem.js';
import { storeFinishedRun, submitJob, type RunStorage } from '../runs/run-storage.js';
import { runSummaryView, runText } from '../runs/run-views.js';
import { admitAnalysis } from '../simulations/active-analyses.js';
import { submitAndWait, type JobWaitOptions } from '../simulations/job-response.js';
import { parseOrThrow } from '../validate.js';
import { sensitivityOf, SensitivityRequestSchema } from './sensitivity.js';
import { withPage } from './saved-objects.js';

export interface RunRouteOptions extends JobWaitOptions {
  jobs: SimulationJobs;
  storage: RunStorage;
}

/**
 * The stored runs of the caller's organisation: list, read (with the result exactly as first
 * served), re-run and delete. Another organisation's run answers 404, like one that does not exist.
 */
export function runRoutes(options: RunRouteOptions): Router {
  const router = Router();
  const { jobs, storage } = options;
  const runs = storage.store.runs;
  guardIdParameter(router);

  async function ownRun(res: Response, id: string): Promise<RunRecord> {
    const run = await runs.get(requireCaller(res).organisationId, id);
    if (run === null) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'run', id }));
    return run;
  }

  function sendRun(res: Response, status: number, run: RunRecord): void {
    res.status(status).type('application/json').send(runText(run));
  }

  router.get('/runs', async (req, res) => {
    const caller = requireCaller(res);
    const page = await withPage(req, (request) => runs.list(caller.organisationId, request));
    res.json({ items: page.items.map(runSummaryView), nextCursor: page.nextCursor });
  });

  router.get('/runs/:id', async (req, res) => {
    sendRun(res, 200, await ownRun(res, req.params.id));
  });

  router.get('/runs/:id/result', async (req, res) => {
    const run = await ownRun(res, req.params.id);
    if (run.status === 'succeeded' && run.resultText !== null) return void res.type('application/json').send(run.resultText);
    throw new HttpProblem({
      type: PROBLEM_BASE + 'result-not-ready',
      title: run.status === 'failed' ? 'The run failed' : run.status === 'cancelled' ? 'The run was cancelled' : 'The run has not finished',
      status: 409,
      detail: run.reason ?? `Run ${run.id} is ${run.status}.`,
    });
  });

  /**
   * Runs the stored work again with this software version, as a new run that names the old one in
   * `rerunOf`: with the same version the figures are the same, byte for byte.
   */
  router.post('/runs/:id/rerun', async (req, res) => {
    const caller = requireCaller(res);
    const original = await ownRun(res, req.params.id);
    const input = { kind: original.kind, request: original.request, sources: original.sources, rerunOf: original.id };
    let rerunId: string;
    if (original.kind === 'sensitivity') {
      const startedAt = new Date();
      const request = parseOrThrow(SensitivityRequestSchema, original.request);
      // Counts against the same allowance as POST /sensitivity.
      const release = admitAnalysis(jobs, caller.organisationId, options.maxActiveJobsPerOrganisation);
      let result: Awaited<ReturnType<typeof sensitivityOf>>;
      try {
        result = await sensitivityOf(jobs, request);
      } finally {
        release();
      }
      rerunId = await storeFinishedRun(storage, caller, input, { resultText: JSON.stringify(result), modelRuns: result.modelRuns, startedAt, finishedAt: new Date() });
    } else {
      const work = original.work as JobWork;
      const job = await submitAndWait(req, res, jobs, () => submitJob(jobs, work, caller, storage, input), options);
      rerunId = job.id;
    }
    const rerun = await ownRun(res, rerunId);
    res.set('Location', `/runs/${encodeURIComponent(rerunId)}`);
    sendRun(res, rerun.status === 'succeeded' ? 201 : 202, rerun);
  });

  /** Deletes the run (cancelling it first when it still runs in this service). */
  router.delete('/runs/:id', async (req, res) => {
    const caller = requireCaller(res);
    const run = await ownRun(res, req.params.id);
    if (jobs.get(run.id, caller.organisationId) !== undefined) jobs.remove(run.id);
    await runs.delete(caller.organisationId, run.id);
    jobs.removeSamples({ id: run.id, stored: true });
    res.status(204).end();
  });

  return router;
}

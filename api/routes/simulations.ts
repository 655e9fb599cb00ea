import { Router, type Request, type Response } from 'express';
import type { JobWork, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { callerOf } from '../auth.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendSimulationFile } from '../downloads/result-downloads.js';
import { guardIdParameter } from '../resource-id.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { findJob } from '../runs/find-job.js';
import { resolveComparisonRequest, resolveSimulationRequest } from '../runs/model-requests.js';
import { submitJob, type RunInput, type RunStorage } from '../runs/run-storage.js';
import { failedJobProblem, submitAndWait, type JobWaitOptions } from '../simulations/job-response.js';
import { sendSamples } from '../simulations/send-samples.js';
import { jobText, jobView } from '../simulations/simulation-job-schema.js';
import { comparisonWork, simulationWork } from '../simulations/simulation-request.js';
import { unwrapOrThrow } from '../validate.js';

export interface SimulationRouteOptions extends JobWaitOptions {
  jobs: SimulationJobs;
  /** Null without a database: then every job lives in memory only. */
  storage: RunStorage | null;
}

/**
 * Simulations and comparisons as jobs. A caller with an API key gets a stored run (its id is the
 * job's id, see /runs/{id}) that survives a restart of the service; an anonymous caller's job
 * lives in this process only. Each caller sees only its own organisation's jobs.
 */
export function simulationRoutes(options: SimulationRouteOptions): Router {
  const router = Router();
  const { jobs, storage } = options;
  guardIdParameter(router);

  async function answer(req: Request, res: Response, work: JobWork, run: RunInput): Promise<void> {
    const job = await submitAndWait(req, res, jobs, () => submitJob(jobs, work, callerOf(res), storage, run), options);
    res.status(job.status === 'succeeded' ? 200 : 202).type('application/json').send(jobText(job));
  }

  router.post('/simulations', async (req, res) => {
    const { request, sources } = await resolveSimulationRequest(req.body, res, storage);
    const work = unwrapOrThrow(simulationWork(request));
    await answer(req, res, work, { kind: 'simulation', request, sources });
  });

  router.post('/simulations/compare', async (req, res) => {
    const { request, sources, rawModel } = await resolveComparisonRequest(req.body, res, storage);
    const work = unwrapOrThrow(comparisonWork(request, rawModel));
    await answer(req, res, work, { kind: 'comparison', request, sources });
  });

  router.get('/simulations/:id', async (req, res) => {
    res.type('application/json').send(jobText(await findJob(jobs, storage, res, req.params.id)));
  });

  router.get('/simulations/:id/result', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const job = await findJob(jobs, storage, res, req.params.id);
    if (job.status === 'succeeded' && job.result !== null) {
      // The stored text, so that the numbers read back byte for byte as they were first served.
      if (format === 'json') return void (job.resultText !== null ? res.type('application/json').send(job.resultText) : res.json(job.result));
      return sendSimulationFile(res, format, job.id, job.result, languageFromQuery(req));
    }
    if (job.status === 'failed') throw failedJobProblem(job);
    throw new HttpProblem({
      type: PROBLEM_BASE + 'result-not-ready',
      title: job.status === 'cancelled' ? 'The simulation was cancelled' : 'The simulation has not finished',
      status: 409,
      detail: `Job ${job.id} is ${job.status} (${job.completedIterations} of ${job.totalIterations} iterations).`,
    });
  });

  router.get('/simulations/:id/samples', async (req, res) => {
    await sendSamples(res, jobs, await findJob(jobs, storage, res, req.params.id));
  });

  router.post('/simulations/:id/cancel', async (req, res) => {
    const job = await findJob(jobs, storage, res, req.params.id);
    if (!jobs.cancel(job.id) && job.status !== 'cancelled') {
      throw new HttpProblem({
        type: PROBLEM_BASE + 'already-finished',
        title: job.status === 'queued' || job.status === 'running' ? 'The simulation runs in another service instance' : 'The simulation has already finished',
        status: 409,
        detail: `Job ${job.id} is ${job.status}.`,
      });
    }
    await jobs.recorded(job.id);
    res.json(jobView(job, false));
  });

  /** Forgets a job; a stored run is deleted with it (cancelled first when it still runs here). */
  router.delete('/simulations/:id', async (req, res) => {
    const job = await findJob(jobs, storage, res, req.params.id);
    jobs.remove(job.id);
    const caller = callerOf(res);
    if (job.stored) jobs.removeSamples(job);
    if (job.stored && caller !== null && storage !== null) await storage.store.runs.delete(caller.organisationId, job.id);
    res.status(204).end();
  });

  return router;
}

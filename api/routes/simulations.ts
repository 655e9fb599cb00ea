import { Router, type Request, type Response } from 'express';
import type { JobWork, SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendSimulationFile } from '../downloads/result-downloads.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { failedJobProblem, submitAndWait, type JobWaitOptions } from '../simulations/job-response.js';
import { jobView } from '../simulations/simulation-job-schema.js';
import {
  ComparisonRequestSchema,
  comparisonWork,
  SimulationRequestSchema,
  simulationWork,
} from '../simulations/simulation-request.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export interface SimulationRouteOptions extends JobWaitOptions {
  jobs: SimulationJobs;
}

export function simulationRoutes(options: SimulationRouteOptions): Router {
  const router = Router();
  const { jobs } = options;

  async function answer(req: Request, res: Response, work: JobWork): Promise<void> {
    const job = await submitAndWait(req, res, jobs, work, options);
    res.status(job.status === 'succeeded' ? 200 : 202).json(jobView(job, true));
  }

  router.post('/simulations', async (req, res) => {
    const request = parseOrThrow(SimulationRequestSchema, req.body);
    const work = unwrapOrThrow(simulationWork(request));
    await answer(req, res, work);
  });

  router.post('/simulations/compare', async (req, res) => {
    const request = parseOrThrow(ComparisonRequestSchema, req.body);
    const work = unwrapOrThrow(comparisonWork(request, (req.body as { model: unknown }).model));
    await answer(req, res, work);
  });

  router.get('/simulations/:id', (req, res) => {
    res.json(jobView(findJob(jobs, req.params.id), true));
  });

  router.get('/simulations/:id/result', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const job = findJob(jobs, req.params.id);
    if (job.status === 'succeeded' && job.result !== null) {
      if (format === 'json') return void res.json(job.result);
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

  router.post('/simulations/:id/cancel', (req, res) => {
    const job = findJob(jobs, req.params.id);
    if (!jobs.cancel(job.id) && job.status !== 'cancelled') {
      throw new HttpProblem({
        type: PROBLEM_BASE + 'already-finished',
        title: 'The simulation has already finished',
        status: 409,
        detail: `Job ${job.id} is ${job.status}.`,
      });
    }
    res.json(jobView(job, false));
  });

  router.delete('/simulations/:id', (req, res) => {
    const job = findJob(jobs, req.params.id);
    jobs.remove(job.id);
    res.status(204).end();
  });

  return router;
}

function findJob(jobs: SimulationJobs, id: string): SimulationJob {
  const job = jobs.get(id);
  if (job === undefined) {
    throw new HttpProblem({ type: PROBLEM_BASE + 'not-found', title: 'Simulation not found', status: 404, detail: `No simulation '${id}'.` });
  }
  return job;
}

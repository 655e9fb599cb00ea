import { Router, type Request, type Response } from 'express';
import type { SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { isFinished } from '../../runtime/simulation-jobs.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { jobView } from '../simulations/simulation-job-schema.js';
import { parsePrefer } from '../simulations/prefer-header.js';
import {
  ComparisonRequestSchema,
  comparisonWork,
  SimulationRequestSchema,
  simulationWork,
} from '../simulations/simulation-request.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export interface SimulationRouteOptions {
  jobs: SimulationJobs;
  /** How long a request waits for its job before answering 202, unless `Prefer` says otherwise. */
  defaultWaitMs: number;
  /** Upper bound on `Prefer: wait`. */
  maxWaitMs: number;
}

/** Seconds a client is asked to wait before retrying when every job slot is taken. */
const RETRY_AFTER_SECONDS = 5;

export function simulationRoutes(options: SimulationRouteOptions): Router {
  const router = Router();
  const { jobs } = options;

  async function answer(req: Request, res: Response, job: SimulationJob | null): Promise<void> {
    if (job === null) {
      throw new HttpProblem(
        {
          type: PROBLEM_BASE + 'too-many-jobs',
          title: 'Too many simulations are running',
          status: 429,
          detail: `At most ${jobs.activeCount()} simulations run at once; retry in ${RETRY_AFTER_SECONDS} seconds.`,
        },
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    }
    const prefer = parsePrefer(req.get('prefer'));
    const waitMs = prefer.respondAsync ? 0 : Math.min(options.maxWaitMs, prefer.waitSeconds === null ? options.defaultWaitMs : prefer.waitSeconds * 1000);
    const applied = prefer.respondAsync ? 'respond-async' : prefer.waitSeconds !== null ? `wait=${prefer.waitSeconds}` : null;
    if (applied !== null) res.set('Preference-Applied', applied);
    await jobs.waitFor(job, waitMs);
    const view = jobView(job, true);
    res.set('Location', view.links.self);
    if (job.status === 'succeeded') res.status(200).json(view);
    else if (job.status === 'failed') throw failedJobProblem(job);
    else res.status(202).json(view);
  }

  router.post('/simulations', async (req, res) => {
    const request = parseOrThrow(SimulationRequestSchema, req.body);
    const work = unwrapOrThrow(simulationWork(request));
    await answer(req, res, jobs.submit(work));
  });

  router.post('/simulations/compare', async (req, res) => {
    const request = parseOrThrow(ComparisonRequestSchema, req.body);
    const work = unwrapOrThrow(comparisonWork(request, (req.body as { model: unknown }).model));
    await answer(req, res, jobs.submit(work));
  });

  router.get('/simulations/:id', (req, res) => {
    res.json(jobView(findJob(jobs, req.params.id), true));
  });

  router.get('/simulations/:id/result', (req, res) => {
    const job = findJob(jobs, req.params.id);
    if (job.status === 'succeeded') return void res.json(job.result);
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

function failedJobProblem(job: SimulationJob): HttpProblem {
  return new HttpProblem({
    type: PROBLEM_BASE + 'simulation-failed',
    title: 'The simulation failed',
    status: 500,
    detail: job.reason ?? 'unknown reason',
    instance: `/simulations/${job.id}`,
  });
}

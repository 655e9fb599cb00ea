import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { compileModelSpec, ModelSpecSchema } from '../../models/model-spec.js';
import { SensitivitySettingsSchema, type SensitivityResult } from '../../models/sensitivity/index.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { callerOf } from '../auth.js';
import { untilHangUp } from '../hang-up.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendSensitivityFile } from '../downloads/result-downloads.js';
import { resolveSensitivityRequest } from '../runs/model-requests.js';
import { storeFinishedRun, type RunStorage } from '../runs/run-storage.js';
import { admitAnalysis } from '../simulations/active-analyses.js';
import { unwrapOrThrow } from '../validate.js';

export const SensitivityRequestSchema = z
  .strictObject({ model: ModelSpecSchema, settings: SensitivitySettingsSchema })
  .meta({ id: 'SensitivityRequest' });
export type SensitivityRequest = z.infer<typeof SensitivityRequestSchema>;

/**
 * Runs a validated sensitivity request on the simulation threads (a large Sobol or Morris design
 * takes minutes and must not hold up the event loop); a model or method that cannot answer is a
 * 400 or 422. The model is checked here first, so its problems come back at once.
 */
export async function sensitivityOf(jobs: Pick<SimulationJobs, 'analyse'>, request: SensitivityRequest, signal?: AbortSignal): Promise<SensitivityResult> {
  unwrapOrThrow(compileModelSpec(request.model), ['model']);
  return unwrapOrThrow(await jobs.analyse(request.model, request.settings, { signal }), ['settings']);
}

/**
 * POST /sensitivity. For a caller with an API key the analysis is stored as a run: the answer
 * names it in `Content-Location` (JSON: the result as stored at /runs/{id}/result) and `Link`.
 */
export function sensitivityRoutes({
  jobs,
  storage,
  maxActivePerCaller,
}: {
  jobs: Pick<SimulationJobs, 'analyse' | 'activeCount'>;
  storage: RunStorage | null;
  /**
   * MAX_ACTIVE_JOBS_PER_ORGANISATION: analyses plus simulations one organisation may have under way
   * at once, and the same for all anonymous callers together; more get 429 with Retry-After.
   * Default: no limit.
   */
  maxActivePerCaller?: number;
}): Router {
  const router = Router();
  router.post('/sensitivity', async (req, res) => {
    // An unacceptable format is refused (406) before the request is read.
    negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const { request, sources } = await resolveSensitivityRequest(req.body, res, storage);
    const release = admitAnalysis(jobs, callerOf(res)?.organisationId ?? null, maxActivePerCaller);
    try {
      await answerAnalysis(req, res, request, sources);
    } finally {
      release();
    }
  });

  async function answerAnalysis(req: Request, res: Response, request: SensitivityRequest, sources: Awaited<ReturnType<typeof resolveSensitivityRequest>>['sources']): Promise<void> {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const startedAt = new Date();
    // A caller who hangs up stops the analysis (and the thread running it).
    const result = await untilHangUp(res, (signal) => sensitivityOf(jobs, request, signal));
    if (result === null) return; // nobody to answer
    const resultText = JSON.stringify(result);
    const caller = callerOf(res);
    if (caller !== null && storage !== null) {
      const id = await storeFinishedRun(storage, caller, { kind: 'sensitivity', request, sources }, { resultText, modelRuns: result.modelRuns, startedAt, finishedAt: new Date() });
      res.set('Link', `</runs/${id}>; rel="related"`);
      if (format === 'json') res.set('Content-Location', `/runs/${id}/result`);
    }
    if (format === 'json') return void res.type('application/json').send(resultText);
    await sendSensitivityFile(res, format, request.model, result, languageFromQuery(req));
  }
  return router;
}

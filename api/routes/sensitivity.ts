import { Router } from 'express';
import { z } from 'zod';
import { compileModelSpec, ModelSpecSchema } from '../../models/model-spec.js';
import { runSensitivity, SensitivitySettingsSchema, type SensitivityResult } from '../../models/sensitivity/index.js';
import { callerOf } from '../auth.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendSensitivityFile } from '../downloads/result-downloads.js';
import { resolveSensitivityRequest } from '../runs/model-requests.js';
import { storeFinishedRun, type RunStorage } from '../runs/run-storage.js';
import { unwrapOrThrow } from '../validate.js';

export const SensitivityRequestSchema = z
  .object({ model: ModelSpecSchema, settings: SensitivitySettingsSchema })
  .meta({ id: 'SensitivityRequest' });
export type SensitivityRequest = z.infer<typeof SensitivityRequestSchema>;

/** Runs a validated sensitivity request; a model or method that cannot answer is a 400 or 422. */
export function sensitivityOf(request: SensitivityRequest): SensitivityResult {
  const model = unwrapOrThrow(compileModelSpec(request.model), ['model']);
  return unwrapOrThrow(runSensitivity(model, request.settings), ['settings']);
}

/**
 * POST /sensitivity. For a caller with an API key the analysis is stored as a run: the answer
 * names it in `Content-Location` (JSON: the result as stored at /runs/{id}/result) and `Link`.
 */
export function sensitivityRoutes({ storage }: { storage: RunStorage | null } = { storage: null }): Router {
  const router = Router();
  router.post('/sensitivity', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const { request, sources } = await resolveSensitivityRequest(req.body, res, storage);
    const startedAt = new Date();
    const result = sensitivityOf(request);
    const resultText = JSON.stringify(result);
    const caller = callerOf(res);
    if (caller !== null && storage !== null) {
      const id = await storeFinishedRun(storage, caller, { kind: 'sensitivity', request, sources }, { resultText, startedAt, finishedAt: new Date() });
      res.set('Link', `</runs/${id}>; rel="related"`);
      if (format === 'json') res.set('Content-Location', `/runs/${id}/result`);
    }
    if (format === 'json') return void res.type('application/json').send(resultText);
    await sendSensitivityFile(res, format, request.model, result, languageFromQuery(req));
  });
  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import { compileModelSpec, ModelSpecSchema } from '../../models/model-spec.js';
import { runSensitivity, SensitivitySettingsSchema } from '../../models/sensitivity/index.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendSensitivityFile } from '../downloads/result-downloads.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export const SensitivityRequestSchema = z
  .object({ model: ModelSpecSchema, settings: SensitivitySettingsSchema })
  .meta({ id: 'SensitivityRequest' });
export type SensitivityRequest = z.infer<typeof SensitivityRequestSchema>;

export function sensitivityRoutes(): Router {
  const router = Router();
  router.post('/sensitivity', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const request = parseOrThrow(SensitivityRequestSchema, req.body);
    const model = unwrapOrThrow(compileModelSpec(request.model), ['model']);
    const result = unwrapOrThrow(runSensitivity(model, request.settings), ['settings']);
    if (format === 'json') return void res.json(result);
    await sendSensitivityFile(res, format, request.model, result, languageFromQuery(req));
  });
  return router;
}

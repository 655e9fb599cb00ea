import { Router } from 'express';
import { z } from 'zod';
import { compileModelSpec, ModelSpecSchema } from '../../models/model-spec.js';
import { runSensitivity, SensitivitySettingsSchema } from '../../models/sensitivity/index.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export const SensitivityRequestSchema = z
  .object({ model: ModelSpecSchema, settings: SensitivitySettingsSchema })
  .meta({ id: 'SensitivityRequest' });

export function sensitivityRoutes(): Router {
  const router = Router();
  router.post('/sensitivity', (req, res) => {
    const request = parseOrThrow(SensitivityRequestSchema, req.body);
    const model = unwrapOrThrow(compileModelSpec(request.model), ['model']);
    res.json(unwrapOrThrow(runSensitivity(model, request.settings), ['settings']));
  });
  return router;
}

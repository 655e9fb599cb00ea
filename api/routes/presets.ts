import { Router } from 'express';
import { z } from 'zod';
import { ALL_PRESETS, findPreset, presetSummary, presetWithData } from '../../scenarios/preset-catalogue.js';
import { HttpProblem, fromDomainError } from '../problem.js';

export const PresetIdSchema = z.string().max(100);

/**
 * The preset scenarios shipped with the service (read-only, the same for everyone): contract
 * presets and fund presets, told apart by `kind`. An organisation's own saved scenarios live at
 * `/scenarios`.
 */
export function presetRoutes(): Router {
  const router = Router();
  router.get('/presets', (_req, res) => {
    res.json(ALL_PRESETS.map(presetSummary));
  });
  router.get('/presets/:id', (req, res) => {
    const entry = findPreset(req.params.id);
    if (!entry) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'preset', id: req.params.id }));
    res.json(presetWithData(entry));
  });
  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { HttpProblem, fromDomainError } from '../problem.js';

export const PresetIdSchema = z.string().max(100);

/**
 * The preset scenarios shipped with the service (read-only, the same for everyone). An
 * organisation's own saved scenarios live at `/scenarios`.
 */
export function presetRoutes(): Router {
  const router = Router();
  router.get('/presets', (_req, res) => {
    res.json(
      CONTRACT_PRESETS.map(({ id, title, summary, assumptions, sources }) => ({ id, kind: 'contract' as const, title, summary, assumptions, sources })),
    );
  });
  router.get('/presets/:id', (req, res) => {
    const preset = CONTRACT_PRESETS.find((p) => p.id === req.params.id);
    if (!preset) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'preset', id: req.params.id }));
    res.json({ id: preset.id, kind: 'contract', title: preset.title, summary: preset.summary, assumptions: preset.assumptions, sources: preset.sources, contract: preset.contract });
  });
  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { HttpProblem, fromDomainError } from '../problem.js';

export const PresetIdSchema = z.string().max(100);

export function scenarioRoutes(): Router {
  const router = Router();
  router.get('/scenarios', (_req, res) => {
    res.json(
      CONTRACT_PRESETS.map(({ id, title, summary, assumptions, sources }) => ({ id, kind: 'contract' as const, title, summary, assumptions, sources })),
    );
  });
  router.get('/scenarios/:id', (req, res) => {
    const preset = CONTRACT_PRESETS.find((p) => p.id === req.params.id);
    if (!preset) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'scenario', id: req.params.id }));
    res.json({ id: preset.id, kind: 'contract', title: preset.title, summary: preset.summary, assumptions: preset.assumptions, sources: preset.sources, contract: preset.contract });
  });
  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import {
  comparePortfoliosExpected,
  evaluatePortfolioExpected,
  PortfolioComparisonSchema,
  PortfolioSchema,
  PortfolioStrategiesSchema,
} from '../../models/portfolio/index.js';
import { prepareVariants, SimulationSettingsSchema, type SimulationVariant, type VariantComparisonResult } from '../../models/simulation/index.js';
import { compileModelDescription } from '../../runtime/model-registry.js';
import type { JobWork, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { callerOf } from '../auth.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendPortfolioComparisonFile, sendPortfolioFile } from '../downloads/result-downloads.js';
import { submitJob, type RunStorage } from '../runs/run-storage.js';
import { submitAndWait, type JobWaitOptions } from '../simulations/job-response.js';
import { jobView, SimulationJobSchema } from '../simulations/simulation-job-schema.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export const PortfolioComparisonRequestSchema = z
  .strictObject({
    strategies: PortfolioStrategiesSchema,
    settings: SimulationSettingsSchema.optional().describe(
      'When given, the strategies also run as a Monte Carlo comparison on common random numbers (a simulation job).',
    ),
  })
  .meta({ id: 'PortfolioComparisonRequest' });

export const PortfolioComparisonResponseSchema = z
  .object({
    expected: PortfolioComparisonSchema,
    simulation: SimulationJobSchema.nullable().describe('The Monte Carlo comparison job, when settings were given; its result is a VariantComparisonResult.'),
  })
  .meta({ id: 'PortfolioComparisonResponse' });

export interface PortfolioRouteOptions extends JobWaitOptions {
  jobs: SimulationJobs;
  /** Stores the Monte Carlo comparison of a caller with an API key as a run (null: nothing stored). */
  storage: RunStorage | null;
}

export function portfolioRoutes(options: PortfolioRouteOptions): Router {
  const router = Router();

  router.post('/portfolios/evaluate', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const portfolio = parseOrThrow(PortfolioSchema, req.body);
    const evaluation = unwrapOrThrow(evaluatePortfolioExpected(portfolio));
    if (format === 'json') return void res.json(evaluation);
    await sendPortfolioFile(res, format, portfolio, evaluation, languageFromQuery(req));
  });

  router.post('/portfolios/compare', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const request = parseOrThrow(PortfolioComparisonRequestSchema, req.body);
    const expected = unwrapOrThrow(comparePortfoliosExpected(request.strategies), ['strategies']);
    const language = languageFromQuery(req);
    if (request.settings === undefined) {
      if (format !== 'json') return sendPortfolioComparisonFile(res, format, request.strategies, expected, null, language);
      return void res.json({ expected, simulation: null });
    }

    const variants = request.strategies.map((strategy) => ({ name: strategy.name, model: { kind: 'portfolio', definition: strategy.portfolio } }));
    const compiled: SimulationVariant[] = [];
    for (const [index, variant] of variants.entries()) {
      const model = unwrapOrThrow(compileModelDescription({ kind: 'portfolio', definition: variant.model.definition }, ['strategies', index]));
      compiled.push({ name: variant.name, model });
    }
    unwrapOrThrow(prepareVariants(compiled, request.settings, ['settings']));
    const work: JobWork = { kind: 'comparison', variants, settings: request.settings };
    const run = { kind: 'comparison' as const, request, sources: [] };
    const job = await submitAndWait(req, res, options.jobs, () => submitJob(options.jobs, work, callerOf(res), options.storage, run), options);
    // A file needs the finished comparison; until then the answer is the job (its file is at GET /simulations/{id}/result).
    if (format !== 'json' && job.status === 'succeeded' && job.result !== null)
      return sendPortfolioComparisonFile(res, format, request.strategies, expected, job.result as VariantComparisonResult, language);
    res.status(job.status === 'succeeded' ? 200 : 202).json({ expected, simulation: jobView(job, true) });
  });

  return router;
}

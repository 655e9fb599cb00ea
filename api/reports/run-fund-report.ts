import { evaluatePortfolioExpected, evaluationsSideBySide } from '../../models/portfolio/index.js';
import { compileModelSpec } from '../../models/model-spec.js';
import { prepareVariants, type SimulationResult, type SimulationVariant, type VariantComparisonResult } from '../../models/simulation/index.js';
import type { FundReportRun } from '../../outputs/fund-report/fund-report-run.js';
import type { Provenance } from '../../outputs/index.js';
import { compileModelDescription } from '../../runtime/model-registry.js';
import type { JobWork, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { simulationWork } from '../simulations/simulation-request.js';
import { unwrapOrThrow } from '../validate.js';
import { fundReportStrategies, type FundReportModel } from './fund-report-request.js';
import type { FundReportRequest } from './report-request.js';
import { runReportJob, type ReportJobOwner } from './report-job.js';

export interface FundReportDependencies {
  jobs: SimulationJobs;
  /** How long the report waits for its simulation before giving up with 503. */
  waitMs: number;
  provenance: Provenance;
  /** The caller whose job the simulation is (as at POST /portfolios/compare). */
  owner: ReportJobOwner;
}

/**
 * A fund report's run, as a story: evaluate every strategy with expected values; run the
 * strategies as one Monte Carlo comparison on common random numbers, built exactly as POST
 * /portfolios/compare builds it (same variants, same settings, a job on the worker pool), or a
 * plain simulation when there is one strategy; hand the results to the report.
 *
 * On the request thread: the expected evaluations and the compile checks (as in POST
 * /portfolios/compare); the simulation runs on the pool.
 */
export async function runFundReport(request: FundReportRequest, deps: FundReportDependencies): Promise<FundReportRun> {
  const strategies = fundReportStrategies(request.model);
  const at = (index: number) => (index === 0 ? ['model', 'portfolio'] : ['model', 'strategies', index - 1, 'portfolio']);
  const evaluations = strategies.map((strategy, index) => unwrapOrThrow(evaluatePortfolioExpected(strategy.portfolio), at(index)));
  // POST /portfolios/compare's expected answer, from the evaluations above (not evaluated a second time).
  const expected = strategies.length > 1 ? evaluationsSideBySide(strategies.map((s) => s.name), evaluations) : null;
  const inputs = unwrapOrThrow(compileModelSpec({ kind: 'portfolio', portfolio: request.model.portfolio }), ['model']).inputs;

  const work = fundWork(request.model, request.settings);
  const run = { kind: work.kind, request: { model: request.model, settings: request.settings }, sources: [] };
  const job = await runReportJob(deps.jobs, work, deps.waitMs, deps.owner, run);
  const results: SimulationResult[] =
    job.kind === 'comparison' ? (job.result as VariantComparisonResult).variants.map((v) => v.result) : [job.result as SimulationResult];
  return {
    language: request.language,
    strategies: strategies.map((strategy, index) => ({ ...strategy, evaluation: evaluations[index], result: results[index] })),
    expected,
    differences: job.kind === 'comparison' ? (job.result as VariantComparisonResult).differences : [],
    inputs,
    simulationId: job.id,
    context: request.about,
    provenance: deps.provenance,
  };
}

/** The job's work: the comparison POST /portfolios/compare submits for the same strategies, or one simulation. */
function fundWork(model: FundReportModel, settings: FundReportRequest['settings']): JobWork {
  const strategies = fundReportStrategies(model);
  if (strategies.length === 1) return unwrapOrThrow(simulationWork({ model: { kind: 'portfolio', portfolio: model.portfolio }, settings }));
  const variants = strategies.map((strategy) => ({ name: strategy.name, model: { kind: 'portfolio' as const, definition: strategy.portfolio } }));
  const compiled: SimulationVariant[] = variants.map((variant, index) => ({
    name: variant.name,
    model: unwrapOrThrow(compileModelDescription(variant.model, index === 0 ? ['model', 'portfolio'] : ['model', 'strategies', index - 1, 'portfolio'])),
  }));
  unwrapOrThrow(prepareVariants(compiled, settings, ['settings']));
  return { kind: 'comparison', variants, settings };
}

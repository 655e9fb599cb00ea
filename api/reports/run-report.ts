import { evaluateContractExpected } from '../../models/contract/index.js';
import { compileModelSpec } from '../../models/model-spec.js';
import type { SimulationResult } from '../../models/simulation/index.js';
import { reportSimulationSettings, type Provenance, type ReportRun } from '../../outputs/index.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { failedJobProblem, RETRY_AFTER_SECONDS } from '../simulations/job-response.js';
import { simulationWork } from '../simulations/simulation-request.js';
import { unwrapOrThrow } from '../validate.js';
import { contractReportAnalyses } from './contract-report-analyses.js';
import type { ReportRequest } from './report-request.js';

export interface ReportDependencies {
  jobs: SimulationJobs;
  /** How long the report waits for its simulation before giving up with 503. */
  waitMs: number;
  provenance: Provenance;
}

/**
 * A report's run, as a story: evaluate the contract with expected values; run a tornado and the
 * break-even searches of the payer's net result and evaluate the "no effect" case; simulate it on the worker pool like any POST /simulations (same
 * validation, same job, same result); hand the three results to the report.
 */
export async function runReport(request: ReportRequest, deps: ReportDependencies): Promise<ReportRun> {
  const contract = request.model.contract;
  const evaluation = unwrapOrThrow(evaluateContractExpected(contract), ['model', 'contract']);
  const model = unwrapOrThrow(compileModelSpec(request.model), ['model']);

  const analyses = await contractReportAnalyses(request.model, model.inputs, request.sensitivityRange, deps.jobs);

  const work = unwrapOrThrow(simulationWork({ model: request.model, settings: reportSimulationSettings(request.settings) }));
  const job = deps.jobs.submit(work);
  if (job === null) {
    throw new HttpProblem(
      { type: PROBLEM_BASE + 'too-many-jobs', title: 'Too many simulations are running', status: 429, detail: `Retry in ${RETRY_AFTER_SECONDS} seconds.` },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  await deps.jobs.waitFor(job, deps.waitMs);
  if (job.status === 'failed') throw failedJobProblem(job);
  if (job.status !== 'succeeded') {
    deps.jobs.cancel(job.id);
    throw new HttpProblem({
      type: PROBLEM_BASE + 'report-timeout',
      title: 'The report took too long',
      status: 503,
      detail: `The simulation did not finish within ${Math.round(deps.waitMs / 1000)} seconds; ask for fewer iterations.`,
    });
  }
  return {
    language: request.language,
    contract,
    inputs: model.inputs,
    evaluation,
    simulation: job.result as SimulationResult,
    simulationId: job.id,
    ...analyses,
    context: request.about,
    provenance: deps.provenance,
  };
}

import { compileModelSpec } from '../../models/model-spec.js';
import type { SimulationResult } from '../../models/simulation/index.js';
import { reportSimulationSettings, type Provenance } from '../../outputs/index.js';
import type { ContractReportInput } from '../../runtime/report-rendering.js';
import type { SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { simulationWork } from '../simulations/simulation-request.js';
import { unwrapOrThrow } from '../validate.js';
import { contractReportAnalyses } from './contract-report-analyses.js';
import { runReportJob, type ReportJobOwner } from './report-job.js';
import type { ReportRequest } from './report-request.js';

export interface ReportDependencies {
  jobs: SimulationJobs;
  /** How long the report waits for its simulation before giving up with 503. */
  waitMs: number;
  provenance: Provenance;
  /** The caller whose job the simulation is (as at POST /simulations). */
  owner: ReportJobOwner;
  /** A finished simulation to report on instead of running one (request.simulationId, see report-simulation.ts). */
  simulation?: SimulationJob;
}

/**
 * A report's run, as a story: evaluate the contract with expected values; run a tornado and the
 * break-even searches of the payer's net result (as POST /sensitivity does); simulate it like any
 * POST /simulations (same validation, same job, same result); hand the results to the report
 * (which a thread then builds and writes, the "no effect" case evaluated with it). Everything but
 * the compile check runs on the simulation threads: a contract at every documented limit takes
 * 40 to 120 ms to evaluate, which the event loop must not spend.
 */
export async function runReport(request: ReportRequest, deps: ReportDependencies): Promise<ContractReportInput> {
  const contract = request.model.contract;
  const evaluation = unwrapOrThrow(await deps.jobs.compute('contractEvaluation', contract), ['model', 'contract']);
  const model = unwrapOrThrow(compileModelSpec(request.model), ['model']);

  const analyses = await contractReportAnalyses(request.model, model.inputs, request.sensitivityRange, deps.jobs);

  const simulationRequest = { model: request.model, settings: reportSimulationSettings(request.settings) };
  const work = unwrapOrThrow(simulationWork(simulationRequest));
  // A finished job of the caller's (checked by the route against this request), or a new one, stored as the POST /simulations it equals.
  const job = deps.simulation ?? (await runReportJob(deps.jobs, work, deps.waitMs, deps.owner, { kind: 'simulation', request: simulationRequest, sources: [] }));
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

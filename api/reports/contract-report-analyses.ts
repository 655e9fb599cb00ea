import type { Contract } from '../../models/contract/index.js';
import type { ModelSpec } from '../../models/model-spec.js';
import type { TornadoResult } from '../../models/sensitivity/tornado.js';
import type { ModelInput } from '../../models/simulation/model.js';
import { reportTornadoSettings } from '../../outputs/index.js';
import { reportBreakEvenSearches, type ReportBreakEven } from '../../outputs/report/report-break-even.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { unwrapOrThrow } from '../validate.js';

export interface ContractReportAnalyses {
  sensitivity: TornadoResult;
  sensitivityRange: number | null;
  breakEven: ReportBreakEven[];
}

/**
 * What a contract report computes beside its simulation: the tornado of the payer's net result
 * (uncertain inputs only unless the request gives a relative range) and the break-even searches.
 * They run on the simulation threads through the same pool as POST /sensitivity, so a report does
 * not hold up the event loop with them and gives the same numbers as POST /sensitivity for the
 * same settings. (The "no effect" evaluation is made on a thread with the report itself, see
 * runtime/report-rendering.ts.)
 */
export async function contractReportAnalyses(
  model: Extract<ModelSpec, { kind: 'contract' }>,
  inputs: ReadonlyArray<ModelInput>,
  sensitivityRange: number | undefined,
  jobs: Pick<SimulationJobs, 'analyse'>,
): Promise<ContractReportAnalyses> {
  const contract: Contract = model.contract;
  const range = sensitivityRange ?? null;
  const searches = reportBreakEvenSearches(contract, inputs);
  const [tornado, ...searched] = await Promise.all([
    jobs.analyse(model, reportTornadoSettings(inputs, range)),
    ...searches.map((search) => jobs.analyse(model, search.settings)),
  ]);
  const sensitivity = unwrapOrThrow(tornado);
  if (sensitivity.method !== 'tornado') throw new Error('the report asked for a tornado');
  const breakEven = searches.map((search, k) => {
    const result = unwrapOrThrow(searched[k]);
    if (result.method !== 'break-even') throw new Error('the report asked for a break-even search');
    return { ...search, result };
  });
  return { sensitivity, sensitivityRange: range, breakEven };
}

import { evaluateContractExpected, noEffectContract, type Contract, type ContractEvaluation } from '../models/contract/index.js';
import type { DomainError } from '../models/errors.js';
import { fail, ok, type Result } from '../models/result.js';
import { buildFundReport } from '../outputs/fund-report/build-fund-report.js';
import { fundReportCsv, fundReportWorkbook } from '../outputs/fund-report/fund-report-downloads.js';
import type { FundReportRun } from '../outputs/fund-report/fund-report-run.js';
import { renderFundReportHtml } from '../outputs/fund-report/render-fund-report-html.js';
import { buildReport, renderReportHtml, reportCsv, reportWorkbook, type ReportRun } from '../outputs/index.js';
import type { Actuals } from '../models/actuals/index.js';
import { reforecastContract, type InferenceSettings, type ReforecastResult } from '../models/reforecast/index.js';
import type { SimulationSettings } from '../models/simulation/index.js';
import type { FieldPath } from '../models/errors.js';
import { renderProgressReportHtml, type ProgressReportProvenance } from '../outputs/progress-report/render-progress-report.js';

/**
 * The heavy parts of POST /reports that are neither a simulation nor a sensitivity analysis, run
 * on a simulation thread (see SimulationPool.compute) instead of the event loop: a contract's
 * expected evaluation (40 to 120 ms for a contract at every documented limit), the "no effect"
 * evaluation, building the report and writing it as HTML (charts rendered to SVG), a workbook, CSV
 * or JSON text. Before, these took the event loop for up to 0.7 s a report, and four reports at
 * once held /health for seconds (issue 18 item 3). A re-forecast (the plan's simulation, the
 * prior draws weighted by the actuals and the re-forecast's simulation: seconds at its iteration
 * limit) and the progress report written from it run here too, for the same reason.
 */

/** What a thread writes: `pdf` is the HTML, printed by the edge's Chromium. */
export type RenderedFormat = 'html' | 'xlsx' | 'csv' | 'json';

/** A written report: text (HTML, CSV, JSON) or the bytes of a workbook. */
export type RenderedReport = string | Uint8Array;

/** A contract report's run without the "no effect" evaluation, which the thread makes. */
export type ContractReportInput = Omit<ReportRun, 'noEffect'>;

/** What POST /contracts/reforecast re-forecasts: the contract, its actuals and the run's settings. */
export interface ReforecastInput {
  contract: Contract;
  actuals: Actuals | null;
  settings: SimulationSettings;
  inference: InferenceSettings;
  /** Where the actuals came from in the request, to name them in a refusal. */
  actualsAt: FieldPath;
}

export interface Computations {
  /** The expected evaluation of a contract (POST /reports checks it before starting its analyses). */
  contractEvaluation: { input: Contract; output: ContractEvaluation };
  contractReport: { input: { run: ContractReportInput; format: RenderedFormat }; output: RenderedReport };
  fundReport: { input: { run: FundReportRun; format: RenderedFormat }; output: RenderedReport };
  reforecast: { input: ReforecastInput; output: ReforecastResult };
  /** The progress report (voortgangsrapportage) as HTML, written from its re-forecast. */
  progressReport: { input: { reforecast: ReforecastInput; language: 'nl' | 'en'; provenance: ProgressReportProvenance }; output: string };
}
export type ComputationName = keyof Computations;

export async function compute<N extends ComputationName>(name: N, input: Computations[N]['input']): Promise<Result<Computations[N]['output'], DomainError>> {
  const computations: { [K in ComputationName]: (input: Computations[K]['input']) => Promise<Result<Computations[K]['output'], DomainError>> } = {
    contractEvaluation: async (contract) => evaluateContractExpected(contract),
    contractReport: async ({ run, format }) => {
      const noEffect = evaluateContractExpected(noEffectContract(run.contract));
      if (!noEffect.ok) return fail(noEffect.error);
      const full: ReportRun = { ...run, noEffect: noEffect.value };
      const report = buildReport(full);
      return ok(await written(format, report, () => renderReportHtml(report), () => reportWorkbook(full, report), () => reportCsv(full, report)));
    },
    fundReport: async ({ run, format }) => {
      const report = buildFundReport(run);
      return ok(await written(format, report, () => renderFundReportHtml(report), () => fundReportWorkbook(run, report), () => fundReportCsv(run)));
    },
    reforecast: async (input) => reforecastOf(input),
    progressReport: async ({ reforecast, language, provenance }) => {
      const result = reforecastOf(reforecast);
      if (!result.ok) return result;
      return ok(await renderProgressReportHtml(reforecast.contract, result.value, language, provenance));
    },
  };
  return computations[name](input);
}

function reforecastOf({ contract, actuals, settings, inference, actualsAt }: ReforecastInput): Result<ReforecastResult, DomainError> {
  return reforecastContract(contract, actuals, settings, inference, actualsAt);
}

async function written(format: RenderedFormat, document: unknown, html: () => Promise<string>, workbook: () => Promise<Buffer>, csv: () => string): Promise<RenderedReport> {
  switch (format) {
    case 'json':
      return JSON.stringify(document);
    case 'html':
      return html();
    case 'xlsx': {
      const bytes = await workbook();
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    case 'csv':
      return csv();
  }
}

import type { Contract, ContractEvaluation } from '../../models/contract/index.js';
import type { TornadoResult } from '../../models/sensitivity/tornado.js';
import type { ModelInput } from '../../models/simulation/model.js';
import type { SimulationResult } from '../../models/simulation/index.js';
import type { Provenance } from '../tables/about-table.js';
import type { Language } from '../texts/index.js';
import type { ReportBreakEven } from './report-break-even.js';

/** What the scenario says about itself: shown in the report, never used in the numbers. */
export interface ScenarioContext {
  title?: string;
  summary?: string;
  assumptions?: string;
  sources?: { label: string; url?: string }[];
}

/**
 * One report run: the results the report is made of, and what it needs to describe them.
 * Every figure in the report is read from these results; nothing is recomputed differently.
 */
export interface ReportRun {
  language: Language;
  contract: Contract;
  /** The model's inputs (paths, base values, distributions) as the engines saw them. */
  inputs: ReadonlyArray<ModelInput>;
  evaluation: ContractEvaluation;
  simulation: SimulationResult;
  /** Id of the simulation job, so the run can be fetched again while the service keeps it. */
  simulationId: string | null;
  sensitivity: TornadoResult;
  /** Relative range plain numbers moved by in the tornado; null: only uncertain inputs moved (the default). */
  sensitivityRange: number | null;
  /** Break-even searches of the payer's net result (POST /sensitivity, method break-even). */
  breakEven: ReportBreakEven[];
  /** The deterministic evaluation of the contract as if the programme changed nothing (noEffectContract). */
  noEffect: ContractEvaluation;
  context: ScenarioContext | undefined;
  provenance: Provenance;
}

import { REPORT_EVENTS, REPORT_OUTPUT } from '../../../../outputs/report/report-analyses.js';
import type { Contract, Schemas } from '../../api/client.js';
import { budgetEvent } from './budget-event.js';

/**
 * The settings of one run on the Results screen, in the two shapes the API takes:
 * - the report's (POST /reports): seed, iterations and the page's own event (the yearly budget);
 * - the job's (POST /simulations): the same plus what the report adds for a contract
 *   (outputs/report/report-analyses.ts reportSimulationSettings: its three events, risk output
 *   payerNetResult, lower tail).
 * POST /reports with the job's id accepts the job only when the two agree
 * (api/reports/report-simulation.ts), so the downloads reuse the run instead of simulating again.
 */

export interface RunInput {
  contract: Contract;
  seed: number;
  iterations: number;
  /** The yearly budget to test against (euros), or null for none. */
  budget: number | null;
  /** What the scenario says about itself, printed in the report (never used in the numbers). */
  about?: Schemas['ReportRequest']['about'];
}

type Settings = Schemas['SimulationSettings'];

export function reportSettings(input: RunInput): Settings {
  return { seed: input.seed, iterations: input.iterations, events: input.budget === null ? [] : [budgetEvent(input.budget)] };
}

export function jobSettings(input: RunInput): Settings {
  const own = reportSettings(input);
  return { ...own, events: [...(own.events ?? []), ...Object.values(REPORT_EVENTS).map((e) => ({ ...e }))], riskOutput: REPORT_OUTPUT, riskTail: 'lower' };
}

/** The POST /simulations body of the run. */
export function simulationRequest(input: RunInput): Schemas['SimulationRequest'] {
  return { model: { kind: 'contract', contract: input.contract }, settings: jobSettings(input) } as Schemas['SimulationRequest'];
}

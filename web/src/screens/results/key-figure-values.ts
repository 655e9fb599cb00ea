import { REPORT_EVENTS } from '../../../../outputs/report/report-analyses.js';
import type { Schemas } from '../../api/client.js';
import { BUDGET_EVENT_NAME } from './budget-event.js';

/**
 * The key figures of a finished simulation, read from the job's result exactly as
 * GET /simulations/{id}/result gives it (no rounding here: the page formats them, and a test
 * holds data-value against the API). Chances are the events the page added: the report's three
 * (outputs/report/report-analyses.ts REPORT_EVENTS) and the yearly-budget event.
 */

export type SimulationResult = Schemas['SimulationResult'];

export type KeyFigureName =
  | 'netResult'
  | 'netPresentValue'
  | 'chanceGains'
  | 'chanceBudgetReached'
  | 'peakYearP90'
  | 'providerMargin'
  | 'chanceProviderLoses'
  | 'investorMultiple'
  | 'chanceInvestorLoses';

export interface KeyFigureValue {
  name: KeyFigureName;
  kind: 'euro' | 'chance' | 'ratio';
  value: number | null;
  /** P10 and P90 of the same output, when the figure is a mean. */
  p10?: number | null;
  p90?: number | null;
}

export function outputOf(result: SimulationResult, name: string) {
  return result.outputs.find((o) => o.name === name);
}

export function eventChance(result: SimulationResult, name: string): number | null {
  return result.events.find((e) => e.name === name)?.probability ?? null;
}

function mean(result: SimulationResult, name: string, figure: KeyFigureName): KeyFigureValue {
  const o = outputOf(result, name);
  return { name: figure, kind: 'euro', value: o?.mean ?? null, p10: o?.percentiles.p10 ?? null, p90: o?.percentiles.p90 ?? null };
}

export function keyFigureValues(result: SimulationResult, options: { budget: number | null; investor: boolean }): KeyFigureValue[] {
  const figures: KeyFigureValue[] = [
    mean(result, 'payerNetResult', 'netResult'),
    mean(result, 'payerNetPresentValue', 'netPresentValue'),
    { name: 'chanceGains', kind: 'chance', value: eventChance(result, REPORT_EVENTS.payerGains.name) },
  ];
  if (options.budget !== null) figures.push({ name: 'chanceBudgetReached', kind: 'chance', value: eventChance(result, BUDGET_EVENT_NAME) });
  const peak = outputOf(result, 'peakAnnualPayment');
  figures.push({ name: 'peakYearP90', kind: 'euro', value: peak?.percentiles.p90 ?? null });
  figures.push(mean(result, 'providerMargin', 'providerMargin'));
  figures.push({ name: 'chanceProviderLoses', kind: 'chance', value: eventChance(result, REPORT_EVENTS.providerLoses.name) });
  if (options.investor) {
    const multiple = outputOf(result, 'investorMultiple');
    figures.push({ name: 'investorMultiple', kind: 'ratio', value: multiple?.mean ?? null, p10: multiple?.percentiles.p10 ?? null, p90: multiple?.percentiles.p90 ?? null });
    figures.push({ name: 'chanceInvestorLoses', kind: 'chance', value: eventChance(result, REPORT_EVENTS.investorLoses.name) });
  }
  return figures;
}

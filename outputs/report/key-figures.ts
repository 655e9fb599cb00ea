import { z } from 'zod';
import type { OutputSummary, SimulationResult } from '../../models/simulation/index.js';
import { REPORT_EVENTS, REPORT_OUTPUT } from './report-analyses.js';
import type { ReportRun } from './report-run.js';

/**
 * The report's key figures, each read from one field of the run's results (named in its
 * description), so a test can hold every printed figure against the results it came from.
 */
const figure = z.number().nullable();

export const KeyFiguresSchema = z
  .object({
    expectedNetResult: figure.describe('simulation.outputs[payerNetResult].mean'),
    netResultP10: figure.describe('simulation.outputs[payerNetResult].percentiles.p10'),
    netResultP50: figure.describe('simulation.outputs[payerNetResult].percentiles.p50'),
    netResultP90: figure.describe('simulation.outputs[payerNetResult].percentiles.p90'),
    baseNetResult: figure.describe('evaluation.summary.payerNetResult: every input at its expected value, expected rates.'),
    chancePaysOff: figure.describe('simulation.events[reportPayerGains].probability: share of iterations with payerNetResult > 0.'),
    peakAnnualPaymentP90: figure.describe('simulation.outputs[peakAnnualPayment].percentiles.p90: the budget to reserve for the most expensive year.'),
    budgetP90ByYear: z
      .array(z.object({ year: z.string(), amount: figure }))
      .describe('simulation.series[yearlyOutcomePayments].fan.p90 per calendar year.'),
    providerIncomeMean: figure.describe('simulation.outputs[providerOutcomeIncome].mean'),
    providerIncomeP10: figure.describe('simulation.outputs[providerOutcomeIncome].percentiles.p10'),
    providerIncomeP90: figure.describe('simulation.outputs[providerOutcomeIncome].percentiles.p90'),
    providerMarginMean: figure.describe('simulation.outputs[providerMargin].mean'),
    providerMarginP50: figure.describe('simulation.outputs[providerMargin].percentiles.p50'),
    providerLossChance: figure.describe('simulation.events[reportProviderLoses].probability'),
    investor: z
      .object({ drawnMean: figure, receivedMean: figure, lossMean: figure, lossChance: figure })
      .nullable()
      .describe('With investors: means of investorDrawn, investorReceived, investorLoss and simulation.events[reportInvestorLoses].probability.'),
    lapsedByCapsMean: figure.describe('simulation.outputs[paymentsLapsedByCaps].mean'),
    outcomePaymentsMean: figure.describe('simulation.outputs[payerOutcomePayments].mean'),
    participants: figure.describe('evaluation.summary.participants'),
  })
  .meta({
    id: 'ReportKeyFigures',
    description: 'The report\'s key figures, each read from one field of the run\'s results (named in its description); nothing is recomputed.',
  });
export type KeyFigures = z.infer<typeof KeyFiguresSchema>;

export function findOutput(result: SimulationResult, name: string): OutputSummary | undefined {
  return result.outputs.find((o) => o.name === name);
}

function eventProbability(result: SimulationResult, name: string): number | null {
  return result.events.find((e) => e.name === name)?.probability ?? null;
}

export function keyFigures(run: ReportRun): KeyFigures {
  const sim = run.simulation;
  const net = findOutput(sim, REPORT_OUTPUT);
  const peak = findOutput(sim, 'peakAnnualPayment');
  const income = findOutput(sim, 'providerOutcomeIncome');
  const margin = findOutput(sim, 'providerMargin');
  const payments = sim.series.find((s) => s.name === 'yearlyOutcomePayments');
  return {
    expectedNetResult: net?.mean ?? null,
    netResultP10: net?.percentiles.p10 ?? null,
    netResultP50: net?.percentiles.p50 ?? null,
    netResultP90: net?.percentiles.p90 ?? null,
    baseNetResult: run.evaluation.summary[REPORT_OUTPUT] ?? null,
    chancePaysOff: eventProbability(sim, REPORT_EVENTS.payerGains.name),
    peakAnnualPaymentP90: peak?.percentiles.p90 ?? null,
    budgetP90ByYear: payments === undefined ? [] : payments.labels.map((year, k) => ({ year, amount: payments.fan.p90[k] })),
    providerIncomeMean: income?.mean ?? null,
    providerIncomeP10: income?.percentiles.p10 ?? null,
    providerIncomeP90: income?.percentiles.p90 ?? null,
    providerMarginMean: margin?.mean ?? null,
    providerMarginP50: margin?.percentiles.p50 ?? null,
    providerLossChance: eventProbability(sim, REPORT_EVENTS.providerLoses.name),
    investor:
      run.contract.investor === undefined
        ? null
        : {
            drawnMean: findOutput(sim, 'investorDrawn')?.mean ?? null,
            receivedMean: findOutput(sim, 'investorReceived')?.mean ?? null,
            lossMean: findOutput(sim, 'investorLoss')?.mean ?? null,
            lossChance: eventProbability(sim, REPORT_EVENTS.investorLoses.name),
          },
    lapsedByCapsMean: findOutput(sim, 'paymentsLapsedByCaps')?.mean ?? null,
    outcomePaymentsMean: findOutput(sim, 'payerOutcomePayments')?.mean ?? null,
    participants: run.evaluation.summary.participants ?? null,
  };
}

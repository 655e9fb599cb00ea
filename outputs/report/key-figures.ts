import { z } from 'zod';
import type { OutputSummary, SimulationResult } from '../../models/simulation/index.js';
import { textsFor } from '../texts/index.js';
import { calendarYearCoverage, yearLabelOf } from './calendar-years.js';
import { REPORT_EVENTS, REPORT_OUTPUT } from './report-analyses.js';
import type { ReportRun } from './report-run.js';

/**
 * The report's key figures, each read from one field of the run's results (named in its
 * description), so a test can hold every printed figure against the results it came from.
 */
const figure = z.number().nullable();
const band = z.object({ mean: figure, p10: figure, p90: figure });
const yearLabel = z.string().describe('The year as printed: the bare year when the contract covers all of it, else with its months ("2026 (mrt–dec, 10 mnd)").');

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
      .array(z.object({ year: z.string(), label: yearLabel, amount: figure }))
      .describe('simulation.series[yearlyOutcomePayments].fan.p90 per calendar year.'),
    yearly: z
      .array(
        z.object({
          year: z.string(),
          label: yearLabel,
          months: z.number().int().describe('Months of the year within the horizon.'),
          payments: band.describe('simulation.series[yearlyOutcomePayments]: mean, fan.p10, fan.p90'),
          avoidedCosts: band.describe('simulation.series[yearlyAvoidedCostsAttributable]: mean, fan.p10, fan.p90'),
          netResult: band.describe('simulation.series[yearlyPayerNet]: mean, fan.p10, fan.p90'),
        }),
      )
      .describe('Per calendar year: outcome payments, attributable avoided costs and the municipality\'s net result (nominal, euros of the start year plus the contract\'s indexation).'),
    presentValue: band.describe('simulation.outputs[payerNetPresentValue]: mean, percentiles.p10, percentiles.p90 (real, discounted at money.discountRate to the start month).'),
    discountRate: figure.describe('evaluation.inputs[money.discountRate].base: the real annual discount rate.'),
    providerMarginP10: figure.describe('simulation.outputs[providerMargin].percentiles.p10'),
    providerMarginP90: figure.describe('simulation.outputs[providerMargin].percentiles.p90'),
    noEffect: z
      .object({
        outcomePayments: figure.describe('noEffect.summary.payerOutcomePayments'),
        netResult: figure.describe('noEffect.summary.payerNetResult'),
        netPresentValue: figure.describe('noEffect.summary.payerNetPresentValue'),
      })
      .describe('Deterministic evaluation (expected values, no simulation) of the contract as if the programme changed nothing: programme rates equal to the counterfactual rates, or deadweight share 1.'),
    breakEven: z
      .array(
        z.object({
          kind: z.enum(['price', 'jobEntryRate']),
          path: z.string(),
          base: z.number().describe('The input\'s value in the contract.'),
          together: z.array(z.string()).describe('Inputs moved in proportion with this one (all bands of a rate card, all profiles); empty: this input alone.'),
          factor: figure.describe('value ÷ base when found: the common factor on every input moved.'),
          found: z.boolean(),
          value: figure.describe('breakEven[].result.value when found.'),
          low: z.number().describe('Searched from this value ...'),
          high: z.number().describe('... to this one.'),
          outputAtLow: figure,
          outputAtHigh: figure,
        }),
      )
      .describe('Break-even values of the municipality\'s net result (every other input at its expected value), from POST /sensitivity method break-even with the settings in breakEven[].settings.'),
    uncertainInputs: z.number().int().describe('Inputs with a distribution; with none, the report shows no uncertainty beyond chance per participant.'),
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
  const coverage = calendarYearCoverage(run.contract.startMonth, run.contract.horizonMonths, textsFor(run.language));
  const series = (name: string) => sim.series.find((s) => s.name === name);
  const bandOf = (name: string, k: number) => {
    const s = series(name);
    return { mean: s?.mean[k] ?? null, p10: s?.fan.p10[k] ?? null, p90: s?.fan.p90[k] ?? null };
  };
  const pv = findOutput(sim, 'payerNetPresentValue');
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
    budgetP90ByYear: payments === undefined ? [] : payments.labels.map((year, k) => ({ year, label: yearLabelOf(coverage, year), amount: payments.fan.p90[k] })),
    yearly: (payments?.labels ?? []).map((year, k) => ({
      year,
      label: yearLabelOf(coverage, year),
      months: coverage.find((entry) => entry.year === year)?.months ?? 12,
      payments: bandOf('yearlyOutcomePayments', k),
      avoidedCosts: bandOf('yearlyAvoidedCostsAttributable', k),
      netResult: bandOf('yearlyPayerNet', k),
    })),
    presentValue: { mean: pv?.mean ?? null, p10: pv?.percentiles.p10 ?? null, p90: pv?.percentiles.p90 ?? null },
    discountRate: run.evaluation.inputs.find((input) => input.path === 'money.discountRate')?.base ?? null,
    providerMarginP10: margin?.percentiles.p10 ?? null,
    providerMarginP90: margin?.percentiles.p90 ?? null,
    noEffect: {
      outcomePayments: run.noEffect.summary.payerOutcomePayments ?? null,
      netResult: run.noEffect.summary.payerNetResult ?? null,
      netPresentValue: run.noEffect.summary.payerNetPresentValue ?? null,
    },
    breakEven: run.breakEven.map(({ kind, path, base, together, result }) => ({
      kind,
      path,
      base,
      together,
      factor: result.found ? result.value / base : null,
      found: result.found,
      value: result.found ? result.value : null,
      low: result.searchRange.low,
      high: result.searchRange.high,
      outputAtLow: result.found ? null : result.outputAtLow,
      outputAtHigh: result.found ? null : result.outputAtHigh,
    })),
    uncertainInputs: run.inputs.filter((input) => input.distribution !== null).length,
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

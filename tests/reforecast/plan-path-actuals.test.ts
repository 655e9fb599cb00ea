import { describe, expect, it } from 'vitest';
import { ActualsSchema } from '../../models/actuals/index.js';
import { evaluateContractExpected } from '../../models/contract/index.js';
import { InferenceSettingsSchema, reforecastContract } from '../../models/reforecast/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/settings.js';
import { conjugateContract } from './reforecast-fixtures.js';

/**
 * Actuals that follow the plan's expected path (the contract at its base values with expected
 * rates, rounded to whole persons by rounding the running totals) say "as planned": the update
 * should hardly move the rates and the forecast should stay close to the plan.
 *
 * Tolerances: the rate's posterior mean moves less than 0.25 prior sds (the path is the prior
 * mean's, so only rounding and the Beta's skew move it); the forecast's mean total payments and
 * placements are within 3% of the plan's (Monte Carlo error of 4,000 iterations is about 1% here,
 * and rounding the path to whole persons a little more).
 */
describe('actuals equal to the plan expected path', () => {
  const contract = conjugateContract(20, 380, 400);
  const evaluation = evaluateContractExpected(contract);
  if (!evaluation.ok) throw new Error('evaluation');
  const monthly = evaluation.value.monthly;
  const asOf = 11;
  const rounded = (series: number[]) => {
    let total = 0;
    let shown = 0;
    return series.slice(0, asOf + 1).map((x) => {
      total += x;
      const next = Math.round(total) - shown;
      shown += next;
      return next;
    });
  };
  const intake = rounded(monthly.intake);
  const jobStarts = rounded(monthly.placements);
  const fallbacks = rounded(monthly.fallbacks);
  const actuals = ActualsSchema.parse({
    asOfMonth: asOf,
    months: intake.map((n, month) => ({ month, intake: n, jobStarts: jobStarts[month], fallbacks: fallbacks[month], payments: monthly.outcomePayments[month] })),
  });
  const result = reforecastContract(contract, actuals, SimulationSettingsSchema.parse({ iterations: 4_000, seed: 3 }), InferenceSettingsSchema.parse({ planPathDraws: 200 }));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const reforecast = result.value;

  it('hardly moves the job-entry rate', () => {
    const rate = reforecast.updatedInputs.find((u) => u.path === 'profiles[0].programme.monthlyJobEntryRate')!;
    expect(Math.abs(rate.shiftInPriorSds!)).toBeLessThan(0.25);
    expect(rate.intervalWidthRatio!).toBeLessThan(1);
  });

  it('leaves the forecast within 3% of the plan', () => {
    const { outcomePayments, placements } = reforecast.netResult;
    expect(Math.abs(outcomePayments.change! / outcomePayments.plan!)).toBeLessThan(0.03);
    expect(Math.abs(placements.change! / placements.plan!)).toBeLessThan(0.03);
  });

  it('flags few months outside the plan 80% band', () => {
    // Each flagged month is outside a central 80% band; the expected path sits near the middle of it.
    expect(reforecast.planVersusActual.monthsOutsideBand).toBeLessThanOrEqual(2);
  });
});

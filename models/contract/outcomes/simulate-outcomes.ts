import type { Rng } from '../../random/rng.js';
import { binomial } from '../../random/binomial.js';
import { clampRate } from '../clamp-rate.js';
import type { OutcomePlan } from './compile-outcomes.js';

/** Outcomes reached per month in both worlds, at `outcome * horizon + t`, and their running totals. */
export interface OutcomeSeries {
  programme: Float64Array;
  counterfactual: Float64Array;
  programmeCumulative: Float64Array;
  counterfactualCumulative: Float64Array;
}

export function createOutcomeSeries(outcomes: number, horizon: number): OutcomeSeries {
  const series = () => new Float64Array(outcomes * horizon);
  return { programme: series(), counterfactual: series(), programmeCumulative: series(), counterfactualCumulative: series() };
}

/**
 * Each intake cohort's eligible participants (expected: the share of the intake; drawn: a binomial
 * draw) have their first chance in the month after intake; at age a = t - s - 1 months the chance
 * is the programme rate while a < programmeMonths (programme world only), else the counterfactual
 * rate. Expected rates follow the remaining persons; drawn persons take one binomial draw per
 * cohort and month. Cost: cohorts x horizon per outcome and world.
 */
export function simulateOutcomes(
  outcomes: OutcomePlan[],
  params: Float64Array,
  intakeTotal: Float64Array,
  programmeMonths: number,
  rng: Rng | null,
  series: OutcomeSeries,
): void {
  const H = intakeTotal.length;
  for (let o = 0; o < outcomes.length; o++) {
    const outcome = outcomes[o];
    const eligible = clampRate(params[outcome.eligibleShare]);
    const programmeRate = clampRate(params[outcome.programmeRate]);
    const counterfactualRate = clampRate(params[outcome.counterfactualRate]);
    for (let world = 0; world < 2; world++) {
      const reached = world === 0 ? series.programme : series.counterfactual;
      const cumulative = world === 0 ? series.programmeCumulative : series.counterfactualCumulative;
      const row = o * H;
      reached.fill(0, row, row + H);
      for (let s = 0; s < H; s++) {
        const intake = intakeTotal[s];
        if (intake === 0) continue;
        let remaining = rng ? binomial(rng, intake, eligible) : intake * eligible;
        for (let t = s + 1; t < H && remaining > 0; t++) {
          const rate = world === 0 && t - s - 1 < programmeMonths ? programmeRate : counterfactualRate;
          const now = rng ? binomial(rng, remaining, rate) : remaining * rate;
          reached[row + t] += now;
          remaining -= now;
        }
      }
      let total = 0;
      for (let t = 0; t < H; t++) {
        total += reached[row + t];
        cumulative[row + t] = total;
      }
    }
  }
}

import { describe, expect, it } from 'vitest';
import { ActualsSchema } from '../../models/actuals/index.js';
import { InferenceSettingsSchema, reforecastContract } from '../../models/reforecast/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/settings.js';
import { conjugateActuals, conjugateContract } from './reforecast-fixtures.js';

/**
 * When the actuals leave too few effective draws: first a larger pool of prior draws is weighted
 * (the plan's and more from a derived seed), and only when that is still too few is the
 * re-forecast refused, saying the effective sample size. Small iteration counts keep it quick.
 */
describe('effective sample size', () => {
  it('enlarges the pool of prior draws when the plan\'s leave too few, and says so', () => {
    // 400 plan draws of a Beta(2, 38) prior against 12 months of 200 participants leave well under 200 effective draws.
    const result = reforecastContract(conjugateContract(2, 38), conjugateActuals(), SimulationSettingsSchema.parse({ iterations: 400, seed: 8 }), InferenceSettingsSchema.parse({ planPathDraws: 10 }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.inference.priorDraws).toBeGreaterThan(400);
    expect(result.value.inference.effectiveSampleSize).toBeGreaterThanOrEqual(200);
    expect(result.value.inference.notes[0]).toMatch(/The plan's 400 draws left too few effective draws; \d+ prior draws were weighted instead/);
  });

  it('refuses with the effective sample size when even the largest pool is too few', () => {
    // A prior tight around 5% a month against 40% a month observed: almost no draw explains the data.
    const months = [0, 80, 48, 29, 17, 10].map((jobStarts, month) => ({ month, intake: month === 0 ? 200 : 0, jobStarts, fallbacks: 0, payments: 0 }));
    const actuals = ActualsSchema.parse({ asOfMonth: 5, months });
    const result = reforecastContract(conjugateContract(200, 3800), actuals, SimulationSettingsSchema.parse({ iterations: 400, seed: 8 }), InferenceSettingsSchema.parse({ planPathDraws: 10, maximumPriorDraws: 2_000 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('not-computable');
    expect(result.error.kind === 'not-computable' && result.error.message).toMatch(/effective sample size of [\d.]+, below the minimum of 200/);
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate, simpleContract, total } from './contract-fixtures.js';

/**
 * The expected-rate kernel keeps no state per months since intake or per tenure: waiting persons
 * and persons in work are recurrences over months (see models/contract/expected-population.ts).
 * These tests pin what those recurrences must reproduce, with the expected numbers written out
 * from the model's monthly rules (population.ts): intake joins in its month; from the next month
 * a person waiting starts work with the job-entry rate p or leaves with the other-exit rate o, so
 * the share still waiting after a months is (1 - p - o)^a; a person who started work in month j is
 * at tenure k in month j + k and falls back in month j + k + 1 with the hazard of tenure k.
 */
describe('the expected-rate recurrences', () => {
  it('leaves nobody waiting in the programme once every cohort has passed its programme months (exactly zero, not a rounding rest)', () => {
    const p = 0.1;
    const o = 0.013;
    const result = evaluate(
      simpleContract({
        programmeMonths: 6,
        intake: { cohorts: [{ month: 0, count: 100 }, { month: 2, count: 37 }] },
        profiles: [
          {
            id: 'single',
            share: 1,
            monthlyBenefit: 1_000,
            administrationCostPerYear: 1_200,
            programme: { monthlyJobEntryRate: p, monthlyOtherExitRate: o },
            // Nobody starts work after the programme months: job starts then can only come from rounding.
            counterfactual: { monthlyJobEntryRate: 0, monthlyOtherExitRate: 0.01 },
          },
        ],
      }),
    );
    const placements = result.monthly.placements;
    // The cohort of month 2 waits in its programme months 3 .. 8; its last job starts are in month 8.
    expect(placements[8]).toBeGreaterThan(0);
    for (let t = 9; t < placements.length; t++) expect(placements[t]).toBe(0);
    // Each cohort of N has N p (1 + s + ... + s^5) job starts, s = 1 - p - o.
    const stay = 1 - p - o;
    const perPerson = (p * (1 - Math.pow(stay, 6))) / (1 - stay);
    expect(total(placements)).toBeCloseTo(137 * perPerson, 9);
  });

  it('falls back with the hazard of each tenure band: N S(k) h(k) in month k + 2 for everyone starting work in month 1', () => {
    const N = 100;
    const bands = [
      { fromMonthsInWork: 0, monthlyRate: 0.1 },
      { fromMonthsInWork: 3, monthlyRate: 0.02 },
      { fromMonthsInWork: 7, monthlyRate: 0.005 },
    ];
    const result = evaluate(
      simpleContract({
        profiles: [
          {
            id: 'single',
            share: 1,
            monthlyBenefit: 1_000,
            administrationCostPerYear: 1_200,
            // Everyone starts work in month 1.
            programme: { monthlyJobEntryRate: 1, monthlyOtherExitRate: 0 },
            counterfactual: { monthlyJobEntryRate: 0.05, monthlyOtherExitRate: 0 },
          },
        ],
        work: { fallbackHazard: bands },
      }),
    );
    const hazardAt = (k: number) => bands.filter((band) => band.fromMonthsInWork <= k).at(-1)!.monthlyRate;
    let survival = 1;
    const fallbacks = result.monthly.fallbacks;
    expect(fallbacks[0]).toBe(0);
    expect(fallbacks[1]).toBe(0);
    for (let t = 2; t < fallbacks.length; t++) {
      const k = t - 2;
      const expected = N * survival * hazardAt(k);
      expect(Math.abs(fallbacks[t] - expected)).toBeLessThanOrEqual(1e-12 * N);
      survival *= 1 - hazardAt(k);
    }
    // In work in month t after its fall-backs: everyone who has not fallen back, N S(t - 1).
    for (const t of [1, 3, 4, 8, 20]) expect(result.monthly.inWorkFullTime[t]).toBeCloseTo(inWorkAt(N, t - 1, hazardAt), 9);
  });
});

/** N S(k): persons still in work at tenure k, from the hazards of tenures below k. */
function inWorkAt(N: number, tenure: number, hazardAt: (k: number) => number): number {
  let survival = 1;
  for (let k = 0; k < tenure; k++) survival *= 1 - hazardAt(k);
  return N * survival;
}

import { describe, expect, it } from 'vitest';
import { apportionWholePeople as splitOnServer, spreadIntake } from '../../models/contract/spread-intake.js';
import { applyMainInput, apportionWholePeople as splitOnPage, centreOf, readMainInputs, withCentre } from '../../web/contract-edits.js';
import { presetContract } from './output-service.js';

/**
 * The web page's sliders edit the contract JSON through these pure functions: a plain number is
 * replaced, a distribution keeps its shape and relative spread and moves its centre. Expected
 * values are worked out by hand in each test.
 */

describe('contract edits of the web page', () => {
  it('reads the centre of a distribution: the mode of a PERT, the mean of a normal, the midpoint of a uniform', () => {
    expect(centreOf(0.05)).toBe(0.05);
    expect(centreOf({ type: 'pert', min: 0.02, mode: 0.05, max: 0.1 })).toBe(0.05);
    expect(centreOf({ type: 'normal', mean: 1200, sd: 100 })).toBe(1200);
    expect(centreOf({ type: 'uniform', min: 10, max: 30 })).toBe(20);
  });

  it('moves a PERT to a new centre by scaling it, so its relative spread stays', () => {
    // PERT(2%, 5%, 10%) moved to 6%: every parameter × 1.2.
    const moved = withCentre({ type: 'pert', min: 0.02, mode: 0.05, max: 0.1 }, 0.06) as { min: number; mode: number; max: number };
    expect(moved.min).toBeCloseTo(0.024, 12);
    expect(moved.mode).toBeCloseTo(0.06, 12);
    expect(moved.max).toBeCloseTo(0.12, 12);
  });

  it('scales every cohort so the intake adds up to the new total, in the same proportions', () => {
    const contract = presetContract('small-municipality-pilot'); // two cohorts of 10
    const edited = applyMainInput(contract, 'intake', 30);
    expect(edited.intake.cohorts.map((c) => c.count)).toEqual([15, 15]);
    expect(readMainInputs(edited).intake).toBe(30);
    // The original is left as it was.
    expect(contract.intake.cohorts.map((c) => c.count)).toEqual([10, 10]);
  });

  it('splits a new intake into whole people that add up to it: 60 over 24 cohorts of 10 is twelve 3s, then twelve 2s', () => {
    const contract = presetContract('small-municipality-pilot');
    contract.intake.cohorts = Array.from({ length: 24 }, (_, month) => ({ month, count: 10 }));
    const edited = applyMainInput(contract, 'intake', 60);
    // 60 / 24 = 2.5 each: 2 each, and the 12 left over one each to the earliest months.
    expect(edited.intake.cohorts.map((c) => c.count)).toEqual([...new Array(12).fill(3), ...new Array(12).fill(2)]);
    expect(edited.intake.cohorts).toEqual(spreadIntake(60, 0, 24));
    expect(readMainInputs(edited).intake).toBe(60);
  });

  it("splits intake exactly as the engine's apportionWholePeople does (the page keeps a copy)", () => {
    let state = 777;
    const next = (bound: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % bound);
    for (let trial = 0; trial < 1_000; trial++) {
      const weights = Array.from({ length: 1 + next(40) }, () => (next(4) === 0 ? 0 : next(60)));
      const total = next(5_000);
      expect(splitOnPage(weights, total)).toEqual(splitOnServer(weights, total));
    }
  });

  it('sets the share of savings paid, and removes the yearly cap when the field is emptied', () => {
    const contract = presetContract('small-municipality-pilot');
    expect(readMainInputs(contract)).toMatchObject({ price: 0.45, priceKind: 'share', capPerYear: 60000 });
    const shared = applyMainInput(contract, 'price', 0.6);
    expect(readMainInputs(shared).price).toBe(0.6);
    const uncapped = applyMainInput(shared, 'capPerYear', null);
    expect(uncapped.payment.caps?.perYear).toBeUndefined();
    expect(readMainInputs(uncapped).capPerYear).toBeNull();
  });

  it('turns the job-entry rate into a PERT of ± the uncertainty around its value, capped at 1', () => {
    const contract = presetContract('small-municipality-pilot');
    const rate = readMainInputs(contract).jobEntryRate;
    const uncertain = applyMainInput(contract, 'jobEntryUncertainty', 0.5);
    expect(uncertain.profiles[0].programme.monthlyJobEntryRate).toEqual({ type: 'pert', min: rate * 0.5, mode: rate, max: rate * 1.5 });
    expect(readMainInputs(uncertain).jobEntryUncertainty).toBeCloseTo(0.5, 12);
    const certain = applyMainInput(uncertain, 'jobEntryUncertainty', 0);
    expect(certain.profiles[0].programme.monthlyJobEntryRate).toBe(rate);
  });
});

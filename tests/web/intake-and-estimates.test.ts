import { describe, expect, it } from 'vitest';
import { apportionWholePeople, spreadIntake } from '../../models/contract/spread-intake.js';
import { asSpread, describeCohorts } from '../../web/src/screens/contract-builder/intake-spread.js';
import { switchForm, uncertainPaths, withParameter } from '../../web/src/components/uncertain-value.js';

/**
 * The contract builder's intake and estimate edits. The intake split is the service's own
 * (models/contract/spread-intake.ts), imported by the page; these tests pin the page's reading of
 * it back and hold the split against hand-counted cases.
 */
describe('intake spread over months, in whole people', () => {
  it('splits 60 people over 12 months as 5 a month, and 60 over 24 as 3 in the first 12 months and 2 after', () => {
    expect(spreadIntake(60, 0, 12).map((c) => c.count)).toEqual(new Array(12).fill(5));
    // 60 = 24 x 2 + 12: the 12 left over go one each to the earliest months.
    expect(spreadIntake(60, 0, 24).map((c) => c.count)).toEqual([...new Array(12).fill(3), ...new Array(12).fill(2)]);
    expect(spreadIntake(7, 2, 3)).toEqual([
      { month: 2, count: 3 },
      { month: 3, count: 2 },
      { month: 4, count: 2 },
    ]);
  });

  it('reads cohorts back as the spread that made them, and only then', () => {
    expect(asSpread(spreadIntake(60, 0, 24))).toEqual({ total: 60, from: 0, months: 24 });
    expect(asSpread(spreadIntake(7, 2, 3))).toEqual({ total: 7, from: 2, months: 3 });
    // Late months fuller than early ones is not what spreading gives: shown as cohorts.
    expect(asSpread([{ month: 0, count: 2 }, { month: 1, count: 3 }])).toBeNull();
    expect(asSpread([])).toBeNull();
  });

  it('describes the cohorts in runs of equal counts', () => {
    expect(describeCohorts(spreadIntake(60, 0, 24), 'nl')).toBe('12 × 3 (maand 0–11), 12 × 2 (maand 12–23)');
  });

  it('adds up to the total for every total and number of months up to 100 (the engine\'s largest-remainder rule)', () => {
    for (let total = 0; total <= 100; total += 7)
      for (let months = 1; months <= 30; months += 3) {
        const counts = spreadIntake(total, 0, months).map((c) => c.count);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(counts).toEqual(apportionWholePeople(new Array(months).fill(1), total));
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
  });
});

describe('an estimate edited in the form', () => {
  const estimate = { type: 'pert', min: 0.02, mode: 0.05, max: 0.1, source: 'CBS: 7% tot 15% per jaar' };

  it('drops the preset\'s source once the user changes a number: the figure is the user\'s, and the report would otherwise cite the preset for it', () => {
    expect(withParameter(estimate, 'max', 0.12)).toEqual({ type: 'pert', min: 0.02, mode: 0.05, max: 0.12 });
    expect(withParameter({ type: 'fixed', value: 3, source: 'x' }, 'value', 4)).toBe(4);
    expect(switchForm(estimate, 'fixed')).toBe(0.05);
    const interval = switchForm(estimate, 'interval90') as Record<string, unknown>;
    expect(interval).not.toHaveProperty('source');
    expect(interval.low).toBeCloseTo(0.04, 15);
    expect(interval.high).toBeCloseTo(0.06, 15);
  });

  it('makes a plain number a range of 20% either side, and back to the plain number', () => {
    const range = switchForm(100, 'pert') as Record<string, number>;
    expect(range).toEqual({ type: 'pert', min: 80, mode: 100, max: 120 });
    expect(switchForm(range, 'fixed')).toBe(100);
    // From 0 or from nothing no width follows (1 would be a 100% rate): the user fills in the rest.
    expect(switchForm(0, 'pert')).toEqual({ type: 'pert', min: 0, mode: 0 });
    expect(switchForm(undefined, 'interval90')).toEqual({ type: 'interval90' });
  });

  it('lists the uncertain inputs by path, not the fixed ones', () => {
    const contract = { profiles: [{ share: 1, programme: { monthlyJobEntryRate: estimate } }], payment: { caps: { perYear: { type: 'fixed', value: 5 } } } };
    expect(uncertainPaths(contract)).toEqual(['profiles[0].programme.monthlyJobEntryRate']);
  });
});

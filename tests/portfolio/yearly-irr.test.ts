import { describe, expect, it } from 'vitest';
import { yearlyIrr } from '../../models/portfolio/index.js';

describe('yearly IRR', () => {
  it('solves one-period and two-period flows in closed form', () => {
    // -100 now, 110 in a year: r = 10%. -100, 0, 121: (1 + r)^2 = 1.21, r = 10%.
    expect(yearlyIrr(Float64Array.from([-100, 110]))).toBeCloseTo(0.1, 12);
    expect(yearlyIrr(Float64Array.from([-100, 0, 121]))).toBeCloseTo(0.1, 12);
    // -100, 60, 60: 60/(1+r) + 60/(1+r)^2 = 100, so (1+r) = (60 + sqrt(60^2 + 4*100*60)) / 200.
    expect(yearlyIrr(Float64Array.from([-100, 60, 60]))).toBeCloseTo((60 + Math.sqrt(3_600 + 24_000)) / 200 - 1, 12);
  });

  it('finds a negative return for money partly lost, and none when nothing comes back', () => {
    expect(yearlyIrr(Float64Array.from([-100, 0, 0, 81]))).toBeCloseTo(Math.pow(0.81, 1 / 3) - 1, 12);
    expect(yearlyIrr(Float64Array.from([-100, 0, 0]))).toBeNaN();
  });

  it('takes the root nearest zero when a late call gives a second sign change', () => {
    // A fund that calls 329,500 and more, pays back, then calls a little in its last year: both
    // ends of [-99%, +1000%] have the same sign, yet the economic IRR near -16.6% exists.
    const flows = Float64Array.from([-329_500, -61_190, -49_424, 48_151, 62_323, 61_248, 44_202, -5_656, 0]);
    const irr = yearlyIrr(flows);
    const npv = flows.reduce((sum, flow, k) => sum + flow / Math.pow(1 + irr, k), 0);
    expect(Math.abs(npv)).toBeLessThan(1e-6);
    expect(irr).toBeGreaterThan(-0.3);
    expect(irr).toBeLessThan(0);
  });
});

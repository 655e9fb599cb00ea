import { describe, expect, it } from 'vitest';
import { MorrisSettingsSchema, morris, type MorrisResult } from '../../models/sensitivity/index.js';
import { functionModel, uniform } from './test-models.js';

// y = 3·x1 + x2², with x3 and x4 in the model but unused; all inputs U(0, 1), so a value equals its quantile.
const sparseModel = () =>
  functionModel(
    ['x1', 'x2', 'x3', 'x4'].map((path) => ({ path, distribution: uniform(0, 1) })),
    ['y'],
    (x, y) => {
      y[0] = 3 * x[0] + x[1] * x[1];
    },
  );
const effectOf = (result: MorrisResult, path: string) => result.effects.find((entry) => entry.path === path)!;

describe('morris', () => {
  it('gives mu* = sigma = 0 exactly for inputs without effect', () => {
    const model = sparseModel();
    const result = morris(model, MorrisSettingsSchema.parse({ method: 'morris', output: 'y', trajectories: 30, seed: 11 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const path of ['x3', 'x4']) expect(effectOf(result.value, path)).toEqual({ path, mu: 0, muStar: 0, sigma: 0, muStandardError: 0, muStarConfidence: 0 });
    expect(result.value.effects.slice(0, 2).map((entry) => entry.path)).toEqual(['x1', 'x2']);
    expect(result.value.modelRuns).toBe(30 * (4 + 1));
    expect(model.workspacesCreated).toBe(1);
  });

  it('gives a linear input a constant effect: mu = mu* = slope × range, sigma = 0', () => {
    // A jump of half the quantile range moves x1 by 0.5 and y by 1.5; divided by Δu = 0.5 that is 3.
    const result = morris(sparseModel(), MorrisSettingsSchema.parse({ method: 'morris', output: 'y', trajectories: 30, seed: 11 }));
    if (!result.ok) throw new Error('expected a result');
    const x1 = effectOf(result.value, 'x1');
    expect(x1.mu).toBeCloseTo(3, 12);
    expect(x1.muStar).toBeCloseTo(3, 12);
    expect(x1.sigma).toBeCloseTo(0, 12);
    // Every trajectory gives the same effect: no sampling uncertainty left.
    expect(x1.muStandardError).toBeCloseTo(0, 12);
    expect(x1.muStarConfidence).toBeCloseTo(0, 12);
  });

  it('shows the curvature of x² as sigma > 0', () => {
    // With 4 levels (quantiles 0.125, 0.375, 0.625, 0.875) the two possible jumps of x2 give
    // (0.625² − 0.125²)/0.5 = 0.75 and (0.875² − 0.375²)/0.5 = 1.25 (by hand).
    const result = morris(sparseModel(), MorrisSettingsSchema.parse({ method: 'morris', output: 'y', trajectories: 40, seed: 5 }));
    if (!result.ok) throw new Error('expected a result');
    const x2 = effectOf(result.value, 'x2');
    expect(x2.muStar).toBeGreaterThanOrEqual(0.75);
    expect(x2.muStar).toBeLessThanOrEqual(1.25);
    expect(x2.mu).toBeCloseTo(x2.muStar, 12); // every effect is positive
    expect(x2.sigma).toBeGreaterThan(0.2); // a mix of 0.75 and 1.25 has sd near 0.25
    expect(x2.sigma).toBeLessThan(0.26);
  });

  it("carries the uncertainty of mu and mu*: sigma/√r, and a bootstrap interval near the normal one", () => {
    const r = 40;
    const result = morris(sparseModel(), MorrisSettingsSchema.parse({ method: 'morris', output: 'y', trajectories: r, seed: 5 }));
    if (!result.ok) throw new Error('expected a result');
    const x2 = effectOf(result.value, 'x2');
    expect(x2.muStandardError).toBeCloseTo(x2.sigma / Math.sqrt(r), 14);
    // Every effect of x2 is positive, so mu* is a plain mean and the bootstrap standard deviation of
    // a mean tends to the sample's (divisor r) over √r (Efron & Tibshirani 1993, ch. 5). With 1,000
    // resamples that standard deviation is itself estimated within about 1/√2000 = 2.2%: allow 10%.
    const plugInSd = x2.sigma * Math.sqrt((r - 1) / r);
    const normalHalfWidth = 1.959963984540054 * (plugInSd / Math.sqrt(r));
    expect(x2.muStarConfidence / normalHalfWidth).toBeGreaterThan(0.9);
    expect(x2.muStarConfidence / normalHalfWidth).toBeLessThan(1.1);
  });

  it('gives the same intervals for the same seed, and leaves the trajectories as they were', () => {
    const settings = MorrisSettingsSchema.parse({ method: 'morris', output: 'y', trajectories: 25, seed: 9 });
    const first = morris(sparseModel(), settings);
    const second = morris(sparseModel(), settings);
    expect(second).toEqual(first);
    if (!first.ok) throw new Error('expected a result');
    // mu* and sigma are what the trajectories give (checked by hand above), whatever the bootstrap drew.
    expect(effectOf(first.value, 'x1').muStar).toBeCloseTo(3, 12);
  });

  it('accepts only an even number of levels', () => {
    expect(MorrisSettingsSchema.safeParse({ method: 'morris', output: 'y', levels: 5 }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ValueOfInformationSettingsSchema, valueOfInformation } from '../../models/sensitivity/index.js';
import { functionModel, linearModel, normal } from './test-models.js';

/**
 * For Y ~ N(m, s²) and the decision "go ahead when E[Y] > 0":
 *   EVPI = E[max(Y, 0)] − max(m, 0) = m·Φ(m/s) + s·φ(m/s) − max(m, 0),
 * using E[max(Y, 0)] = m·Φ(m/s) + s·φ(m/s) (the mean of a normal censored at 0).
 * For Y = Σ b_i x_i with independent normal inputs, E[Y | x_i] ~ N(m, b_i² sd_i²), so
 * EVPPI_i is the same formula with s_i = |b_i|·sd_i.
 * Numbers checked with scipy.stats.norm: (m, s) = (1, 2) → 0.395593; (1, 1.6) → 0.259072;
 * (1, 1.2) → 0.135966; (−1, 2) → 0.395593.
 */
function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}
function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
/** erf by its Maclaurin series, exact to double precision for the |x| < 1 used here; no library needed. */
function erf(x: number): number {
  // erf x = 2/√π · Σ (−1)^n x^(2n+1) / (n!·(2n + 1))
  let term = x;
  let sum = x;
  for (let n = 1; n < 100; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
function normalEvpi(mean: number, sd: number): number {
  return mean * normalCdf(mean / sd) + sd * normalDensity(mean / sd) - Math.max(mean, 0);
}

describe('value of information', () => {
  // Y = x1 + x2 + 0·unused, x1 ~ N(1, 1.6), x2 ~ N(0, 1.2), unused ~ N(0, 1): Y ~ N(1, 2²).
  const model = () =>
    linearModel([1, 1, 0], [
      { path: 'x1', distribution: normal(1, 1.6) },
      { path: 'x2', distribution: normal(0, 1.2) },
      { path: 'unused', distribution: normal(0, 1) },
    ]);
  const sampleSize = 40_000;

  it('checks the closed form itself against scipy', () => {
    expect(normalEvpi(1, 2)).toBeCloseTo(0.395593, 6);
    expect(normalEvpi(1, 1.6)).toBeCloseTo(0.259072, 6);
    expect(normalEvpi(1, 1.2)).toBeCloseTo(0.135966, 6);
    expect(normalEvpi(-1, 2)).toBeCloseTo(0.395593, 6);
  });

  it('estimates EVPI of a linear normal model close to m·Φ(m/s) + s·φ(m/s) − max(m, 0)', () => {
    const result = valueOfInformation(
      model(),
      ValueOfInformationSettingsSchema.parse({ method: 'value-of-information', output: 'y', sampleSize, seed: 2024 }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Monte Carlo error: EVPI here is a mean of max(Y, 0) minus the sample mean, each with standard
    // error below s/√n = 0.01 for n = 40,000; 0.03 allows three of them.
    expect(result.value.evpi).toBeCloseTo(normalEvpi(1, 2), 1);
    expect(Math.abs(result.value.evpi - normalEvpi(1, 2))).toBeLessThan(0.03);
    expect(Math.abs(result.value.expectedOutput - 1)).toBeLessThan(0.03);
    expect(result.value.sampleSize).toBe(sampleSize);
    expect(result.value.bins).toBe(200);
    expect(result.value.modelRuns).toBe(sampleSize);
  });

  it('gives EVPI and the mean output 95% intervals that contain the closed form in about 95% of samples', () => {
    // 120 samples of 1,000 draws, seeds 1..120, 200 resamples each. A percentile interval's coverage is
    // near 0.95 for these smooth estimates; a binomial count of 120 at 0.95 has sd 2.4 (2%): 85% is
    // five sd below, and more than 99% would mean intervals far too wide.
    const runs = 120;
    let evpiCovered = 0;
    let meanCovered = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const result = valueOfInformation(model(), ValueOfInformationSettingsSchema.parse({ method: 'value-of-information', output: 'y', sampleSize: 1_000, seed }));
      if (!result.ok) throw new Error('expected a result');
      const { evpiInterval, expectedOutputInterval } = result.value;
      if (evpiInterval.low <= normalEvpi(1, 2) && normalEvpi(1, 2) <= evpiInterval.high) evpiCovered++;
      if (expectedOutputInterval.low <= 1 && 1 <= expectedOutputInterval.high) meanCovered++;
      expect(result.value.bootstrapResamples).toBe(200);
    }
    expect(evpiCovered / runs).toBeGreaterThan(0.85);
    expect(evpiCovered / runs).toBeLessThan(0.99);
    expect(meanCovered / runs).toBeGreaterThan(0.85);
    expect(meanCovered / runs).toBeLessThan(0.99);
  });

  it('gives each EVPPI an interval around its estimate, the same for the same seed, and refuses resamples beyond the bootstrap work limit', () => {
    const settings = ValueOfInformationSettingsSchema.parse({ method: 'value-of-information', output: 'y', sampleSize: 4_000, seed: 8 });
    const first = valueOfInformation(model(), settings);
    expect(valueOfInformation(model(), settings)).toEqual(first);
    if (!first.ok) throw new Error('expected a result');
    for (const entry of first.value.perInput) {
      expect(entry.evppiInterval.low).toBeLessThanOrEqual(entry.evppi + 1e-12);
      expect(entry.evppiInterval.high).toBeGreaterThanOrEqual(entry.evppi - 1e-12);
    }
    // x1 matters (closed form 0.259) and its interval excludes 0; the unused input's starts at 0.
    const x1 = first.value.perInput.find((entry) => entry.path === 'x1')!;
    expect(x1.evppiInterval.low).toBeGreaterThan(0.1);
    expect(x1.evppiInterval.high).toBeLessThan(0.45);
    // 1,000,000 draws x 4 columns x 200 resamples is 800,000,000 operations, past MAX_BOOTSTRAP_WORK (400,000,000)
    // (without bootstrapResamples the default would drop to 100).
    const large = ValueOfInformationSettingsSchema.parse({ method: 'value-of-information', output: 'y', sampleSize: 1_000_000, seed: 8 });
    const explicit = valueOfInformation(model(), { ...large, bootstrapResamples: 200 });
    expect(explicit.ok).toBe(false);
    if (!explicit.ok) expect(explicit.error.kind).toBe('limit-exceeded');
    // Defaulted, the resamples fall to at most 200 within the limit, but not below 10: with 40 inputs
    // a million draws x 41 columns x 10 resamples is 410,000,000 operations, refused before any model run.
    const wide = functionModel(
      Array.from({ length: 40 }, (_, i) => ({ path: `x${i}`, distribution: normal(0, 1) })),
      ['y'],
      (x, y) => {
        y[0] = x[0];
      },
    );
    const refused = valueOfInformation(wide, large);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'limit-exceeded', requested: 410_000_000 });
    expect(wide.evaluations).toBe(0);
  });

  it('estimates EVPPI per input close to the closed form with s_i = |b_i|·sd_i, and near 0 for an unused input', () => {
    const result = valueOfInformation(
      model(),
      ValueOfInformationSettingsSchema.parse({ method: 'value-of-information', output: 'y', sampleSize, seed: 2024 }),
    );
    if (!result.ok) throw new Error('expected a result');
    const evppi = Object.fromEntries(result.value.perInput.map((entry) => [entry.path, entry.evppi]));
    // Besides the Monte Carlo error (0.03, as above), binning into 200 bins of 200 draws adds an
    // upward bias of about the noise of a bin mean, sd_rest/√200 ≈ 0.1, times the density of the
    // conditional mean at 0 (≈ 0.2): about 0.02. So 0.05 in all.
    expect(Math.abs(evppi.x1 - normalEvpi(1, 1.6))).toBeLessThan(0.05);
    expect(Math.abs(evppi.x2 - normalEvpi(1, 1.2))).toBeLessThan(0.05);
    expect(evppi.unused).toBeLessThan(0.04);
    expect(result.value.perInput.map((entry) => entry.path)).toEqual(['x1', 'x2', 'unused']);
    // Knowing one input is never worth more than knowing all.
    for (const entry of result.value.perInput) expect(entry.evppi).toBeLessThanOrEqual(result.value.evpi + 1e-12);
  });

  it('gives zero value of information when the decision is never in doubt', () => {
    // y = 100 + x with x ~ N(0, 1): always positive, so information cannot change the decision.
    const certain = functionModel([{ path: 'x', distribution: normal(0, 1) }], ['y'], (x, y) => {
      y[0] = 100 + x[0];
    });
    const result = valueOfInformation(
      certain,
      ValueOfInformationSettingsSchema.parse({ method: 'value-of-information', output: 'y', sampleSize: 1000 }),
    );
    expect(result.ok && result.value.evpi).toBeCloseTo(0, 10);
    expect(result.ok && result.value.perInput[0].evppi).toBeCloseTo(0, 10);
    expect(result.ok && result.value.probabilityPositive).toBe(1);
  });
});

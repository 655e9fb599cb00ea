import { describe, expect, it } from 'vitest';
import { MAX_MODEL_RUNS, SobolSettingsSchema, sobol, type SobolResult } from '../../models/sensitivity/index.js';
import { functionModel, ishigamiModel, linearModel, normal, uniform } from './test-models.js';

/**
 * Closed-form Sobol indices of the Ishigami function y = sin x1 + a sin² x2 + b x3⁴ sin x1,
 * x_i ~ U(−π, π) (Ishigami & Homma 1990; Sobol & Levitan 1999). With E[sin x] = 0,
 * E[sin² x] = 1/2, E[sin⁴ x] = 3/8, E[x⁴] = π⁴/5, E[x⁸] = π⁸/9:
 *   E[y | x1] − E[y] = sin x1 (1 + b π⁴/5)       → V1 = (1 + b π⁴/5)² / 2
 *   E[y | x2] − E[y] = a (sin² x2 − 1/2)          → V2 = a² (3/8 − 1/4) = a²/8
 *   E[y | x3] − E[y] = 0 (E[sin x1] = 0)          → V3 = 0
 *   V = a²/8 + Var(sin x1 (1 + b x3⁴)) = a²/8 + 1/2 + b π⁴/5 + b² π⁸/18
 *   V13 = V − V1 − V2 = b² π⁸ (1/18 − 1/50), and all other interactions vanish.
 * So S1 = V1/V, S2 = V2/V, S3 = 0, ST1 = (V1 + V13)/V, ST2 = S2, ST3 = V13/V.
 * For a = 7, b = 0.1 (checked in Python): V = 13.8446, S = (0.3139, 0.4424, 0),
 * ST = (0.5576, 0.4424, 0.2437).
 */
const a = 7;
const b = 0.1;
const pi4 = Math.PI ** 4;
const pi8 = Math.PI ** 8;
const totalVariance = (a * a) / 8 + 0.5 + (b * pi4) / 5 + (b * b * pi8) / 18;
const variance1 = (1 + (b * pi4) / 5) ** 2 / 2;
const variance2 = (a * a) / 8;
const variance13 = b * b * pi8 * (1 / 18 - 1 / 50);
const exactFirst = { x1: variance1 / totalVariance, x2: variance2 / totalVariance, x3: 0 };
const exactTotal = { x1: (variance1 + variance13) / totalVariance, x2: variance2 / totalVariance, x3: variance13 / totalVariance };

/** 1.96: the normal quantile that makes a 95% interval half-width 1.96 standard errors. */
const Z_95 = 1.959963984540054;

/**
 * The estimate must lie within 3 bootstrap standard errors of the exact value, the standard
 * error read off the 95% percentile interval as its width / (2 · 1.96). A fixed seed makes this
 * deterministic; 3 standard errors would be missed by chance with probability 0.3% per index.
 */
function expectWithinBootstrapError(estimate: { estimate: number; low: number | null; high: number | null }, exact: number) {
  const standardError = (estimate.high! - estimate.low!) / (2 * Z_95);
  expect(Math.abs(estimate.estimate - exact)).toBeLessThanOrEqual(3 * standardError);
}

const byPath = (result: SobolResult, path: string) => result.indices.find((entry) => entry.path === path)!;

describe('sobol', () => {
  it('recovers the closed-form Ishigami indices within the bootstrap error', () => {
    const model = ishigamiModel(a, b);
    const sampleSize = 2 ** 14;
    const result = sobol(model, SobolSettingsSchema.parse({ method: 'sobol', output: 'y', sampleSize, seed: 20250101 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.modelRuns).toBe(sampleSize * (3 + 2));
    expect(model.workspacesCreated).toBe(1);
    expect(result.value.outputVariance).toBeCloseTo(totalVariance, 0);
    for (const path of ['x1', 'x2', 'x3'] as const) {
      const entry = byPath(result.value, path);
      expectWithinBootstrapError(entry.firstOrder, exactFirst[path]);
      expectWithinBootstrapError(entry.totalOrder, exactTotal[path]);
      // With N = 16384 the intervals are narrow enough to tell the indices apart.
      expect(entry.firstOrder.high! - entry.firstOrder.low!).toBeLessThan(0.08);
      expect(entry.totalOrder.high! - entry.totalOrder.low!).toBeLessThan(0.08);
    }
    // x1 matters most in total (it carries the x1·x3 interaction), then x2, then x3.
    expect(result.value.indices.map((entry) => entry.path)).toEqual(['x1', 'x2', 'x3']);
    // First-order indices sum to 1 − V13/V = 0.756: the rest is interaction.
    expect(result.value.sumOfFirstOrder).toBeCloseTo(1 - variance13 / totalVariance, 1);
  });

  it('gives S1 = ST = b_i² var_i / Σ b_j² var_j for a linear model', () => {
    // Variances: 2²·2² = 16, 1²·4²/12 = 1.333, 0.5²·3² = 2.25; total 19.583.
    const coefficients = [2, -1, 0.5];
    const model = linearModel(coefficients, [
      { path: 'x1', distribution: normal(10, 2) },
      { path: 'x2', distribution: uniform(0, 4) },
      { path: 'x3', distribution: normal(0, 3) },
    ]);
    const parts = [16, 16 / 12, 2.25];
    const total = parts.reduce((sum, part) => sum + part, 0);
    const result = sobol(model, SobolSettingsSchema.parse({ method: 'sobol', output: 'y', sampleSize: 8192, seed: 7 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    ['x1', 'x2', 'x3'].forEach((path, i) => {
      const entry = byPath(result.value, path);
      expectWithinBootstrapError(entry.firstOrder, parts[i] / total);
      expectWithinBootstrapError(entry.totalOrder, parts[i] / total);
    });
    // Additive model: no interactions, the first-order indices sum to 1.
    expect(result.value.sumOfFirstOrder).toBeCloseTo(1, 1);
  });

  it('gives the same answer for the same seed', () => {
    const settings = SobolSettingsSchema.parse({ method: 'sobol', output: 'y', sampleSize: 256, seed: 3, bootstrapResamples: 20 });
    const first = sobol(ishigamiModel(), settings);
    const second = sobol(ishigamiModel(), settings);
    expect(first).toEqual(second);
  });

  it('refuses a request above MAX_MODEL_RUNS, stating the runs it needs', () => {
    const model = ishigamiModel();
    // N·(d + 2) = 500,000 · 5 = 2,500,000 > 2,000,000.
    const result = sobol(model, SobolSettingsSchema.parse({ method: 'sobol', output: 'y', sampleSize: 500_000 }));
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'limit-exceeded',
        limit: 'MAX_MODEL_RUNS',
        requested: 2_500_000,
        allowed: MAX_MODEL_RUNS,
        problems: [{ path: [], message: expect.stringContaining('needs 2,500,000 model runs; at most 2,000,000 are allowed') }],
      },
    });
    expect(model.evaluations).toBe(0);
  });

  it('refuses an output that is NaN in some runs as not computable', () => {
    const model = functionModel([{ path: 'x', distribution: uniform(0, 1) }], ['irr'], (x, y) => {
      y[0] = x[0] < 0.01 ? NaN : x[0];
    });
    const result = sobol(model, SobolSettingsSchema.parse({ method: 'sobol', output: 'irr', sampleSize: 1000 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('not-computable');
  });

  it('refuses an output that does not vary', () => {
    const model = functionModel([{ path: 'x', distribution: uniform(0, 1) }], ['constant'], (_x, y) => {
      y[0] = 5;
    });
    const result = sobol(model, SobolSettingsSchema.parse({ method: 'sobol', output: 'constant', sampleSize: 64 }));
    expect(result.ok === false && result.error.kind).toBe('not-computable');
  });
});

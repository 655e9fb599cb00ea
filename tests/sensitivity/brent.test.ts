import { describe, expect, it } from 'vitest';
import { brent } from '../../models/numerics/brent.js';

describe('brent', () => {
  it('finds the root of Wallis\'s cubic x³ − 2x − 5 in [2, 3]', () => {
    // The example of Brent (1973) and Numerical Recipes; scipy.optimize.brentq gives 2.094551481542327.
    let evaluations = 0;
    const root = brent(
      (x) => {
        evaluations++;
        return x ** 3 - 2 * x - 5;
      },
      2,
      3,
      { tolerance: 1e-14 },
    );
    expect(root).toEqual({ ok: true, value: expect.closeTo(2.094551481542327, 13) });
    // Bisection would need log2(1 / 1e-14) ≈ 47 halvings; interpolation converges in far fewer.
    expect(evaluations).toBeLessThan(15);
  });

  it('finds the fixed point of cos x', () => {
    // Dottie number; scipy.optimize.brentq(lambda x: cos(x) - x, 0, 1) = 0.7390851332151607.
    const root = brent((x) => Math.cos(x) - x, 0, 1);
    expect(root.ok && root.value).toBeCloseTo(0.7390851332151607, 11);
  });

  it('returns an end point that is already a root', () => {
    expect(brent((x) => x - 1, 1, 5)).toEqual({ ok: true, value: 1 });
    expect(brent((x) => x - 5, 1, 5)).toEqual({ ok: true, value: 5 });
  });

  it('refuses an interval without a sign change', () => {
    expect(brent((x) => x * x + 1, -1, 1)).toEqual({
      ok: false,
      error: { kind: 'not-bracketed', valueAtLow: 2, valueAtHigh: 2 },
    });
  });

  it('reports where the function is not defined', () => {
    const root = brent((x) => (x > 0.6 ? NaN : x - 0.8), 0, 1);
    expect(root.ok).toBe(false);
    if (!root.ok) expect(root.error.kind).toBe('not-finite');
  });

  it('stops after maxIterations with the best estimate', () => {
    const root = brent((x) => x ** 3 - 2 * x - 5, 2, 3, { tolerance: 0, maxIterations: 3 });
    expect(root.ok).toBe(false);
    if (!root.ok) expect(root.error).toEqual({ kind: 'not-converged', iterations: 3, bestEstimate: expect.closeTo(2.0946, 2) });
  });
});

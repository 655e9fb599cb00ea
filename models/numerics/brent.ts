import { fail, ok, type Result } from '../result.js';

/**
 * Why a root search gave no root. The callers (break-even search, the contract's IRR) turn this
 * into their own message: "no break-even in range" reads differently from "no IRR".
 */
export type RootFindingFailure =
  /** f(lo) and f(hi) have the same sign, so the interval is not known to hold a root. */
  | { kind: 'not-bracketed'; valueAtLow: number; valueAtHigh: number }
  /** The iteration budget ran out before the bracket shrank below the tolerance. */
  | { kind: 'not-converged'; iterations: number; bestEstimate: number }
  /** f returned NaN or an infinity at `at`: the function is not defined there. */
  | { kind: 'not-finite'; at: number };

export interface BrentOptions {
  /** Absolute tolerance on x: the returned root lies within about this distance of a true root. */
  tolerance?: number;
  maxIterations?: number;
}

export const DEFAULT_BRENT_TOLERANCE = 1e-12;
export const DEFAULT_BRENT_MAX_ITERATIONS = 100;

/** Machine epsilon: Brent's convergence test adds 2·eps·|x| so the tolerance never asks for more than double precision can give. */
const MACHINE_EPSILON = Number.EPSILON;

/**
 * A root of `f` in [lo, hi] by Brent's method: inverse quadratic interpolation and secant steps,
 * falling back to bisection whenever they would leave the bracket or shrink it too slowly, so it
 * converges as surely as bisection and usually superlinearly.
 *
 * References: R. P. Brent (1973), *Algorithms for Minimization without Derivatives*, ch. 4
 * (procedure `zero`); W. H. Press et al. (1992), *Numerical Recipes in C*, 2nd ed., §9.3 (`zbrent`),
 * which this follows step by step.
 *
 * Requires f(lo) and f(hi) of opposite sign (or one of them zero). Complexity: at most
 * `maxIterations` + 2 evaluations of f. Never throws: a missing bracket, a NaN from f or running out
 * of iterations is a failure value.
 *
 * @example brent((x) => x * x - 2, 0, 2) // { ok: true, value: 1.4142135623730951 }
 */
export function brent(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: BrentOptions = {},
): Result<number, RootFindingFailure> {
  const tolerance = options.tolerance ?? DEFAULT_BRENT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_BRENT_MAX_ITERATIONS;

  // Naming follows Numerical Recipes: b is the best estimate, a the previous one, and c the
  // point that keeps the root bracketed together with b.
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (!Number.isFinite(fa)) return fail({ kind: 'not-finite', at: a });
  if (!Number.isFinite(fb)) return fail({ kind: 'not-finite', at: b });
  if (fa === 0) return ok(a);
  if (fb === 0) return ok(b);
  if (Math.sign(fa) === Math.sign(fb)) return fail({ kind: 'not-bracketed', valueAtLow: fa, valueAtHigh: fb });

  let c = b;
  let fc = fb;
  let step = 0; // d in Numerical Recipes: the step just taken
  let previousStep = 0; // e: the step before it, to judge whether interpolation is converging

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // The root is now between a and b: make c the other end and reset the step history.
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep b the end with the smaller residual: it is the estimate we return.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance1 = 2 * MACHINE_EPSILON * Math.abs(b) + 0.5 * tolerance;
    const halfBracket = 0.5 * (c - b);
    if (Math.abs(halfBracket) <= tolerance1 || fb === 0) return ok(b);

    if (Math.abs(previousStep) >= tolerance1 && Math.abs(fa) > Math.abs(fb)) {
      // Try interpolation: secant when only two distinct points are known, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * halfBracket * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * halfBracket * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      const limitInside = 3 * halfBracket * q - Math.abs(tolerance1 * q);
      const limitShrinking = Math.abs(previousStep * q);
      if (2 * p < Math.min(limitInside, limitShrinking)) {
        // Interpolation stays inside the bracket and shrinks fast enough: accept it.
        previousStep = step;
        step = p / q;
      } else {
        step = halfBracket;
        previousStep = step;
      }
    } else {
      // The bracket shrinks too slowly for interpolation to be trusted: bisect.
      step = halfBracket;
      previousStep = step;
    }
    a = b;
    fa = fb;
    // Never step by less than the tolerance, or the last iterations would crawl.
    b += Math.abs(step) > tolerance1 ? step : halfBracket >= 0 ? tolerance1 : -tolerance1;
    fb = f(b);
    if (!Number.isFinite(fb)) return fail({ kind: 'not-finite', at: b });
  }
  return fail({ kind: 'not-converged', iterations: maxIterations, bestEstimate: b });
}

import type { Rng } from '../random/index.js';

/**
 * Uniforms for one input over one block, in (0, 1): quantile functions may return -Infinity
 * at 0, so the generator's 0 is moved to half its resolution.
 */

/** Half of 2^-53, the smallest positive double the generator returns. */
const SMALLEST_UNIFORM = 2 ** -54;

/** Plain Monte Carlo: n independent uniforms. */
export function fillMonteCarlo(rng: Rng, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const u = rng.nextDouble();
    out[i] = u > 0 ? u : SMALLEST_UNIFORM;
  }
}

/**
 * Latin hypercube (McKay, Beckman & Conover, Technometrics 21, 1979) within one block: the n
 * strata [s/n, (s+1)/n) each receive exactly one uniform, in random order. Draws a Fisher-Yates
 * permutation (n - 1 uniforms) and then one jitter per stratum (n uniforms).
 *
 * @param permutation scratch of length >= n
 */
export function fillLatinHypercube(rng: Rng, out: Float64Array, n: number, permutation: Int32Array): void {
  for (let i = 0; i < n; i++) permutation[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    const swap = permutation[i];
    permutation[i] = permutation[j];
    permutation[j] = swap;
  }
  for (let i = 0; i < n; i++) {
    const stratum = permutation[i];
    const u = (stratum + rng.nextDouble()) / n;
    // Rounding of stratum + jitter can reach the next stratum's edge; 0 is not a valid uniform.
    out[i] = u > 0 && u < (stratum + 1) / n ? u : (stratum + 0.5) / n;
  }
}

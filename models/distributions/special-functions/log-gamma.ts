/**
 * Lanczos' coefficients for g = 7, n = 9 (P. Godfrey's set, as in Numerical Recipes 3rd ed.
 * §6.1 and Wikipedia "Lanczos approximation"): relative error of Γ about 1e-15 for x ≥ ½.
 */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_TWO_PI = 0.91893853320467274178;

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (C. Lanczos, SIAM J. Numer. Anal. B 1, 1964,
 * 86–96). Absolute error about 2e-15 for x below 10 (where ln Γ is small, including its zeros
 * at 1 and 2), growing to about 1e-13 at x = 1000 while the relative error stays near 1e-16.
 * Below ½ it uses Γ(x) = Γ(x + 1)/x rather than the reflection formula because only positive
 * arguments occur (shape parameters).
 *
 * @example logGamma(5) // ln 24 = 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let index = 1; index < LANCZOS_COEFFICIENTS.length; index++) {
    series += LANCZOS_COEFFICIENTS[index] / (shifted + index);
  }
  const base = shifted + LANCZOS_G + 0.5;
  return LOG_SQRT_TWO_PI + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

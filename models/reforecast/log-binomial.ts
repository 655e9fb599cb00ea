/**
 * ln P(k successes in n trials | chance p) up to the binomial coefficient, which does not depend
 * on p and cancels when importance weights are normalised. n need not be whole (a mixture's
 * persons at risk). -Infinity where p makes k impossible (p = 0 with k > 0, p = 1 with k < n).
 */
export function logBinomialKernel(k: number, n: number, p: number): number {
  if (n <= 0) return 0;
  if (p <= 0) return k > 0 ? -Infinity : 0;
  if (p >= 1) return k < n ? -Infinity : 0;
  return k * Math.log(p) + (n - k) * Math.log1p(-p);
}

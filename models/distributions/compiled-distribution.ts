/**
 * A distribution ready for sampling. Sampling goes through the quantile function so that
 * Latin hypercube strata and rank correlation (Iman-Conover) act on uniforms, and every
 * family is sampled the same way: `x = quantile(u)` with `u` uniform on (0, 1).
 */
export interface CompiledDistribution {
  readonly mean: number;
  readonly variance: number;
  /** Inverse CDF; must be monotone non-decreasing and must not allocate. */
  quantile(u: number): number;
  cdf(x: number): number;
}

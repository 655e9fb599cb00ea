/**
 * The shape parameters the beta quantile is accurate and fast for (measured against the closed
 * forms of Beta(a, 1), Beta(1, b) and the median ½ of Beta(a, a)): within [0.05, 1e5] it is good to
 * 2e-10 relative at worst (1.1e-10 at Beta(1, 1e5), 1.4e-11 at 1e4, 2e-13 at 1e3; 6e-14 at
 * Beta(0.05, 1)) and costs at most about 50 µs per call. Below 0.05 it lost accuracy (0.31
 * relative at Beta(0.01, 1), p = 0.7; quantiles under 1e-300 underflow), and above 1e5 the work per
 * call and the error grow with α + β (Beta(1e300, 1e300) took about 23 ms per quantile). Outside the
 * range the schema refuses the parameter rather than compute a slow or wrong value.
 */
export const MIN_BETA_SHAPE = 0.05;
export const MAX_BETA_SHAPE = 100_000;
/** PERT's shapes are 1 + λ·(share of the range), so λ ≤ MAX_BETA_SHAPE − 1 keeps them in range. */
export const MAX_PERT_LAMBDA = MAX_BETA_SHAPE - 1;

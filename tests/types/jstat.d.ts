/** The few jStat functions the tests use as an independent reference (jstat ships no types). */
declare module 'jstat' {
  interface JStat {
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    lognormal: { inv(p: number, mu: number, sigma: number): number; cdf(x: number, mu: number, sigma: number): number };
    beta: { inv(p: number, alpha: number, beta: number): number; cdf(x: number, alpha: number, beta: number): number };
    uniform: { inv(p: number, min: number, max: number): number; cdf(x: number, min: number, max: number): number };
    /** Note jStat's argument order: (p, min, max, mode). */
    triangular: {
      inv(p: number, min: number, max: number, mode: number): number;
      cdf(x: number, min: number, max: number, mode: number): number;
    };
    binomial: { pdf(k: number, n: number, p: number): number; cdf(k: number, n: number, p: number): number };
    poisson: { pdf(k: number, mean: number): number; cdf(k: number, mean: number): number };
    /** Failures before the r-th success: pdf C(k + r − 1, r − 1)·p^r·(1 − p)^k (whole r only). */
    negbin: { pdf(k: number, r: number, p: number): number; cdf(k: number, r: number, p: number): number };
    chisquare: { inv(p: number, degreesOfFreedom: number): number };
  }
  const jStat: JStat;
  export default jStat;
}

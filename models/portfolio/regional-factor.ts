import { standardNormalCdf, standardNormalQuantile } from '../distributions/index.js';

/**
 * Shared regional risk as a one-factor Gaussian copula (Vasicek, "The distribution of loan
 * portfolio value", Risk 15(12), 2002; Li, "On default correlation: a copula function
 * approach", J. Fixed Income 9(4), 2000).
 *
 * In fund year t every living enterprise e has a latent shock X = sqrt(rho) Z_t + sqrt(1 - rho) e_et,
 * with Z_t (the region's year) and e_et (its own luck) independent standard normals. It fails in
 * that year when X < Phi^-1(h), h its failure probability for the year from the cash model. Each
 * enterprise therefore fails with exactly probability h whatever rho, while two enterprises fail
 * together with probability Phi2(Phi^-1(h1), Phi^-1(h2); rho): failures cluster in years with a low Z_t.
 */

/** Phi^-1(p): the latent threshold below which an enterprise fails (p clamped to [0, 1]; 0 and 1 give -37 and 37, never reached or always reached). */
export function failureThreshold(probability: number): number {
  const p = probability < 0 ? 0 : probability > 1 ? 1 : probability;
  return standardNormalQuantile(p);
}

/** The latent shock sqrt(rho) z + sqrt(1 - rho) e, with the two loadings precomputed by {@link factorLoadings}. */
export function latentShock(regionalFactor: number, idiosyncratic: number, factorLoading: number, idiosyncraticLoading: number): number {
  return factorLoading * regionalFactor + idiosyncraticLoading * idiosyncratic;
}

/** [sqrt(rho), sqrt(1 - rho)] for a correlation clamped to [0, 1]. */
export function factorLoadings(correlation: number, out: Float64Array): void {
  const rho = correlation < 0 ? 0 : correlation > 1 ? 1 : correlation;
  out[0] = Math.sqrt(rho);
  out[1] = Math.sqrt(1 - rho);
}

/**
 * The failure probability given the region's year z: Phi((Phi^-1(p) - sqrt(rho) z) / sqrt(1 - rho))
 * (Vasicek's conditional default probability). Its average over z ~ N(0, 1) is p.
 */
export function conditionalFailureProbability(probability: number, correlation: number, regionalFactor: number): number {
  const rho = correlation < 0 ? 0 : correlation > 1 ? 1 : correlation;
  const threshold = failureThreshold(probability);
  if (rho >= 1) return regionalFactor < threshold ? 1 : 0;
  return standardNormalCdf((threshold - Math.sqrt(rho) * regionalFactor) / Math.sqrt(1 - rho));
}

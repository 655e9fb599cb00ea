/**
 * The random source passed into every sampler. Nothing in `models/` uses Math.random:
 * a request's seed becomes one Rng per run, or one per chunk derived from it.
 */
export interface Rng {
  /** A uniform double in [0, 1). */
  nextDouble(): number;
}

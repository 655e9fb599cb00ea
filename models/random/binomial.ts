import type { Rng } from './rng.js';

/**
 * Below this mean (of the smaller of p and 1 − p) sequential inversion is faster than BTRD and
 * BTRD's hat is not valid; Hörmann (1993) requires n·p ≥ 10 for BTRD.
 */
const INVERSION_MEAN_LIMIT = 10;

/**
 * Inversion restarts beyond mean + this many (sd + 1): the search would otherwise run on through
 * round-off once the accumulated probabilities stop matching `u` (as in NumPy's legacy sampler).
 * The probability mass cut off is below 1e-20 for every n·p < 10.
 */
const INVERSION_SEARCH_WIDTH = 10;

/** In BTRD, step 3.1 (exact ratio by recursion) for |k − m| up to this, squeeze + Stirling beyond. */
const BTRD_RECURSION_LIMIT = 15;

const ONE_SIXTH = 1 / 6;

/**
 * Stirling's error term fc(k) = ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π] for k = 0 .. 9,
 * where the series below is not yet accurate. Computed with mpmath at 40 digits.
 */
const STIRLING_CORRECTION_TABLE = [
  0.08106146679532726, 0.041340695955409294, 0.02767792568499834, 0.020790672103765093, 0.016644691189821192,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.008330563433362871,
];

function stirlingCorrection(k: number): number {
  if (k <= 9) return STIRLING_CORRECTION_TABLE[k];
  const next = k + 1;
  const nextSquared = next * next;
  return (1 / 12 - (1 / 360 - 1 / 1260 / nextSquared) / nextSquared) / next;
}

/**
 * Sequential search from 0 (Kachitvichyanukul & Schmeiser's BINV, Commun. ACM 31(2), 1988) for
 * p ≤ ½ and n·p < 10: on average n·p + 1 steps, one uniform per attempt.
 */
function binomialByInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const oddsRatio = p / q;
  const recurrenceScale = (n + 1) * oddsRatio;
  const probabilityOfZero = Math.exp(n * Math.log1p(-p));
  const searchLimit = Math.min(n, Math.floor(n * p + INVERSION_SEARCH_WIDTH * Math.sqrt(n * p * q + 1)));
  for (;;) {
    let successes = 0;
    let probability = probabilityOfZero;
    let uniform = rng.nextDouble();
    while (uniform > probability) {
      uniform -= probability;
      successes++;
      if (successes > searchLimit) break;
      probability *= recurrenceScale / successes - oddsRatio;
    }
    if (successes <= searchLimit) return successes;
  }
}

/**
 * BTRD, transformed rejection with decomposition (Hörmann, "The generation of binomial random
 * variates", J. Statist. Comput. Simul. 46, 1993, 101–110), for p ≤ ½ and n·p ≥ 10. Step numbers
 * follow the paper. Its expected time is bounded uniformly in n, and its setup is a handful of
 * arithmetic operations, so it is redone on every call rather than cached.
 */
function binomialByTransformedRejection(rng: Rng, n: number, p: number): number {
  // Step 0: setup.
  const mode = Math.floor((n + 1) * p);
  const oddsRatio = p / (1 - p);
  const recurrenceScale = (n + 1) * oddsRatio;
  const variance = n * p * (1 - p);
  const sd = Math.sqrt(variance);
  const hatB = 1.15 + 2.53 * sd;
  const hatA = -0.0873 + 0.0248 * hatB + 0.01 * p;
  const hatC = n * p + 0.5;
  const hatAlpha = (2.83 + 5.1 / hatB) * sd;
  const acceptanceV = 0.92 - 4.2 / hatB;
  const immediateAcceptanceV = 0.86 * acceptanceV;

  for (;;) {
    // Step 1: the centre of the hat lies under the density, accept without evaluating it.
    let v = rng.nextDouble();
    if (v <= immediateAcceptanceV) {
      const u = v / acceptanceV - 0.43;
      return Math.floor(((2 * hatA) / (0.5 - Math.abs(u)) + hatB) * u + hatC);
    }
    // Step 2: generate a point (u, v) under the hat outside that centre.
    let u: number;
    if (v >= acceptanceV) {
      u = rng.nextDouble() - 0.5;
    } else {
      u = v / acceptanceV - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.nextDouble() * acceptanceV;
    }
    // Step 3.0
    const distanceFromEdge = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * hatA) / distanceFromEdge + hatB) * u + hatC);
    if (k < 0 || k > n) continue;
    v = (v * hatAlpha) / (hatA / (distanceFromEdge * distanceFromEdge) + hatB);
    const distanceFromMode = Math.abs(k - mode);

    if (distanceFromMode <= BTRD_RECURSION_LIMIT) {
      // Step 3.1: compare with f(k)/f(mode) built by the pmf's ratio recursion.
      let ratio = 1;
      if (mode < k) {
        for (let i = mode + 1; i <= k; i++) ratio *= recurrenceScale / i - oddsRatio;
      } else if (mode > k) {
        for (let i = k + 1; i <= mode; i++) v *= recurrenceScale / i - oddsRatio;
      }
      if (v <= ratio) return k;
      continue;
    }

    // Step 3.2: squeeze on the log scale with the normal approximation and its error bound.
    const logV = Math.log(v);
    const rho =
      (distanceFromMode / variance) *
      (((distanceFromMode / 3 + 0.625) * distanceFromMode + ONE_SIXTH) / variance + 0.5);
    const normalLogRatio = (-distanceFromMode * distanceFromMode) / (2 * variance);
    if (logV < normalLogRatio - rho) return k;
    if (logV > normalLogRatio + rho) continue;

    // Steps 3.3 and 3.4: the exact log ratio ln f(k)/f(mode) through Stirling's formula.
    const trialsAfterMode = n - mode + 1;
    const logModeTerm =
      (mode + 0.5) * Math.log((mode + 1) / (oddsRatio * trialsAfterMode)) +
      stirlingCorrection(mode) +
      stirlingCorrection(n - mode);
    const trialsAfterK = n - k + 1;
    const logRatio =
      logModeTerm +
      (n + 1) * Math.log(trialsAfterMode / trialsAfterK) +
      (k + 0.5) * Math.log((trialsAfterK * oddsRatio) / (k + 1)) -
      stirlingCorrection(k) -
      stirlingCorrection(n - k);
    if (logV <= logRatio) return k;
  }
}

/**
 * An exact Binomial(n, p) draw: the number of successes in n independent trials that each
 * succeed with probability p (e.g. how many of 20 participants find a job this month).
 *
 * Inversion when n·min(p, 1 − p) < 10, BTRD (Hörmann 1993) otherwise; p > ½ is drawn as
 * n − Binomial(n, 1 − p). Allocates nothing. Time O(n·p) for inversion (below 10 + 1 steps on
 * average), O(1) expected for BTRD.
 *
 * @param n a non-negative integer, at most 1e7 or so (larger works but is not tested).
 * @param p a probability in [0, 1]; p ≤ 0 (or NaN) gives 0 and p ≥ 1 gives n.
 * @example binomial(createRng(1), 20, 0.3) // an integer in 0..20, 6 on average
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (!(n > 0) || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  return n * p < INVERSION_MEAN_LIMIT ? binomialByInversion(rng, n, p) : binomialByTransformedRejection(rng, n, p);
}

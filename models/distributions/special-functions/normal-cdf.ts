/**
 * The standard normal distribution function and its tails, after W. J. Cody's rational Chebyshev
 * approximations ("Rational Chebyshev approximations for the error function", Math. Comp. 23,
 * 1969, 631–637; ANORM in "Algorithm 715: SPECFUN", ACM TOMS 19, 1993, 22–32): the same method
 * as his erfc, in the normal's own variable. Relative error about 1e-16 in both tails.
 *
 * Why not `0.5 * erfc(-x / Math.SQRT2)`: dividing by √2 rounds the argument, and erfc(t) ~ e^{-t²}
 * turns that rounding into a relative error of about t²·1e-16 in the far tail. Cody's form keeps
 * the Gaussian factor exact by splitting x² (see {@link gaussianFactor}).
 */

/** Below this |x| (≈ Φ⁻¹(0.75)) Φ is evaluated directly around ½. */
const CENTRAL_LIMIT = 0.67448975;
/** Between the central range and this |x| (= √32) the middle approximation applies, beyond it the asymptotic one. */
const MIDDLE_LIMIT = 5.656854249492380195;
/** Q(x) underflows to zero beyond x ≈ 38.5; from here on the tail is returned as exactly 0. */
const UNDERFLOW_LIMIT = 40;

const SQRT_TWO_PI = 2.5066282746310005024;
const INVERSE_SQRT_TWO_PI = 0.39894228040143267794;

/** Cody's coefficients, |x| ≤ 0.674: Φ(x) = ½ + x·P(x²)/Q(x²). */
const CENTRAL_NUMERATOR = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
];
const CENTRAL_DENOMINATOR = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];

/** 0.674 < |x| ≤ √32: Q(|x|) = e^{-x²/2}·P(|x|)/Q(|x|). */
const MIDDLE_NUMERATOR = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const MIDDLE_DENOMINATOR = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];

/** |x| > √32, with z = 1/x²: Q(|x|) = e^{-x²/2}·(1/√(2π) − z·P(z)/Q(z))/|x|. */
const ASYMPTOTIC_NUMERATOR = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
];
const ASYMPTOTIC_DENOMINATOR = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
];

/** Φ(x) − ½ for |x| ≤ CENTRAL_LIMIT. */
function centralOffset(x: number): number {
  const n = CENTRAL_NUMERATOR;
  const d = CENTRAL_DENOMINATOR;
  const s = x * x;
  const numerator = n[3] + s * (n[2] + s * (n[1] + s * (n[0] + s * n[4])));
  const denominator = d[3] + s * (d[2] + s * (d[1] + s * (d[0] + s)));
  return (x * numerator) / denominator;
}

/** Q(y)·e^{y²/2} for y > CENTRAL_LIMIT: the tail with its Gaussian factor taken out. */
function scaledUpperTail(y: number): number {
  if (y <= MIDDLE_LIMIT) {
    const n = MIDDLE_NUMERATOR;
    const d = MIDDLE_DENOMINATOR;
    const numerator =
      n[7] + y * (n[6] + y * (n[5] + y * (n[4] + y * (n[3] + y * (n[2] + y * (n[1] + y * (n[0] + y * n[8])))))));
    const denominator =
      d[7] + y * (d[6] + y * (d[5] + y * (d[4] + y * (d[3] + y * (d[2] + y * (d[1] + y * (d[0] + y)))))));
    return numerator / denominator;
  }
  const n = ASYMPTOTIC_NUMERATOR;
  const d = ASYMPTOTIC_DENOMINATOR;
  const z = 1 / (y * y);
  const numerator = n[4] + z * (n[3] + z * (n[2] + z * (n[1] + z * (n[0] + z * n[5]))));
  const denominator = d[4] + z * (d[3] + z * (d[2] + z * (d[1] + z * (d[0] + z))));
  return (INVERSE_SQRT_TWO_PI - (z * numerator) / denominator) / y;
}

/**
 * −y²/2 with full relative precision: y is rounded down to a multiple of 1/16, whose square is
 * exact, and the small remainder (y − r)(y + r) is added separately.
 */
function minusHalfSquare(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  return -(rounded * rounded) / 2 - ((y - rounded) * (y + rounded)) / 2;
}

/** e^{-y²/2} to full relative precision (the two parts are exponentiated separately). */
function gaussianFactor(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  return Math.exp(-(rounded * rounded) / 2) * Math.exp(-((y - rounded) * (y + rounded)) / 2);
}

/** Q(y) = P(Z > y) for y > CENTRAL_LIMIT. */
function farUpperTail(y: number): number {
  if (y > UNDERFLOW_LIMIT) return 0;
  return gaussianFactor(y) * scaledUpperTail(y);
}

/**
 * Q(x) = P(Z > x) = 1 − Φ(x) for a standard normal Z, accurate relative to its own size
 * (so Q(10) ≈ 7.62e-24 has all its digits).
 */
export function standardNormalUpperTail(x: number): number {
  if (Math.abs(x) <= CENTRAL_LIMIT) return 0.5 - centralOffset(x);
  return x > 0 ? farUpperTail(x) : 1 - farUpperTail(-x);
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z, accurate relative to its own size in the lower tail. */
export function standardNormalCdf(x: number): number {
  return standardNormalUpperTail(-x);
}

/** φ(x), the standard normal density. */
export function standardNormalDensity(x: number): number {
  const y = Math.abs(x);
  if (y > UNDERFLOW_LIMIT) return 0;
  return gaussianFactor(y) * INVERSE_SQRT_TWO_PI;
}

/**
 * ln Q(x), finite for every finite x (ln Q(1e6) ≈ −5e11), for working in tails where Q itself
 * underflows (a truncated normal cut far from its mean).
 */
export function standardNormalLogUpperTail(x: number): number {
  if (x > CENTRAL_LIMIT) {
    if (x === Infinity) return -Infinity;
    return minusHalfSquare(x) + Math.log(scaledUpperTail(x));
  }
  if (x < -CENTRAL_LIMIT) return Math.log1p(-farUpperTail(-x));
  return Math.log(0.5 - centralOffset(x));
}

/**
 * Mills' ratio Q(x)/φ(x), accurate for large x where both Q and φ underflow (it tends to 1/x).
 * Used for the moments and tails of a truncated normal.
 */
export function standardNormalMillsRatio(x: number): number {
  if (x > CENTRAL_LIMIT) return SQRT_TWO_PI * scaledUpperTail(x);
  return standardNormalUpperTail(x) / standardNormalDensity(x);
}


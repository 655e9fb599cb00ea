import { standardNormalLogUpperTail, standardNormalMillsRatio } from './normal-cdf.js';

/**
 * Tail probabilities are clamped to at least this before inverting, so that p = 0 and p = 1 give
 * ∓37.04 instead of ∓∞. A sampler fed u = 0 then still produces a finite (if extreme) value, the
 * quantile stays monotone, and the value lies inside the range where AS 241 is accurate.
 */
export const SMALLEST_TAIL_PROBABILITY = 1e-300;

/** |p − ½| up to this uses AS 241's central approximation. */
const CENTRAL_HALF_WIDTH = 0.425;
const CENTRAL_HALF_WIDTH_SQUARED = 0.180625;
/** r = √(−ln p) up to this uses the intermediate tail approximation, beyond it the far one. */
const INTERMEDIATE_TAIL_LIMIT = 5;
/** AS 241's far-tail approximation is fitted for r ≤ 27 (p ≳ 1e-317); beyond it we solve. */
const FAR_TAIL_LIMIT = 27;
/** ln of the smallest tail probability handed to the closed-form path. */
const LOG_SMALLEST_TAIL_PROBABILITY = Math.log(SMALLEST_TAIL_PROBABILITY);
const NEWTON_STEPS_BEYOND_FIT = 4;
const LOG_SQRT_TWO_PI = 0.91893853320467274178;

// Wichura's coefficients (AS 241, PPND16), copied from the paper's tables.
const CENTRAL_NUMERATOR = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DENOMINATOR = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const INTERMEDIATE_NUMERATOR = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const INTERMEDIATE_DENOMINATOR = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const FAR_NUMERATOR = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const FAR_DENOMINATOR = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Degree-7 polynomial with coefficients in increasing order, by Horner's rule. */
function polynomial7(c: readonly number[], t: number): number {
  return c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * (c[4] + t * (c[5] + t * (c[6] + t * c[7]))))));
}

/** The positive deviate z with Q(z) = e^{−r²}, from AS 241's tail approximations (r ≥ √(−ln 0.075)). */
function tailDeviate(r: number): number {
  if (r <= INTERMEDIATE_TAIL_LIMIT) {
    const t = r - 1.6;
    return polynomial7(INTERMEDIATE_NUMERATOR, t) / polynomial7(INTERMEDIATE_DENOMINATOR, t);
  }
  const t = r - 5;
  return polynomial7(FAR_NUMERATOR, t) / polynomial7(FAR_DENOMINATOR, t);
}

/**
 * Φ⁻¹(p), the standard normal quantile, by Wichura's algorithm AS 241 (PPND16): "The percentage
 * points of the normal distribution", Applied Statistics 37(3), 1988, 477–484. Relative error
 * about 1e-16. Allocates nothing; O(1).
 *
 * Tail probabilities below {@link SMALLEST_TAIL_PROBABILITY} are raised to it, so
 * standardNormalQuantile(0) ≈ −37.04 and standardNormalQuantile(1) ≈ 37.04, never ±∞.
 * NaN gives NaN.
 *
 * @example standardNormalQuantile(0.975) // 1.959963984540054
 */
export function standardNormalQuantile(p: number): number {
  const offset = p - 0.5;
  if (Math.abs(offset) <= CENTRAL_HALF_WIDTH) {
    const t = CENTRAL_HALF_WIDTH_SQUARED - offset * offset;
    return (offset * polynomial7(CENTRAL_NUMERATOR, t)) / polynomial7(CENTRAL_DENOMINATOR, t);
  }
  let tailProbability = offset < 0 ? p : 1 - p;
  if (tailProbability < SMALLEST_TAIL_PROBABILITY) tailProbability = SMALLEST_TAIL_PROBABILITY;
  const deviate = tailDeviate(Math.sqrt(-Math.log(tailProbability)));
  return offset < 0 ? -deviate : deviate;
}

/**
 * The x with ln Q(x) = `logUpperTail` (≤ 0), i.e. −Φ⁻¹(e^{logUpperTail}) without ever forming the
 * probability, so it works where the probability underflows (ln Q = −1e4 gives x ≈ 141.4).
 *
 * Down to ln 1e-300 this is AS 241 (with r = √(−ln Q) taken straight from the logarithm below
 * that); beyond AS 241's fitted range (r > 27) it starts from the asymptotic x² ≈ 2r² − ln(2πx²)
 * and takes Newton steps on ln Q, whose derivative is −1/Mills(x).
 */
export function standardNormalUpperQuantileFromLog(logUpperTail: number): number {
  if (logUpperTail >= LOG_SMALLEST_TAIL_PROBABILITY) return -standardNormalQuantile(Math.exp(logUpperTail));
  const r = Math.sqrt(-logUpperTail);
  if (r <= FAR_TAIL_LIMIT) return tailDeviate(r);
  const first = Math.SQRT2 * r;
  let x = Math.sqrt(2 * (r * r - Math.log(first) - LOG_SQRT_TWO_PI));
  for (let step = 0; step < NEWTON_STEPS_BEYOND_FIT; step++) {
    x += (standardNormalLogUpperTail(x) - logUpperTail) * standardNormalMillsRatio(x);
  }
  return x;
}

import { logBeta } from './log-gamma.js';

/** Relative change at which the continued fraction has converged (a few ulps). */
const CONTINUED_FRACTION_TOLERANCE = 1e-16;
/** Lentz's guard against dividing by an exact zero. */
const TINY = 1e-300;
/**
 * The fraction converges in O(√max(a, b)) terms below the switch point; this cap is only
 * reached for shape parameters far beyond any realistic input (above about 1e7).
 */
const MAX_CONTINUED_FRACTION_TERMS = 10_000;
/** The safeguarded inverse stops when a step changes x by less than this relative amount (well below 1e-12). */
const INVERSE_RELATIVE_TOLERANCE = 1e-15;
const MAX_INVERSE_STEPS = 200;

/**
 * Intervals per tail in the table of starting points for the inverse (see {@link InverseTail}):
 * 2 × 33 nodes, each solved once with the safeguarded iteration when the first quantile is asked for.
 */
const TABLE_INTERVALS = 32;
/**
 * A Halley step of size at most 2⁻²⁰ ≈ 1e-6 relative to min(x, 1 − x) leaves an error of order
 * C·(1e-6)³ relative, where C is the third-order error constant in that scale (about
 * ((a − 1)² + (b − 1)²)/4 at worst, below 1e3 for shape parameters up to 50): far below one ulp, so
 * the solution is accepted without spending another evaluation to confirm it.
 */
const HALLEY_ACCEPT_RELATIVE_STEP = 2 ** -20;
/** Fast Halley steps from the table guess before handing over to the safeguarded iteration. */
const MAX_FAST_STEPS = 4;
/**
 * The Taylor series of the density about a node converges for |t| below the distance to the
 * nearest singularity of the density (0 or 1); it is used only within this fraction of it (and
 * within the shape-dependent limit in {@link InverseTail}), where it needs about 25 terms at
 * worst; otherwise the continued fraction is evaluated.
 */
const SERIES_RADIUS_FRACTION = 0.25;
/** The series stops when its terms, times the step, fall below this fraction of p. */
const SERIES_TOLERANCE = 2 ** -56;
const MAX_SERIES_TERMS = 200;
/** 1/k for k = 0 … MAX_SERIES_TERMS + 2 (entry 0 unused): the series multiplies instead of dividing. */
const RECIPROCALS = Float64Array.from({ length: MAX_SERIES_TERMS + 3 }, (_, k) => (k === 0 ? 0 : 1 / k));

/**
 * Starting points and local expansions for solving I_x(s, r) = p ≤ ½, where (s, r) is (a, b) for
 * the lower tail or (b, a) for the upper one. Near 0, x ≈ w with w = (s·B(a, b)·p)^{1/s}, and x is
 * an analytic function of w on [0, w(½)] (the inverse series of A&S 26.5.4 / DLMF 8.17.22 is a
 * power series in w), so a piecewise cubic Hermite interpolant in w on equal intervals, with the
 * exact x and dx/dw at the nodes, gives a guess good to about 1e-8 relative, in the far tail too.
 * At each node it also keeps I_x and the density, from which I_x nearby follows from the Taylor
 * series of the density (no logarithms or exponentials; see {@link IncompleteBeta}).
 */
class InverseTail {
  /** ln(s·B(a, b)): w = exp((ln p + logScale)/s). */
  readonly logScale: number;
  readonly inverseShape: number;
  /** Interval width in w and its inverse. */
  readonly step: number;
  readonly inverseStep: number;
  readonly x = new Float64Array(TABLE_INTERVALS + 1);
  /** dx/dw times the interval width. */
  readonly slope = new Float64Array(TABLE_INTERVALS + 1);
  /** I_x(s, r) at the node. */
  readonly cdf = new Float64Array(TABLE_INTERVALS + 1);
  /** The density of Beta(s, r) at the node. */
  readonly density = new Float64Array(TABLE_INTERVALS + 1);
  /** 1/(x(1 − x)), 1 − 2x and (s − 1) − (s + r − 2)x: the density's ODE x(1 − x)f' = ((s − 1) − (s + r − 2)x)f about the node. */
  readonly inverseQuadratic = new Float64Array(TABLE_INTERVALS + 1);
  readonly linear = new Float64Array(TABLE_INTERVALS + 1);
  readonly ratio = new Float64Array(TABLE_INTERVALS + 1);
  /** How far from the node the series is used (0 at node 0, where it is never used). */
  readonly radius = new Float64Array(TABLE_INTERVALS + 1);

  constructor(
    readonly shape: number,
    readonly other: number,
    owner: IncompleteBeta,
  ) {
    const logBetaFunction = owner.logBetaFunction;
    this.logScale = Math.log(shape) + logBetaFunction;
    this.inverseShape = 1 / shape;
    const end = Math.exp((Math.log(0.5) + this.logScale) * this.inverseShape);
    this.step = end / TABLE_INTERVALS;
    this.inverseStep = TABLE_INTERVALS / end;
    // Node 0: x = 0 with dx/dw = 1.
    this.slope[0] = this.step;
    for (let node = 1; node <= TABLE_INTERVALS; node++) {
      const w = node * this.step;
      const p = Math.exp(shape * Math.log(w) - this.logScale);
      // Guess by extrapolating the previous node's tangent, then solve to full precision.
      let guess = this.x[node - 1] + this.slope[node - 1];
      if (!(guess > 0 && guess < 1)) guess = initialGuess(p, shape, other);
      const x = owner.solveSafeguarded(p, shape, other, guess);
      this.x[node] = x;
      // dx/dw = (dp/dw)/f(x) = (w/x)^{s−1}(1 − x)^{1−r}.
      this.slope[node] = this.step * Math.exp((shape - 1) * Math.log(w / x) - (other - 1) * Math.log1p(-x));
      this.cdf[node] = owner.lowerFor(x, shape, other);
      this.density[node] = Math.exp((shape - 1) * Math.log(x) + (other - 1) * Math.log1p(-x) - logBetaFunction);
      this.inverseQuadratic[node] = 1 / (x * (1 - x));
      this.linear[node] = 1 - 2 * x;
      this.ratio[node] = shape - 1 - (shape + other - 2) * x;
      // Within |t| ≤ 1/(|s − 1|/x + |r − 1|/(1 − x)) the density changes by at most a factor e, so
      // its terms cancel by at most about e² (large shapes would otherwise lose digits there).
      const rate = Math.abs(shape - 1) / x + Math.abs(other - 1) / (1 - x);
      this.radius[node] = Math.min(SERIES_RADIUS_FRACTION * Math.min(x, 1 - x), 1 / rate);
    }
  }
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b) for fixed shape
 * parameters a, b > 0, with its complement and its inverse: the CDF and quantile of Beta(a, b).
 * ln B(a, b) is computed once at construction, so evaluations cost only the continued fraction.
 *
 * Accuracy (checked against mpmath): I_x and its inverse to about 1e-14 relative for shape
 * parameters below a few hundred. The prefactor x^a (1 − x)^b / B(a, b) is formed from logarithms
 * of size about a + b, so beyond that the relative error grows roughly in proportion to a + b.
 */
export class IncompleteBeta {
  /** ln B(a, b), shared by both orientations of the shape parameters. */
  readonly logBetaFunction: number;
  /** Tables for the inverse, built on its first use (CDF-only and mean-only users never pay for them). */
  private lowerTail: InverseTail | undefined;
  private upperTail: InverseTail | undefined;

  constructor(
    readonly a: number,
    readonly b: number,
  ) {
    this.logBetaFunction = logBeta(a, b);
  }

  /** I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b). */
  lower(x: number): number {
    if (!(x > 0)) return 0;
    if (!(x < 1)) return 1;
    if (x < (this.a + 1) / (this.a + this.b + 2)) return this.directTerm(x, this.a, this.b);
    return 1 - this.directTerm(1 - x, this.b, this.a);
  }

  /** 1 − I_x(a, b) = P(X > x), accurate when it is small. */
  upper(x: number): number {
    if (!(x > 0)) return 1;
    if (!(x < 1)) return 0;
    if (x < (this.a + 1) / (this.a + this.b + 2)) return 1 - this.directTerm(x, this.a, this.b);
    return this.directTerm(1 - x, this.b, this.a);
  }

  /** The Beta(a, b) density at x in (0, 1). */
  density(x: number): number {
    return Math.exp((this.a - 1) * Math.log(x) + (this.b - 1) * Math.log1p(-x) - this.logBetaFunction);
  }

  /**
   * The x in [0, 1] with I_x(a, b) = p. p ≤ 0 gives 0 and p ≥ 1 gives 1.
   *
   * Solves in the smaller tail (p ≤ ½, swapping a and b) to keep relative precision there. The
   * starting point comes from a per-distribution table (cubic Hermite in w = (s·B·p)^{1/s}, built
   * on first use from 66 full-precision solutions) and is good to about 1e-8; one Halley step
   * (Numerical Recipes 3rd ed. §6.14) then lands below one ulp and is accepted when it moved x by
   * at most 2⁻²⁰ relative. I_x at the guess is evaluated from the nearest node's exact I_x plus the
   * integral of the density's Taylor series (the density solves x(1 − x)f' = ((a − 1) − (a + b − 2)x)f,
   * so its coefficients follow a three-term recurrence): no logarithm or exponential per call. Far
   * from a node (near 0, or for shapes below 1) it uses the continued fraction instead. Anything
   * unusual hands over to the safeguarded Halley/bisection iteration. Typically one evaluation.
   * Allocates nothing (after the tables are built).
   */
  inverse(p: number): number {
    if (!(p > 0)) return 0;
    if (!(p < 1)) return 1;
    if (p <= 0.5) {
      const tail = (this.lowerTail ??= new InverseTail(this.a, this.b, this));
      return this.solveFromTable(p, tail);
    }
    // Beta(a, a) is symmetric: both tails share one table.
    const tail = (this.upperTail ??=
      this.a === this.b ? (this.lowerTail ??= new InverseTail(this.a, this.b, this)) : new InverseTail(this.b, this.a, this));
    return 1 - this.solveFromTable(1 - p, tail);
  }

  /** The x with I_x(s, r) = p ≤ ½ for the tail's orientation (s, r). */
  private solveFromTable(p: number, tail: InverseTail): number {
    const shape = tail.shape;
    const other = tail.other;
    const position = Math.exp((Math.log(p) + tail.logScale) * tail.inverseShape) * tail.inverseStep;
    let node = Math.floor(position);
    if (node >= TABLE_INTERVALS) node = TABLE_INTERVALS - 1;
    const theta = position - node;
    // Cubic Hermite interpolation on [node, node + 1].
    const x0 = tail.x[node];
    const x1 = tail.x[node + 1];
    const oneMinusTheta = 1 - theta;
    let x =
      oneMinusTheta * oneMinusTheta * ((1 + 2 * theta) * x0 + theta * tail.slope[node]) +
      theta * theta * ((3 - 2 * theta) * x1 - oneMinusTheta * tail.slope[node + 1]);
    if (!(x > 0 && x < 1)) return this.solveSafeguarded(p, shape, other, initialGuess(p, shape, other));
    const anchor = theta < 0.5 ? node : node + 1;
    const anchorX = tail.x[anchor];
    for (let iteration = 0; iteration < MAX_FAST_STEPS; iteration++) {
      let error: number;
      let density: number;
      const t = x - anchorX;
      if (Math.abs(t) < tail.radius[anchor]) {
        // f(anchorX + t) = Σ c_n tⁿ with x₀(1 − x₀)(n + 1)c_{n+1} = ((s − 1) − (s + r − 2)x₀ − (1 − 2x₀)n)c_n
        // − (s + r − 2 − (n − 1))c_{n−1}; the terms T_n = c_n tⁿ, and I_x − I_{x₀} = Σ T_n t/(n + 1).
        const scaledT = t * tail.inverseQuadratic[anchor];
        const linear = tail.linear[anchor];
        const ratio = tail.ratio[anchor];
        const shift = shape + other - 2;
        const limit = (SERIES_TOLERANCE * p) / Math.abs(t);
        let previous = 0;
        let term = tail.density[anchor];
        let densitySum = term;
        let integralSum = term;
        for (let n = 0; n < MAX_SERIES_TERMS; n++) {
          const next = ((ratio - linear * n) * term - (shift - n + 1) * t * previous) * scaledT * RECIPROCALS[n + 1];
          previous = term;
          term = next;
          densitySum += term;
          integralSum += term * RECIPROCALS[n + 2];
          if (Math.abs(term) + Math.abs(previous) <= limit) break;
        }
        error = tail.cdf[anchor] - p + integralSum * t;
        density = densitySum;
      } else {
        const logPrefactor = shape * Math.log(x) + other * Math.log1p(-x) - this.logBetaFunction;
        const prefactor = Math.exp(logPrefactor);
        error =
          x < (shape + 1) / (shape + other + 2)
            ? (prefactor * this.continuedFraction(x, shape, other)) / shape - p
            : 1 - (prefactor * this.continuedFraction(1 - x, other, shape)) / other - p;
        density = prefactor / (x * (1 - x));
      }
      if (error === 0) return x;
      const newtonStep = error / density;
      const curvature = (shape - 1) / x - (other - 1) / (1 - x);
      const halleyDenominator = 1 - 0.5 * newtonStep * curvature;
      const halley = halleyDenominator > 0.5;
      const stepSize = halley ? newtonStep / halleyDenominator : newtonStep;
      const next = x - stepSize;
      if (!(next > 0 && next < 1)) break;
      const change = Math.abs(stepSize);
      if (change <= INVERSE_RELATIVE_TOLERANCE * next) return next;
      // Relative to the distance from the nearer end: the caller may return 1 − x.
      if (halley && change <= HALLEY_ACCEPT_RELATIVE_STEP * Math.min(next, 1 - next)) return next;
      x = next;
    }
    return this.solveSafeguarded(p, shape, other, x);
  }

  /**
   * (Internal; public for {@link InverseTail}.)
   * The x with I_x(shapeA, shapeB) = p ≤ ½, where (shapeA, shapeB) is (a, b) or (b, a), by
   * Halley's method from `guess` inside a bracket that shrinks with every evaluation: a step
   * that leaves the bracket is replaced by bisection, so it cannot diverge. Converged when a
   * step moves x by less than 1e-15 relative.
   */
  solveSafeguarded(p: number, shapeA: number, shapeB: number, guess: number): number {
    let x = guess > 0 ? (guess < 1 ? guess : 1 - Number.EPSILON / 2) : Number.MIN_VALUE;
    let below = 0;
    let above = 1;
    for (let step = 0; step < MAX_INVERSE_STEPS; step++) {
      const error = this.lowerFor(x, shapeA, shapeB) - p;
      if (error === 0) return x;
      if (error < 0) below = x;
      else above = x;
      const logDensity = (shapeA - 1) * Math.log(x) + (shapeB - 1) * Math.log1p(-x) - this.logBetaFunction;
      const newtonStep = error / Math.exp(logDensity);
      const curvature = (shapeA - 1) / x - (shapeB - 1) / (1 - x);
      const halleyDenominator = 1 - 0.5 * newtonStep * curvature;
      const stepSize = halleyDenominator > 0.5 ? newtonStep / halleyDenominator : newtonStep;
      let next = x - stepSize;
      if (!(next > below && next < above)) next = below + (above - below) / 2;
      if (Math.abs(next - x) <= INVERSE_RELATIVE_TOLERANCE * next) return next;
      x = next;
    }
    return x;
  }

  /** I_x for either orientation of the shape parameters. (Internal; public for {@link InverseTail}.) */
  lowerFor(x: number, shapeA: number, shapeB: number): number {
    if (x < (shapeA + 1) / (shapeA + shapeB + 2)) return this.directTerm(x, shapeA, shapeB);
    return 1 - this.directTerm(1 - x, shapeB, shapeA);
  }

  /**
   * x^a (1 − x)^b / (a·B(a, b)) times the continued fraction for I_x(a, b) (Abramowitz & Stegun
   * 26.5.8). Converges quickly for x < (a + 1)/(a + b + 2); callers use the symmetry I_x(a, b) =
   * 1 − I_{1−x}(b, a) above that point. B is symmetric, so one ln B serves both orientations.
   */
  private directTerm(x: number, a: number, b: number): number {
    const logPrefactor = a * Math.log(x) + b * Math.log1p(-x) - this.logBetaFunction;
    return (Math.exp(logPrefactor) * this.continuedFraction(x, a, b)) / a;
  }

  /** The continued fraction of A&S 26.5.8 by the modified Lentz method (Numerical Recipes 3rd ed. §5.2 and §6.4). */
  private continuedFraction(x: number, a: number, b: number): number {
    const sum = a + b;
    const aPlusOne = a + 1;
    const aMinusOne = a - 1;
    let c = 1;
    let d = 1 - (sum * x) / aPlusOne;
    if (Math.abs(d) < TINY) d = TINY;
    d = 1 / d;
    let fraction = d;
    for (let m = 1; m <= MAX_CONTINUED_FRACTION_TERMS; m++) {
      const twoM = 2 * m;
      // Even step of the recurrence.
      let coefficient = (m * (b - m) * x) / ((aMinusOne + twoM) * (a + twoM));
      d = 1 + coefficient * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + coefficient / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      fraction *= d * c;
      // Odd step.
      coefficient = (-(a + m) * (sum + m) * x) / ((a + twoM) * (aPlusOne + twoM));
      d = 1 + coefficient * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + coefficient / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      const change = d * c;
      fraction *= change;
      if (Math.abs(change - 1) <= CONTINUED_FRACTION_TOLERANCE) break;
    }
    return fraction;
  }
}

/**
 * A starting point for the inverse with I_x(a, b) = p ≤ ½ (Numerical Recipes 3rd ed. §6.14):
 * for a, b ≥ 1 the normal approximation of Abramowitz & Stegun 26.5.22 (with the rational
 * approximation 26.2.22 of the normal deviate); otherwise the leading power-law terms of the
 * two tails, x^a/(a·B) near 0 and (1 − x)^b/(b·B) near 1, with B replaced by their sum.
 */
function initialGuess(p: number, a: number, b: number): number {
  let guess: number;
  if (a >= 1 && b >= 1) {
    // The upper-tail normal deviate for probability p, positive because p ≤ ½.
    const t = Math.sqrt(-2 * Math.log(p));
    const deviate = t - (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481));
    const lambda = (deviate * deviate - 3) / 6;
    const harmonic = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w =
      (deviate * Math.sqrt(lambda + harmonic)) / harmonic -
      (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5 / 6 - 2 / (3 * harmonic));
    guess = a / (a + b * Math.exp(2 * w));
  } else {
    const lowerTailWeight = Math.exp(a * Math.log(a / (a + b))) / a;
    const upperTailWeight = Math.exp(b * Math.log(b / (a + b))) / b;
    const total = lowerTailWeight + upperTailWeight;
    guess =
      p < lowerTailWeight / total ? Math.pow(a * total * p, 1 / a) : 1 - Math.pow(b * total * (1 - p), 1 / b);
  }
  // Keep the guess strictly inside (0, 1) so the logarithms of the first step are finite.
  if (!(guess > 0)) return Number.MIN_VALUE;
  if (!(guess < 1)) return 1 - Number.EPSILON / 2;
  return guess;
}

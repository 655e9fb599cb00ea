import { MAX_BETA_SHAPE, MIN_BETA_SHAPE } from './beta-shape-limits.js';
import { IncompleteBeta } from './special-functions/incomplete-beta.js';
import { standardNormalQuantile } from './special-functions/normal-quantile.js';

/** The fit is accepted when both CDF values are this close to their targets. */
const FIT_TOLERANCE = 1e-13;
const MAX_NEWTON_STEPS = 100;
/**
 * Work bound over all starts (each evaluation is two incomplete beta values, a few µs to about
 * 100 µs at shapes near 1e5), so a fit, and the schema check that runs it, stays under about 0.2 s.
 */
const MAX_RESIDUAL_EVALUATIONS = 2_000;
/** Relative step in ln α, ln β for the finite-difference Jacobian. */
const JACOBIAN_STEP = 1e-6;
/** Newton may wander this far beyond the allowed shapes before the fit gives up. */
const SEARCH_LOG_SHAPE_MIN = Math.log(1e-4);
const SEARCH_LOG_SHAPE_MAX = Math.log(1e7);

export type BetaIntervalFit = { ok: true; alpha: number; beta: number } | { ok: false; reason: string };

/**
 * The Beta(α, β) on [0, 1] whose lowerProbability- and upperProbability-quantiles are `low` and
 * `high` (0 < low < high < 1). Two equations, two unknowns: Newton's method on (ln α, ln β) with
 * the residuals on the probit scale, Φ⁻¹(I_low(α, β)) − Φ⁻¹(pL) and Φ⁻¹(I_high(α, β)) − Φ⁻¹(pU),
 * which are nearly linear there, a finite-difference Jacobian and step halving until the residual
 * shrinks. It starts from the beta that matches the logit-normal fit of the interval
 * (ln(α/β) ≈ μ, 1/α + 1/β ≈ σ², the large-shape forms of E and Var of logit X).
 * A fit needing shapes outside [MIN_BETA_SHAPE, MAX_BETA_SHAPE] is refused, saying which shapes it
 * needs (the quantile is not accurate there; the logit-normal fits any interval in (0, 1)).
 */
export function fitBetaToInterval(low: number, high: number, lowerProbability: number, upperProbability: number): BetaIntervalFit {
  const lowerTarget = standardNormalQuantile(lowerProbability);
  const upperTarget = standardNormalQuantile(upperProbability);
  const evaluations = { count: 0 };
  const residual = (logAlpha: number, logBeta: number): [number, number] => {
    evaluations.count++;
    const incompleteBeta = new IncompleteBeta(Math.exp(logAlpha), Math.exp(logBeta));
    return [
      standardNormalQuantile(incompleteBeta.lower(low)) - lowerTarget,
      standardNormalQuantile(incompleteBeta.lower(high)) - upperTarget,
    ];
  };
  const logitLow = Math.log(low / (1 - low));
  const logitHigh = Math.log(high / (1 - high));
  const logitMean = (logitLow + logitHigh) / 2;
  const logitVariance = ((logitHigh - logitLow) / (upperTarget - lowerTarget)) ** 2;
  const starts: Array<[number, number]> = [
    [Math.log((1 + Math.exp(logitMean)) / logitVariance), Math.log((1 + Math.exp(-logitMean)) / logitVariance)],
    ...FALLBACK_STARTS.map(([alpha, beta]): [number, number] => [Math.log(alpha), Math.log(beta)]),
  ];
  // For large shapes the logit-normal guess is accurate (relative error about 1/shape), so a
  // guess beyond the limit is refused at once instead of searched for (slow at such shapes).
  const [guessAlpha, guessBeta] = [Math.exp(starts[0][0]), Math.exp(starts[0][1])];
  if (Math.max(guessAlpha, guessBeta) > MAX_BETA_SHAPE) return accept(guessAlpha, guessBeta, low, high);
  let failure: BetaIntervalFit | undefined;
  for (const [startAlpha, startBeta] of starts) {
    const fit = newtonFromStart(startAlpha, startBeta, residual, evaluations, low, high, lowerProbability, upperProbability);
    if (fit.ok) return fit;
    failure ??= fit;
    if (evaluations.count > MAX_RESIDUAL_EVALUATIONS) break;
  }
  return failure!;
}

/**
 * Where Newton starts again when the logit-normal guess leads it astray (it can, for very
 * skewed intervals such as [1e-6, 0.5], whose beta has α ≈ 0.23 and β ≈ 2.0): shapes across the
 * allowed range, each side of 1, both orientations.
 */
const FALLBACK_STARTS: ReadonlyArray<[number, number]> = [
  [1, 1],
  [0.2, 2],
  [2, 0.2],
  [0.3, 0.3],
  [0.1, 20],
  [20, 0.1],
  [30, 30],
  [1, 300],
  [300, 1],
];

function newtonFromStart(
  startAlpha: number,
  startBeta: number,
  residual: (logAlpha: number, logBeta: number) => [number, number],
  evaluations: { count: number },
  low: number,
  high: number,
  lowerProbability: number,
  upperProbability: number,
): BetaIntervalFit {
  let logAlpha = startAlpha;
  let logBeta = startBeta;
  let current = residual(logAlpha, logBeta);

  for (let step = 0; step < MAX_NEWTON_STEPS && evaluations.count <= MAX_RESIDUAL_EVALUATIONS; step++) {
    const incompleteBeta = new IncompleteBeta(Math.exp(logAlpha), Math.exp(logBeta));
    if (Math.abs(incompleteBeta.lower(low) - lowerProbability) <= FIT_TOLERANCE && Math.abs(incompleteBeta.lower(high) - upperProbability) <= FIT_TOLERANCE)
      return accept(Math.exp(logAlpha), Math.exp(logBeta), low, high);
    const byAlpha = residual(logAlpha + JACOBIAN_STEP, logBeta);
    const byBeta = residual(logAlpha, logBeta + JACOBIAN_STEP);
    const j11 = (byAlpha[0] - current[0]) / JACOBIAN_STEP;
    const j21 = (byAlpha[1] - current[1]) / JACOBIAN_STEP;
    const j12 = (byBeta[0] - current[0]) / JACOBIAN_STEP;
    const j22 = (byBeta[1] - current[1]) / JACOBIAN_STEP;
    const determinant = j11 * j22 - j12 * j21;
    if (!Number.isFinite(determinant) || determinant === 0) break;
    const deltaAlpha = (-current[0] * j22 + current[1] * j12) / determinant;
    const deltaBeta = (-current[1] * j11 + current[0] * j21) / determinant;
    const norm = Math.hypot(current[0], current[1]);
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving < 30; halving++, scale /= 2) {
      const nextAlpha = logAlpha + scale * deltaAlpha;
      const nextBeta = logBeta + scale * deltaBeta;
      if (!inSearchRange(nextAlpha) || !inSearchRange(nextBeta)) continue;
      const next = residual(nextAlpha, nextBeta);
      if (Math.hypot(next[0], next[1]) < norm || (halving > 0 && Math.hypot(next[0], next[1]) <= norm)) {
        logAlpha = nextAlpha;
        logBeta = nextBeta;
        current = next;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  const incompleteBeta = new IncompleteBeta(Math.exp(logAlpha), Math.exp(logBeta));
  // Newton can stall one rounding step from the tolerance; accept what meets a looser 1e-11.
  if (Math.abs(incompleteBeta.lower(low) - lowerProbability) <= 1e-11 && Math.abs(incompleteBeta.lower(high) - upperProbability) <= 1e-11)
    return accept(Math.exp(logAlpha), Math.exp(logBeta), low, high);
  // The search ran off towards shapes the quantile cannot serve: say so in the same words.
  const reached = accept(Math.exp(logAlpha), Math.exp(logBeta), low, high);
  if (!reached.ok) return reached;
  return {
    ok: false,
    reason: `no beta distribution with shapes in [${MIN_BETA_SHAPE}, ${MAX_BETA_SHAPE}] has this interval (the search reached alpha ${Math.exp(logAlpha).toPrecision(3)}, beta ${Math.exp(logBeta).toPrecision(3)}); use shape 'logitNormal', which fits any interval in (0, 1)`,
  };
}

function inSearchRange(logShape: number): boolean {
  return logShape >= SEARCH_LOG_SHAPE_MIN && logShape <= SEARCH_LOG_SHAPE_MAX;
}

function accept(alpha: number, beta: number, low: number, high: number): BetaIntervalFit {
  for (const [name, shape] of [
    ['alpha', alpha],
    ['beta', beta],
  ] as const) {
    if (shape < MIN_BETA_SHAPE || shape > MAX_BETA_SHAPE)
      return {
        ok: false,
        reason: `the beta with 5th and 95th percentiles ${low} and ${high} needs ${name} ${shape > MAX_BETA_SHAPE ? 'above' : 'about'} ${shape.toPrecision(3)}, outside [${MIN_BETA_SHAPE}, ${MAX_BETA_SHAPE}] where the beta quantile is accurate; ${
          shape > MAX_BETA_SHAPE ? 'the interval is very narrow: a normal or ' : 'the interval is very wide: '
        }shape 'logitNormal' fits it`,
      };
  }
  return { ok: true, alpha, beta };
}

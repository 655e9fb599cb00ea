import type { Rng } from '../random/rng.js';

/**
 * The step at which the first event happens in a sequence of monthly trials whose chance of the
 * event is constant within pieces (the months since intake in and after the programme; the
 * fall-back hazard bands by months in work). Piece i covers steps [start[i], start[i + 1]), the
 * last one has no end; `logStay[i]` = ln(1 - chance of the event in a step of piece i) and
 * `logStayBefore[i]` = ln of the chance of no event before start[i] (0 for the first piece).
 *
 * Inversion with one uniform: with V = 1 - U in (0, 1], the event happens at the largest step k
 * whose chance of getting there without an event, S(k), is at least V; so P(step = k) =
 * S(k) - S(k + 1) exactly as month-by-month trials give. Within a piece S(k) is geometric, and k
 * is one logarithm away: floor((ln V - ln S(start)) / logStay). Returns Infinity when no event
 * ever happens (a last piece with chance 0).
 *
 * Cost: one uniform, one logarithm and a scan over the pieces. A chance of 1 (logStay = -Infinity)
 * gives the event at the start of its piece.
 */
export function firstEventStep(
  rng: Rng,
  start: Float64Array,
  logStay: Float64Array,
  logStayBefore: Float64Array,
  pieces: number,
): number {
  const logV = Math.log(1 - rng.nextDouble());
  let piece = 0;
  while (piece + 1 < pieces && logStayBefore[piece + 1] >= logV) piece++;
  const perStep = logStay[piece];
  if (perStep === 0) return Infinity;
  let steps = Math.floor((logV - logStayBefore[piece]) / perStep);
  // Rounding may put V just past the end of a piece it does not survive.
  if (piece + 1 < pieces && steps > start[piece + 1] - start[piece] - 1) steps = start[piece + 1] - start[piece] - 1;
  return start[piece] + steps;
}

/** Fills `logStayBefore` for pieces starting at `start` with per-step ln(1 - chance) `logStay`. */
export function accumulateLogStay(start: Float64Array, logStay: Float64Array, logStayBefore: Float64Array, pieces: number): void {
  logStayBefore[0] = 0;
  for (let piece = 1; piece < pieces; piece++) {
    const length = start[piece] - start[piece - 1];
    // A certain event (logStay = -Infinity) over a piece of any length leaves no one.
    logStayBefore[piece] = logStayBefore[piece - 1] + (logStay[piece - 1] === 0 ? 0 : length * logStay[piece - 1]);
  }
}

/** ln(1 - chance) of a chance in [0, 1]; -Infinity for a certain event. */
export const logStayOf = (chance: number): number => (chance >= 1 ? -Infinity : Math.log1p(-chance));

import type { Rng } from '../random/rng.js';
import type { ContractPlan } from './compile-contract.js';
import type { ContractWorkspace, WorldSeries } from './contract-workspace.js';
import { clampRate } from './clamp-rate.js';
import { drawCohort, owePerson, preparePersonDraws, recordProfileMonths } from './drawn-persons.js';
import type { ObservedState } from './observed-state.js';
import { bookWorld } from './world-booking.js';

/**
 * The programme world of a running contract: the observed months as they happened, the rest
 * drawn person by person from where each participant stands at the end of them, under the
 * monthly rules of `population.ts` and with the draws of `drawn-persons.ts`:
 *
 * - waiting at the as-of month: the benefit spell goes on from its current step (months since
 *   intake), drawn from the piecewise geometric survival conditioned on having lasted so far
 *   (memoryless within a piece, so only the piece and the steps left in it matter);
 * - in work: the person keeps the months worked; the last tenure is drawn conditioned on being at
 *   least the tenure already reached (`conditionalEventStep`);
 * - back on bijstand after a fall-back: leaves for other reasons month by month from the as-of month;
 * - intake after the observed months comes from the contract's cohorts, drawn as in the plan.
 * The work type of everyone who started work is drawn (actuals do not record it per person).
 * Milestones and per-participant amounts due follow each person's whole path, observed months
 * included; the payments of the observed months are then fixed to those made (`settlePayments`).
 */
export function simulateObservedWorld(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, rng: Rng, world: WorldSeries, observed: ObservedState): void {
  const H = plan.horizon;
  const M = observed.months;
  const rates = ws.population.rates;
  const persons = observed.persons;
  // The observed months' intake is what happened, not what the plan drew: the counterfactual world,
  // the provider's participant-months and custom rules read it after this. (A planned cohort that
  // the start delay moves past the as-of month still comes, as planned.)
  for (let t = 0; t < M; t++) {
    ws.intakeTotal[t] = 0;
    for (let p = 0; p < plan.profiles.length; p++) {
      const arriving = observed.intake[p * M + t];
      ws.intakeByProfile[p * H + t] = arriving;
      ws.intakeTotal[t] += arriving;
    }
  }
  for (let p = 0; p < plan.profiles.length; p++) {
    const profile = plan.profiles[p];
    const cfJobEntry = clampRate(params[profile.counterfactualJobEntry]);
    const cfOtherExit = clampRate(params[profile.counterfactualOtherExit]);
    rates.inProgrammeJobEntry = clampRate(params[profile.programmeJobEntry]);
    rates.inProgrammeOtherExit = clampRate(params[profile.programmeOtherExit]);
    rates.afterJobEntry = cfJobEntry;
    rates.afterOtherExit = cfOtherExit;
    rates.backOtherExit = cfOtherExit;
    const paysEveryTenure = preparePersonDraws(plan, ws, true);
    const scratch = ws.population;
    for (let i = 0; i < persons.count; i++) {
      if (persons.profile[i] !== p) continue;
      const intakeMonth = persons.intakeMonth[i];
      scratch.waitingChanges[intakeMonth] += 1;
      const start = persons.startMonth[i];
      const leftOther = persons.otherExitMonth[i];
      if (leftOther >= 0) {
        scratch.waitingChanges[leftOther] -= 1;
        scratch.events.otherExits[leftOther] += 1;
      } else if (start >= 0) {
        scratch.waitingChanges[start] -= 1;
        const fall = persons.fallMonth[i];
        // Fell back at month f: in work at tenures 0 .. f - start - 1. Still in work: at least up to the last observed month.
        const lastTenure = fall >= 0 ? fall - start - 1 : conditionalEventStep(rng, scratch.bandStart, scratch.bandLogSurvival, scratch.bandCumulativeLogSurvival, scratch.bandStart.length, M - 1 - start);
        bookWork(plan, ws, rng, world, p, start, lastTenure, fall >= 0 ? M : -1);
      } else continueWaiting(plan, ws, rng, world, p, intakeMonth, M);
    }
    // Intake after the observed months, as the plan draws it.
    const intake = ws.intakeByProfile;
    for (let month = M; month < H; month++) {
      const arriving = intake[p * H + month];
      if (arriving === 0) continue;
      scratch.waitingChanges[month] += arriving;
      drawCohort(plan, ws, rng, world, p, month, arriving);
    }
    recordProfileMonths(plan, ws, p, paysEveryTenure);
  }
  bookWorld(plan, params, ws, ws.population.counts, world);
}

/** A participant still waiting at the start of month `from`: the rest of the benefit spell, then work or another exit. */
function continueWaiting(plan: ContractPlan, ws: ContractWorkspace, rng: Rng, world: WorldSeries, p: number, intakeMonth: number, from: number): void {
  const H = plan.horizon;
  const A = plan.programmeMonths;
  const scratch = ws.population;
  const draw = scratch.personDraw;
  // Step k of the spell is month intakeMonth + 1 + k; the person has had no event in steps below `from - intakeMonth - 1`.
  const reached = from - intakeMonth - 1;
  const step = conditionalEventStep(rng, scratch.spellStart, scratch.spellLogSurvival, scratch.spellCumulativeLogSurvival, 2, reached);
  const exitMonth = intakeMonth + 1 + step;
  if (exitMonth >= H) return;
  scratch.waitingChanges[exitMonth] -= 1;
  const jobShare = step < A ? draw.jobShareIn : draw.jobShareAfter;
  const startsWork = jobShare >= 1 || (jobShare > 0 && rng.nextDouble() < jobShare);
  if (!startsWork) {
    scratch.events.otherExits[exitMonth] += 1;
    return;
  }
  const lastTenure = conditionalEventStep(rng, scratch.bandStart, scratch.bandLogSurvival, scratch.bandCumulativeLogSurvival, scratch.bandStart.length, 0);
  bookWork(plan, ws, rng, world, p, exitMonth, lastTenure, -1);
}

/**
 * A person starting work in `start` and in work at tenures 0 .. lastTenure (steps 2 and 3 of
 * `drawCohort`): the work type, the months in work, milestones, per-participant amounts due, the
 * fall-back and the time back on bijstand. `backFrom` >= 0: the fall-back was observed and the
 * person is known to be back on bijstand until then, so leaving is drawn from that month.
 */
function bookWork(plan: ContractPlan, ws: ContractWorkspace, rng: Rng, world: WorldSeries, p: number, start: number, lastTenure: number, backFrom: number): void {
  const H = plan.horizon;
  const scratch = ws.population;
  const draw = scratch.personDraw;
  const rowLength = H + 1;
  scratch.events.placements[start] += 1;
  let type = draw.certainType;
  if (!draw.typeIsCertain) {
    // The same one-uniform split as drawCohort: below lksShare is LKS, and within each part the lower partTimeShare is part-time.
    const lksShare = scratch.lksShare;
    const partTimeShare = scratch.partTimeShare;
    const u = rng.nextDouble();
    type = u < lksShare ? 2 | (u < lksShare * partTimeShare ? 1 : 0) : u - lksShare < (1 - lksShare) * partTimeShare ? 1 : 0;
  }
  const fallMonth = start + lastTenure + 1;
  const workEnd = fallMonth < H ? fallMonth : H;
  scratch.inWorkChanges[type * rowLength + start] += 1;
  scratch.inWorkChanges[type * rowLength + workEnd] -= 1;
  const milestones = plan.milestones;
  for (let m = 0; m < milestones.length; m++) {
    const month = start + milestones[m];
    if (milestones[m] <= lastTenure && month < H) world.milestoneReached[m * H + month] += 1;
  }
  if (draw.paysPerParticipant) owePerson(plan, ws, p, type, start, lastTenure, workEnd);
  if (fallMonth >= H) return;
  scratch.events.fallbacks[fallMonth] += 1;
  scratch.backOnBenefitChanges[fallMonth] += 1;
  const leaveChance = draw.backOtherExit;
  const leaveFrom = backFrom >= 0 && backFrom > fallMonth ? backFrom : fallMonth;
  const monthsBack = leaveChance >= 1 ? 0 : leaveChance <= 0 ? Infinity : Math.floor(Math.log(1 - rng.nextDouble()) / draw.backLogStay);
  const leaveMonth = leaveFrom + monthsBack;
  if (leaveMonth < H) {
    scratch.backOnBenefitChanges[leaveMonth] -= 1;
    scratch.events.otherExits[leaveMonth] += 1;
  }
}

/**
 * `firstEventStep` conditioned on no event before step `from`: with V uniform on (0, S(from)]
 * instead of (0, 1], the inversion gives step k >= from with chance (S(k) - S(k + 1)) / S(from),
 * which is the conditional law. S(from) is read from the pieces (ln S is linear within a piece).
 */
export function conditionalEventStep(rng: Rng, start: Float64Array, logStay: Float64Array, logStayBefore: Float64Array, pieces: number, from: number): number {
  let piece = 0;
  while (piece + 1 < pieces && start[piece + 1] <= from) piece++;
  const perStep = logStay[piece];
  const logReached = perStep === 0 ? logStayBefore[piece] : logStayBefore[piece] + (from - start[piece]) * perStep;
  if (logReached === -Infinity) return from; // cannot have lasted this long: the event comes now
  const logV = Math.log(1 - rng.nextDouble()) + logReached;
  let at = piece;
  while (at + 1 < pieces && logStayBefore[at + 1] >= logV) at++;
  const stepStay = logStay[at];
  if (stepStay === 0) return Infinity;
  let steps = Math.floor((logV - logStayBefore[at]) / stepStay);
  if (at + 1 < pieces && steps > start[at + 1] - start[at] - 1) steps = start[at + 1] - start[at] - 1;
  const step = start[at] + steps;
  return step < from ? from : step;
}

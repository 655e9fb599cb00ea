import type { Rng } from '../random/rng.js';
import type { ContractPlan } from './compile-contract.js';
import { EVERY_TENURE, type ContractWorkspace, type WorldSeries } from './contract-workspace.js';
import { accumulateLogStay, firstEventStep, logStayOf } from './first-event-step.js';
import { segmentPaymentTable } from './payment-table.js';
import { recordMonth } from './world-booking.js';

/**
 * One profile of one world with drawn persons, person by person. Under the monthly rules in
 * `population.ts` a participant's path is a few independent spells, each with a monthly chance
 * of ending that is constant in pieces, so each is drawn whole by inversion
 * (`firstEventStep`) instead of month by month:
 *
 * 1. on benefit from the intake month s; from month s + 1 each month ends the spell with
 *    e = jobEntry + (1 - jobEntry) otherExit', the programme rates for `programmeMonths` months
 *    and the counterfactual ones after; the spell ends in work with chance jobEntry / e;
 * 2. a job starting in month j: the work type (part-time with chance partTimeShare, LKS with
 *    chance lksShare, independently; one uniform); then months in work until the fall-back, with
 *    the hazard of each band of tenure: the person is in work in months j .. j + k at tenures
 *    0 .. k and falls back in month j + k + 1;
 * 3. back on bijstand from the fall-back month, leaving for other reasons each month (that month
 *    included) with the counterfactual rate.
 *
 * This is the distribution the month-by-month binomial draws give (each person's transitions
 * are independent of the others'), from at most five uniforms and three logarithms per person.
 * Persons are added to difference arrays by month and summed once at the end.
 */
export function simulateProfileByPerson(plan: ContractPlan, ws: ContractWorkspace, rng: Rng, world: WorldSeries, p: number, isProgramme: boolean): void {
  const H = plan.horizon;
  const paysEveryTenure = preparePersonDraws(plan, ws, isProgramme);
  const intake = ws.intakeByProfile;
  for (let intakeMonth = 0; intakeMonth < H; intakeMonth++) {
    const arriving = intake[p * H + intakeMonth];
    if (arriving === 0) continue;
    ws.population.waitingChanges[intakeMonth] += arriving;
    drawCohort(plan, ws, rng, world, p, intakeMonth, arriving);
  }
  recordProfileMonths(plan, ws, p, paysEveryTenure);
}

/**
 * Clears the current profile's difference arrays and events and sets what every person of the
 * profile is drawn with (spell pieces, work-type shares, payment segments). Returns whether a
 * trigger pays for every month in work (then `recordProfileMonths` books its amounts due).
 */
export function preparePersonDraws(plan: ContractPlan, ws: ContractWorkspace, isProgramme: boolean): boolean {
  const H = plan.horizon;
  const T = plan.triggers.length;
  const rowLength = H + 1;
  const scratch = ws.population;
  const rates = scratch.rates;
  const events = scratch.events;
  const draw = scratch.personDraw;
  scratch.waitingChanges.fill(0);
  scratch.backOnBenefitChanges.fill(0);
  scratch.inWorkChanges.fill(0);
  events.placements.fill(0);
  events.fallbacks.fill(0);
  events.otherExits.fill(0);

  // The benefit spell: two pieces, the programme months and after.
  const jobEntryIn = rates.inProgrammeJobEntry;
  const jobEntryAfter = rates.afterJobEntry;
  const endChanceIn = Math.min(1, jobEntryIn + (jobEntryIn < 1 ? Math.min(rates.inProgrammeOtherExit, 1 - jobEntryIn) : 0));
  const endChanceAfter = Math.min(1, jobEntryAfter + (jobEntryAfter < 1 ? Math.min(rates.afterOtherExit, 1 - jobEntryAfter) : 0));
  draw.jobShareIn = endChanceIn > 0 ? jobEntryIn / endChanceIn : 0;
  draw.jobShareAfter = endChanceAfter > 0 ? jobEntryAfter / endChanceAfter : 0;
  scratch.spellLogSurvival[0] = logStayOf(endChanceIn);
  scratch.spellLogSurvival[1] = logStayOf(endChanceAfter);
  accumulateLogStay(scratch.spellStart, scratch.spellLogSurvival, scratch.spellCumulativeLogSurvival, 2);
  // Months in work follow the hazard bands, filled in `prepare` for the evaluation.
  draw.backOtherExit = rates.backOtherExit;
  draw.backLogStay = logStayOf(rates.backOtherExit);
  const partTimeShare = scratch.partTimeShare;
  const lksShare = scratch.lksShare;
  draw.typeIsCertain = (partTimeShare === 0 || partTimeShare === 1) && (lksShare === 0 || lksShare === 1);
  draw.certainType = (partTimeShare === 1 ? 1 : 0) | (lksShare === 1 ? 2 : 0);

  draw.paysPerParticipant = isProgramme && T > 0;
  let paysEveryTenure = false;
  if (draw.paysPerParticipant) {
    for (let trigger = 0; trigger < T; trigger++) {
      if (ws.triggerTenure[trigger] !== EVERY_TENURE) continue;
      paysEveryTenure = true;
      scratch.everyTenureDueChanges.fill(0, trigger * rowLength, (trigger + 1) * rowLength);
    }
    if (paysEveryTenure) segmentPaymentTable(plan, ws);
  }
  return paysEveryTenure;
}

/** Sums the current profile's difference arrays into its monthly counts, and books every-tenure amounts due. */
export function recordProfileMonths(plan: ContractPlan, ws: ContractWorkspace, p: number, paysEveryTenure: boolean): void {
  const H = plan.horizon;
  const T = plan.triggers.length;
  const rowLength = H + 1;
  const scratch = ws.population;
  const events = scratch.events;
  const waitingChanges = scratch.waitingChanges;
  const backChanges = scratch.backOnBenefitChanges;
  const inWorkChanges = scratch.inWorkChanges;
  const counts = scratch.counts;
  let waiting = 0;
  let back = 0;
  let fullTimeNoLks = 0;
  let partTimeNoLks = 0;
  let fullTimeLks = 0;
  let partTimeLks = 0;
  for (let t = 0; t < H; t++) {
    waiting += waitingChanges[t];
    back += backChanges[t];
    fullTimeNoLks += inWorkChanges[t];
    partTimeNoLks += inWorkChanges[rowLength + t];
    fullTimeLks += inWorkChanges[2 * rowLength + t];
    partTimeLks += inWorkChanges[3 * rowLength + t];
    recordMonth(
      counts,
      p * H + t,
      waiting + back,
      events.placements[t],
      fullTimeNoLks + fullTimeLks,
      partTimeNoLks + partTimeLks,
      fullTimeLks + partTimeLks,
      events.fallbacks[t],
      events.otherExits[t],
    );
  }
  if (paysEveryTenure) {
    const yearOf = ws.yearOfMonth;
    const dueChanges = scratch.everyTenureDueChanges;
    for (let trigger = 0; trigger < T; trigger++) {
      if (ws.triggerTenure[trigger] !== EVERY_TENURE) continue;
      let owed = 0;
      for (let t = 0; t < H; t++) {
        owed += dueChanges[trigger * rowLength + t];
        if (owed !== 0) ws.dueByTrigger[trigger * H + t] += owed * ws.priceIndex[yearOf[t]];
      }
    }
  }
}

/**
 * The `arriving` participants of profile p arriving in `intakeMonth`, one after the other: each
 * one's three spells, booked by month. Everything that is the same for the whole cohort is read
 * once, and the benefit spell's two pieces are `firstEventStep` written out (the same arithmetic,
 * so the same draws and the same results as calling it).
 */
export function drawCohort(plan: ContractPlan, ws: ContractWorkspace, rng: Rng, world: WorldSeries, p: number, intakeMonth: number, arriving: number): void {
  const H = plan.horizon;
  const A = plan.programmeMonths;
  const scratch = ws.population;
  const draw = scratch.personDraw;
  const events = scratch.events;
  const placementsByMonth = events.placements;
  const fallbacksByMonth = events.fallbacks;
  const otherExitsByMonth = events.otherExits;
  const waitingChanges = scratch.waitingChanges;
  const backChanges = scratch.backOnBenefitChanges;
  const inWorkChanges = scratch.inWorkChanges;
  const reached = world.milestoneReached;
  const milestones = plan.milestones;
  const milestoneCount = milestones.length;
  const jobShareIn = draw.jobShareIn;
  const jobShareAfter = draw.jobShareAfter;
  const typeIsCertain = draw.typeIsCertain;
  const certainType = draw.certainType;
  const lksShare = scratch.lksShare;
  const partTimeShare = scratch.partTimeShare;
  const lksPartTime = lksShare * partTimeShare;
  const otherPartTime = (1 - lksShare) * partTimeShare;
  const paysPerParticipant = draw.paysPerParticipant;
  const leaveChance = draw.backOtherExit;
  const backLogStay = draw.backLogStay;
  // The benefit spell: steps [0, A) with ln(1 - chance) spellIn, from A on spellAfter; reaching A
  // without an event has log-chance spellBeforeAfter.
  const spellIn = scratch.spellLogSurvival[0];
  const spellAfter = scratch.spellLogSurvival[1];
  const spellBeforeAfter = scratch.spellCumulativeLogSurvival[1];
  const bandStart = scratch.bandStart;
  const bandLogSurvival = scratch.bandLogSurvival;
  const bandCumulativeLogSurvival = scratch.bandCumulativeLogSurvival;
  const bands = bandStart.length;
  const rowLength = H + 1;

  for (let person = 0; person < arriving; person++) {
    // 1. The benefit spell ends in month exitMonth (or not within the horizon).
    const logV = Math.log(1 - rng.nextDouble());
    let monthsStayed: number;
    if (spellBeforeAfter >= logV) {
      monthsStayed = spellAfter === 0 ? Infinity : A + Math.floor((logV - spellBeforeAfter) / spellAfter);
    } else if (spellIn === 0) monthsStayed = Infinity;
    else {
      const steps = Math.floor((logV - 0) / spellIn);
      monthsStayed = steps > A - 1 ? A - 1 : steps;
    }
    const exitMonth = intakeMonth + 1 + monthsStayed;
    if (exitMonth >= H) continue;
    waitingChanges[exitMonth] -= 1;
    const jobShare = monthsStayed < A ? jobShareIn : jobShareAfter;
    const startsWork = jobShare >= 1 || (jobShare > 0 && rng.nextDouble() < jobShare);
    if (!startsWork) {
      otherExitsByMonth[exitMonth] += 1;
      continue;
    }
    placementsByMonth[exitMonth] += 1;

    // 2. The work type, then months in work: tenures 0 .. lastTenure, fall-back in fallMonth.
    let type = certainType;
    if (!typeIsCertain) {
      // One uniform for two independent choices: below lksShare is LKS, and within each part the
      // lower partTimeShare of it is part-time.
      const u = rng.nextDouble();
      type = u < lksShare ? 2 | (u < lksPartTime ? 1 : 0) : u - lksShare < otherPartTime ? 1 : 0;
    }
    const lastTenure = firstEventStep(rng, bandStart, bandLogSurvival, bandCumulativeLogSurvival, bands);
    const fallMonth = exitMonth + lastTenure + 1;
    const workEnd = fallMonth < H ? fallMonth : H;
    inWorkChanges[type * rowLength + exitMonth] += 1;
    inWorkChanges[type * rowLength + workEnd] -= 1;
    for (let m = 0; m < milestoneCount; m++) {
      const month = exitMonth + milestones[m];
      if (milestones[m] <= lastTenure && month < H) reached[m * H + month] += 1;
    }
    if (paysPerParticipant) owePerson(plan, ws, p, type, exitMonth, lastTenure, workEnd);
    if (fallMonth >= H) continue;

    // 3. Back on bijstand from the fall-back month until leaving for other reasons.
    fallbacksByMonth[fallMonth] += 1;
    backChanges[fallMonth] += 1;
    const monthsBack = leaveChance >= 1 ? 0 : leaveChance <= 0 ? Infinity : Math.floor(Math.log(1 - rng.nextDouble()) / backLogStay);
    const leaveMonth = fallMonth + monthsBack;
    if (leaveMonth < H) {
      backChanges[leaveMonth] -= 1;
      otherExitsByMonth[leaveMonth] += 1;
    }
  }
}

/** What a participant in work at tenures 0 .. lastTenure from `exitMonth` is owed by per-participant triggers. */
export function owePerson(plan: ContractPlan, ws: ContractWorkspace, p: number, type: number, exitMonth: number, lastTenure: number, workEnd: number): void {
  const H = plan.horizon;
  const K = plan.tenureBuckets;
  const T = plan.triggers.length;
  const scratch = ws.population;
  const rowLength = H + 1;
  for (let trigger = 0; trigger < T; trigger++) {
    const tenure = ws.triggerTenure[trigger];
    const row = (p * 4 + type) * T + trigger;
    if (tenure >= 0) {
      const month = exitMonth + tenure;
      if (tenure > lastTenure || month >= H) continue;
      const amount = ws.paymentByTenure[row * K + tenure];
      if (amount !== 0) ws.dueByTrigger[trigger * H + month] += amount * ws.priceIndex[ws.yearOfMonth[month]];
    } else if (tenure === EVERY_TENURE) {
      // Per-month payments: the table's runs of equal value over the months in work.
      const runs = scratch.segmentCount[row];
      for (let run = 0; run < runs; run++) {
        const from = exitMonth + scratch.segmentStart[row * K + run];
        if (from >= workEnd) break;
        const value = scratch.segmentValue[row * K + run];
        if (value === 0) continue;
        const runEnd = run + 1 < runs ? exitMonth + scratch.segmentStart[row * K + run + 1] : workEnd;
        scratch.everyTenureDueChanges[trigger * rowLength + from] += value;
        scratch.everyTenureDueChanges[trigger * rowLength + (runEnd < workEnd ? runEnd : workEnd)] -= value;
      }
    }
  }
}

import type { ContractPlan } from './compile-contract.js';
import { EVERY_TENURE, type ContractWorkspace, type WorldSeries } from './contract-workspace.js';
import { tallyMonth } from './profile-tally.js';

/**
 * One profile of one world with expected rates (fractional counts), following the monthly rules
 * in `population.ts` without storing a state per months since intake or per tenure:
 *
 * - Everyone still waiting in the programme a months after intake came in with the intake of
 *   month t - a and survived a months of it: `intake[t - a] * stay^a`, with
 *   stay = (1 - jobEntry)(1 - otherExit') the monthly share staying on benefit. Past the programme
 *   they join one pool with the counterfactual rates.
 * - Everyone at tenure k in month t started work in month t - k and survived k months of
 *   fall-back hazards: `placements[t - k] * survival[k]`, survival[k] = prod over j < k of
 *   (1 - hazard[j]). From the start of the last hazard band on the hazard no longer depends on
 *   tenure, so those tenures are one pool for falling back (and tenures from K - 1 on, the last
 *   bucket of the payment table, a second one).
 * - Because the split into work types is a fixed share at placement and the hazard does not depend
 *   on the type, every tenure holds the four types in the same proportion: one tenure vector and
 *   the type shares give what four would.
 *
 * So a month costs two short sums (over the intake cohorts still in their programme months, and
 * over the tenures before the last hazard band) instead of moving every age and every tenure of
 * four work types. The results are those of moving the states month by month, up to the order of
 * floating-point operations; a sum over nothing is exactly zero, as a state never entered is.
 */
export function simulateExpectedProfile(plan: ContractPlan, ws: ContractWorkspace, world: WorldSeries, p: number, isProgramme: boolean): void {
  const H = plan.horizon;
  const K = plan.tenureBuckets;
  const A = plan.programmeMonths;
  const T = plan.triggers.length;
  const M = plan.milestones.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const scratch = ws.population;
  const tally = scratch.tally;
  const rates = scratch.rates;
  const intake = ws.intakeByProfile;
  const intakeRow = p * H;
  const placed = scratch.placementsByMonth;
  const survival = scratch.survivalByTenure;
  const fallback = scratch.fallbackByTenure;
  const milestones = plan.milestones;
  const reached = world.milestoneReached;

  // Tenures before the last hazard band are tracked by start month; from its start on everyone
  // falls back with one hazard, so they are one pool, entered at survival[lastBandStart].
  const lastBandStart = plan.hazardBandStarts[plan.hazardBandStarts.length - 1];
  const lastHazard = ws.hazardByTenure[K - 1];
  const lastStay = 1 - lastHazard;
  const reachLastBand = survival[lastBandStart];
  // The payment table's last bucket (tenure K - 1 and longer) is a second pool, for per-month payments.
  const longestTracked = K - 2;
  const reachLastBucket = survival[K - 1];

  const jobEntryIn = rates.inProgrammeJobEntry;
  const jobEntryAfter = rates.afterJobEntry;
  // Other exits compete with job entry: of those not starting work, a share otherExit / (1 - jobEntry) leaves.
  const otherExitShareIn = jobEntryIn < 1 ? Math.min(1, rates.inProgrammeOtherExit / (1 - jobEntryIn)) : 0;
  const otherExitShareAfter = jobEntryAfter < 1 ? Math.min(1, rates.afterOtherExit / (1 - jobEntryAfter)) : 0;
  const otherExitIn = (1 - jobEntryIn) * otherExitShareIn;
  const otherExitAfter = (1 - jobEntryAfter) * otherExitShareAfter;
  const stayAfter = (1 - jobEntryAfter) * (1 - otherExitShareAfter);
  const backOtherExit = rates.backOtherExit;
  const waitingSurvival = scratch.waitingSurvivalByAge;
  const stayIn = (1 - jobEntryIn) * (1 - otherExitShareIn);
  waitingSurvival[0] = 1;
  for (let age = 1; age <= A; age++) waitingSurvival[age] = waitingSurvival[age - 1] * stayIn;
  const leavingProgramme = waitingSurvival[A];

  const partTimeShare = scratch.partTimeShare;
  const fullTimeShare = 1 - partTimeShare;
  const lksShare = scratch.lksShare;

  const paysPerParticipant = isProgramme && T > 0;
  const mixed = scratch.mixedPaymentByTenure;
  const mixedRow = p * T * K;
  const triggerTenure = ws.triggerTenure;
  const due = ws.dueByTrigger;
  const everyTenureWeights = scratch.everyTenureWeights;
  if (paysPerParticipant) {
    for (let trigger = 0; trigger < T; trigger++) {
      if (triggerTenure[trigger] !== EVERY_TENURE) continue;
      const row = mixedRow + trigger * K;
      for (let k = 0; k <= longestTracked; k++) everyTenureWeights[trigger * K + k] = survival[k] * mixed[row + k];
    }
  }

  // Months with intake of this profile, for the sum over cohorts still in their programme months.
  const cohortMonths = scratch.cohortMonths;
  let cohorts = 0;
  for (let t = 0; t < H; t++) if (intake[intakeRow + t] !== 0) cohortMonths[cohorts++] = t;
  let oldestCohort = 0;
  let newestCohort = 0;

  let waitingInProgramme = 0;
  let waitingAfter = 0;
  let back = 0;
  let inWork = 0;
  let lastBand = 0;
  let lastBucket = 0;
  for (let t = 0; t < H; t++) {
    // 1. Fall-back: those at tenure k at the end of last month started in month t - 1 - k.
    let fallbacks = lastBand * lastHazard;
    const previous = t - 1;
    const topTenure = previous < lastBandStart - 1 ? previous : lastBandStart - 1;
    for (let k = 0; k <= topTenure; k++) fallbacks += placed[previous - k] * fallback[k];
    back += fallbacks;

    // 2. Leaving benefit, from the programme months and from the pool after them.
    const placements = jobEntryIn * waitingInProgramme + jobEntryAfter * waitingAfter;
    const leftWaiting = otherExitIn * waitingInProgramme + otherExitAfter * waitingAfter;
    waitingAfter *= stayAfter;
    if (t >= A) waitingAfter += intake[intakeRow + t - A] * leavingProgramme;
    placed[t] = placements;
    inWork += placements - fallbacks;
    lastBand *= lastStay;
    if (t >= lastBandStart) lastBand += placed[t - lastBandStart] * reachLastBand;
    lastBucket *= lastStay;
    if (t > longestTracked) lastBucket += placed[t - longestTracked - 1] * reachLastBucket;

    // 3. Back on bijstand after work: only other exits.
    const leftBack = back * backOtherExit;
    back -= leftBack;

    // 4. Intake joins; everyone within the programme months after this month's moves.
    while (newestCohort < cohorts && cohortMonths[newestCohort] <= t) newestCohort++;
    while (oldestCohort < newestCohort && cohortMonths[oldestCohort] <= t - A) oldestCohort++;
    waitingInProgramme = 0;
    for (let c = oldestCohort; c < newestCohort; c++) {
      const month = cohortMonths[c];
      waitingInProgramme += intake[intakeRow + month] * waitingSurvival[t - month];
    }

    tallyMonth(
      ws,
      world,
      tally,
      t,
      waitingInProgramme + waitingAfter + back,
      placements,
      fullTimeShare * inWork,
      partTimeShare * inWork,
      lksShare * inWork,
      fallbacks,
      leftWaiting + leftBack,
    );

    for (let m = 0; m < M; m++) {
      const tenure = milestones[m];
      if (t >= tenure) reached[m * H + t] += placed[t - tenure] * survival[tenure];
    }

    // Per-participant triggers pay by tenure: persons at tenure k times what one person of the
    // type mix is owed at k (base-year euros, indexed to this month).
    if (paysPerParticipant) {
      const priceIndex = ws.priceIndex[yearOf[t]];
      const newestTenure = t < longestTracked ? t : longestTracked;
      for (let trigger = 0; trigger < T; trigger++) {
        const tenure = triggerTenure[trigger];
        let amount = 0;
        if (tenure >= 0) {
          if (t >= tenure) amount = placed[t - tenure] * survival[tenure] * mixed[mixedRow + trigger * K + tenure];
        } else if (tenure === EVERY_TENURE) {
          const row = trigger * K;
          for (let k = 0; k <= newestTenure; k++) amount += placed[t - k] * everyTenureWeights[row + k];
          amount += lastBucket * mixed[mixedRow + trigger * K + K - 1];
        }
        if (amount !== 0) due[trigger * H + t] += amount * priceIndex;
      }
    }
  }
}

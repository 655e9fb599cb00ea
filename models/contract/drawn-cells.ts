import { binomial } from '../random/binomial.js';
import type { Rng } from '../random/rng.js';
import type { ContractPlan } from './compile-contract.js';
import { EVERY_TENURE, type ContractWorkspace, type WorldSeries } from './contract-workspace.js';
import { recordMonth } from './world-booking.js';

/**
 * One profile of one world with drawn persons, for large intakes: the persons in each state (on
 * benefit by months since intake, in work by type and tenure) move month by month as binomial
 * draws of whole persons, following the rules in `population.ts`. Its cost grows with the number
 * of occupied states, not with the number of persons; empty states cost nothing.
 */
export function simulateProfileByCell(plan: ContractPlan, ws: ContractWorkspace, rng: Rng, world: WorldSeries, p: number, isProgramme: boolean): void {
  const H = plan.horizon;
  const K = plan.tenureBuckets;
  const A = plan.programmeMonths;
  const T = plan.triggers.length;
  const M = plan.milestones.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const scratch = ws.population;
  const counts = scratch.counts;
  const rates = scratch.rates;
  const partTimeShare = scratch.partTimeShare;
  const lksShare = scratch.lksShare;
  const hazard = ws.hazardByTenure;
  const ages = scratch.onBenefitByAge;
  const work = scratch.inWorkByTypeAndTenure;
  const payByTenure = ws.paymentByTenure;
  const due = ws.dueByTrigger;
  const reached = world.milestoneReached;
  const triggerTenure = ws.triggerTenure;
  const jobEntryIn = rates.inProgrammeJobEntry;
  const jobEntryAfter = rates.afterJobEntry;
  const otherExitShareIn = jobEntryIn < 1 ? Math.min(1, rates.inProgrammeOtherExit / (1 - jobEntryIn)) : 0;
  const otherExitShareAfter = jobEntryAfter < 1 ? Math.min(1, rates.afterOtherExit / (1 - jobEntryAfter)) : 0;
  const backOtherExit = rates.backOtherExit;
  ages.fill(0);
  work.fill(0);
  let backOnBenefit = 0;
  const paymentRow = p * 4 * T * K;

  for (let t = 0; t < H; t++) {
    // 1. Fall-back from work, oldest tenure first so that moving up never meets a moved person.
    //    Nobody can have more months in work than months have passed, so higher tenures are skipped.
    let fallbacks = 0;
    const topTenure = t < K - 1 ? t : K - 1;
    for (let type = 0; type < 4; type++) {
      const row = type * K;
      for (let k = topTenure; k >= 0; k--) {
        const persons = work[row + k];
        if (persons === 0) continue;
        const fell = binomial(rng, persons, hazard[k]);
        fallbacks += fell;
        work[row + k] = 0;
        work[row + (k === K - 1 ? k : k + 1)] += persons - fell;
      }
    }
    backOnBenefit += fallbacks;

    // 2. Leaving benefit: job entry competes with other exits within the month.
    let placements = 0;
    let otherExits = 0;
    for (let age = A; age >= 0; age--) {
      const persons = ages[age];
      if (persons === 0) continue;
      const inProgramme = age < A;
      const started = binomial(rng, persons, inProgramme ? jobEntryIn : jobEntryAfter);
      const left = binomial(rng, persons - started, inProgramme ? otherExitShareIn : otherExitShareAfter);
      placements += started;
      otherExits += left;
      ages[age] = 0;
      ages[inProgramme ? age + 1 : A] += persons - started - left;
    }
    if (placements > 0) {
      const withLks = binomial(rng, placements, lksShare);
      const partTimeWithLks = binomial(rng, withLks, partTimeShare);
      const partTimeWithoutLks = binomial(rng, placements - withLks, partTimeShare);
      work[0 * K] += placements - withLks - partTimeWithoutLks;
      work[1 * K] += partTimeWithoutLks;
      work[2 * K] += withLks - partTimeWithLks;
      work[3 * K] += partTimeWithLks;
    }

    // 3. Back on bijstand after work: only other exits.
    if (backOnBenefit > 0) {
      const left = binomial(rng, backOnBenefit, backOtherExit);
      backOnBenefit -= left;
      otherExits += left;
    }

    // 4. Intake.
    ages[0] += ws.intakeByProfile[p * H + t];

    // Tally the month.
    let waiting = 0;
    for (let age = 0; age <= A; age++) waiting += ages[age];
    let fullTime = 0;
    let partTime = 0;
    let lksWorkers = 0;
    for (let type = 0; type < 4; type++) {
      let persons = 0;
      const row = type * K;
      for (let k = 0; k <= topTenure; k++) persons += work[row + k];
      if (type & 1) partTime += persons;
      else fullTime += persons;
      if (type & 2) lksWorkers += persons;
    }
    for (let m = 0; m < M; m++) {
      const tenure = plan.milestones[m];
      if (tenure > topTenure) continue;
      let persons = 0;
      for (let type = 0; type < 4; type++) persons += work[type * K + tenure];
      reached[m * H + t] += persons;
    }
    recordMonth(counts, p * H + t, waiting + backOnBenefit, placements, fullTime, partTime, lksWorkers, fallbacks, otherExits);

    // Per-participant triggers pay by tenure: each person at tenure k this month is owed the
    // capped amount the payment table holds for k (base-year euros, indexed to this month).
    if (isProgramme && T > 0) {
      const priceIndex = ws.priceIndex[yearOf[t]];
      for (let trigger = 0; trigger < T; trigger++) {
        const tenure = triggerTenure[trigger];
        if (tenure > topTenure) continue;
        let amount = 0;
        for (let type = 0; type < 4; type++) {
          const workRow = type * K;
          const tableRow = paymentRow + (type * T + trigger) * K;
          if (tenure >= 0) amount += work[workRow + tenure] * payByTenure[tableRow + tenure];
          else if (tenure === EVERY_TENURE) for (let k = 0; k <= topTenure; k++) amount += work[workRow + k] * payByTenure[tableRow + k];
        }
        if (amount !== 0) due[trigger * H + t] += amount * priceIndex;
      }
    }
  }
}

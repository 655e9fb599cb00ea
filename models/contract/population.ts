import type { Rng } from '../random/rng.js';
import { binomial } from '../random/binomial.js';
import type { ContractPlan } from './compile-contract.js';
import { EVERY_TENURE, type ContractWorkspace, type WorldSeries } from './contract-workspace.js';

/**
 * Moves one population (the programme's, or the counterfactual one without it) through the
 * months. States per profile: on benefit by months since intake, in work by type and tenure,
 * back on benefit after falling out of work, and gone for other reasons.
 *
 * Month t, in this order:
 * 1. people in work at tenure k fall back with the hazard of tenure k; the rest move to k + 1;
 * 2. people on benefit start work with the job-entry rate (programme rate while their months since
 *    intake are below `programmeMonths`, counterfactual rate after) or leave for other reasons;
 *    new workers start at tenure 0 and are split into part-time / LKS types;
 * 3. people back on bijstand after work leave for other reasons at the counterfactual rate
 *    (they do not re-enter the programme: a conservative simplification);
 * 4. the month's intake joins at months-since-intake 0 and receives a benefit this month.
 * "Completing m months in work" in month t means being at tenure m in month t.
 *
 * With `rng` each transition is a binomial draw of whole persons; with `rng === null` it is the
 * expected count. One code path serves both, so the deterministic evaluation is the Monte Carlo
 * kernel run with expected rates.
 */
export function simulateWorld(
  plan: ContractPlan,
  params: Float64Array,
  ws: ContractWorkspace,
  rng: Rng | null,
  world: WorldSeries,
  isProgramme: boolean,
): void {
  const H = plan.horizon;
  const K = plan.tenureBuckets;
  const A = plan.programmeMonths;
  const T = plan.triggers.length;
  const M = plan.milestones.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const partTimeShare = clampRate(params[plan.partTimeShare]);
  const partTimeBenefitShare = clampRate(params[plan.partTimeBenefitShare]);
  const lksShare = clampRate(params[plan.lksShare]);
  const lksMonthly = params[plan.lksMonthlyAmount];
  const hazard = ws.hazardByTenure;
  const ages = ws.onBenefitByAge;
  const work = ws.inWorkByTenure;
  const payByTenure = ws.paymentByTenure;
  const due = ws.dueByTrigger;
  const reached = world.milestoneReached;
  const triggerTenure = ws.triggerTenure;

  for (let p = 0; p < plan.profiles.length; p++) {
    const profile = plan.profiles[p];
    const benefitBase = params[profile.monthlyBenefit];
    const administrationMonthly = params[profile.administrationCostPerYear] / 12;
    const cfJobEntry = clampRate(params[profile.counterfactualJobEntry]);
    const cfOtherExit = clampRate(params[profile.counterfactualOtherExit]);
    const inProgrammeJobEntry = isProgramme ? clampRate(params[profile.programmeJobEntry]) : cfJobEntry;
    const inProgrammeOtherExit = isProgramme ? clampRate(params[profile.programmeOtherExit]) : cfOtherExit;
    ages.fill(0);
    work.fill(0);
    let backOnBenefit = 0;
    let exitedOther = 0;
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
          const fell = draw(rng, persons, hazard[k]);
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
        const jobEntry = age < A ? inProgrammeJobEntry : cfJobEntry;
        const otherExit = age < A ? inProgrammeOtherExit : cfOtherExit;
        const started = draw(rng, persons, jobEntry);
        const left = draw(rng, persons - started, jobEntry < 1 ? Math.min(1, otherExit / (1 - jobEntry)) : 0);
        placements += started;
        otherExits += left;
        ages[age] = 0;
        ages[age === A ? A : age + 1] += persons - started - left;
      }
      if (placements > 0) {
        const withLks = draw(rng, placements, lksShare);
        const partTimeWithLks = draw(rng, withLks, partTimeShare);
        const partTimeWithoutLks = draw(rng, placements - withLks, partTimeShare);
        work[0 * K] += placements - withLks - partTimeWithoutLks;
        work[1 * K] += partTimeWithoutLks;
        work[2 * K] += withLks - partTimeWithLks;
        work[3 * K] += partTimeWithLks;
      }

      // 3. Back on bijstand after work: only other exits.
      if (backOnBenefit > 0) {
        const left = draw(rng, backOnBenefit, cfOtherExit);
        backOnBenefit -= left;
        otherExits += left;
      }
      exitedOther += otherExits;

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
        let persons = 0;
        for (let type = 0; type < 4; type++) persons += work[type * K + tenure];
        reached[m * H + t] += persons;
      }

      const year = yearOf[t];
      const benefit = benefitBase * ws.benefitIndex[year];
      const administration = administrationMonthly * ws.costIndex[year];
      const onBenefit = waiting + backOnBenefit;
      // A part-time worker with a top-up stays a bijstand case: administration continues.
      const casesPaid = onBenefit + partTime;
      const monthsSaved = fullTime + partTime * (1 - partTimeBenefitShare);
      world.onBenefit[t] += onBenefit;
      world.placements[t] += placements;
      world.inWorkFullTime[t] += fullTime;
      world.inWorkPartTime[t] += partTime;
      world.inWorkWithLks[t] += lksWorkers;
      world.fallbacks[t] += fallbacks;
      world.otherExits[t] += otherExits;
      world.benefitPaid[t] += benefit * (onBenefit + partTime * partTimeBenefitShare);
      world.administrationPaid[t] += administration * casesPaid;
      world.lksPaid[t] += lksMonthly * ws.costIndex[year] * lksWorkers;
      world.avoidedBenefitWork[t] += benefit * monthsSaved;
      world.avoidedAdministrationWork[t] += administration * fullTime;
      world.avoidedBenefitOther[t] += benefit * exitedOther;
      world.avoidedAdministrationOther[t] += administration * exitedOther;
      world.benefitMonthsSaved[t] += monthsSaved;
      world.benefitMonthsSavedByProfile[p * H + t] = monthsSaved;

      // Per-participant triggers pay by tenure: each person at tenure k this month is owed the
      // capped amount the payment table holds for k (base-year euros, indexed to this month).
      if (isProgramme && T > 0) {
        const priceIndex = ws.priceIndex[year];
        for (let trigger = 0; trigger < T; trigger++) {
          const tenure = triggerTenure[trigger];
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
}

function draw(rng: Rng | null, persons: number, rate: number): number {
  if (rate <= 0 || persons <= 0) return 0;
  if (rate >= 1) return persons;
  return rng === null ? persons * rate : binomial(rng, persons, rate);
}

/** Sampled rates may stray outside [0, 1] (a normal around 5%); a rate is a probability. */
export function clampRate(rate: number): number {
  return rate < 0 ? 0 : rate > 1 ? 1 : rate;
}

import type { ContractPlan } from './compile-contract.js';
import type { ContractWorkspace, WorldSeries } from './contract-workspace.js';

/**
 * Persons by profile and month, at `p * horizon + t`, as a population kernel counts them for one
 * world: on a full benefit (waiting or back after work), starting work, in work by kind, falling
 * back, leaving for other reasons. Every kernel writes every month of every profile, so the
 * arrays need no clearing between worlds or evaluations.
 */
export interface ProfileCounts {
  onBenefit: Float64Array;
  placements: Float64Array;
  fullTime: Float64Array;
  partTime: Float64Array;
  withLks: Float64Array;
  fallbacks: Float64Array;
  otherExits: Float64Array;
  /** Per profile: monthly benefit (base year), administration cost a month (base year), and persons who left for other reasons so far. */
  benefitBase: Float64Array;
  administrationMonthly: Float64Array;
  exitedOther: Float64Array;
}

export function createProfileCounts(profiles: number, horizon: number): ProfileCounts {
  const series = () => new Float64Array(profiles * horizon);
  return {
    onBenefit: series(),
    placements: series(),
    fullTime: series(),
    partTime: series(),
    withLks: series(),
    fallbacks: series(),
    otherExits: series(),
    benefitBase: new Float64Array(profiles),
    administrationMonthly: new Float64Array(profiles),
    exitedOther: new Float64Array(profiles),
  };
}

/**
 * Records month t of a drawn profile at `at = p * horizon + t`: whole persons on a full benefit,
 * starting work, in work by kind, falling back and leaving for other reasons. (Small enough for
 * V8 to inline into the kernels' month loops; the expected-rate kernel writes its counts itself,
 * with placements written as it goes because its pools read them back.)
 */
export function recordMonth(
  counts: ProfileCounts,
  at: number,
  onBenefit: number,
  placements: number,
  fullTime: number,
  partTime: number,
  withLks: number,
  fallbacks: number,
  otherExits: number,
): void {
  counts.onBenefit[at] = onBenefit;
  counts.placements[at] = placements;
  counts.fullTime[at] = fullTime;
  counts.partTime[at] = partTime;
  counts.withLks[at] = withLks;
  counts.fallbacks[at] = fallbacks;
  counts.otherExits[at] = otherExits;
}

/**
 * Turns one world's counts into its series: persons summed over profiles, and what they cost and
 * save. Money is booked a month at a time across the profiles rather than by each profile's
 * kernel as it goes: the year's indices are read once a month and each world series is written
 * once, instead of read and rewritten for every profile (most of the kernels' time before).
 *
 * - benefit paid: monthly benefit x benefit index x (persons on a full benefit + part-time workers
 *   x the part-time benefit share, the top-up they keep);
 * - administration: cost x cost index x cases; a part-time worker with a top-up stays a bijstand
 *   case, so administration continues for them;
 * - LKS: the monthly amount x cost index x workers with LKS;
 * - avoided by work: a full-time worker saves a whole benefit month and its administration, a
 *   part-time worker 1 - the part-time benefit share of a benefit month and no administration;
 * - avoided by other exits: everyone who left for other reasons up to and including month t stays
 *   off benefit, with their administration.
 */
export function bookWorld(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, counts: ProfileCounts, world: WorldSeries): void {
  const H = plan.horizon;
  const P = plan.profiles.length;
  const rawShare = params[plan.partTimeBenefitShare];
  const partTimeBenefitShare = rawShare < 0 ? 0 : rawShare > 1 ? 1 : rawShare;
  const partTimeMonthsSaved = 1 - partTimeBenefitShare;
  const lksMonthly = params[plan.lksMonthlyAmount];
  const benefitBase = counts.benefitBase;
  const administrationMonthly = counts.administrationMonthly;
  const exitedOther = counts.exitedOther;
  for (let p = 0; p < P; p++) {
    const profile = plan.profiles[p];
    benefitBase[p] = params[profile.monthlyBenefit];
    administrationMonthly[p] = params[profile.administrationCostPerYear] / 12;
    exitedOther[p] = 0;
  }
  const { onBenefit, placements, fullTime, partTime, withLks, fallbacks, otherExits } = counts;
  const savedByProfile = world.benefitMonthsSavedByProfile;
  const yearOf = ws.yearOfMonth;
  for (let t = 0; t < H; t++) {
    let personsOnBenefit = 0;
    let starts = 0;
    let fullTimeWorkers = 0;
    let partTimeWorkers = 0;
    let lksWorkers = 0;
    let fellBack = 0;
    let leftOther = 0;
    let monthsSaved = 0;
    // Sums of (monthly benefit or administration) x persons, in base-year euros.
    let benefitCases = 0;
    let administrationCases = 0;
    let benefitSavedWork = 0;
    let administrationSavedWork = 0;
    let benefitSavedOther = 0;
    let administrationSavedOther = 0;
    for (let p = 0; p < P; p++) {
      const i = p * H + t;
      const waiting = onBenefit[i];
      const full = fullTime[i];
      const part = partTime[i];
      const left = otherExits[i];
      const exited = (exitedOther[p] += left);
      const saved = full + part * partTimeMonthsSaved;
      const benefit = benefitBase[p];
      const administration = administrationMonthly[p];
      personsOnBenefit += waiting;
      starts += placements[i];
      fullTimeWorkers += full;
      partTimeWorkers += part;
      lksWorkers += withLks[i];
      fellBack += fallbacks[i];
      leftOther += left;
      monthsSaved += saved;
      savedByProfile[i] = saved;
      benefitCases += benefit * (waiting + part * partTimeBenefitShare);
      administrationCases += administration * (waiting + part);
      benefitSavedWork += benefit * saved;
      administrationSavedWork += administration * full;
      benefitSavedOther += benefit * exited;
      administrationSavedOther += administration * exited;
    }
    const year = yearOf[t];
    const benefitIndex = ws.benefitIndex[year];
    const costIndex = ws.costIndex[year];
    world.onBenefit[t] = personsOnBenefit;
    world.placements[t] = starts;
    world.inWorkFullTime[t] = fullTimeWorkers;
    world.inWorkPartTime[t] = partTimeWorkers;
    world.inWorkWithLks[t] = lksWorkers;
    world.fallbacks[t] = fellBack;
    world.otherExits[t] = leftOther;
    world.benefitMonthsSaved[t] = monthsSaved;
    world.benefitPaid[t] = benefitIndex * benefitCases;
    world.administrationPaid[t] = costIndex * administrationCases;
    world.lksPaid[t] = lksMonthly * costIndex * lksWorkers;
    world.avoidedBenefitWork[t] = benefitIndex * benefitSavedWork;
    world.avoidedAdministrationWork[t] = costIndex * administrationSavedWork;
    world.avoidedBenefitOther[t] = benefitIndex * benefitSavedOther;
    world.avoidedAdministrationOther[t] = costIndex * administrationSavedOther;
  }
}

import type { ContractPlan } from './compile-contract.js';
import type { ContractWorkspace, WorldSeries } from './contract-workspace.js';

/**
 * What turns one profile's population counts into money: its benefit and administration cost,
 * the part-time top-up and LKS, and the running count of those who left for other reasons. The
 * three population kernels call `tallyMonth` once per month, so that every kernel books persons
 * and euros the same way. (Keep `tallyMonth` small: V8 inlines it into the kernels' month loops
 * only below its inlining size limit, which is worth about a tenth of an evaluation.)
 */
export interface ProfileTally {
  /** Where the profile's months start in per-profile series: profile x horizon. */
  profileOffset: number;
  benefitBase: number;
  administrationMonthly: number;
  partTimeBenefitShare: number;
  /** Benefit months a part-time worker saves per month: 1 - partTimeBenefitShare. */
  partTimeMonthsSaved: number;
  lksMonthly: number;
  /** Left for other reasons up to and including the month tallied last: their benefit stays avoided. */
  exitedOther: number;
}

export const createProfileTally = (): ProfileTally => ({
  profileOffset: 0,
  benefitBase: 0,
  administrationMonthly: 0,
  partTimeBenefitShare: 0,
  partTimeMonthsSaved: 1,
  lksMonthly: 0,
  exitedOther: 0,
});

/** Sets the tally up for profile p before its month 0. */
export function startProfileTally(plan: ContractPlan, params: Float64Array, tally: ProfileTally, p: number): void {
  const profile = plan.profiles[p];
  const share = params[plan.partTimeBenefitShare];
  tally.profileOffset = p * plan.horizon;
  tally.benefitBase = params[profile.monthlyBenefit];
  tally.administrationMonthly = params[profile.administrationCostPerYear] / 12;
  tally.partTimeBenefitShare = share < 0 ? 0 : share > 1 ? 1 : share;
  tally.partTimeMonthsSaved = 1 - tally.partTimeBenefitShare;
  tally.lksMonthly = params[plan.lksMonthlyAmount];
  tally.exitedOther = 0;
}

/**
 * Adds month t of one profile to the world: persons on a full benefit (waiting or back after
 * work), in work by kind, moving this month; benefit and administration paid; LKS; and what work
 * and other exits avoided.
 */
export function tallyMonth(
  ws: ContractWorkspace,
  world: WorldSeries,
  tally: ProfileTally,
  t: number,
  onBenefit: number,
  placements: number,
  fullTime: number,
  partTime: number,
  lksWorkers: number,
  fallbacks: number,
  otherExits: number,
): void {
  const year = ws.yearOfMonth[t];
  const benefit = tally.benefitBase * ws.benefitIndex[year];
  const costIndex = ws.costIndex[year];
  const administration = tally.administrationMonthly * costIndex;
  const exitedOther = (tally.exitedOther += otherExits);
  // A part-time worker with a top-up stays a bijstand case: administration continues.
  const casesPaid = onBenefit + partTime;
  const monthsSaved = fullTime + partTime * tally.partTimeMonthsSaved;
  world.onBenefit[t] += onBenefit;
  world.placements[t] += placements;
  world.inWorkFullTime[t] += fullTime;
  world.inWorkPartTime[t] += partTime;
  world.inWorkWithLks[t] += lksWorkers;
  world.fallbacks[t] += fallbacks;
  world.otherExits[t] += otherExits;
  world.benefitPaid[t] += benefit * (onBenefit + partTime * tally.partTimeBenefitShare);
  world.administrationPaid[t] += administration * casesPaid;
  world.lksPaid[t] += tally.lksMonthly * costIndex * lksWorkers;
  world.avoidedBenefitWork[t] += benefit * monthsSaved;
  world.avoidedAdministrationWork[t] += administration * fullTime;
  world.avoidedBenefitOther[t] += benefit * exitedOther;
  world.avoidedAdministrationOther[t] += administration * exitedOther;
  world.benefitMonthsSaved[t] += monthsSaved;
  world.benefitMonthsSavedByProfile[tally.profileOffset + t] = monthsSaved;
}

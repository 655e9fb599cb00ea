import type { ContractPlan } from './compile-contract.js';

/**
 * Every buffer one evaluation of a contract needs, allocated once per model and reused for every
 * Monte Carlo iteration. Monthly series have length `horizon`; per-profile or per-trigger series
 * are laid out row after row in one array.
 */
export interface WorldSeries {
  /** Cases on a full benefit: waiting in the programme, or back on bijstand after work. */
  onBenefit: Float64Array;
  placements: Float64Array;
  inWorkFullTime: Float64Array;
  inWorkPartTime: Float64Array;
  inWorkWithLks: Float64Array;
  fallbacks: Float64Array;
  otherExits: Float64Array;
  /** Participants completing `milestones[m]` months in work in month t, at `m * horizon + t`. */
  milestoneReached: Float64Array;
  benefitPaid: Float64Array;
  administrationPaid: Float64Array;
  lksPaid: Float64Array;
  avoidedBenefitWork: Float64Array;
  avoidedAdministrationWork: Float64Array;
  avoidedBenefitOther: Float64Array;
  avoidedAdministrationOther: Float64Array;
  benefitMonthsSaved: Float64Array;
  /** Benefit months saved per profile, at `p * horizon + t`. */
  benefitMonthsSavedByProfile: Float64Array;
}

export const EVERY_TENURE = -1;
export const NO_TENURE = -2;

export interface ContractWorkspace {
  /** Four work types: bit 0 set = part-time, bit 1 set = with LKS. */
  readonly workTypes: 4;
  intakeByProfile: Float64Array;
  intakeTotal: Float64Array;
  /** Persons on benefit by months since intake; the last entry holds everyone past the programme. */
  onBenefitByAge: Float64Array;
  /** Persons in work by type and tenure, at `type * tenureBuckets + k`. */
  inWorkByTenure: Float64Array;
  hazardByTenure: Float64Array;
  /**
   * The one tenure at which each trigger pays per participant (job start 0, sustained N), or
   * EVERY_TENURE for per-month payments, or NO_TENURE for pool-level triggers.
   */
  triggerTenure: Int32Array;
  /** Capped payment per person at each tenure, base-year euros, at `((p * 4 + type) * T + trigger) * K + k`. */
  paymentByTenure: Float64Array;
  benefitIndex: Float64Array;
  priceIndex: Float64Array;
  costIndex: Float64Array;
  programme: WorldSeries;
  counterfactual: WorldSeries;
  /** Amount due per trigger in the month of the result (before lag, threshold, caps), at `trigger * horizon + t`. */
  dueByTrigger: Float64Array;
  /** Amount due per payee in the payment month (after lag), at `payee * horizon + t`. */
  dueByPayee: Float64Array;
  paidByPayee: Float64Array;
  payments: Float64Array;
  /** Scratch for custom rules: one value per custom quantity. */
  customValues: Float64Array;
  providerCosts: Float64Array;
  investorDraws: Float64Array;
  investorDistributions: Float64Array;
  investorFlows: Float64Array;
  providerResidual: Float64Array;
  guaranteePaid: Float64Array;
  payerOwnCosts: Float64Array;
  payerAvoidedAttributable: Float64Array;
  payerNet: Float64Array;
  providerNetCash: Float64Array;
  /** Totals the payment stage hands to the summary: due after the horizon, lapsed by caps, held by the threshold. */
  dueAfterHorizon: number;
  lapsedByCaps: number;
  heldByThreshold: number;
  thresholdMetAtMonth: number;
}

function worldSeries(horizon: number, milestones: number, profiles: number): WorldSeries {
  const series = () => new Float64Array(horizon);
  return {
    onBenefit: series(),
    placements: series(),
    inWorkFullTime: series(),
    inWorkPartTime: series(),
    inWorkWithLks: series(),
    fallbacks: series(),
    otherExits: series(),
    milestoneReached: new Float64Array(milestones * horizon),
    benefitPaid: series(),
    administrationPaid: series(),
    lksPaid: series(),
    avoidedBenefitWork: series(),
    avoidedAdministrationWork: series(),
    avoidedBenefitOther: series(),
    avoidedAdministrationOther: series(),
    benefitMonthsSaved: series(),
    benefitMonthsSavedByProfile: new Float64Array(profiles * horizon),
  };
}

export function createContractWorkspace(plan: ContractPlan, customQuantityCount: number): ContractWorkspace {
  const H = plan.horizon;
  const P = plan.profiles.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const M = plan.milestones.length;
  const Y = plan.calendar.yearLabels.length;
  const series = () => new Float64Array(H);
  return {
    workTypes: 4,
    intakeByProfile: new Float64Array(P * H),
    intakeTotal: series(),
    onBenefitByAge: new Float64Array(plan.programmeMonths + 1),
    inWorkByTenure: new Float64Array(4 * K),
    hazardByTenure: new Float64Array(K),
    triggerTenure: Int32Array.from(plan.triggers, (t) =>
      t.kind === 'jobStart' || t.kind === 'sustained' ? t.tenure : t.kind === 'perMonthOffBenefit' && t.basis === 'gross' ? EVERY_TENURE : NO_TENURE,
    ),
    paymentByTenure: new Float64Array(P * 4 * T * K),
    benefitIndex: new Float64Array(Y),
    priceIndex: new Float64Array(Y),
    costIndex: new Float64Array(Y),
    programme: worldSeries(H, M, P),
    counterfactual: worldSeries(H, M, P),
    dueByTrigger: new Float64Array(T * H),
    dueByPayee: new Float64Array(2 * H),
    paidByPayee: new Float64Array(2 * H),
    payments: series(),
    customValues: new Float64Array(customQuantityCount),
    providerCosts: series(),
    investorDraws: series(),
    investorDistributions: series(),
    investorFlows: series(),
    providerResidual: series(),
    guaranteePaid: series(),
    payerOwnCosts: series(),
    payerAvoidedAttributable: series(),
    payerNet: series(),
    providerNetCash: series(),
    dueAfterHorizon: 0,
    lapsedByCaps: 0,
    heldByThreshold: 0,
    thresholdMetAtMonth: -1,
  };
}

export function clearWorld(world: WorldSeries): void {
  for (const key in world) (world[key as keyof WorldSeries] as Float64Array).fill(0);
}

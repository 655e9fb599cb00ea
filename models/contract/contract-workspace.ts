import { ABSENT, type ContractPlan } from './compile-contract.js';
import { createExpectedScratch, type ExpectedScratch } from './expected-population.js';
import { createProfileCounts, type ProfileCounts } from './world-booking.js';
import type { OutcomeSeries } from './outcomes/simulate-outcomes.js';

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

/** Drawn persons: persons starting work, falling back and leaving for other reasons, by month. */
export interface MonthEvents {
  placements: Float64Array;
  fallbacks: Float64Array;
  otherExits: Float64Array;
}

/** The transition rates of one profile in one world, clamped to [0, 1]. */
export interface ProfileRates {
  /** Job entry and other exit while months since intake are below `programmeMonths`. */
  inProgrammeJobEntry: number;
  inProgrammeOtherExit: number;
  /** The same after the programme period (the counterfactual rates). */
  afterJobEntry: number;
  afterOtherExit: number;
  /** Other exit of people back on bijstand after work (the counterfactual rate). */
  backOtherExit: number;
}

/**
 * Scratch the population kernels share, allocated once per workspace. Nothing here outlives one
 * evaluation except the payment-table cache keys, which let an evaluation skip rebuilding the
 * tables when the inputs they depend on did not change.
 */
/** Drawn by person: what each participant of the current profile and world is drawn with. */
export interface PersonDrawSettings {
  /** Chance that a benefit spell ending in (after) the programme months ends in work. */
  jobShareIn: number;
  jobShareAfter: number;
  /** Monthly chance of leaving bijstand for other reasons after falling back, and ln(1 - it). */
  backOtherExit: number;
  backLogStay: number;
  /** True when both work-type shares are 0 or 1, so the type needs no draw; then it is `certainType`. */
  typeIsCertain: boolean;
  certainType: number;
  paysPerParticipant: boolean;
}

export interface PopulationScratch {
  rates: ProfileRates;
  personDraw: PersonDrawSettings;
  /** What the population kernels count per profile and month for the world being simulated. */
  counts: ProfileCounts;
  /** Drawn by person: events by month of the current profile. */
  events: MonthEvents;
  /** Expected rates: per-profile rates and state of the month-by-month recurrences. */
  expected: ExpectedScratch;
  /** Share of a cohort of workers still in work after k months: prod of (1 - hazard) below k. */
  survivalByTenure: Float64Array;
  /** The clamped part-time and LKS shares of placements, and the resulting share of each work type (bit 0 part-time, bit 1 LKS). */
  partTimeShare: number;
  lksShare: number;
  workTypeShares: Float64Array;
  /** Expected rates: the payment table mixed over work types, at `(p * T + trigger) * K + k`. */
  mixedPaymentByTenure: Float64Array;
  /**
   * Drawn by person: each payment-table row as constant runs over tenure, for per-month payments.
   * Row r = `(p * 4 + type) * T + trigger` has `segmentCount[r]` runs starting at
   * `segmentStart[r * K + j]` with value `segmentValue[r * K + j]`; the last run has no end.
   */
  segmentStart: Int32Array;
  segmentValue: Float64Array;
  segmentCount: Int32Array;
  /** Drawn by person: difference arrays (length horizon + 1) of persons waiting, back on benefit, and in work by type. */
  waitingChanges: Float64Array;
  backOnBenefitChanges: Float64Array;
  inWorkChanges: Float64Array;
  /** Drawn by person: difference arrays of every-tenure amounts due (base-year euros), at `trigger * (horizon + 1) + t`. */
  everyTenureDueChanges: Float64Array;
  /** Drawn by person: fall-back hazard bands as a piecewise geometric survival (start, log(1 - rate), cumulative log survival at start). */
  bandStart: Float64Array;
  bandLogSurvival: Float64Array;
  bandCumulativeLogSurvival: Float64Array;
  /** Drawn by person: the benefit spell's two pieces (programme months, then after). */
  spellStart: Float64Array;
  spellLogSurvival: Float64Array;
  spellCumulativeLogSurvival: Float64Array;
  /** Drawn by cell: persons on benefit by months since intake (last entry: past the programme) and in work by type and tenure. */
  onBenefitByAge: Float64Array;
  inWorkByTypeAndTenure: Float64Array;
  /** Per trigger: the work types it pays for (WORK_FULL_TIME | WORK_PART_TIME flags; 0 for pool triggers). */
  triggerWorkTypes: Int32Array;
  /** Price slot of each per-participant trigger for each profile, at `trigger * profiles + p` (ABSENT: none or a pool trigger). */
  triggerPriceSlot: Int32Array;
  /** Parameter slots the payment table depends on, and their values when it was last filled (NaN: never). */
  paymentTableSlots: Int32Array;
  paymentTableKey: Float64Array;
  /** Work-type shares the mixed table was built with (NaN: never), and whether the segments match the table. */
  mixedTableShares: Float64Array;
  segmentsCurrent: boolean;
}

export interface ContractWorkspace {
  /** Four work types: bit 0 set = part-time, bit 1 set = with LKS. */
  readonly workTypes: 4;
  readonly horizon: number;
  /** The calendar's year index of each month (the plan's, at hand for the kernels). */
  readonly yearOfMonth: Int32Array;
  intakeByProfile: Float64Array;
  intakeTotal: Float64Array;
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
  /** The yearly growth factors the three indices were last filled with (NaN: never): a run whose indexation is not uncertain fills them once. */
  indexGrowth: Float64Array;
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
  population: PopulationScratch;
  /**
   * A copy of the programme world's counts per profile, kept when the contract's accounting needs
   * them per profile (a regional contract's municipalities); absent otherwise. The kernels reuse
   * `population.counts` for the counterfactual world, so the copy is taken in between.
   */
  programmeCounts?: ProfileCounts;
  /** Outcomes beyond work reached per month in both worlds; absent when the contract has none. */
  outcomes?: OutcomeSeries;
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

/** The parameter slots the per-participant payment table reads: prices of per-participant triggers, the cap, the part-time benefit share. */
function paymentTableSlots(plan: ContractPlan): Int32Array {
  const slots = new Set<number>([plan.partTimeBenefitShare]);
  if (plan.caps.perParticipant !== ABSENT) slots.add(plan.caps.perParticipant);
  for (const trigger of plan.triggers) {
    const perParticipant =
      trigger.kind === 'jobStart' || trigger.kind === 'sustained' || (trigger.kind === 'perMonthOffBenefit' && trigger.basis === 'gross');
    if (perParticipant) for (const slot of trigger.priceByProfile) if (slot !== ABSENT) slots.add(slot);
  }
  return Int32Array.from(slots);
}

function triggerPriceSlots(plan: ContractPlan): Int32Array {
  const P = plan.profiles.length;
  const slots = new Int32Array(plan.triggers.length * P).fill(ABSENT);
  plan.triggers.forEach((trigger, index) => {
    const perParticipant =
      trigger.kind === 'jobStart' || trigger.kind === 'sustained' || (trigger.kind === 'perMonthOffBenefit' && trigger.basis === 'gross');
    if (perParticipant) slots.set(trigger.priceByProfile, index * P);
  });
  return slots;
}

function createPopulationScratch(plan: ContractPlan): PopulationScratch {
  const H = plan.horizon;
  const P = plan.profiles.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const bands = plan.hazardBandStarts.length;
  const series = () => new Float64Array(H);
  const tableSlots = paymentTableSlots(plan);
  return {
    counts: createProfileCounts(P, H),
    events: { placements: series(), fallbacks: series(), otherExits: series() },
    personDraw: {
      jobShareIn: 0,
      jobShareAfter: 0,
      backOtherExit: 0,
      backLogStay: 0,
      typeIsCertain: true,
      certainType: 0,
      paysPerParticipant: false,
    },
    rates: { inProgrammeJobEntry: 0, inProgrammeOtherExit: 0, afterJobEntry: 0, afterOtherExit: 0, backOtherExit: 0 },
    expected: createExpectedScratch(P, bands),
    survivalByTenure: new Float64Array(K),
    partTimeShare: 0,
    lksShare: 0,
    workTypeShares: new Float64Array(4),
    mixedPaymentByTenure: new Float64Array(P * T * K),
    segmentStart: new Int32Array(P * 4 * T * K),
    segmentValue: new Float64Array(P * 4 * T * K),
    segmentCount: new Int32Array(P * 4 * T),
    waitingChanges: new Float64Array(H + 1),
    backOnBenefitChanges: new Float64Array(H + 1),
    inWorkChanges: new Float64Array(4 * (H + 1)),
    everyTenureDueChanges: new Float64Array(T * (H + 1)),
    bandStart: Float64Array.from(plan.hazardBandStarts),
    bandLogSurvival: new Float64Array(bands),
    bandCumulativeLogSurvival: new Float64Array(bands),
    spellStart: Float64Array.of(0, plan.programmeMonths),
    spellLogSurvival: new Float64Array(2),
    spellCumulativeLogSurvival: new Float64Array(2),
    onBenefitByAge: new Float64Array(plan.programmeMonths + 1),
    inWorkByTypeAndTenure: new Float64Array(4 * K),
    triggerWorkTypes: Int32Array.from(plan.triggers, (t) => (t.kind === 'jobStart' || t.kind === 'sustained' ? t.workTypes : 0)),
    triggerPriceSlot: triggerPriceSlots(plan),
    paymentTableSlots: tableSlots,
    paymentTableKey: new Float64Array(tableSlots.length).fill(Number.NaN),
    mixedTableShares: new Float64Array(2).fill(Number.NaN),
    segmentsCurrent: false,
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
  const programme = worldSeries(H, M, P);
  const counterfactual = worldSeries(H, M, P);
  return {
    workTypes: 4,
    horizon: H,
    yearOfMonth: plan.calendar.yearIndexOfMonth,
    intakeByProfile: new Float64Array(P * H),
    intakeTotal: series(),
    hazardByTenure: new Float64Array(K),
    triggerTenure: Int32Array.from(plan.triggers, (t) =>
      t.kind === 'jobStart' || t.kind === 'sustained' ? t.tenure : t.kind === 'perMonthOffBenefit' && t.basis === 'gross' ? EVERY_TENURE : NO_TENURE,
    ),
    paymentByTenure: new Float64Array(P * 4 * T * K),
    benefitIndex: new Float64Array(Y),
    priceIndex: new Float64Array(Y),
    costIndex: new Float64Array(Y),
    indexGrowth: new Float64Array(3).fill(Number.NaN),
    programme,
    counterfactual,
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
    population: createPopulationScratch(plan),
    dueAfterHorizon: 0,
    lapsedByCaps: 0,
    heldByThreshold: 0,
    thresholdMetAtMonth: -1,
  };
}

/**
 * Zeroes what the kernels add to rather than write: the milestone counts of both worlds (the drawn
 * kernels add persons as they reach a milestone). Every other world series is written whole by
 * `bookWorld`, or by the deadweight derivation, in each evaluation.
 */
export function clearWorlds(ws: ContractWorkspace): void {
  ws.programme.milestoneReached.fill(0);
  ws.counterfactual.milestoneReached.fill(0);
}

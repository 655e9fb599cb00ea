import type { Rng } from '../../random/rng.js';
import { ABSENT, type ContractPlan } from '../compile-contract.js';
import { prepare } from '../contract-model.js';
import { CONTRACT_SERIES_OUTPUTS, scalarIndex as S } from '../contract-outputs.js';
import { clearWorlds, createContractWorkspace, EVERY_TENURE, type ContractWorkspace } from '../contract-workspace.js';
import { CUSTOM_QUANTITY_NAMES } from '../custom-quantities.js';
import { simulateProfileByCell } from '../drawn-cells.js';
import { simulateProfileByPerson } from '../drawn-persons.js';
import { clampRate, drawsByPerson } from '../population.js';
import type { ProfileCounts } from '../world-booking.js';
import { settleAndSummarise } from './settle-summary.js';
import { YEARLY_SUMS, type MonthLoopArray } from './month-loop-memory.js';
import { instantiateMonthLoop, MONTH_LOOP_INPUTS as LI, MONTH_LOOP_SUMS as LS, MONTHLY_TOTALS, monthLoopFor, type MonthLoopInstance } from './generate-month-loop.js';

/**
 * The contract kernel for runs that read only the summary: the scalars and the yearly series
 * (Monte Carlo, comparisons, sensitivity). The full kernel (`evaluateContract`) fills some 84
 * monthly arrays per evaluation that only /contracts/evaluate and downloads show; this one runs
 * both worlds of every profile in one month loop and adds straight into the few monthly totals
 * the payment and party rules read (placements, LKS of both worlds, attributable avoided costs,
 * the amounts due per trigger and the threshold's metric), and into the summary's sums.
 *
 * One definition of the rules: the intake, hazards, indices and payment table come from the full
 * kernel's `prepare`, and drawn persons from the full kernel's own drawing functions, called in
 * the same order (so the same random numbers are drawn). What is written out here follows the
 * full kernel with the same arithmetic in the same order: the expected-rate recurrences
 * (the WebAssembly month loop of generate-month-loop.ts) follow `expected-population.ts`, the booking of a month
 * `world-booking.ts`, the pool triggers `payments.ts` (addPoolTriggers), and the settlement
 * (settle-summary.ts) `settlePayments`, `settleParties` and `contract-model.ts` (summarise). So the
 * results equal the full kernel's to the last bit in the cases tested;
 * tests/contract/fast-path-agreement.test.ts checks them against it on random contracts, and a
 * whole simulation of the bench contract against the full kernel's, byte for byte. Anything it
 * does not cover (custom rules, budget holders, any plan field added
 * later) goes to the full kernel: `fastPathSupports`.
 */

/** Plan fields this kernel knows; a plan with any other field (a feature added later) runs the full kernel. */
const KNOWN_PLAN_FIELDS = new Set([
  'calendar', 'horizon', 'programmeMonths', 'tenureBuckets', 'milestones', 'profiles', 'cohortMonths', 'cohortCounts', 'delayMonths',
  'partTimeShare', 'partTimeBenefitShare', 'lksShare', 'lksMonthlyAmount', 'hazardBandStarts', 'hazardBandRates', 'counterfactual',
  'triggers', 'caps', 'threshold', 'payerOwnCostsOneOff', 'payerOwnCostsPerMonth', 'provider', 'investor', 'money', 'budget',
]);

/** Whether the summary kernel covers this contract: no custom payment rule, no budget holders or payers, nothing unknown. */
export function fastPathSupports(plan: ContractPlan): boolean {
  for (const field of Object.keys(plan)) if (!KNOWN_PLAN_FIELDS.has(field)) return false;
  if (plan.budget !== null && plan.budget !== undefined) return false;
  if (plan.counterfactual.method !== 'rates' && plan.counterfactual.method !== 'deadweight') return false;
  for (const trigger of plan.triggers) {
    if (trigger.kind === 'custom') return false;
    if (trigger.kind !== 'jobStart' && trigger.kind !== 'sustained' && trigger.kind !== 'perMonthOffBenefit' && trigger.kind !== 'shareOfSavings')
      return false;
  }
  return true;
}

const TRIGGER_AT_TENURE = 0;
const TRIGGER_EVERY_TENURE = 1;
const TRIGGER_MONTHS_OFF_ATTRIBUTABLE = 2;
const TRIGGER_SAVINGS_GROSS = 3;
const TRIGGER_SAVINGS_ATTRIBUTABLE = 4;
const TRIGGER_NONE = 5;

/** Indices of the monthly totals the generated loop writes (`MONTHLY_TOTALS`). */
const TOTAL_STARTS = MONTHLY_TOTALS.indexOf('starts');
const TOTAL_LKS_WORKERS = MONTHLY_TOTALS.indexOf('lksWorkers');
const TOTAL_FELL_BACK = MONTHLY_TOTALS.indexOf('fellBack');
const TOTAL_MONTHS_SAVED = MONTHLY_TOTALS.indexOf('monthsSaved');
const TOTAL_BSW = MONTHLY_TOTALS.indexOf('bsw');
const TOTAL_ASW = MONTHLY_TOTALS.indexOf('asw');
const TOTAL_BSO = MONTHLY_TOTALS.indexOf('bso');
const TOTAL_ASO = MONTHLY_TOTALS.indexOf('aso');

export interface SummaryWorkspace {
  /** The full kernel's workspace: prepare's scratch, the drawn kernels' buffers, and the few monthly totals the settlement reads. */
  full: ContractWorkspace;
  /** Per world and profile (`w * P + p`): the expected-rate transition rates. */
  jobIn: Float64Array;
  jobAfter: Float64Array;
  otherIn: Float64Array;
  otherAfter: Float64Array;
  stayIn: Float64Array;
  stayAfter: Float64Array;
  leavingProgramme: Float64Array;
  backOther: Float64Array;
  bandHazard: Float64Array;
  bandStay: Float64Array;
  bandReach: Float64Array;
  benefit: Float64Array;
  administration: Float64Array;
  /** Counts of both worlds (drawn persons), in the loop's memory (`bookDrawn` reads them). */
  drawnCounts: [ProfileCounts, ProfileCounts];
  /** Per trigger: its kind here, and per profile `p * T + trigger`: payment per starter (expected rates), state of attributable payments (drawn). */
  triggerKind: Int32Array;
  /** Per trigger: its lag in months, and 1 when it pays the investor (payee 1), as `settlePayments` reads them. */
  triggerLag: Int32Array;
  triggerToInvestor: Uint8Array;
  perStarter: Float64Array;
  excess: Float64Array;
  highWater: Float64Array;
  /** Per-month payment per person by tenure (`(p * T + trigger) * K + k`): survival x mixed payment. */
  tenureWeight: Float64Array;
  /** The month loop generated for this contract (WebAssembly), this workspace's instance and its memory. */
  loop: MonthLoopInstance;
}

export function createSummaryWorkspace(plan: ContractPlan): SummaryWorkspace {
  const P = plan.profiles.length;
  const H = plan.horizon;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const full = createContractWorkspace(plan, CUSTOM_QUANTITY_NAMES.length);
  // The rates, bands, amounts and payment weights the loop reads live in its WebAssembly memory.
  const loop = instantiateMonthLoop(plan, monthLoopFor(plan));
  const views = loop.views;
  const sw: Omit<SummaryWorkspace, 'loop'> = {
    full,
    jobIn: views.jobIn,
    jobAfter: views.jobAfter,
    otherIn: views.otherIn,
    otherAfter: views.otherAfter,
    stayIn: views.stayIn,
    stayAfter: views.stayAfter,
    leavingProgramme: views.leavingProgramme,
    backOther: views.backOther,
    bandHazard: views.bandHazard,
    bandStay: views.bandStay,
    bandReach: views.bandReach,
    benefit: views.benefit,
    administration: views.administration,
    drawnCounts: [drawnCountsOf(views, 0, P * H), drawnCountsOf(views, 1, P * H)],
    triggerKind: Int32Array.from(plan.triggers, (t) => {
      if (t.kind === 'jobStart' || t.kind === 'sustained') return TRIGGER_AT_TENURE;
      if (t.kind === 'perMonthOffBenefit') return t.basis === 'gross' ? TRIGGER_EVERY_TENURE : TRIGGER_MONTHS_OFF_ATTRIBUTABLE;
      if (t.kind === 'shareOfSavings') return t.basis === 'gross' ? TRIGGER_SAVINGS_GROSS : TRIGGER_SAVINGS_ATTRIBUTABLE;
      return TRIGGER_NONE;
    }),
    triggerLag: Int32Array.from(plan.triggers, (t) => t.lag),
    triggerToInvestor: Uint8Array.from(plan.triggers, (t) => (t.payee === 0 ? 0 : 1)),
    perStarter: views.perStarter,
    excess: new Float64Array(P * T),
    highWater: new Float64Array(P * T),
    tenureWeight: views.tenureWeight,
  };
  return { ...sw, loop };
}

/** World w's drawn counts: views of the loop's memory, one world after the other. */
function drawnCountsOf(views: Record<MonthLoopArray, Float64Array>, w: number, cells: number): ProfileCounts {
  const part = (array: Float64Array) => array.subarray(w * cells, (w + 1) * cells);
  const profiles = views.benefit.length;
  return {
    // Written by the drawing functions, read by neither the loop nor this kernel.
    onBenefit: new Float64Array(cells),
    placements: part(views.drawnPlacements),
    fullTime: part(views.drawnFullTime),
    partTime: part(views.drawnPartTime),
    withLks: part(views.drawnWithLks),
    fallbacks: part(views.drawnFallbacks),
    otherExits: part(views.drawnOtherExits),
    benefitBase: new Float64Array(profiles),
    administrationMonthly: new Float64Array(profiles),
    exitedOther: new Float64Array(profiles),
  };
}

/**
 * Drawn persons: both worlds drawn as the full kernel draws them (`simulateWorld`: profile by
 * profile, the programme first), each into its own counts; nothing is booked here.
 */
function drawWorld(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, rng: Rng, counts: ProfileCounts, isProgramme: boolean): void {
  const rates = ws.population.rates;
  ws.population.counts = counts;
  const world = isProgramme ? ws.programme : ws.counterfactual;
  const H = plan.horizon;
  for (let p = 0; p < plan.profiles.length; p++) {
    const profile = plan.profiles[p];
    const cfJobEntry = clampRate(params[profile.counterfactualJobEntry]);
    const cfOtherExit = clampRate(params[profile.counterfactualOtherExit]);
    rates.inProgrammeJobEntry = isProgramme ? clampRate(params[profile.programmeJobEntry]) : cfJobEntry;
    rates.inProgrammeOtherExit = isProgramme ? clampRate(params[profile.programmeOtherExit]) : cfOtherExit;
    rates.afterJobEntry = cfJobEntry;
    rates.afterOtherExit = cfOtherExit;
    rates.backOtherExit = cfOtherExit;
    let persons = 0;
    for (let t = 0; t < H; t++) persons += ws.intakeByProfile[p * H + t];
    if (drawsByPerson(plan, persons)) simulateProfileByPerson(plan, ws, rng, world, p, isProgramme);
    else simulateProfileByCell(plan, ws, rng, world, p, isProgramme);
  }
}

/** The expected-rate transition rates of every profile in both worlds (as `simulateExpectedWorld` derives them). */
function setExpectedRates(plan: ContractPlan, params: Float64Array, sw: SummaryWorkspace): void {
  const P = plan.profiles.length;
  const A = plan.programmeMonths;
  for (let w = 0; w < 2; w++) {
    const isProgramme = w === 0;
    for (let p = 0; p < P; p++) {
      const i = w * P + p;
      const profile = plan.profiles[p];
      const cfJobEntry = clampRate(params[profile.counterfactualJobEntry]);
      const cfOtherExit = clampRate(params[profile.counterfactualOtherExit]);
      const jobEntryIn = isProgramme ? clampRate(params[profile.programmeJobEntry]) : cfJobEntry;
      const otherExitRateIn = isProgramme ? clampRate(params[profile.programmeOtherExit]) : cfOtherExit;
      const otherExitShareIn = jobEntryIn < 1 ? Math.min(1, otherExitRateIn / (1 - jobEntryIn)) : 0;
      const otherExitShareAfter = cfJobEntry < 1 ? Math.min(1, cfOtherExit / (1 - cfJobEntry)) : 0;
      sw.jobIn[i] = jobEntryIn;
      sw.jobAfter[i] = cfJobEntry;
      sw.otherIn[i] = (1 - jobEntryIn) * otherExitShareIn;
      sw.otherAfter[i] = (1 - cfJobEntry) * otherExitShareAfter;
      const stayIn = (1 - jobEntryIn) * (1 - otherExitShareIn);
      sw.stayIn[i] = stayIn;
      sw.stayAfter[i] = (1 - cfJobEntry) * (1 - otherExitShareAfter);
      let leaving = 1;
      for (let age = 1; age <= A; age++) leaving *= stayIn;
      sw.leavingProgramme[i] = leaving;
      sw.backOther[i] = cfOtherExit;
    }
  }
}

/**
 * Expected rates: the generated month loop, phase 1 then phase 2. Copies in what `prepare` and this
 * kernel wrote outside the loop's memory (intake, indices, survival, the payment table's last
 * tenure bucket, shares of savings, prices per month off benefit), and copies out what the
 * settlement reads: amounts due, the monthly totals, the yearly series.
 */
function runExpectedMonthLoop(plan: ContractPlan, params: Float64Array, sw: SummaryWorkspace, series: Float64Array): void {
  const ws = sw.full;
  const { views } = sw.loop;
  const H = plan.horizon;
  const P = plan.profiles.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  views.intake.set(ws.intakeByProfile);
  views.benefitIndex.set(ws.benefitIndex);
  views.costIndex.set(ws.costIndex);
  views.priceIndex.set(ws.priceIndex);
  views.survival.set(ws.population.survivalByTenure);
  const mixed = ws.population.mixedPaymentByTenure;
  for (let n = 0; n < T; n++) {
    const trigger = plan.triggers[n];
    if (trigger.kind === 'shareOfSavings') views.shares[n] = Math.min(1, Math.max(0, params[trigger.share]));
    for (let p = 0; p < P; p++) {
      views.mixedLast[p * T + n] = mixed[(p * T + n) * K + K - 1];
      if (trigger.kind === 'perMonthOffBenefit' && trigger.priceByProfile[p] !== ABSENT) views.prices[p * T + n] = params[trigger.priceByProfile[p]];
    }
  }
  sw.loop.phaseOne();
  sw.loop.phaseTwo();
  ws.dueByTrigger.set(views.due);
  ws.programme.placements.set(views.progPlacements);
  ws.programme.lksPaid.set(views.progLks);
  ws.counterfactual.lksPaid.set(views.cfLks);
  ws.payerAvoidedAttributable.set(views.avoidedAttributable);
  const threshold = plan.threshold;
  if (threshold !== null) {
    if (threshold.metric === 'placements') ws.counterfactual.placements.set(views.cfPlacements);
    else if (threshold.metric === 'benefitMonthsSaved') {
      ws.programme.benefitMonthsSaved.set(views.progMonthsSaved);
      ws.counterfactual.benefitMonthsSaved.set(views.cfMonthsSaved);
    } else if (threshold.milestoneIndex >= 0) {
      ws.programme.milestoneReached.set(views.progReached, threshold.milestoneIndex * H);
      ws.counterfactual.milestoneReached.set(views.cfReached, threshold.milestoneIndex * H);
    }
  }
  // The yearly series of the month loop (`summarise`): avoided costs and LKS attributable, starts.
  const years = plan.calendar.yearLabels.length;
  const yearly = views.yearly;
  for (let year = 0; year < years; year++) {
    series[years + year] += yearly[YEARLY_SUMS * year];
    series[2 * years + year] += yearly[YEARLY_SUMS * year + 1];
    series[7 * years + year] += yearly[YEARLY_SUMS * year + 2];
  }
}

/** One evaluation: writes the same scalars and yearly series as the full kernel. `rng` null: expected rates. */
export function evaluateSummary(
  plan: ContractPlan,
  params: Float64Array,
  sw: SummaryWorkspace,
  rng: Rng | null,
  scalars: Float64Array,
  series: Float64Array,
): void {
  const ws = sw.full;
  prepare(plan, params, ws, rng);
  // The drawn kernels add persons reaching milestones; the generated loop writes what it needs.
  if (rng !== null) clearWorlds(ws);
  ws.dueByTrigger.fill(0);
  const H = plan.horizon;
  const P = plan.profiles.length;
  const A = plan.programmeMonths;
  const B = plan.hazardBandStarts.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const drawn = rng !== null;
  const deadweight = plan.counterfactual.method === 'deadweight';
  const worlds = deadweight ? 1 : 2;
  const deadweightShare = plan.counterfactual.method === 'deadweight' ? Math.min(1, Math.max(0, params[plan.counterfactual.deadweightShare])) : 0;
  const prog = ws.programme;
  const cf = ws.counterfactual;
  const scratch = ws.population;
  const survival = scratch.survivalByTenure;
  const hazard = ws.hazardByTenure;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const bandStarts = plan.hazardBandStarts;

  if (drawn) {
    drawWorld(plan, params, ws, rng, sw.drawnCounts[0], true);
    if (!deadweight) drawWorld(plan, params, ws, rng, sw.drawnCounts[1], false);
  } else {
    setExpectedRates(plan, params, sw);
    for (let b = 0; b < B; b++) {
      const start = bandStarts[b];
      sw.bandHazard[b] = hazard[start];
      sw.bandStay[b] = 1 - hazard[start];
      sw.bandReach[b] = survival[start];
    }
  }

  // Per-participant payments of the type mix (expected rates), as `owePerParticipant` reads them.
  const triggerKind = sw.triggerKind;
  const triggerTenure = ws.triggerTenure;
  const mixed = scratch.mixedPaymentByTenure;
  if (!drawn) {
    for (let p = 0; p < P; p++) {
      for (let trigger = 0; trigger < T; trigger++) {
        const tenure = triggerTenure[trigger];
        const mixedRow = (p * T + trigger) * K;
        if (tenure >= 0) sw.perStarter[p * T + trigger] = survival[tenure] * mixed[mixedRow + tenure];
        else if (tenure === EVERY_TENURE) for (let k = 0; k < K; k++) sw.tenureWeight[mixedRow + k] = survival[k] * mixed[mixedRow + k];
      }
    }
  }
  const longestTracked = K - 2;
  const lastStay = 1 - hazard[K - 1];
  const reachLastBucket = survival[K - 1];

  for (let p = 0; p < P; p++) {
    const profile = plan.profiles[p];
    sw.benefit[p] = params[profile.monthlyBenefit];
    sw.administration[p] = params[profile.administrationCostPerYear] / 12;
  }
  const rawShare = params[plan.partTimeBenefitShare];
  const partTimeBenefitShare = rawShare < 0 ? 0 : rawShare > 1 ? 1 : rawShare;
  const partTimeMonthsSaved = 1 - partTimeBenefitShare;
  const lksMonthly = params[plan.lksMonthlyAmount];
  const partTimeShare = scratch.partTimeShare;
  const fullTimeShare = 1 - partTimeShare;
  const lksShare = scratch.lksShare;

  // Milestones the summary and the threshold read.
  const milestones = plan.milestones;
  const m6 = milestones.indexOf(6);
  const m12 = milestones.indexOf(12);
  const m24 = milestones.indexOf(24);
  const threshold = plan.threshold;
  const thresholdMetric = threshold === null ? 0 : threshold.metric === 'placements' ? 1 : threshold.metric === 'benefitMonthsSaved' ? 2 : 3;
  const thresholdMilestone = threshold === null ? -1 : threshold.milestoneIndex;

  const years = plan.calendar.yearLabels.length;
  series.fill(0, 0, years * CONTRACT_SERIES_OUTPUTS.length);
  const monthlyDiscount = Math.pow(1 + params[plan.money.discountRate], -1 / 12);
  let discount = 1;
  let placementsTotal = 0;
  let placementsCounterfactual = 0;
  let fallbacksTotal = 0;
  let avoidedBenefitGross = 0;
  let avoidedAdministrationGross = 0;
  let avoidedCounterfactual = 0;
  let avoidedAttributable = 0;
  let lksTotal = 0;
  let lksAttributableTotal = 0;
  let pvAvoided = 0;
  let pvLksAttributable = 0;
  let sustained6 = 0;
  let sustained12 = 0;
  let sustained24 = 0;
  let sustained12Counterfactual = 0;

  if (!drawn) {
    // Expected rates: the month loop generated for this contract (the drawn loop below, written out for it).
    const inputs = sw.loop.views.inputs;
    inputs[LI.partTimeMonthsSaved] = partTimeMonthsSaved;
    inputs[LI.lksMonthly] = lksMonthly;
    inputs[LI.fullTimeShare] = fullTimeShare;
    inputs[LI.partTimeShare] = partTimeShare;
    inputs[LI.lksShare] = lksShare;
    inputs[LI.deadweightShare] = deadweightShare;
    inputs[LI.monthlyDiscount] = monthlyDiscount;
    inputs[LI.lastStay] = lastStay;
    inputs[LI.reachLastBucket] = reachLastBucket;
    runExpectedMonthLoop(plan, params, sw, series);
    const sums = sw.loop.views.sums;
    placementsTotal = sums[LS.placements];
    placementsCounterfactual = sums[LS.placementsCounterfactual];
    fallbacksTotal = sums[LS.fallbacks];
    avoidedBenefitGross = sums[LS.avoidedBenefitGross];
    avoidedAdministrationGross = sums[LS.avoidedAdministrationGross];
    avoidedCounterfactual = sums[LS.avoidedCounterfactual];
    avoidedAttributable = sums[LS.avoidedAttributable];
    lksTotal = sums[LS.lks];
    lksAttributableTotal = sums[LS.lksAttributable];
    pvAvoided = sums[LS.pvAvoided];
    pvLksAttributable = sums[LS.pvLksAttributable];
    sustained6 = sums[LS.sustained6];
    sustained12 = sums[LS.sustained12];
    sustained24 = sums[LS.sustained24];
    sustained12Counterfactual = sums[LS.sustained12Counterfactual];
  }

  const due = ws.dueByTrigger;
  const { monthly, savedByProfile } = sw.loop.views;
  // Rows of the monthly totals (no closure here: this runs every evaluation).
  const startsRow = 2 * TOTAL_STARTS * H;
  const lksWorkersRow = 2 * TOTAL_LKS_WORKERS * H;
  const fellBackRow = 2 * TOTAL_FELL_BACK * H;
  const monthsSavedRow = 2 * TOTAL_MONTHS_SAVED * H;
  const bswRow = 2 * TOTAL_BSW * H;
  const aswRow = 2 * TOTAL_ASW * H;
  const bsoRow = 2 * TOTAL_BSO * H;
  const asoRow = 2 * TOTAL_ASO * H;
  if (drawn) {
    sw.excess.fill(0);
    sw.highWater.fill(0);
    sw.loop.views.inputs[LI.partTimeMonthsSaved] = partTimeMonthsSaved;
    sw.loop.bookDrawn();
  }

  // Drawn persons: one month of both worlds at a time, from the worlds' totals `bookDrawn` summed.
  // (With expected rates the generated loop's phase 2 does this, and phase 1 the population's month.)
  for (let t = 0; drawn && t < H; t++) {
    const year = yearOf[t];
    const benefitIndex = ws.benefitIndex[year];
    const costIndex = ws.costIndex[year];
    const priceIndex = ws.priceIndex[year];
    // World totals of the month: [programme, counterfactual].
    let placementsP = 0;
    let placementsC = 0;
    let fallbacksP = 0;
    let monthsSavedP = 0;
    let monthsSavedC = 0;
    let lksPaidP = 0;
    let lksPaidC = 0;
    let benefitWorkP = 0;
    let benefitWorkC = 0;
    let administrationWorkP = 0;
    let administrationWorkC = 0;
    let benefitOtherP = 0;
    let benefitOtherC = 0;
    let administrationOtherP = 0;
    let administrationOtherC = 0;
    for (let w = 0; w < worlds; w++) {
      // The world's month over its profiles, summed by `bookDrawn` (WebAssembly) before this loop.
      const t2 = 2 * t + w;
      const starts = monthly[startsRow + t2];
      const lksWorkers = monthly[lksWorkersRow + t2];
      const fellBack = monthly[fellBackRow + t2];
      const monthsSaved = monthly[monthsSavedRow + t2];
      const benefitSavedWork = monthly[bswRow + t2];
      const administrationSavedWork = monthly[aswRow + t2];
      const benefitSavedOther = monthly[bsoRow + t2];
      const administrationSavedOther = monthly[asoRow + t2];
      const lksPaid = lksMonthly * costIndex * lksWorkers;
      if (w === 0) {
        placementsP = starts;
        fallbacksP = fellBack;
        monthsSavedP = monthsSaved;
        lksPaidP = lksPaid;
        benefitWorkP = benefitIndex * benefitSavedWork;
        administrationWorkP = costIndex * administrationSavedWork;
        benefitOtherP = benefitIndex * benefitSavedOther;
        administrationOtherP = costIndex * administrationSavedOther;
      } else {
        placementsC = starts;
        monthsSavedC = monthsSaved;
        lksPaidC = lksPaid;
        benefitWorkC = benefitIndex * benefitSavedWork;
        administrationWorkC = costIndex * administrationSavedWork;
        benefitOtherC = benefitIndex * benefitSavedOther;
        administrationOtherC = costIndex * administrationSavedOther;
      }
    }
    if (deadweight) {
      // `deriveDeadweightWorld`: the counterfactual has `share` of the programme's work outcomes and the same other exits.
      placementsC = deadweightShare * placementsP;
      monthsSavedC = deadweightShare * monthsSavedP;
      lksPaidC = deadweightShare * lksPaidP;
      benefitWorkC = deadweightShare * benefitWorkP;
      administrationWorkC = deadweightShare * administrationWorkP;
      benefitOtherC = benefitOtherP;
      administrationOtherC = administrationOtherP;
    }

    // Milestones reached this month (programme; 12 months also without it).
    let reached6 = 0;
    let reached12 = 0;
    let reached24 = 0;
    let reached12C = 0;
    let reachedThresholdP = 0;
    let reachedThresholdC = 0;
    if (m6 >= 0) reached6 = prog.milestoneReached[m6 * H + t];
    if (m12 >= 0) reached12 = prog.milestoneReached[m12 * H + t];
    if (m24 >= 0) reached24 = prog.milestoneReached[m24 * H + t];
    if (thresholdMilestone >= 0) reachedThresholdP = prog.milestoneReached[thresholdMilestone * H + t];
    if (!deadweight) {
      if (m12 >= 0) reached12C = cf.milestoneReached[m12 * H + t];
      if (thresholdMilestone >= 0) reachedThresholdC = cf.milestoneReached[thresholdMilestone * H + t];
    }
    if (deadweight) {
      reached12C = deadweightShare * reached12;
      reachedThresholdC = deadweightShare * reachedThresholdP;
    }

    const avoidedAttributableNow =
      benefitWorkP + administrationWorkP + benefitOtherP + administrationOtherP - (benefitWorkC + administrationWorkC + benefitOtherC + administrationOtherC);

    // Amounts due this month by the pool triggers of `addPoolTriggers` (the drawn kernels booked
    // the per-participant ones as they drew).
    for (let trigger = 0; trigger < T; trigger++) {
      const kind = triggerKind[trigger];
      const at = trigger * H + t;
      if (kind === TRIGGER_MONTHS_OFF_ATTRIBUTABLE) {
        const planned = plan.triggers[trigger];
        if (planned.kind !== 'perMonthOffBenefit') continue;
        for (let p = 0; p < P; p++) {
          const priceSlot = planned.priceByProfile[p];
          if (priceSlot === ABSENT) continue;
          const state = p * T + trigger;
          const savedP = savedByProfile[2 * (p * H + t)];
          const savedC = deadweight ? deadweightShare * savedP : savedByProfile[2 * (p * H + t) + 1];
          const excess = (sw.excess[state] += savedP - savedC);
          if (excess > sw.highWater[state]) {
            due[at] += (excess - sw.highWater[state]) * params[priceSlot] * priceIndex;
            sw.highWater[state] = excess;
          }
        }
      } else if (kind === TRIGGER_SAVINGS_GROSS || kind === TRIGGER_SAVINGS_ATTRIBUTABLE) {
        const planned = plan.triggers[trigger];
        if (planned.kind !== 'shareOfSavings') continue;
        const share = Math.min(1, Math.max(0, params[planned.share]));
        if (kind === TRIGGER_SAVINGS_GROSS) due[at] += share * (benefitWorkP + administrationWorkP);
        else {
          const excess = (sw.excess[trigger] += avoidedAttributableNow);
          if (excess > sw.highWater[trigger]) {
            due[at] += share * (excess - sw.highWater[trigger]);
            sw.highWater[trigger] = excess;
          }
        }
      }
    }

    // The handful of monthly totals the settlement reads (settlePayments, settleParties).
    prog.placements[t] = placementsP;
    prog.lksPaid[t] = lksPaidP;
    cf.lksPaid[t] = lksPaidC;
    ws.payerAvoidedAttributable[t] = avoidedAttributableNow;
    if (thresholdMetric === 1) cf.placements[t] = placementsC;
    else if (thresholdMetric === 2) {
      prog.benefitMonthsSaved[t] = monthsSavedP;
      cf.benefitMonthsSaved[t] = monthsSavedC;
    } else if (thresholdMetric === 3) {
      prog.milestoneReached[thresholdMilestone * H + t] = reachedThresholdP;
      cf.milestoneReached[thresholdMilestone * H + t] = reachedThresholdC;
    }

    // The summary's sums over months (`summarise`, in the same order).
    const lksAttributable = lksPaidP - lksPaidC;
    placementsTotal += placementsP;
    placementsCounterfactual += placementsC;
    fallbacksTotal += fallbacksP;
    avoidedBenefitGross += benefitWorkP;
    avoidedAdministrationGross += administrationWorkP;
    avoidedCounterfactual += benefitWorkC + administrationWorkC;
    avoidedAttributable += avoidedAttributableNow;
    lksTotal += lksPaidP;
    lksAttributableTotal += lksAttributable;
    pvAvoided += avoidedAttributableNow * discount;
    pvLksAttributable += lksAttributable * discount;
    discount *= monthlyDiscount;
    sustained6 += reached6;
    sustained12 += reached12;
    sustained24 += reached24;
    sustained12Counterfactual += reached12C;
    series[years + year] += avoidedAttributableNow;
    series[2 * years + year] += lksAttributable;
    series[7 * years + year] += placementsP;
  }

  settleAndSummarise(plan, params, ws, sw.triggerLag, sw.triggerToInvestor, monthlyDiscount, pvAvoided, pvLksAttributable, scalars, series);

  scalars[S.avoidedCostsGross] = avoidedBenefitGross + avoidedAdministrationGross;
  scalars[S.avoidedBenefitGross] = avoidedBenefitGross;
  scalars[S.avoidedAdministrationGross] = avoidedAdministrationGross;
  scalars[S.avoidedCostsCounterfactual] = avoidedCounterfactual;
  scalars[S.avoidedCostsAttributable] = avoidedAttributable;
  scalars[S.payerLks] = lksTotal;
  scalars[S.payerLksAttributable] = lksAttributableTotal;
  scalars[S.placements] = placementsTotal;
  scalars[S.placementsCounterfactual] = placementsCounterfactual;
  scalars[S.placementsAttributable] = placementsTotal - placementsCounterfactual;
  scalars[S.sustained6] = sustained6;
  scalars[S.sustained12] = sustained12;
  scalars[S.sustained24] = sustained24;
  scalars[S.sustained12Counterfactual] = sustained12Counterfactual;
  scalars[S.fallbacks] = fallbacksTotal;
}

import type { DomainError } from '../errors.js';
import { annualIrr } from '../numerics/irr.js';
import { presentValue } from '../numerics/discounting.js';
import type { Rng } from '../random/rng.js';
import { binomial } from '../random/binomial.js';
import { ok, type Result } from '../result.js';
import type { CompiledModel, ModelInput, SeriesInfo } from '../simulation/model.js';
import { compileContract, type ContractPlan } from './compile-contract.js';
import type { Contract } from './contract-schema.js';
import { CONTRACT_SERIES_OUTPUTS, contractScalarInfo, scalarIndex as S } from './contract-outputs.js';
import { clearWorlds, createContractWorkspace, type ContractWorkspace, type WorldSeries } from './contract-workspace.js';
import { CUSTOM_QUANTITY_NAMES } from './custom-quantities.js';
import { accumulateLogStay, logStayOf } from './first-event-step.js';
import { fillPaymentTable, mixPaymentTable } from './payment-table.js';
import { addPoolTriggers, settlePayments } from './payments.js';
import { settleParties } from './parties.js';
import { clampRate, simulateWorld } from './population.js';
import { simulateObservedWorld } from './observed-persons.js';
import type { ObservedState } from './observed-state.js';
import { budgetOutputLayout, type BudgetOutputLayout } from './budget-holders/budget-holder-outputs.js';
import { createBudgetWorkspace, settleBudgetHolders, type BudgetWorkspace } from './budget-holders/settle-budget-holders.js';
import { withSummaryKernel } from './fast-path/summary-model.js';
import { copyProfileCounts } from './budget-holders/profile-counts-copy.js';
import { createProfileCounts } from './world-booking.js';
import { createOutcomeSeries, simulateOutcomes } from './outcomes/simulate-outcomes.js';

/** The workspace of a contract model: the kernel's, and the budget-holder accounting's when the contract has one. */
export interface ContractModelWorkspace extends ContractWorkspace {
  budget: BudgetWorkspace | null;
}

export interface ContractModel extends CompiledModel<ContractModelWorkspace> {
  readonly plan: ContractPlan;
  /** Where the budget-holder outputs sit after the contract's own (null without budget holders or payers). */
  readonly budgetLayout: BudgetOutputLayout | null;
}

/** Compiles a validated contract into the model the deterministic, Monte Carlo and sensitivity runs share. */
export function createContractModel(contract: Contract): Result<ContractModel, DomainError> {
  const compiled = compileContract(contract);
  if (!compiled.ok) return compiled;
  const { plan, inputs } = compiled.value;
  const labels = plan.calendar.yearLabels;
  const seriesOutputs: SeriesInfo[] = CONTRACT_SERIES_OUTPUTS.map(([name, unit, description]) => ({ name, unit, description, labels }));
  const budget = plan.budget;
  const budgetLayout = budget ? budgetOutputLayout(budget) : null;
  // Budget-holder outputs come after the contract's own, so theirs keep their positions.
  const scalarOffset = contractScalarInfo.length;
  const seriesOffset = seriesOutputs.length * labels.length;
  return ok(withSummaryKernel({
    plan,
    budgetLayout,
    inputs: inputs as ReadonlyArray<ModelInput>,
    scalarOutputs: budgetLayout ? [...contractScalarInfo, ...budgetLayout.scalars] : contractScalarInfo,
    seriesOutputs: budgetLayout ? [...seriesOutputs, ...budgetLayout.series.map((info) => ({ ...info, labels }))] : seriesOutputs,
    createWorkspace: () =>
      Object.assign(createContractWorkspace(plan, CUSTOM_QUANTITY_NAMES.length), {
        budget: budget ? createBudgetWorkspace(plan, budget) : null,
        // A regional contract's accounting reads the programme's counts per profile.
        ...(budget?.regional ? { programmeCounts: createProfileCounts(plan.profiles.length, plan.horizon) } : {}),
        ...(plan.outcomes ? { outcomes: createOutcomeSeries(plan.outcomes.length, plan.horizon) } : {}),
      }),
    evaluate: (params, ws, rng, scalars, series) => {
      evaluateContract(plan, params, ws, rng, scalars, series);
      if (budget && budgetLayout && ws.budget)
        settleBudgetHolders(plan, budget, budgetLayout, params, ws, ws.budget, scalars, scalarOffset, series, seriesOffset);
    },
  }));
}

/**
 * One evaluation: population in both worlds, payments, parties, then the summary. Allocates nothing per call but the IRR's closure (contracts with an investor).
 *
 * `observed` (a running contract's actuals, for a re-forecast): the programme world starts from
 * the observed state with drawn persons (`rng` is then required) and the observed months'
 * payments are those made. Without it the evaluation is exactly the plan's.
 */
export function evaluateContract(
  plan: ContractPlan,
  params: Float64Array,
  ws: ContractWorkspace,
  rng: Rng | null,
  scalars: Float64Array,
  series: Float64Array,
  observed?: ObservedState,
): void {
  prepare(plan, params, ws, rng);
  clearWorlds(ws);
  ws.dueByTrigger.fill(0);
  if (observed !== undefined && rng !== null) simulateObservedWorld(plan, params, ws, rng, ws.programme, observed);
  else simulateWorld(plan, params, ws, rng, ws.programme, true);
  if (ws.programmeCounts) copyProfileCounts(ws.population.counts, ws.programmeCounts);
  if (plan.counterfactual.method === 'rates') simulateWorld(plan, params, ws, rng, ws.counterfactual, false);
  else deriveDeadweightWorld(ws.programme, ws.counterfactual, Math.min(1, Math.max(0, params[plan.counterfactual.deadweightShare])));
  const prog = ws.programme;
  const cf = ws.counterfactual;
  for (let t = 0; t < plan.horizon; t++)
    ws.payerAvoidedAttributable[t] =
      prog.avoidedBenefitWork[t] + prog.avoidedAdministrationWork[t] + prog.avoidedBenefitOther[t] + prog.avoidedAdministrationOther[t] -
      (cf.avoidedBenefitWork[t] + cf.avoidedAdministrationWork[t] + cf.avoidedBenefitOther[t] + cf.avoidedAdministrationOther[t]);
  if (plan.outcomes && ws.outcomes) simulateOutcomes(plan.outcomes, params, ws.intakeTotal, plan.programmeMonths, rng, ws.outcomes);
  addPoolTriggers(plan, params, ws);
  settlePayments(plan, params, ws, observed);
  settleParties(plan, params, ws);
  summarise(plan, params, ws, scalars, series);
}

export function prepare(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, rng: Rng | null): void {
  const years = plan.calendar.yearLabels.length;
  const benefitGrowth = 1 + params[plan.money.benefitIndexation];
  const priceGrowth = 1 + params[plan.money.priceIndexation];
  const costGrowth = 1 + params[plan.money.costIndexation];
  const growth = ws.indexGrowth;
  // The same growth gives the same indices: only a change (or a NaN, never equal) recomputes them.
  if (growth[0] !== benefitGrowth || growth[1] !== priceGrowth || growth[2] !== costGrowth) {
    growth[0] = benefitGrowth;
    growth[1] = priceGrowth;
    growth[2] = costGrowth;
    for (let y = 0; y < years; y++) {
      ws.benefitIndex[y] = Math.pow(benefitGrowth, y);
      ws.priceIndex[y] = Math.pow(priceGrowth, y);
      ws.costIndex[y] = Math.pow(costGrowth, y);
    }
  }

  // Fall-back hazard by tenure, and what the population kernels derive from it.
  const K = plan.tenureBuckets;
  const scratch = ws.population;
  const hazard = ws.hazardByTenure;
  let band = 0;
  for (let k = 0; k < K; k++) {
    while (band + 1 < plan.hazardBandStarts.length && plan.hazardBandStarts[band + 1] <= k) band++;
    hazard[k] = clampRate(params[plan.hazardBandRates[band]]);
  }
  const survival = scratch.survivalByTenure;
  survival[0] = 1;
  for (let k = 1; k < K; k++) survival[k] = survival[k - 1] * (1 - hazard[k - 1]);
  if (rng !== null) {
    const bands = plan.hazardBandRates.length;
    for (let b = 0; b < bands; b++) scratch.bandLogSurvival[b] = logStayOf(clampRate(params[plan.hazardBandRates[b]]));
    accumulateLogStay(scratch.bandStart, scratch.bandLogSurvival, scratch.bandCumulativeLogSurvival, bands);
  }

  // Shares of placements by work type: LKS and part-time are independent choices at placement.
  const partTimeShare = clampRate(params[plan.partTimeShare]);
  const lksShare = clampRate(params[plan.lksShare]);
  scratch.partTimeShare = partTimeShare;
  scratch.lksShare = lksShare;
  const types = scratch.workTypeShares;
  types[0] = (1 - lksShare) * (1 - partTimeShare);
  types[1] = (1 - lksShare) * partTimeShare;
  types[2] = lksShare * (1 - partTimeShare);
  types[3] = lksShare * partTimeShare;

  // Intake: cohorts (whole people) shifted by the (rounded) start delay; each cohort split over
  // profiles by their normalised shares, in expectation, or as whole persons (multinomially) when
  // outcomes are drawn. Both count the same people.
  const H = plan.horizon;
  const P = plan.profiles.length;
  ws.intakeByProfile.fill(0);
  ws.intakeTotal.fill(0);
  const delay = Math.max(0, Math.round(params[plan.delayMonths]));
  let shareTotal = 0;
  for (let p = 0; p < P; p++) shareTotal += Math.max(0, params[plan.profiles[p].share]);
  for (let c = 0; c < plan.cohortMonths.length; c++) {
    const month = plan.cohortMonths[c] + delay;
    if (month >= H) continue;
    const cohortCount = plan.cohortCounts[c];
    let remaining = cohortCount;
    ws.intakeTotal[month] += remaining;
    let remainingShare = shareTotal;
    for (let p = 0; p < P; p++) {
      const share = Math.max(0, params[plan.profiles[p].share]);
      let count: number;
      if (p === P - 1) count = remaining;
      else if (remainingShare <= 0) count = 0;
      else if (rng) count = binomial(rng, remaining, Math.min(1, share / remainingShare));
      else count = cohortCount * (share / shareTotal);
      ws.intakeByProfile[p * H + month] += count;
      remaining -= count;
      remainingShare -= share;
    }
  }
  fillPaymentTable(plan, params, ws);
  if (rng === null) mixPaymentTable(plan, ws, lksShare, partTimeShare);
}

/** The series a deadweight counterfactual takes as `share` of the programme's. */
const DEADWEIGHT_SCALED_SERIES: readonly (keyof WorldSeries)[] = [
  'placements',
  'inWorkFullTime',
  'inWorkPartTime',
  'inWorkWithLks',
  'fallbacks',
  'milestoneReached',
  'lksPaid',
  'avoidedBenefitWork',
  'avoidedAdministrationWork',
  'benefitMonthsSaved',
  'benefitMonthsSavedByProfile',
];

/** Deadweight: the counterfactual has `share` of the programme's work outcomes and the same other exits. */
function deriveDeadweightWorld(prog: WorldSeries, cf: WorldSeries, share: number): void {
  for (let s = 0; s < DEADWEIGHT_SCALED_SERIES.length; s++) {
    const key = DEADWEIGHT_SCALED_SERIES[s];
    const from = prog[key];
    const to = cf[key];
    for (let i = 0; i < from.length; i++) to[i] = share * from[i];
  }
  const H = prog.onBenefit.length;
  for (let t = 0; t < H; t++) {
    const notInWork = (1 - share) * (prog.inWorkFullTime[t] + prog.inWorkPartTime[t]);
    cf.onBenefit[t] = prog.onBenefit[t] + notInWork;
    cf.otherExits[t] = prog.otherExits[t];
    cf.avoidedBenefitOther[t] = prog.avoidedBenefitOther[t];
    cf.avoidedAdministrationOther[t] = prog.avoidedAdministrationOther[t];
    cf.benefitPaid[t] = prog.benefitPaid[t] + (1 - share) * prog.avoidedBenefitWork[t];
    cf.administrationPaid[t] = prog.administrationPaid[t] + (1 - share) * prog.avoidedAdministrationWork[t];
  }
}

function sum(values: Float64Array, from = 0, length = values.length - from): number {
  let total = 0;
  for (let i = 0; i < length; i++) total += values[from + i];
  return total;
}

function summarise(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, scalars: Float64Array, series: Float64Array): void {
  const H = plan.horizon;
  const prog = ws.programme;
  const cf = ws.counterfactual;
  const rate = params[plan.money.discountRate];
  const monthlyDiscount = Math.pow(1 + rate, -1 / 12);

  let avoidedBenefitGross = 0;
  let avoidedAdministrationGross = 0;
  let avoidedCounterfactual = 0;
  let avoidedAttributable = 0;
  let lks = 0;
  let lksAttributable = 0;
  let payments = 0;
  let ownCosts = 0;
  let net = 0;
  let pvPayments = 0;
  let pvAvoided = 0;
  let pvLksAttributable = 0;
  let pvOwn = 0;
  let pvNet = 0;
  let cumulativeNet = 0;
  let lastNegativeMonth = -1;
  let discount = 1;
  let providerCosts = 0;
  let providerIncome = 0;
  let providerNet = 0;
  let investorDrawn = 0;
  let investorReceived = 0;
  let guaranteePaid = 0;
  let participants = 0;
  let placements = 0;
  let placementsCounterfactual = 0;
  let fallbacks = 0;
  for (let t = 0; t < H; t++) {
    providerCosts += ws.providerCosts[t];
    providerIncome += ws.paidByPayee[t] + ws.providerResidual[t];
    providerNet += ws.providerNetCash[t];
    investorDrawn += ws.investorDraws[t];
    investorReceived += ws.investorDistributions[t] + ws.guaranteePaid[t];
    guaranteePaid += ws.guaranteePaid[t];
    participants += ws.intakeTotal[t];
    placements += prog.placements[t];
    placementsCounterfactual += cf.placements[t];
    fallbacks += prog.fallbacks[t];
    const lksAttr = prog.lksPaid[t] - cf.lksPaid[t];
    avoidedBenefitGross += prog.avoidedBenefitWork[t];
    avoidedAdministrationGross += prog.avoidedAdministrationWork[t];
    avoidedCounterfactual += cf.avoidedBenefitWork[t] + cf.avoidedAdministrationWork[t];
    avoidedAttributable += ws.payerAvoidedAttributable[t];
    lks += prog.lksPaid[t];
    lksAttributable += lksAttr;
    payments += ws.payments[t];
    ownCosts += ws.payerOwnCosts[t];
    net += ws.payerNet[t];
    pvPayments += ws.payments[t] * discount;
    pvAvoided += ws.payerAvoidedAttributable[t] * discount;
    pvLksAttributable += lksAttr * discount;
    pvOwn += ws.payerOwnCosts[t] * discount;
    pvNet += ws.payerNet[t] * discount;
    cumulativeNet += ws.payerNet[t];
    if (cumulativeNet < 0) lastNegativeMonth = t;
    discount *= monthlyDiscount;
  }

  // Yearly series, concatenated in CONTRACT_SERIES_OUTPUTS order.
  const years = plan.calendar.yearLabels.length;
  series.fill(0, 0, years * CONTRACT_SERIES_OUTPUTS.length);
  const yearOf = plan.calendar.yearIndexOfMonth;
  for (let t = 0; t < H; t++) {
    const y = yearOf[t];
    series[y] += ws.payments[t];
    series[years + y] += ws.payerAvoidedAttributable[t];
    series[2 * years + y] += prog.lksPaid[t] - cf.lksPaid[t];
    series[3 * years + y] += ws.payerNet[t];
    series[4 * years + y] += ws.providerCosts[t];
    series[5 * years + y] += ws.providerNetCash[t];
    series[6 * years + y] += ws.investorFlows[t];
    series[7 * years + y] += prog.placements[t];
  }
  let peakAnnualPayment = 0;
  let worstYearNet = Infinity;
  for (let y = 0; y < years; y++) {
    if (series[y] > peakAnnualPayment) peakAnnualPayment = series[y];
    if (series[3 * years + y] < worstYearNet) worstYearNet = series[3 * years + y];
  }

  scalars[S.payerOutcomePayments] = payments;
  scalars[S.payerOutcomePaymentsPresentValue] = pvPayments;
  scalars[S.avoidedCostsGross] = avoidedBenefitGross + avoidedAdministrationGross;
  scalars[S.avoidedBenefitGross] = avoidedBenefitGross;
  scalars[S.avoidedAdministrationGross] = avoidedAdministrationGross;
  scalars[S.avoidedCostsCounterfactual] = avoidedCounterfactual;
  scalars[S.avoidedCostsAttributable] = avoidedAttributable;
  scalars[S.payerLks] = lks;
  scalars[S.payerLksAttributable] = lksAttributable;
  scalars[S.payerOwnCosts] = ownCosts;
  scalars[S.payerNetResult] = net;
  scalars[S.payerNetPresentValue] = pvNet;
  const pvCosts = pvPayments + pvLksAttributable + pvOwn;
  scalars[S.benefitCostRatio] = pvCosts > 0 ? pvAvoided / pvCosts : Number.NaN;
  scalars[S.paybackMonth] = cumulativeNet >= 0 ? lastNegativeMonth + 1 : Number.NaN;
  scalars[S.peakAnnualPayment] = peakAnnualPayment;
  scalars[S.worstYearNet] = worstYearNet;
  const netSavings = pvAvoided - pvLksAttributable;
  scalars[S.shareOfSavingsPaidOut] = netSavings > 0 ? pvPayments / netSavings : Number.NaN;
  scalars[S.paymentsDueAfterHorizon] = ws.dueAfterHorizon;
  scalars[S.paymentsLapsedByCaps] = ws.lapsedByCaps;
  scalars[S.paymentsHeldByThreshold] = ws.heldByThreshold;
  scalars[S.thresholdMetMonth] = ws.thresholdMetAtMonth >= 0 ? ws.thresholdMetAtMonth : Number.NaN;

  scalars[S.providerCosts] = providerCosts;
  scalars[S.providerOutcomeIncome] = providerIncome;
  // One definition for the scalar and the yearly series: the provider's net cash flow (outcome
  // income, waterfall residual and investor funding drawn for its costs, minus its costs).
  scalars[S.providerMargin] = providerNet;

  const drawn = investorDrawn;
  const received = investorReceived;
  const hasInvestor = plan.investor !== null;
  scalars[S.investorDrawn] = drawn;
  scalars[S.investorReceived] = received;
  scalars[S.investorIrr] = hasInvestor ? annualIrr(ws.investorFlows) : Number.NaN;
  scalars[S.investorMultiple] = drawn > 0 ? received / drawn : Number.NaN;
  scalars[S.investorNetPresentValue] = hasInvestor ? presentValue(ws.investorFlows, params[plan.investor!.hurdleRate]) : 0;
  scalars[S.investorLoss] = Math.max(0, drawn - received);
  scalars[S.guaranteePaid] = guaranteePaid;

  scalars[S.participants] = participants;
  scalars[S.placements] = placements;
  scalars[S.placementsCounterfactual] = placementsCounterfactual;
  scalars[S.placementsAttributable] = placements - placementsCounterfactual;
  scalars[S.sustained6] = milestoneTotal(plan, prog, 6);
  scalars[S.sustained12] = milestoneTotal(plan, prog, 12);
  scalars[S.sustained24] = milestoneTotal(plan, prog, 24);
  scalars[S.sustained12Counterfactual] = milestoneTotal(plan, cf, 12);
  scalars[S.fallbacks] = fallbacks;
}

/** Persons completing `months` in work over the horizon (0 when the milestone is not tracked). */
function milestoneTotal(plan: ContractPlan, world: WorldSeries, months: number): number {
  const m = plan.milestones.indexOf(months);
  return m < 0 ? 0 : sum(world.milestoneReached, m * plan.horizon, plan.horizon);
}

import { ABSENT, type ContractPlan } from './compile-contract.js';
import type { ContractWorkspace } from './contract-workspace.js';
import { customAmountNotFinite } from './custom-amount-not-finite.js';
import { customQuantityIndex } from './custom-quantities.js';
import type { ObservedState } from './observed-state.js';

const Q = {
  month: customQuantityIndex('month'),
  calendarYear: customQuantityIndex('calendarYear'),
  intake: customQuantityIndex('intake'),
  onBenefit: customQuantityIndex('onBenefit'),
  placements: customQuantityIndex('placements'),
  inWork: customQuantityIndex('inWork'),
  fallbacks: customQuantityIndex('fallbacks'),
  benefitMonthsSaved: customQuantityIndex('benefitMonthsSaved'),
  savingsGross: customQuantityIndex('savingsGross'),
  savingsAttributable: customQuantityIndex('savingsAttributable'),
  cumulativeSavingsAttributable: customQuantityIndex('cumulativeSavingsAttributable'),
  counterfactualPlacements: customQuantityIndex('counterfactualPlacements'),
  counterfactualInWork: customQuantityIndex('counterfactualInWork'),
  cumulativePlacements: customQuantityIndex('cumulativePlacements'),
  cumulativeCounterfactualPlacements: customQuantityIndex('cumulativeCounterfactualPlacements'),
  sustained6: customQuantityIndex('sustained6'),
  sustained12: customQuantityIndex('sustained12'),
  sustained24: customQuantityIndex('sustained24'),
  lks: customQuantityIndex('lks'),
  priceIndex: customQuantityIndex('priceIndex'),
};

/**
 * Pool-level triggers: what is due each month from aggregates of both worlds. Per-participant
 * triggers were already accumulated by tenure during the programme run.
 *
 * "Attributable" bases pay on a high-water mark of the cumulative excess over the counterfactual:
 * a month in which the programme falls behind pays nothing and a later recovery pays only the new
 * excess, so nothing is paid twice.
 */
export function addPoolTriggers(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace): void {
  const H = plan.horizon;
  const prog = ws.programme;
  const cf = ws.counterfactual;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const startYear = Number(plan.calendar.yearLabels[0]);
  const due = ws.dueByTrigger;
  for (let trigger = 0; trigger < plan.triggers.length; trigger++) {
    const planned = plan.triggers[trigger];
    const row = trigger * H;
    switch (planned.kind) {
      case 'perMonthOffBenefit': {
        if (planned.basis !== 'attributable') break;
        for (let p = 0; p < plan.profiles.length; p++) {
          const priceSlot = planned.priceByProfile[p];
          if (priceSlot === ABSENT) continue;
          const price = params[priceSlot];
          let excess = 0;
          let highWater = 0;
          for (let t = 0; t < H; t++) {
            excess += prog.benefitMonthsSavedByProfile[p * H + t] - cf.benefitMonthsSavedByProfile[p * H + t];
            if (excess > highWater) {
              due[row + t] += (excess - highWater) * price * ws.priceIndex[yearOf[t]];
              highWater = excess;
            }
          }
        }
        break;
      }
      case 'shareOfSavings': {
        const share = Math.min(1, Math.max(0, params[planned.share]));
        let excess = 0;
        let highWater = 0;
        for (let t = 0; t < H; t++) {
          if (planned.basis === 'gross') {
            due[row + t] += share * (prog.avoidedBenefitWork[t] + prog.avoidedAdministrationWork[t]);
          } else {
            excess += ws.payerAvoidedAttributable[t];
            if (excess > highWater) {
              due[row + t] += share * (excess - highWater);
              highWater = excess;
            }
          }
        }
        break;
      }
      case 'outcome': {
        // Outcomes beyond work: per outcome reached, or per outcome beyond the counterfactual on a high-water mark.
        const series = ws.outcomes!;
        const price = params[planned.price];
        const from = planned.outcome * H;
        let excess = 0;
        let highWater = 0;
        for (let t = 0; t < H; t++) {
          let units = series.programme[from + t];
          if (planned.basis === 'attributable') {
            excess += units - series.counterfactual[from + t];
            units = excess > highWater ? excess - highWater : 0;
            if (excess > highWater) highWater = excess;
          }
          if (units !== 0) due[row + t] += units * price * ws.priceIndex[yearOf[t]];
        }
        break;
      }
      case 'custom': {
        const values = ws.customValues;
        let cumulativeSavings = 0;
        let cumulativePlacements = 0;
        let cumulativeCounterfactualPlacements = 0;
        const sustained6 = plan.milestones.indexOf(6);
        const sustained12 = plan.milestones.indexOf(12);
        const sustained24 = plan.milestones.indexOf(24);
        for (let t = 0; t < H; t++) {
          const savingsAttributable = ws.payerAvoidedAttributable[t];
          cumulativeSavings += savingsAttributable;
          cumulativePlacements += prog.placements[t];
          cumulativeCounterfactualPlacements += cf.placements[t];
          values[Q.month] = t;
          values[Q.calendarYear] = startYear + yearOf[t];
          values[Q.intake] = ws.intakeTotal[t];
          values[Q.onBenefit] = prog.onBenefit[t];
          values[Q.placements] = prog.placements[t];
          values[Q.inWork] = prog.inWorkFullTime[t] + prog.inWorkPartTime[t];
          values[Q.fallbacks] = prog.fallbacks[t];
          values[Q.benefitMonthsSaved] = prog.benefitMonthsSaved[t];
          values[Q.savingsGross] = prog.avoidedBenefitWork[t] + prog.avoidedAdministrationWork[t];
          values[Q.savingsAttributable] = savingsAttributable;
          values[Q.cumulativeSavingsAttributable] = cumulativeSavings;
          values[Q.counterfactualPlacements] = cf.placements[t];
          values[Q.counterfactualInWork] = cf.inWorkFullTime[t] + cf.inWorkPartTime[t];
          values[Q.cumulativePlacements] = cumulativePlacements;
          values[Q.cumulativeCounterfactualPlacements] = cumulativeCounterfactualPlacements;
          values[Q.sustained6] = sustained6 < 0 ? 0 : prog.milestoneReached[sustained6 * H + t];
          values[Q.sustained12] = sustained12 < 0 ? 0 : prog.milestoneReached[sustained12 * H + t];
          values[Q.sustained24] = sustained24 < 0 ? 0 : prog.milestoneReached[sustained24 * H + t];
          values[Q.lks] = prog.lksPaid[t];
          values[Q.priceIndex] = ws.priceIndex[yearOf[t]];
          const amount = planned.expression.evaluate(values);
          if (!Number.isFinite(amount)) throw customAmountNotFinite(trigger, t, amount, planned.expression, values);
          // A rule cannot make the provider pay the municipality: a negative amount owes nothing.
          due[row + t] += amount > 0 ? amount : 0;
        }
        break;
      }
      default:
        break;
    }
  }
}

/**
 * From amounts due at the result to amounts paid: each trigger's lag, then the threshold gate,
 * then the yearly and total caps. When a cap binds, every payee is cut in proportion to what it
 * is due that month.
 *
 * The summary kernel settles month by month in `fast-path/settle-summary.ts` with this arithmetic
 * in this order: change both (tests/contract/fast-path-agreement.test.ts fails until they agree).
 */
export function settlePayments(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, observed?: ObservedState): void {
  const H = plan.horizon;
  const dueByPayee = ws.dueByPayee;
  const paidByPayee = ws.paidByPayee;
  dueByPayee.fill(0);
  paidByPayee.fill(0);
  let dueAfterHorizon = 0;
  for (let trigger = 0; trigger < plan.triggers.length; trigger++) {
    const planned = plan.triggers[trigger];
    const payeeRow = planned.payee * H;
    for (let t = 0; t < H; t++) {
      const amount = ws.dueByTrigger[trigger * H + t];
      if (amount === 0) continue;
      const paidAt = t + planned.lag;
      if (paidAt < H) dueByPayee[payeeRow + paidAt] += amount;
      else dueAfterHorizon += amount;
    }
  }

  const yearOf = plan.calendar.yearIndexOfMonth;
  const yearlyCap = plan.caps.perYear === ABSENT ? Infinity : params[plan.caps.perYear];
  let remainingTotal = plan.caps.total === ABSENT ? Infinity : params[plan.caps.total];
  const threshold = plan.threshold;
  const minimumImprovement = threshold ? params[threshold.minimumImprovement] : 0;
  let programmeMetric = 0;
  let counterfactualMetric = 0;
  let heldProvider = 0;
  let heldInvestor = 0;
  let carriedProvider = 0;
  let carriedInvestor = 0;
  let lapsed = 0;
  let thresholdMetAt = threshold ? -1 : 0;
  let paidThisYear = 0;
  let currentYear = 0;

  for (let t = 0; t < H; t++) {
    if (yearOf[t] !== currentYear) {
      currentYear = yearOf[t];
      paidThisYear = 0;
    }
    let provider = dueByPayee[t] + carriedProvider;
    let investor = dueByPayee[H + t] + carriedInvestor;
    carriedProvider = 0;
    carriedInvestor = 0;

    if (threshold) {
      programmeMetric += thresholdMetric(plan, ws, true, t);
      counterfactualMetric += thresholdMetric(plan, ws, false, t);
      const improvement =
        counterfactualMetric > 0 ? programmeMetric / counterfactualMetric - 1 : programmeMetric > 0 ? Infinity : -Infinity;
      const open = t >= threshold.assessFromMonth && improvement >= minimumImprovement;
      if (!open) {
        heldProvider += provider;
        heldInvestor += investor;
        if (observed !== undefined && t < observed.months) {
          const made = payObserved(observed, t, H, 0, 0, paidByPayee);
          paidThisYear += made;
          remainingTotal -= made;
        }
        continue;
      }
      if (thresholdMetAt < 0) thresholdMetAt = t;
      provider += heldProvider;
      investor += heldInvestor;
      heldProvider = 0;
      heldInvestor = 0;
    }

    if (observed !== undefined && t < observed.months) {
      const made = payObserved(observed, t, H, provider, investor, paidByPayee);
      paidThisYear += made;
      remainingTotal -= made;
      continue;
    }
    const wanted = provider + investor;
    if (wanted <= 0) continue;
    const underTotal = Math.min(wanted, remainingTotal);
    const payable = Math.min(underTotal, Math.max(0, yearlyCap - paidThisYear));
    const fraction = payable / wanted;
    paidByPayee[t] = provider * fraction;
    paidByPayee[H + t] = investor * fraction;
    paidThisYear += payable;
    remainingTotal -= payable;
    const aboveYearlyCap = underTotal - payable;
    lapsed += wanted - underTotal;
    if (plan.caps.carryForwardYearly && aboveYearlyCap > 0) {
      carriedProvider = (provider / wanted) * aboveYearlyCap;
      carriedInvestor = (investor / wanted) * aboveYearlyCap;
    } else lapsed += aboveYearlyCap;
  }

  for (let t = 0; t < H; t++) ws.payments[t] = paidByPayee[t] + paidByPayee[H + t];
  ws.dueAfterHorizon = dueAfterHorizon;
  ws.lapsedByCaps = lapsed + carriedProvider + carriedInvestor;
  ws.heldByThreshold = heldProvider + heldInvestor;
  ws.thresholdMetAtMonth = thresholdMetAt;
}

/**
 * A payment already made (re-forecast of a running contract) is a fact: paid as recorded, split
 * over the payees in proportion to what the model has due that month (all to the provider when
 * nothing is), counted against the caps' room and never cut. What the model had due beyond it in
 * an observed month is not paid; amounts held by a threshold stay held. Returns the amount.
 */
function payObserved(observed: ObservedState, t: number, H: number, provider: number, investor: number, paidByPayee: Float64Array): number {
  const made = observed.payments[t];
  const modelled = provider + investor;
  paidByPayee[t] = modelled > 0 ? (made * provider) / modelled : made;
  paidByPayee[H + t] = modelled > 0 ? (made * investor) / modelled : 0;
  return made;
}

function thresholdMetric(plan: ContractPlan, ws: ContractWorkspace, programme: boolean, t: number): number {
  const world = programme ? ws.programme : ws.counterfactual;
  const threshold = plan.threshold!;
  if (threshold.metric === 'placements') return world.placements[t];
  if (threshold.metric === 'benefitMonthsSaved') return world.benefitMonthsSaved[t];
  return world.milestoneReached[threshold.milestoneIndex * plan.horizon + t];
}

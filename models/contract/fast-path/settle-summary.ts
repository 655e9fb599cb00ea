import { annualIrr } from '../../numerics/irr.js';
import { presentValue } from '../../numerics/discounting.js';
import type { ContractPlan } from '../compile-contract.js';
import { ABSENT } from '../compile-contract.js';
import { scalarIndex as S } from '../contract-outputs.js';
import type { ContractWorkspace } from '../contract-workspace.js';
import { COMMITMENT_ROUNDING, firstIntakeMonthOf, lastIntakeMonthOf } from '../parties.js';

/**
 * The summary kernel's settlement: `settlePayments`, `settleParties` and the payer's, provider's
 * and investor's part of `summarise`, in one pass over the months instead of eight. Each month is
 * final once it is reached (a payment at month t needs only amounts due up to t, a cap only the
 * months before, the investor's account only its past), so the three can run month by month; the
 * first-loss guarantee, known only after the last month's distribution, is settled within that
 * month before its sums are taken.
 *
 * The arithmetic and its order are those of the three functions (each sum adds the same terms in
 * the same order), so the results are the same bits; tests/contract/fast-path-agreement.test.ts
 * checks them against the full kernel on random contracts with caps, thresholds, investors and
 * guarantees. A change to the rules in payments.ts or parties.ts must be made here too: that test
 * fails until it is.
 *
 * Reads the monthly totals the kernel wrote (placements, LKS, attributable avoided costs, the
 * threshold's metric, amounts due by trigger); writes the payment and party scalars and the yearly
 * series of payments, payer net, provider costs, provider cash and investor flows. Of the monthly
 * arrays the three functions fill, only the investor's flows are written (its IRR reads them):
 * a run that reads the summary never reads the others, and /contracts/evaluate runs the full kernel.
 */
export function settleAndSummarise(
  plan: ContractPlan,
  params: Float64Array,
  ws: ContractWorkspace,
  triggerLag: Int32Array,
  triggerToInvestor: Uint8Array,
  monthlyDiscount: number,
  pvAvoided: number,
  pvLksAttributable: number,
  scalars: Float64Array,
  series: Float64Array,
): void {
  const H = plan.horizon;
  const A = plan.programmeMonths;
  const T = plan.triggers.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const years = plan.calendar.yearLabels.length;
  const prog = ws.programme;
  const cf = ws.counterfactual;
  const due = ws.dueByTrigger;
  const { intakeTotal, costIndex: costIndexOf, investorFlows, payerAvoidedAttributable } = ws;

  // Amounts due after the horizon, trigger by trigger as `settlePayments` adds them.
  let dueAfterHorizon = 0;
  for (let trigger = 0; trigger < T; trigger++) {
    const lag = triggerLag[trigger];
    for (let t = H - lag < 0 ? 0 : H - lag; t < H; t++) {
      const amount = due[trigger * H + t];
      if (amount !== 0) dueAfterHorizon += amount;
    }
  }

  // Caps and threshold (`settlePayments`).
  const yearlyCap = plan.caps.perYear === ABSENT ? Infinity : params[plan.caps.perYear];
  let remainingTotal = plan.caps.total === ABSENT ? Infinity : params[plan.caps.total];
  const carryForward = plan.caps.carryForwardYearly;
  const threshold = plan.threshold;
  const minimumImprovement = threshold ? params[threshold.minimumImprovement] : 0;
  const assessFrom = threshold ? threshold.assessFromMonth : 0;
  const thresholdMetric = threshold === null ? 0 : threshold.metric === 'placements' ? 1 : threshold.metric === 'benefitMonthsSaved' ? 2 : 3;
  const thresholdRow = threshold !== null && thresholdMetric === 3 ? threshold.milestoneIndex * H : 0;
  let programmeMetric = 0;
  let counterfactualMetric = 0;
  let heldProvider = 0;
  let heldInvestor = 0;
  let carriedProvider = 0;
  let carriedInvestor = 0;
  let lapsed = 0;
  let thresholdMetAt = threshold ? -1 : 0;
  let paidThisYear = 0;

  // Provider costs (`settleParties`).
  const costPerParticipantMonth = params[plan.provider.costPerParticipantMonth];
  const costPerPlacement = params[plan.provider.costPerPlacement];
  const fixedCostPerMonth = params[plan.provider.fixedCostPerMonth];
  const firstIntakeMonth = firstIntakeMonthOf(intakeTotal);
  const deliveryEnd = lastIntakeMonthOf(intakeTotal) + A;
  let enrolled = 0;

  // The investor's account (`settleParties`).
  const investor = plan.investor;
  const hasInvestor = investor !== null;
  const commitment = hasInvestor ? params[investor.commitment] : 0;
  const financedShare = hasInvestor ? Math.min(1, Math.max(0, params[investor.financedShare])) : 0;
  const monthlyCapRate = hasInvestor ? Math.pow(1 + params[investor.returnCap], 1 / 12) - 1 : 0;
  const hasGuarantee = hasInvestor && investor.guarantee !== null && investor.guarantee !== undefined;
  const guaranteeAmount = hasGuarantee ? params[investor.guarantee!.amount] : 0;
  const guaranteeByPayer = hasGuarantee && investor.guarantee!.byPayer;
  let undrawn = commitment;
  let owedUnderCap = 0;
  let drawnTotal = 0;
  let receivedTotal = 0;
  const ownOneOff = params[plan.payerOwnCostsOneOff];
  const ownPerMonth = params[plan.payerOwnCostsPerMonth];

  // The summary's sums (`summarise`).
  let payments = 0;
  let ownCosts = 0;
  let net = 0;
  let pvPayments = 0;
  let pvOwn = 0;
  let pvNet = 0;
  let cumulativeNet = 0;
  let lastNegativeMonth = -1;
  let providerCosts = 0;
  let providerIncome = 0;
  let providerNet = 0;
  let investorDrawn = 0;
  let investorReceived = 0;
  let guaranteePaid = 0;
  let participants = 0;
  let discount = 1;
  // This year's sums of the yearly series, added to them when the year ends (months run in
  // calendar order, and each sum starts from 0 as the series do, so the same bits). The first
  // month is in year 0 (calendar.ts), where `settlePayments` starts its yearly count too.
  let year = yearOf[0];
  let yearPaid = 0;
  let yearNet = 0;
  let yearCosts = 0;
  let yearProviderCash = 0;
  let yearInvestorFlow = 0;

  for (let t = 0; t < H; t++) {
    if (yearOf[t] !== year) {
      series[year] += yearPaid;
      series[3 * years + year] += yearNet;
      series[4 * years + year] += yearCosts;
      series[5 * years + year] += yearProviderCash;
      series[6 * years + year] += yearInvestorFlow;
      year = yearOf[t];
      paidThisYear = 0;
      yearPaid = 0;
      yearNet = 0;
      yearCosts = 0;
      yearProviderCash = 0;
      yearInvestorFlow = 0;
    }
    const costIndex = costIndexOf[year];

    // 1. What is due this month by payee: each trigger's amount due `lag` months earlier.
    let dueProvider = 0;
    let dueInvestor = 0;
    for (let trigger = 0; trigger < T; trigger++) {
      const from = t - triggerLag[trigger];
      if (from < 0) continue;
      const amount = due[trigger * H + from];
      if (amount === 0) continue;
      if (triggerToInvestor[trigger] === 0) dueProvider += amount;
      else dueInvestor += amount;
    }

    // 2. The threshold's gate and the caps (the yearly cap's count restarts with the year, above).
    let provider = dueProvider + carriedProvider;
    let investorDue = dueInvestor + carriedInvestor;
    carriedProvider = 0;
    carriedInvestor = 0;
    let paidProvider = 0;
    let paidInvestor = 0;
    let open = true;
    if (threshold) {
      if (thresholdMetric === 1) {
        programmeMetric += prog.placements[t];
        counterfactualMetric += cf.placements[t];
      } else if (thresholdMetric === 2) {
        programmeMetric += prog.benefitMonthsSaved[t];
        counterfactualMetric += cf.benefitMonthsSaved[t];
      } else {
        programmeMetric += prog.milestoneReached[thresholdRow + t];
        counterfactualMetric += cf.milestoneReached[thresholdRow + t];
      }
      const improvement =
        counterfactualMetric > 0 ? programmeMetric / counterfactualMetric - 1 : programmeMetric > 0 ? Infinity : -Infinity;
      open = t >= assessFrom && improvement >= minimumImprovement;
      if (!open) {
        heldProvider += provider;
        heldInvestor += investorDue;
      } else {
        if (thresholdMetAt < 0) thresholdMetAt = t;
        provider += heldProvider;
        investorDue += heldInvestor;
        heldProvider = 0;
        heldInvestor = 0;
      }
    }
    if (open) {
      const wanted = provider + investorDue;
      // Written as `settlePayments` tests it (`wanted <= 0` skips), so that a NaN due goes on to the caps there and here alike.
      if (!(wanted <= 0)) {
        const underTotal = Math.min(wanted, remainingTotal);
        const payable = Math.min(underTotal, Math.max(0, yearlyCap - paidThisYear));
        const fraction = payable / wanted;
        paidProvider = provider * fraction;
        paidInvestor = investorDue * fraction;
        paidThisYear += payable;
        remainingTotal -= payable;
        const aboveYearlyCap = underTotal - payable;
        lapsed += wanted - underTotal;
        if (carryForward && aboveYearlyCap > 0) {
          carriedProvider = (provider / wanted) * aboveYearlyCap;
          carriedInvestor = (investorDue / wanted) * aboveYearlyCap;
        } else lapsed += aboveYearlyCap;
      }
    }
    const paid = paidProvider + paidInvestor;

    // 3. The provider's costs and the investor's account.
    enrolled += intakeTotal[t];
    if (t >= A) enrolled -= intakeTotal[t - A];
    const inDelivery = t >= firstIntakeMonth && t < deliveryEnd ? 1 : 0;
    const costs = costIndex * (costPerParticipantMonth * enrolled + costPerPlacement * prog.placements[t] + fixedCostPerMonth * inDelivery);
    let draw = 0;
    let distribution = 0;
    let residual = 0;
    let guarantee = 0;
    if (hasInvestor) {
      owedUnderCap *= 1 + monthlyCapRate;
      const financed = financedShare * costs;
      draw = financed - undrawn <= COMMITMENT_ROUNDING * commitment ? financed : undrawn;
      undrawn = Math.max(0, undrawn - draw);
      owedUnderCap += draw;
      drawnTotal += draw;
      distribution = Math.min(paidInvestor, owedUnderCap);
      owedUnderCap -= distribution;
      receivedTotal += distribution;
      residual = paidInvestor - distribution;
      if (hasGuarantee && t === H - 1) guarantee = Math.min(Math.max(0, drawnTotal - receivedTotal), guaranteeAmount);
    }
    const investorFlow = hasInvestor ? distribution + guarantee - draw : 0;
    if (hasInvestor) investorFlows[t] = investorFlow;

    // 4. The payer's and the provider's month.
    const own = costIndex * (ownPerMonth + (t === 0 ? ownOneOff : 0)) + (guaranteeByPayer ? guarantee : 0);
    const lksAttributable = prog.lksPaid[t] - cf.lksPaid[t];
    const netNow = payerAvoidedAttributable[t] - lksAttributable - paid - own;
    const providerCash = paidProvider + residual + draw - costs;

    // 5. The summary's sums.
    providerCosts += costs;
    providerIncome += paidProvider + residual;
    providerNet += providerCash;
    investorDrawn += draw;
    investorReceived += distribution + guarantee;
    guaranteePaid += guarantee;
    participants += intakeTotal[t];
    payments += paid;
    ownCosts += own;
    net += netNow;
    pvPayments += paid * discount;
    pvOwn += own * discount;
    pvNet += netNow * discount;
    cumulativeNet += netNow;
    lastNegativeMonth = cumulativeNet < 0 ? t : lastNegativeMonth;
    discount *= monthlyDiscount;
    yearPaid += paid;
    yearNet += netNow;
    yearCosts += costs;
    yearProviderCash += providerCash;
    yearInvestorFlow += investorFlow;
  }
  if (H > 0) {
    series[year] += yearPaid;
    series[3 * years + year] += yearNet;
    series[4 * years + year] += yearCosts;
    series[5 * years + year] += yearProviderCash;
    series[6 * years + year] += yearInvestorFlow;
  }

  let peakAnnualPayment = 0;
  let worstYearNet = Infinity;
  for (let y = 0; y < years; y++) {
    if (series[y] > peakAnnualPayment) peakAnnualPayment = series[y];
    if (series[3 * years + y] < worstYearNet) worstYearNet = series[3 * years + y];
  }

  scalars[S.payerOutcomePayments] = payments;
  scalars[S.payerOutcomePaymentsPresentValue] = pvPayments;
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
  const lapsedByCaps = lapsed + carriedProvider + carriedInvestor;
  const heldByThreshold = heldProvider + heldInvestor;
  scalars[S.paymentsDueAfterHorizon] = dueAfterHorizon;
  scalars[S.paymentsLapsedByCaps] = lapsedByCaps;
  scalars[S.paymentsHeldByThreshold] = heldByThreshold;
  scalars[S.thresholdMetMonth] = thresholdMetAt >= 0 ? thresholdMetAt : Number.NaN;
  scalars[S.providerCosts] = providerCosts;
  scalars[S.providerOutcomeIncome] = providerIncome;
  scalars[S.providerMargin] = providerNet;
  scalars[S.investorDrawn] = investorDrawn;
  scalars[S.investorReceived] = investorReceived;
  scalars[S.investorIrr] = hasInvestor ? annualIrr(investorFlows) : Number.NaN;
  scalars[S.investorMultiple] = investorDrawn > 0 ? investorReceived / investorDrawn : Number.NaN;
  scalars[S.investorNetPresentValue] = hasInvestor ? presentValue(investorFlows, params[investor.hurdleRate]) : 0;
  scalars[S.investorLoss] = Math.max(0, investorDrawn - investorReceived);
  scalars[S.guaranteePaid] = guaranteePaid;
  scalars[S.participants] = participants;
}

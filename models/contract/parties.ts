import type { ContractPlan } from './compile-contract.js';
import type { ContractWorkspace } from './contract-workspace.js';

/**
 * A cost that the remaining commitment falls short of by at most this share of the commitment is
 * drawn in full: costs that add up to the commitment exactly (EUR 680,000 over 160 people and six
 * months) leave a remainder of about 1e-11 euro in floating point, which would otherwise show as a
 * "loss" of the provider of that size. 1e-12 of the commitment is far below a cent.
 */
export const COMMITMENT_ROUNDING = 1e-12;

/**
 * Cash flows of the parties, month by month, from what the population did and what was paid.
 *
 * Provider: coaching per participant for each programme month after intake (whatever happens to
 * the person: the trajectory is budgeted per participant), a one-off cost per job start, and fixed
 * costs over the delivery period (first intake until the last cohort's programme ends).
 *
 * Investor (social impact bond): draws `financedShare` of the provider's costs until the
 * commitment is used. Payments with payee "investor" go through a waterfall: first the drawn
 * principal, then a return up to `returnCap` a year, then the rest to the provider. The return
 * cap is kept exactly by an account that compounds at the cap rate on what is still owed: the
 * investor never receives more than would give an IRR of `returnCap`.
 * A first-loss guarantee pays the investor's remaining loss, up to its amount, in the last month.
 *
 * Provider net cash (its margin, summed): outcome payments paid to it, its share of the waterfall,
 * and the investor funding drawn for its costs (the provider does not repay it: the investors are
 * repaid from outcome payments or bear the loss), minus its costs.
 *
 * The summary kernel settles month by month in `fast-path/settle-summary.ts` with this arithmetic
 * in this order: change both (tests/contract/fast-path-agreement.test.ts fails until they agree).
 */
/** The first month with intake; the horizon when there is none. */
export function firstIntakeMonthOf(intakeTotal: Float64Array): number {
  for (let t = 0; t < intakeTotal.length; t++) if (intakeTotal[t] > 0) return t;
  return intakeTotal.length;
}

/** The last month with intake; -1 when there is none. */
export function lastIntakeMonthOf(intakeTotal: Float64Array): number {
  for (let t = intakeTotal.length - 1; t >= 0; t--) if (intakeTotal[t] > 0) return t;
  return -1;
}

export function settleParties(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace): void {
  const H = plan.horizon;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const prog = ws.programme;
  const costPerParticipantMonth = params[plan.provider.costPerParticipantMonth];
  const costPerPlacement = params[plan.provider.costPerPlacement];
  const fixedCostPerMonth = params[plan.provider.fixedCostPerMonth];

  const firstIntakeMonth = firstIntakeMonthOf(ws.intakeTotal);
  const deliveryEnd = lastIntakeMonthOf(ws.intakeTotal) + plan.programmeMonths;

  let enrolled = 0;
  for (let t = 0; t < H; t++) {
    enrolled += ws.intakeTotal[t];
    if (t >= plan.programmeMonths) enrolled -= ws.intakeTotal[t - plan.programmeMonths];
    const costIndex = ws.costIndex[yearOf[t]];
    const inDelivery = t >= firstIntakeMonth && t < deliveryEnd ? 1 : 0;
    ws.providerCosts[t] =
      costIndex * (costPerParticipantMonth * enrolled + costPerPlacement * prog.placements[t] + fixedCostPerMonth * inDelivery);
  }

  const investor = plan.investor;
  ws.investorDraws.fill(0);
  ws.investorDistributions.fill(0);
  ws.investorFlows.fill(0);
  ws.guaranteePaid.fill(0);
  let guaranteeByPayer = false;
  if (investor) {
    const commitment = params[investor.commitment];
    const financedShare = Math.min(1, Math.max(0, params[investor.financedShare]));
    const monthlyCapRate = Math.pow(1 + params[investor.returnCap], 1 / 12) - 1;
    let undrawn = commitment;
    let owedUnderCap = 0;
    let drawnTotal = 0;
    let receivedTotal = 0;
    for (let t = 0; t < H; t++) {
      owedUnderCap *= 1 + monthlyCapRate;
      const financed = financedShare * ws.providerCosts[t];
      const draw = financed - undrawn <= COMMITMENT_ROUNDING * commitment ? financed : undrawn;
      undrawn = Math.max(0, undrawn - draw);
      owedUnderCap += draw;
      drawnTotal += draw;
      const incoming = ws.paidByPayee[H + t];
      const distribution = Math.min(incoming, owedUnderCap);
      owedUnderCap -= distribution;
      receivedTotal += distribution;
      ws.investorDraws[t] = draw;
      ws.investorDistributions[t] = distribution;
      ws.providerResidual[t] = incoming - distribution;
    }
    if (investor.guarantee) {
      const loss = Math.max(0, drawnTotal - receivedTotal);
      ws.guaranteePaid[H - 1] = Math.min(loss, params[investor.guarantee.amount]);
      guaranteeByPayer = investor.guarantee.byPayer;
    }
    for (let t = 0; t < H; t++) ws.investorFlows[t] = ws.investorDistributions[t] + ws.guaranteePaid[t] - ws.investorDraws[t];
  } else ws.providerResidual.fill(0);

  const cf = ws.counterfactual;
  const ownOneOff = params[plan.payerOwnCostsOneOff];
  const ownPerMonth = params[plan.payerOwnCostsPerMonth];
  for (let t = 0; t < H; t++) {
    const costIndex = ws.costIndex[yearOf[t]];
    ws.payerOwnCosts[t] = costIndex * (ownPerMonth + (t === 0 ? ownOneOff : 0)) + (guaranteeByPayer ? ws.guaranteePaid[t] : 0);
    const lksAttributable = prog.lksPaid[t] - cf.lksPaid[t];
    ws.payerNet[t] = ws.payerAvoidedAttributable[t] - lksAttributable - ws.payments[t] - ws.payerOwnCosts[t];
    ws.providerNetCash[t] = ws.paidByPayee[t] + ws.providerResidual[t] + ws.investorDraws[t] - ws.providerCosts[t];
  }
}

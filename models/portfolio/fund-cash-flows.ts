import type { PortfolioPlan } from './compile-portfolio.js';
import { nonNegative } from './enterprise-cash-model.js';
import { accrueRequiredReturns, callCapital, distributeTopDown } from './capital-layers.js';
import type { PortfolioWorkspace } from './portfolio-workspace.js';

/**
 * The fund's cash, year by year, from the portfolio's yearly flows:
 *
 * 1. Start of year t: investments and the year's fund costs are due. Cash kept in the fund pays
 *    the costs first, then investments (that part is "recycled" capital); the rest is called from
 *    the layers pro rata. A need beyond the uncalled commitments is not refused: the fund's cash
 *    goes negative and the largest such gap is reported as the funding shortfall.
 * 2. End of year t: the enterprises' payments come in (outcome payments the fund pays go out) and
 *    every repayable layer accrues its required return on its balance.
 * 3. Distribution: a revolving fund keeps all cash while the next year is still in the
 *    investment period; otherwise the fund keeps the next year's costs and distributes the rest
 *    top-down. In the last year it also realises the terminal value and distributes everything.
 *
 * Costs per year: fixed + fee rate x commitments + cost per enterprise held (as planned).
 * Allocates nothing.
 */
export function runFund(plan: PortfolioPlan, params: Float64Array, ws: PortfolioWorkspace): void {
  const H = plan.horizon;
  const L = plan.layers.length;
  const fund = ws.fund;
  const years = ws.portfolio;

  let committed = 0;
  for (let l = 0; l < L; l++) {
    const layer = plan.layers[l];
    fund.uncalled[l] = nonNegative(params[layer.amount]);
    fund.rates[l] = layer.repayable ? Math.max(0, params[layer.targetReturn]) : 0;
    fund.balance[l] = 0;
    committed += fund.uncalled[l];
  }
  const fixed = nonNegative(params[plan.costs.fixedPerYear]);
  const perEnterprise = nonNegative(params[plan.costs.perEnterpriseYear]);
  const fee = nonNegative(params[plan.costs.managementFeeRate]) * committed;
  for (let t = 0; t < H; t++) fund.costs[t] = fixed + fee + perEnterprise * plan.enterprisesHeld[t];

  fund.calls.fill(0);
  fund.distributions.fill(0);
  let cash = 0;
  let shortfall = 0;
  for (let t = 0; t < H; t++) {
    const costs = fund.costs[t];
    const investments = years.investments[t];
    const available = cash > 0 ? cash : 0;
    fund.recycled[t] = Math.min(investments, nonNegative(available - costs));
    cash -= costs + investments;
    fund.callsTotal[t] = cash < 0 ? callCapital(-cash, fund.uncalled, fund.balance, fund.calls, H, t) : 0;
    cash += fund.callsTotal[t];
    if (-cash > shortfall) shortfall = -cash;

    cash += years.inflows[t] - years.outcomeByFund[t];
    if (-cash > shortfall) shortfall = -cash;
    accrueRequiredReturns(fund.balance, fund.rates, fund.repayable);

    let distributable = 0;
    if (t === H - 1) {
      cash += years.terminalValue[0];
      distributable = nonNegative(cash);
    } else if (!(plan.revolving && t + 1 < plan.investmentPeriod)) {
      distributable = nonNegative(cash - fund.costs[t + 1]);
    }
    distributeTopDown(distributable, fund.balance, plan.payOrder, plan.groupEnd, plan.residualLayer, fund.paid);
    for (let l = 0; l < L; l++) fund.distributions[l * H + t] = fund.paid[l];
    fund.distributionsTotal[t] = distributable;
    cash -= distributable;
    fund.cashEnd[t] = cash;
  }
  fund.shortfall[0] = shortfall;
}

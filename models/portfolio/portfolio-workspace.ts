import type { PortfolioPlan } from './compile-portfolio.js';
import { createEnterpriseYears, type EnterpriseYears } from './enterprise-cash-model.js';

/**
 * Every buffer one evaluation of a portfolio needs, allocated once per workspace; the engine
 * reuses a workspace for all its iterations, so evaluations allocate nothing.
 */

/** What the portfolio does per fund year, summed over enterprises (expected or drawn). */
export interface PortfolioYears {
  investments: Float64Array;
  loanDisbursed: Float64Array;
  equityInvested: Float64Array;
  grantsPaid: Float64Array;
  /** Interest, repayments, recoveries and exit proceeds received at the end of the year. */
  inflows: Float64Array;
  equityProceeds: Float64Array;
  loanLosses: Float64Array;
  failures: Float64Array;
  active: Float64Array;
  workerYears: Float64Array;
  hires: Float64Array;
  sustained: Float64Array;
  outcomeByMunicipality: Float64Array;
  outcomeByFund: Float64Array;
  /** [0]: loans outstanding and stakes still held at the end of the horizon. */
  terminalValue: Float64Array;
}

/** The fund's cash and its layers per year. Layer arrays are indexed l * H + t. */
export interface FundYears {
  costs: Float64Array;
  callsTotal: Float64Array;
  recycled: Float64Array;
  distributionsTotal: Float64Array;
  cashEnd: Float64Array;
  calls: Float64Array;
  distributions: Float64Array;
  /** Per layer: committed, not yet called. */
  uncalled: Float64Array;
  /** Per layer: capital outstanding plus accrued required return. */
  balance: Float64Array;
  /** Per layer: scratch for one distribution. */
  paid: Float64Array;
  /** Per layer: required return this evaluation. */
  rates: Float64Array;
  /** Per layer: 1 when repaid in the waterfall (not a grant). */
  repayable: Uint8Array;
  /** [0]: the largest unfunded cash need. */
  shortfall: Float64Array;
}

export interface PortfolioWorkspace {
  enterprise: EnterpriseYears;
  portfolio: PortfolioYears;
  fund: FundYears;
  /** Flows at points 0 .. H (start of each year, then the end of the horizon), for IRRs. */
  pointFlows: Float64Array;
  /** Regional factor per year of a drawn evaluation. */
  regionalFactor: Float64Array;
  /** [sqrt(rho), sqrt(1 - rho)]. */
  loadings: Float64Array;
  iterationKey: Uint32Array;
  /** Municipality net position per year. */
  municipalityNet: Float64Array;
}

export function createPortfolioYears(H: number): PortfolioYears {
  const year = () => new Float64Array(H);
  return {
    investments: year(),
    loanDisbursed: year(),
    equityInvested: year(),
    grantsPaid: year(),
    inflows: year(),
    equityProceeds: year(),
    loanLosses: year(),
    failures: year(),
    active: year(),
    workerYears: year(),
    hires: year(),
    sustained: year(),
    outcomeByMunicipality: year(),
    outcomeByFund: year(),
    terminalValue: new Float64Array(1),
  };
}

/** Zeroes every accumulator (written out: no key list is allocated per evaluation). */
export function clearPortfolioYears(years: PortfolioYears): void {
  years.investments.fill(0);
  years.loanDisbursed.fill(0);
  years.equityInvested.fill(0);
  years.grantsPaid.fill(0);
  years.inflows.fill(0);
  years.equityProceeds.fill(0);
  years.loanLosses.fill(0);
  years.failures.fill(0);
  years.active.fill(0);
  years.workerYears.fill(0);
  years.hires.fill(0);
  years.sustained.fill(0);
  years.outcomeByMunicipality.fill(0);
  years.outcomeByFund.fill(0);
  years.terminalValue.fill(0);
}

export function createPortfolioWorkspace(plan: PortfolioPlan): PortfolioWorkspace {
  const H = plan.horizon;
  const L = plan.layers.length;
  return {
    enterprise: createEnterpriseYears(plan.archetypes.length, H),
    portfolio: createPortfolioYears(H),
    fund: {
      costs: new Float64Array(H),
      callsTotal: new Float64Array(H),
      recycled: new Float64Array(H),
      distributionsTotal: new Float64Array(H),
      cashEnd: new Float64Array(H),
      calls: new Float64Array(L * H),
      distributions: new Float64Array(L * H),
      uncalled: new Float64Array(L),
      balance: new Float64Array(L),
      paid: new Float64Array(L),
      rates: new Float64Array(L),
      repayable: Uint8Array.from(plan.layers, (layer) => (layer.repayable ? 1 : 0)),
      shortfall: new Float64Array(1),
    },
    pointFlows: new Float64Array(H + 1),
    regionalFactor: new Float64Array(H),
    loadings: new Float64Array(2),
    iterationKey: new Uint32Array(2),
    municipalityNet: new Float64Array(H),
  };
}

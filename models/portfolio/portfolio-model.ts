import type { DomainError } from '../errors.js';
import type { Rng } from '../random/rng.js';
import { ok, type Result } from '../result.js';
import type { CompiledModel, ModelInput } from '../simulation/model.js';
import { compilePortfolio, type PortfolioPlan } from './compile-portfolio.js';
import { clampProbability, fillEnterpriseYears, nonNegative } from './enterprise-cash-model.js';
import { runFund } from './fund-cash-flows.js';
import { addDrawnFlows, addExpectedFlows } from './portfolio-flows.js';
import {
  LAYER_IRR,
  LAYER_LOSS,
  LAYER_LOSS_OCCURRED,
  LAYER_METRICS,
  LAYER_MULTIPLE,
  LAYER_PAID_IN,
  LAYER_RECEIVED,
  PORTFOLIO_SCALAR_OUTPUTS,
  PORTFOLIO_SERIES_OUTPUTS,
  portfolioScalarInfo,
  portfolioSeriesInfo,
  scalarIndex as S,
  seriesIndex as Y,
} from './portfolio-outputs.js';
import type { Portfolio } from './portfolio-schema.js';
import { clearPortfolioYears, createPortfolioWorkspace, type PortfolioWorkspace } from './portfolio-workspace.js';
import { yearlyIrr } from './yearly-irr.js';

/**
 * The place-based investment scenario as a model the Monte Carlo and sensitivity engines run.
 *
 * One evaluation: the cash model of every archetype (loan schedule, jobs, outcome income, cash
 * position, yearly failure chance), the portfolio's yearly flows (expected, or with failures
 * drawn through the regional factor), the fund's cash and its layers, then impact and the
 * municipality's position.
 *
 * What "expected" (rng null) means: every portfolio quantity that is a sum over enterprises
 * (investments, inflows, loan losses, failures, jobs, placements, outcome payments, avoided
 * costs) is its exact expectation, for any correlation. The fund and its layers are then run on
 * those expected flows: calls, distributions, IRRs and layer losses are those of the expected
 * portfolio, not the expectation of each layer's result (a layer's expected loss and its chance
 * of loss need the Monte Carlo run, where the waterfall is applied to each drawn portfolio).
 */
export interface PortfolioModel extends CompiledModel<PortfolioWorkspace> {
  readonly plan: PortfolioPlan;
}

/** Money below this (euros) counts as no loss: rounding in the waterfall must not look like a loss. */
const LOSS_EPSILON = 0.01;

export function createPortfolioModel(portfolio: Portfolio): Result<PortfolioModel, DomainError> {
  const compiled = compilePortfolio(portfolio);
  if (!compiled.ok) return compiled;
  const { plan, inputs } = compiled.value;
  return ok({
    plan,
    inputs: inputs as ReadonlyArray<ModelInput>,
    scalarOutputs: portfolioScalarInfo(plan.layers),
    seriesOutputs: portfolioSeriesInfo(plan.layers, plan.yearLabels),
    createWorkspace: () => createPortfolioWorkspace(plan),
    evaluate: (params, ws, rng, scalars, series) => evaluatePortfolio(plan, params, ws, rng, scalars, series),
  });
}

/** One evaluation; allocates nothing. */
export function evaluatePortfolio(
  plan: PortfolioPlan,
  params: Float64Array,
  ws: PortfolioWorkspace,
  rng: Rng | null,
  scalars: Float64Array,
  series: Float64Array,
): void {
  const H = plan.horizon;
  for (let j = 0; j < plan.archetypes.length; j++) fillEnterpriseYears(plan.archetypes[j], j, params, H, ws.enterprise);
  clearPortfolioYears(ws.portfolio);
  if (rng === null) addExpectedFlows(plan, params, ws);
  else addDrawnFlows(plan, params, ws, rng);
  runFund(plan, params, ws);
  summarise(plan, params, ws, scalars, series);
}

function total(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : Number.NaN);

function summarise(plan: PortfolioPlan, params: Float64Array, ws: PortfolioWorkspace, scalars: Float64Array, series: Float64Array): void {
  const H = plan.horizon;
  const L = plan.layers.length;
  const years = ws.portfolio;
  const fund = ws.fund;
  const flows = ws.pointFlows;

  // Impact and the municipality, per year.
  const impact = plan.impact;
  const avoidedPerWorkerYear = nonNegative(params[impact.avoidedBenefitPerWorkerYear]) + nonNegative(params[impact.administrationCostPerWorkerYear]);
  const attributableShare = 1 - clampProbability(params[impact.deadweight]);
  const lksPerWorkerYear = nonNegative(params[impact.lksPerWorkerYear]);
  const ownCostsPerYear = nonNegative(params[plan.municipalityOwnCostsPerYear]);
  const discount = 1 / (1 + params[plan.discountRate]);
  let avoidedGross = 0;
  let lksAttributable = 0;
  let contributions = 0;
  let received = 0;
  let net = 0;
  let netPresentValue = 0;
  let startOfYearDiscount = 1;
  for (let t = 0; t < H; t++) {
    let calledFromMunicipality = 0;
    let paidToMunicipality = 0;
    for (let l = 0; l < L; l++) {
      if (!plan.layers[l].fromMunicipality) continue;
      calledFromMunicipality += fund.calls[l * H + t];
      paidToMunicipality += fund.distributions[l * H + t];
    }
    const gross = years.workerYears[t] * avoidedPerWorkerYear;
    const lks = years.workerYears[t] * lksPerWorkerYear * attributableShare;
    const endOfYear = gross * attributableShare - lks - years.outcomeByMunicipality[t] - ownCostsPerYear + paidToMunicipality;
    const yearNet = endOfYear - calledFromMunicipality;
    ws.municipalityNet[t] = yearNet;
    avoidedGross += gross;
    lksAttributable += lks;
    contributions += calledFromMunicipality;
    received += paidToMunicipality;
    net += yearNet;
    netPresentValue += endOfYear * startOfYearDiscount * discount - calledFromMunicipality * startOfYearDiscount;
    startOfYearDiscount *= discount;
  }

  // Yearly series, concatenated in output order.
  series.set(years.investments, Y.yearlyInvestments * H);
  series.set(years.inflows, Y.yearlyPortfolioInflows * H);
  series.set(fund.costs, Y.yearlyFundCosts * H);
  series.set(fund.callsTotal, Y.yearlyCapitalCalls * H);
  series.set(fund.recycled, Y.yearlyCapitalRecycled * H);
  series.set(fund.distributionsTotal, Y.yearlyDistributions * H);
  series.set(fund.cashEnd, Y.yearlyFundCash * H);
  series.set(years.loanLosses, Y.yearlyLoanLosses * H);
  series.set(years.failures, Y.yearlyFailures * H);
  series.set(years.active, Y.yearlyEnterprisesActive * H);
  series.set(years.workerYears, Y.yearlyWorkerYears * H);
  series.set(years.sustained, Y.yearlySustainedPlacements * H);
  const fixedSeries = PORTFOLIO_SERIES_OUTPUTS.length;
  for (let t = 0; t < H; t++) {
    series[Y.yearlyOutcomePayments * H + t] = years.outcomeByMunicipality[t] + years.outcomeByFund[t];
    series[Y.yearlyAvoidedCostsAttributable * H + t] = years.workerYears[t] * avoidedPerWorkerYear * attributableShare;
  }
  series.set(ws.municipalityNet, Y.yearlyMunicipalityNet * H);

  // Layers: calls at the start of year t (point t), distributions at its end (point t + 1).
  const fixedScalars = PORTFOLIO_SCALAR_OUTPUTS.length;
  const metrics = LAYER_METRICS.length;
  let calledTotal = 0;
  let committedTotal = 0;
  for (let l = 0; l < L; l++) {
    flows.fill(0);
    let paidIn = 0;
    let paidOut = 0;
    for (let t = 0; t < H; t++) {
      const call = fund.calls[l * H + t];
      const distribution = fund.distributions[l * H + t];
      flows[t] -= call;
      flows[t + 1] += distribution;
      paidIn += call;
      paidOut += distribution;
      series[(fixedSeries + l) * H + t] = distribution - call;
    }
    const at = fixedScalars + l * metrics;
    const loss = paidIn - paidOut;
    scalars[at + LAYER_PAID_IN] = paidIn;
    scalars[at + LAYER_RECEIVED] = paidOut;
    scalars[at + LAYER_IRR] = yearlyIrr(flows);
    scalars[at + LAYER_MULTIPLE] = ratio(paidOut, paidIn);
    scalars[at + LAYER_LOSS] = loss > 0 ? loss : 0;
    scalars[at + LAYER_LOSS_OCCURRED] = loss > LOSS_EPSILON ? 1 : 0;
    calledTotal += paidIn;
    committedTotal += nonNegative(params[plan.layers[l].amount]);
  }

  // All layers together (the fund's net return), then the portfolio before fund costs.
  flows.fill(0);
  for (let t = 0; t < H; t++) {
    flows[t] -= fund.callsTotal[t];
    flows[t + 1] += fund.distributionsTotal[t];
  }
  scalars[S.fundIrr] = yearlyIrr(flows);
  flows.fill(0);
  for (let t = 0; t < H; t++) {
    flows[t] -= years.investments[t];
    flows[t + 1] += years.inflows[t];
  }
  flows[H] += years.terminalValue[0];
  scalars[S.portfolioIrr] = yearlyIrr(flows);

  const deployed = total(years.investments);
  const inflows = total(years.inflows);
  const distributed = total(fund.distributionsTotal);
  const funded = plan.enterpriseArchetype.length;
  const failures = total(years.failures);
  const loanPrincipal = total(years.loanDisbursed);
  const loanLosses = total(years.loanLosses);
  const workerYears = total(years.workerYears);
  const avoidedAttributable = avoidedGross * attributableShare;
  const outcomeByMunicipality = total(years.outcomeByMunicipality);
  const outcomeByFund = total(years.outcomeByFund);
  let worstYearFailures = 0;
  for (let t = 0; t < H; t++) if (years.failures[t] > worstYearFailures) worstYearFailures = years.failures[t];

  scalars[S.capitalCommitted] = committedTotal;
  scalars[S.capitalCalled] = calledTotal;
  scalars[S.capitalDeployed] = deployed;
  scalars[S.capitalRecycled] = total(fund.recycled);
  scalars[S.fundingShortfall] = fund.shortfall[0];
  scalars[S.portfolioInflows] = inflows;
  scalars[S.fundCosts] = total(fund.costs);
  scalars[S.fundPaidOutcomePayments] = outcomeByFund;
  scalars[S.terminalValue] = years.terminalValue[0];
  scalars[S.distributions] = distributed;
  scalars[S.portfolioMultiple] = ratio(inflows + years.terminalValue[0], deployed);
  scalars[S.fundMultiple] = ratio(distributed, calledTotal);
  scalars[S.enterprisesFunded] = funded;
  scalars[S.failures] = failures;
  scalars[S.failureShare] = ratio(failures, funded);
  scalars[S.worstYearFailures] = worstYearFailures;
  scalars[S.loanPrincipal] = loanPrincipal;
  scalars[S.loanLosses] = loanLosses;
  scalars[S.loanLossRate] = ratio(loanLosses, loanPrincipal);
  scalars[S.equityInvested] = total(years.equityInvested);
  scalars[S.equityProceeds] = total(years.equityProceeds);
  scalars[S.grantsToEnterprises] = total(years.grantsPaid);
  scalars[S.workerYears] = workerYears;
  scalars[S.hiresFromBijstand] = total(years.hires);
  scalars[S.sustainedPlacements] = total(years.sustained);
  scalars[S.avoidedCostsGross] = avoidedGross;
  scalars[S.avoidedCostsAttributable] = avoidedAttributable;
  scalars[S.lksAttributable] = lksAttributable;
  scalars[S.outcomePayments] = outcomeByMunicipality + outcomeByFund;
  scalars[S.avoidedCostsPerEuroInvested] = ratio(avoidedAttributable, deployed);
  scalars[S.workerYearsPerMillionInvested] = ratio(workerYears * 1e6, deployed);
  scalars[S.municipalityContributions] = contributions;
  scalars[S.municipalityReceived] = received;
  scalars[S.municipalityOutcomePayments] = outcomeByMunicipality;
  scalars[S.municipalityOwnCosts] = ownCostsPerYear * H;
  scalars[S.municipalityNetPosition] = net;
  scalars[S.municipalityNetPresentValue] = netPresentValue;
}

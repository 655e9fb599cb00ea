import type { OutputInfo, SeriesInfo } from '../simulation/model.js';

/**
 * The named results of a portfolio. The Monte Carlo and sensitivity engines refer to them by
 * name (`municipalityNetPosition > 0`), so names are stable API. Per capital layer, outputs are
 * named `layer` + the layer id with a capital + the metric (`layerSeniorIrr`). Money is in euros
 * of the start year; "present value" is discounted at money.discountRate.
 */
export const PORTFOLIO_SCALAR_OUTPUTS = [
  // Fund
  ['capitalCommitted', 'EUR', 'Capital committed by all layers.'],
  ['capitalCalled', 'EUR', 'Capital called from the layers.'],
  ['capitalDeployed', 'EUR', 'Loans, equity and grants paid out to enterprises.'],
  ['capitalRecycled', 'EUR', 'Investments paid for with repayments kept in the fund (revolving) instead of new capital.'],
  ['fundingShortfall', 'EUR', 'Largest cash need the commitments could not cover (0: the layers are large enough).'],
  ['portfolioInflows', 'EUR', 'Interest, repayments, recoveries and exit proceeds received from enterprises.'],
  ['fundCosts', 'EUR', 'Fund management and operating costs.'],
  ['fundPaidOutcomePayments', 'EUR', 'Outcome payments paid out of the fund.'],
  ['terminalValue', 'EUR', 'Loans outstanding and stakes still held at the horizon (book value of loans, stakes valued as at an exit), distributed at the end.'],
  ['distributions', 'EUR', 'Paid out to all layers, including the final liquidation.'],
  ['portfolioIrr', 'rate', 'Yearly IRR of the investments against what enterprises paid back, before fund costs (NaN without a sign change).'],
  ['portfolioMultiple', 'ratio', '(Portfolio inflows + terminal value) / capital deployed.'],
  ['fundIrr', 'rate', 'Yearly IRR of all layers together: calls against distributions, after fund costs.'],
  ['fundMultiple', 'ratio', 'Distributions / capital called, all layers together.'],
  // Portfolio
  ['enterprisesFunded', 'count', 'Enterprises taken into the portfolio.'],
  ['failures', 'count', 'Enterprises that failed within the horizon.'],
  ['failureShare', 'ratio', 'Failures / enterprises funded.'],
  ['worstYearFailures', 'count', 'Most failures in one year: in Monte Carlo runs this shows clustering; the expected run gives the largest expected yearly count.'],
  ['loanPrincipal', 'EUR', 'Principal lent.'],
  ['loanLosses', 'EUR', 'Principal outstanding at failure and not recovered.'],
  ['loanLossRate', 'ratio', 'Loan losses / principal lent.'],
  ['equityInvested', 'EUR', 'Paid for stakes.'],
  ['equityProceeds', 'EUR', 'Received from exits within the horizon.'],
  ['grantsToEnterprises', 'EUR', 'Grants paid to enterprises.'],
  // Impact
  ['workerYears', 'count', 'Years of work for people from bijstand in the portfolio enterprises (jobs x years).'],
  ['hiresFromBijstand', 'count', 'People from bijstand hired (placements), including replacements of leavers.'],
  ['sustainedPlacements', 'count', 'Hires still employed after the sustained period (default 12 months).'],
  ['avoidedCostsGross', 'EUR', 'Bijstand benefit and administration avoided while these people work (observed, includes deadweight).'],
  ['avoidedCostsAttributable', 'EUR', 'Avoided costs beyond what would have happened anyway (gross x (1 - deadweight)).'],
  ['lksAttributable', 'EUR', 'Loonkostensubsidie paid for these workers beyond the counterfactual.'],
  ['outcomePayments', 'EUR', 'Outcome payments to enterprises, whoever pays them.'],
  ['avoidedCostsPerEuroInvested', 'ratio', 'Attributable avoided costs / capital deployed.'],
  ['workerYearsPerMillionInvested', 'count', 'Worker-years per million euros deployed.'],
  // Municipality
  ['municipalityContributions', 'EUR', "Capital called from the municipality's layers."],
  ['municipalityReceived', 'EUR', "Distributions to the municipality's layers."],
  ['municipalityOutcomePayments', 'EUR', 'Outcome payments paid by the municipality.'],
  ['municipalityOwnCosts', 'EUR', "The municipality's own costs."],
  ['municipalityNetPosition', 'EUR', 'Attributable avoided costs - attributable LKS - outcome payments - own costs - capital contributed + distributions received.'],
  ['municipalityNetPresentValue', 'EUR', 'Present value of the municipality net position (yearly flows, calls at the start of a year, the rest at its end).'],
] as const;

export type PortfolioScalarName = (typeof PORTFOLIO_SCALAR_OUTPUTS)[number][0];

/** Index of each fixed scalar output in the scalars buffer. */
export const scalarIndex = Object.fromEntries(PORTFOLIO_SCALAR_OUTPUTS.map(([name], i) => [name, i])) as Record<PortfolioScalarName, number>;

/** Per-layer scalar metrics, in this order, after the fixed scalars. */
export const LAYER_METRICS = [
  ['PaidIn', 'EUR', 'capital called from'],
  ['Received', 'EUR', 'distributions to'],
  ['Irr', 'rate', 'yearly IRR of calls against distributions of'],
  ['Multiple', 'ratio', 'received / paid in for'],
  ['Loss', 'EUR', 'paid in minus received, when positive, for'],
  ['LossOccurred', 'ratio', '1 when money was lost, else 0 (its Monte Carlo mean is the chance of loss) for'],
] as const;
export type LayerMetricName = (typeof LAYER_METRICS)[number][0];
export const LAYER_PAID_IN = 0;
export const LAYER_RECEIVED = 1;
export const LAYER_IRR = 2;
export const LAYER_MULTIPLE = 3;
export const LAYER_LOSS = 4;
export const LAYER_LOSS_OCCURRED = 5;

export const PORTFOLIO_SERIES_OUTPUTS = [
  ['yearlyInvestments', 'EUR', 'Loans, equity and grants paid out to enterprises per year.'],
  ['yearlyPortfolioInflows', 'EUR', 'Interest, repayments, recoveries and exits received per year.'],
  ['yearlyFundCosts', 'EUR', 'Fund costs per year.'],
  ['yearlyCapitalCalls', 'EUR', 'Capital called per year (all layers).'],
  ['yearlyCapitalRecycled', 'EUR', 'Investments paid from repayments kept in the fund, per year.'],
  ['yearlyDistributions', 'EUR', 'Distributions per year (all layers; the last year includes the liquidation).'],
  ['yearlyFundCash', 'EUR', 'Fund cash at the end of each year after distributions (negative: unfunded need).'],
  ['yearlyLoanLosses', 'EUR', 'Loan principal written off per year.'],
  ['yearlyFailures', 'count', 'Enterprises failing per year.'],
  ['yearlyEnterprisesActive', 'count', 'Enterprises operating through the year.'],
  ['yearlyWorkerYears', 'count', 'People from bijstand employed in the portfolio per year.'],
  ['yearlySustainedPlacements', 'count', 'Sustained placements reached per year.'],
  ['yearlyOutcomePayments', 'EUR', 'Outcome payments per year (all payers).'],
  ['yearlyAvoidedCostsAttributable', 'EUR', 'Attributable avoided benefit and administration per year.'],
  ['yearlyMunicipalityNet', 'EUR', 'Municipality net position per year.'],
] as const;

/**
 * Yearly series that are a level (cash at the end of the year, enterprises operating through it)
 * rather than a flow within the year: a sum over years means nothing, so tables give no total.
 */
export const PORTFOLIO_LEVEL_SERIES: ReadonlySet<string> = new Set(['yearlyFundCash', 'yearlyEnterprisesActive']);

export type PortfolioSeriesName = (typeof PORTFOLIO_SERIES_OUTPUTS)[number][0];
/** Every fixed output name of a portfolio (scalars and yearly series); per-layer outputs come on top. */
export type PortfolioOutputName = PortfolioScalarName | PortfolioSeriesName;
export const seriesIndex = Object.fromEntries(PORTFOLIO_SERIES_OUTPUTS.map(([name], i) => [name, i])) as Record<PortfolioSeriesName, number>;

/** `senior` -> `layerSenior`: the prefix of a layer's output names. */
export function layerOutputPrefix(layerId: string): string {
  return `layer${layerId.charAt(0).toUpperCase()}${layerId.slice(1)}`;
}

export function portfolioScalarInfo(layers: ReadonlyArray<{ id: string; provider: string }>): OutputInfo[] {
  const fixed: OutputInfo[] = PORTFOLIO_SCALAR_OUTPUTS.map(([name, unit, description]) => ({ name, unit, description }));
  const perLayer = layers.flatMap((layer) =>
    LAYER_METRICS.map(([metric, unit, phrase]) => ({
      name: `${layerOutputPrefix(layer.id)}${metric}`,
      unit,
      description: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} layer '${layer.id}' (${layer.provider}).`,
    })),
  );
  return [...fixed, ...perLayer];
}

export function portfolioSeriesInfo(layers: ReadonlyArray<{ id: string; provider: string }>, labels: string[]): SeriesInfo[] {
  const fixed: SeriesInfo[] = PORTFOLIO_SERIES_OUTPUTS.map(([name, unit, description]) => ({ name, unit, description, labels }));
  const perLayer = layers.map((layer) => ({
    name: `${layerOutputPrefix(layer.id)}NetFlow`,
    unit: 'EUR',
    description: `Distributions minus capital calls of layer '${layer.id}' (${layer.provider}) per year.`,
    labels,
  }));
  return [...fixed, ...perLayer];
}

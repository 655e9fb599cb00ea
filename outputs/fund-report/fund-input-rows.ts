import { PORTFOLIO_DEFAULTS, type Portfolio } from '../../models/portfolio/index.js';
import type { Distribution } from '../../models/distributions/index.js';
import type { ModelInput } from '../../models/simulation/model.js';
import { pathTemplate, type InputUnit } from '../inputs/input-labels.js';
import { describeInputs, type InputRow } from '../inputs/input-rows.js';
import { ownSource } from '../inputs/input-sources.js';
import { layerNames } from '../tables/layer-names.js';
import type { Texts } from '../texts/index.js';

/**
 * A fund's model inputs as the report's inputs table and the workbook's inputs sheet show them:
 * in words ("omzet in het eerste jaar (Schoonmaak en facilitaire diensten)"), in their unit, with
 * the distribution and where the figure comes from: the distribution's own `source` when it has
 * one, the published figure a portfolio default stands for when the value is that default, or
 * "assumption of the scenario".
 */

const FUND_INPUT_UNITS: Record<string, InputUnit> = {
  'fund.layers[].amount': 'EUR',
  'fund.layers[].targetReturn': 'rate',
  'fund.costs.fixedPerYear': 'EUR',
  'fund.costs.perEnterpriseYear': 'EUR',
  'fund.costs.managementFeeRate': 'share',
  'risk.regionalCorrelation': 'share',
  'impact.avoidedBenefitPerWorkerYear': 'EUR',
  'impact.administrationCostPerWorkerYear': 'EUR',
  'impact.deadweight': 'share',
  'impact.lksPerWorkerYear': 'EUR',
  'municipality.ownCostsPerYear': 'EUR',
  'money.discountRate': 'rate',
  'enterprises[].business.startupCosts': 'EUR',
  'enterprises[].business.ownCash': 'EUR',
  'enterprises[].business.revenue': 'EUR',
  'enterprises[].business.revenueGrowth': 'rate',
  'enterprises[].business.costs': 'EUR',
  'enterprises[].business.costGrowth': 'rate',
  'enterprises[].business.resultVolatility': 'share',
  'enterprises[].business.otherFailureRate': 'share',
  'enterprises[].jobs.positions': 'count',
  'enterprises[].jobs.yearlyLeaveRate': 'share',
  'enterprises[].jobs.extraCostPerWorkerYear': 'EUR',
  'enterprises[].loan.amount': 'EUR',
  'enterprises[].loan.rate': 'rate',
  'enterprises[].loan.recoveryRate': 'share',
  'enterprises[].equity.amount': 'EUR',
  'enterprises[].equity.stake': 'share',
  'enterprises[].equity.exitMultiple': 'number',
  'enterprises[].grant.amount': 'EUR',
  'enterprises[].outcomeContract.pricePerSustainedPlacement': 'EUR',
  'enterprises[].outcomeContract.pricePerWorkerYear': 'EUR',
};

/** Portfolio defaults that stand for a published figure, and the key of its source. */
const REFERENCE_DEFAULTS: { template: string; value: number; source: (texts: Texts) => string }[] = [
  { template: 'impact.avoidedBenefitPerWorkerYear', value: PORTFOLIO_DEFAULTS.avoidedBenefitPerWorkerYear, source: (t) => t.sources.berenschot },
  { template: 'impact.administrationCostPerWorkerYear', value: PORTFOLIO_DEFAULTS.administrationCostPerWorkerYear, source: (t) => t.sources.berenschot },
  { template: 'impact.deadweight', value: PORTFOLIO_DEFAULTS.deadweight, source: (t) => t.fundReport.fundSources.werkNaDetentie },
  { template: 'risk.regionalCorrelation', value: PORTFOLIO_DEFAULTS.regionalCorrelation, source: (t) => t.fundReport.fundSources.baselCorrelation },
  { template: 'enterprises[].jobs.yearlyLeaveRate', value: PORTFOLIO_DEFAULTS.yearlyLeaveRate, source: (t) => t.sources.cbsRetention },
  { template: 'money.discountRate', value: PORTFOLIO_DEFAULTS.discountRate, source: (t) => t.sources.mkba },
];
const MATCH_TOLERANCE = 1e-9;

export function fundInputUnit(path: string): InputUnit {
  return FUND_INPUT_UNITS[pathTemplate(path)] ?? 'number';
}

export function fundInputLabel(path: string, portfolio: Portfolio, texts: Texts): string {
  const template = texts.fundReport.inputLabels[pathTemplate(path)];
  if (template === undefined) return path;
  const index = Number(/\[(\d+)\]/.exec(path)?.[1] ?? -1);
  const enterprise = portfolio.enterprises[index];
  const layer = portfolio.fund.layers[index];
  const values: Record<string, string> = {
    enterprise: enterprise ? (enterprise.label ?? enterprise.id) : '',
    layer: layer ? (layerNames(portfolio.fund.layers, texts).get(layer.id) ?? layer.id) : '',
  };
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

function fundInputSource(path: string, value: number, distribution: Distribution | null, texts: Texts): string {
  const own = ownSource(distribution);
  if (own !== undefined) return own;
  if (distribution === null) {
    const template = pathTemplate(path);
    const reference = REFERENCE_DEFAULTS.find((r) => r.template === template && Math.abs(r.value - value) <= MATCH_TOLERANCE * Math.max(1, Math.abs(r.value)));
    if (reference !== undefined) return reference.source(texts);
  }
  return texts.assumedSource;
}

export function fundInputRows(inputs: ReadonlyArray<ModelInput>, portfolio: Portfolio, texts: Texts): InputRow[] {
  return describeInputs(
    inputs,
    { unit: fundInputUnit, label: (path) => fundInputLabel(path, portfolio, texts), source: (path, base, distribution) => fundInputSource(path, base, distribution, texts) },
    texts,
  );
}

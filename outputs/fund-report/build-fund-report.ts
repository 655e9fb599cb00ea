import { layerOutputPrefix } from '../../models/portfolio/index.js';
import type { OutputSummary, SimulationResult } from '../../models/simulation/index.js';
import { numberFormatter, type NumberFormatter } from '../format-numbers.js';
import { layerKindLabel } from '../tables/output-labels.js';
import { layerNames } from '../tables/layer-names.js';
import { textsFor, type Texts } from '../texts/index.js';
import { FUND_FIGURES } from '../texts/fund-report-texts.js';
import { impactSpec, lossChanceSpec } from './fund-report-charts.js';
import type { FundReportDocument, FundStatistic } from './fund-report-document.js';
import type { FundReportRun, FundReportStrategyRun } from './fund-report-run.js';
import { fundInputRows } from './fund-input-rows.js';

/**
 * The fund report as data, built from the run's results only: per strategy the Monte Carlo
 * statistics of the figures a fund board asks about and, per capital layer, the chance of loss
 * (the mean of `layer<Id>LossOccurred`, 1 in a run where the layer lost money), the multiple, the
 * IRR and the loss. The fund's description comes from the first strategy's portfolio and its
 * expected evaluation.
 */
export function buildFundReport(run: FundReportRun): FundReportDocument {
  const texts = textsFor(run.language);
  const format = numberFormatter(texts);
  const first = run.strategies[0];
  const inputs = fundInputRows(run.inputs, first.portfolio, texts);
  const base = (path: string): number | null => run.inputs.find((input) => input.path === path)?.base ?? null;

  const strategies = run.strategies.map((strategy) => strategyFigures(strategy, texts));
  const lossRows = strategies.flatMap((s) => s.layers.map((layer) => ({ layer: layer.name, strategy: s.name, lossChance: layer.lossChance })));
  const lossChance = lossChanceSpec(lossRows, texts, format);
  const impact = impactSpec(
    strategies.map((s) => ({ strategy: s.name, statistic: s.figures.avoidedCostsAttributable })).filter((row) => row.statistic !== undefined),
    texts,
  );
  const result = first.result;
  return {
    kind: 'portfolio',
    language: run.language,
    title: texts.fundReport.documentTitle(first.portfolio.name),
    fundName: first.portfolio.name,
    fundInWords: fundInWords(first, run.inputs, texts, format),
    priceBasis: texts.fundReport.priceBasis(first.portfolio.startYear),
    layers: describeLayers(first, base, texts),
    enterprises: describeEnterprises(first, base, texts, format),
    strategies,
    charts: { lossChance: lossChance as Record<string, unknown> | null, impact: impact as Record<string, unknown> | null },
    inputs: inputs.map(({ path, label, unit, base: value, uncertain, distribution, source }) => ({ path, label, unit, base: value, uncertain, distribution, source })),
    context: run.context ?? null,
    reproduction: {
      seed: result.seed,
      iterations: result.iterations,
      sampling: result.sampling,
      softwareVersion: run.provenance.softwareVersion,
      generatedAt: run.provenance.generatedAt,
      simulationId: run.simulationId,
    },
  };
}

const EMPTY_STATISTIC: FundStatistic = { mean: null, p10: null, p25: null, p50: null, p75: null, p90: null, count: 0, nanCount: 0 };

export function statisticOf(output: OutputSummary | undefined): FundStatistic {
  if (output === undefined) return EMPTY_STATISTIC;
  const p = output.percentiles;
  return { mean: output.mean, p10: p.p10 ?? null, p25: p.p25 ?? null, p50: p.p50 ?? null, p75: p.p75 ?? null, p90: p.p90 ?? null, count: output.count, nanCount: output.nanCount };
}

function outputOf(result: SimulationResult, name: string): OutputSummary | undefined {
  return result.outputs.find((output) => output.name === name);
}

function strategyFigures(strategy: FundReportStrategyRun, texts: Texts): FundReportDocument['strategies'][number] {
  const names = layerNames(strategy.evaluation.layers, texts);
  const figures: Record<string, FundStatistic> = {};
  for (const figure of FUND_FIGURES) figures[figure] = statisticOf(outputOf(strategy.result, figure));
  return {
    name: strategy.name,
    description: strategy.description ?? null,
    figures,
    layers: strategy.evaluation.layers.map((layer) => {
      const prefix = layerOutputPrefix(layer.id);
      const lossOccurred = outputOf(strategy.result, `${prefix}LossOccurred`);
      return {
        id: layer.id,
        name: names.get(layer.id) ?? layer.id,
        lossChance: lossOccurred?.mean ?? null,
        multiple: statisticOf(outputOf(strategy.result, `${prefix}Multiple`)),
        irr: statisticOf(outputOf(strategy.result, `${prefix}Irr`)),
        loss: statisticOf(outputOf(strategy.result, `${prefix}Loss`)),
      };
    }),
  };
}

function fundInWords(first: FundReportStrategyRun, inputs: FundReportRun['inputs'], texts: Texts, format: NumberFormatter): string[] {
  const portfolio = first.portfolio;
  // An estimate shows its mean, marked as expected (the plan's most likely value may differ).
  const amount = (path: string, shown: (value: number) => string) => {
    const input = inputs.find((i) => i.path === path);
    if (input === undefined) return shown(0);
    return input.distribution === null ? shown(input.base) : `${shown(input.base)} (${texts.fundReport.expected})`;
  };
  const evaluation = first.evaluation;
  return texts.fundReport.fundInWords({
    name: portfolio.name,
    startYear: portfolio.startYear,
    horizonYears: portfolio.horizonYears,
    lastYear: portfolio.startYear + portfolio.horizonYears - 1,
    investmentPeriodYears: portfolio.fund.investmentPeriodYears,
    revolving: portfolio.fund.revolving,
    committed: format.euro(evaluation.layers.reduce((sum, layer) => sum + layer.committed, 0)),
    layerCount: evaluation.layers.length,
    enterprises: format.count(portfolio.enterprises.reduce((sum, e) => sum + e.count, 0), 0),
    archetypes: portfolio.enterprises.length,
    fixedCostsPerYear: amount('fund.costs.fixedPerYear', (v) => format.euro(v)),
    perEnterpriseYear: amount('fund.costs.perEnterpriseYear', (v) => format.euro(v)),
    managementFee: amount('fund.costs.managementFeeRate', (v) => format.percent(v, 1)),
    municipality: portfolio.municipality.name,
    discountRate: amount('money.discountRate', (v) => format.percent(v, 2)),
  });
}

function describeLayers(first: FundReportStrategyRun, base: (path: string) => number | null, texts: Texts): FundReportDocument['layers'] {
  const names = layerNames(first.evaluation.layers, texts);
  return first.evaluation.layers.map((layer) => {
    const index = first.portfolio.fund.layers.findIndex((l) => l.id === layer.id);
    return {
      id: layer.id,
      name: names.get(layer.id) ?? layer.id,
      kind: layer.kind,
      kindLabel: layerKindLabel(layer.kind, texts),
      committed: layer.committed,
      targetReturn: layer.kind === 'grant' ? null : base(`fund.layers[${index}].targetReturn`),
      fromMunicipality: layer.fromMunicipality,
    };
  });
}

function describeEnterprises(first: FundReportStrategyRun, base: (path: string) => number | null, texts: Texts, format: NumberFormatter): FundReportDocument['enterprises'] {
  const t = texts.fundReport;
  return first.portfolio.enterprises.map((enterprise, index) => {
    const at = (field: string) => base(`enterprises[${index}].${field}`);
    const result = first.evaluation.enterprises.find((e) => e.id === enterprise.id);
    const years = (result?.intakeByYear ?? []).flatMap((count, year) => (count > 0 ? [year] : []));
    const perPlacement = enterprise.outcomeContract ? at('outcomeContract.pricePerSustainedPlacement') : null;
    const perWorkerYear = enterprise.outcomeContract ? at('outcomeContract.pricePerWorkerYear') : null;
    return {
      id: enterprise.id,
      label: enterprise.label ?? enterprise.id,
      count: enterprise.count,
      intake: years.length === 0 ? t.none : t.intakeYears(years[0], years[years.length - 1]),
      instruments: t.instruments({
        loan: enterprise.loan ? { amount: format.euro(at('loan.amount')), rate: format.percent(at('loan.rate'), 1), termYears: enterprise.loan.termYears } : null,
        equity: enterprise.equity ? { amount: format.euro(at('equity.amount')), stake: format.percent(at('equity.stake'), 0), exitAfterYears: enterprise.equity.exitAfterYears } : null,
        grant: enterprise.grant ? { amount: format.euro(at('grant.amount')) } : null,
      }),
      jobs: t.jobsPerEnterprise(format.count(at('jobs.positions'), 1)),
      outcomeContract:
        enterprise.outcomeContract && ((perPlacement ?? 0) > 0 || (perWorkerYear ?? 0) > 0)
          ? t.outcomeContract(perPlacement ? format.euro(perPlacement) : null, perWorkerYear ? format.euro(perWorkerYear) : null, enterprise.outcomeContract.paidBy)
          : t.none,
    };
  });
}

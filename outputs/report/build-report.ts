import type { TopLevelSpec } from 'vega-lite';
import { cashFlowFanSpec, netResultDistributionSpec, tornadoSpec, yearlyFiguresSpec, type TornadoBarLabel, type YearlyBar } from '../charts/chart-specs.js';
import { numberFormatter } from '../format-numbers.js';
import { inputRows, type InputRow } from '../inputs/input-rows.js';
import { capitalise, inputLabel, inputUnit } from '../inputs/input-labels.js';
import { outputLabel, PARTY_NET_SERIES } from '../tables/output-labels.js';
import { textsFor } from '../texts/index.js';
import { findOutput, keyFigures, type KeyFigures } from './key-figures.js';
import { contractWords } from './contract-words.js';
import { REPORT_OUTPUT } from './report-analyses.js';
import type { ReportDocument } from './report-document.js';
import type { ReportRun } from './report-run.js';
import { whatCouldGoWrong } from './what-could-go-wrong.js';

/** Bars in the report's tornado chart; the workbook lists them all. */
export const TORNADO_CHART_BARS = 8;

function yearlyBars(figures: KeyFigures): YearlyBar[] {
  return figures.yearly.flatMap((year) =>
    (['payments', 'avoidedCosts', 'netResult'] as const).map((measure) => ({ year: year.label, measure, ...year[measure] })),
  );
}

/** Turns a run's three results into the report's content: figures, sentences, chart specs, inputs. */
export function buildReport(run: ReportRun): ReportDocument {
  const texts = textsFor(run.language);
  const format = numberFormatter(texts);
  const figures = keyFigures(run);
  const inputs: InputRow[] = inputRows(run.inputs, run.contract, texts);
  const net = findOutput(run.simulation, REPORT_OUTPUT);
  const hasInvestor = run.contract.investor !== undefined;
  const parties = PARTY_NET_SERIES.filter((p) => p.party !== 'investor' || hasInvestor);
  const barLabels: TornadoBarLabel[] = run.sensitivity.bars.map((bar) => {
    const unit = inputUnit(bar.path);
    return {
      path: bar.path,
      label: capitalise(inputLabel(bar.path, run.contract, texts)),
      lowText: format.byUnit(bar.low, unit),
      highText: format.byUnit(bar.high, unit),
    };
  });
  const asRecord = (spec: TopLevelSpec | null) => spec as Record<string, unknown> | null;
  return {
    language: run.language,
    title: texts.report.documentTitle(run.contract.name),
    keyFigures: figures,
    contractInWords: texts.report.contractInWords(contractWords(run.contract, run.evaluation, texts, format)),
    findings: whatCouldGoWrong(run, figures, texts, format).map((finding) => ({ kind: finding.kind, text: texts.report.risk(finding) })),
    providerInWords: texts.report.providerInWords({
      marginMean: format.euro(figures.providerMarginMean),
      marginP10: format.euro(figures.providerMarginP10),
      marginP90: format.euro(figures.providerMarginP90),
      lossChance: figures.providerLossChance === null ? null : format.chance(figures.providerLossChance),
      lossProbability: figures.providerLossChance,
      hasInvestor,
      anyUncertainInput: figures.uncertainInputs > 0,
    }),
    charts: {
      netResult: asRecord(net === undefined ? null : netResultDistributionSpec(net, texts, format)),
      cashFlows: asRecord(cashFlowFanSpec(run.simulation, parties, texts, (year) => figures.yearly.find((y) => y.year === year)?.label ?? year)),
      yearly: asRecord(yearlyFiguresSpec(yearlyBars(figures), texts)),
      tornado: asRecord(tornadoSpec(run.sensitivity, barLabels, outputLabel(REPORT_OUTPUT, texts), texts, format, TORNADO_CHART_BARS)),
    },
    breakEven: run.breakEven.map(({ kind, path, base, together, settings, result }) => ({ kind, path, base, together, settings, result })),
    inputs,
    context: run.context ?? null,
    reproduction: {
      seed: run.simulation.seed,
      iterations: run.simulation.iterations,
      sampling: run.simulation.sampling,
      drawIndividualOutcomes: run.simulation.drawIndividualOutcomes,
      sensitivityRange: run.sensitivityRange,
      softwareVersion: run.provenance.softwareVersion,
      generatedAt: run.provenance.generatedAt,
      simulationId: run.simulationId,
    },
    contract: run.contract,
    evaluation: run.evaluation,
    simulation: run.simulation,
    sensitivity: run.sensitivity,
  };
}

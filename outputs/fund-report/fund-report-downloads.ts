import type { SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import { writeCsv } from '../csv/facts.js';
import { simulationFacts } from '../csv/result-facts.js';
import { aboutTable, provenanceEntries, reportRunEntries, type AboutEntry } from '../tables/about-table.js';
import { inputsTable } from '../tables/evaluation-tables.js';
import { expectedComparisonTable, fundComparisonTables, layersSideBySideTable, sideBySideTable } from '../tables/fund-comparison-tables.js';
import type { NamedLayer } from '../tables/layer-names.js';
import { simulationAboutEntries } from '../tables/simulation-tables.js';
import type { Table } from '../tables/table.js';
import { textsFor } from '../texts/index.js';
import { writeWorkbook } from '../workbook/write-workbook.js';
import type { FundReportDocument } from './fund-report-document.js';
import type { FundReportRun } from './fund-report-run.js';
import { fundInputRows } from './fund-input-rows.js';

/**
 * The fund report's numbers as a workbook for the fund's finance staff: what was run, the
 * inputs with distributions and sources, the fund's layers and enterprises in words, and the
 * strategies side by side (all outputs, the layers, the differences from the first strategy, and
 * the expected results of POST /portfolios/compare).
 */

/** The run's results as one comparison (or the one simulation), as POST /portfolios/compare's job gives them. */
export function fundRunResult(run: FundReportRun): SimulationResult | VariantComparisonResult {
  if (run.strategies.length === 1) return run.strategies[0].result;
  return { variants: run.strategies.map((s) => ({ name: s.name, result: s.result })), differences: run.differences };
}

function runLayers(run: FundReportRun): NamedLayer[] {
  const layers = new Map<string, NamedLayer>();
  for (const strategy of run.strategies) for (const layer of strategy.evaluation.layers) if (!layers.has(layer.id)) layers.set(layer.id, layer);
  return [...layers.values()];
}

export function fundReportTables(run: FundReportRun, report: FundReportDocument): Table[] {
  const texts = textsFor(run.language);
  const t = texts.fundReport;
  const a = texts.workbook.about;
  const about: AboutEntry[] = [
    { label: t.fundHeading, value: report.fundName },
    { label: t.strategiesLabel, value: report.strategies.map((s) => s.name).join(' · ') },
    ...simulationAboutEntries(run.strategies[0].result, texts),
    { label: t.priceBasisLabel, value: report.priceBasis },
    ...provenanceEntries(texts, run.provenance),
    ...reportRunEntries(texts, run.simulationId, run.context),
  ];
  const strategiesTable: Table = {
    sheet: t.sheets.strategies,
    columns: [
      { header: t.columns.strategy, format: 'text', width: 40 },
      { header: t.columns.description, format: 'text', width: 100 },
    ],
    rows: report.strategies.map((s) => [s.name, s.description]),
  };
  const layersTable: Table = {
    sheet: t.sheets.fund,
    columns: [
      { header: t.layerColumns.layer, format: 'text', width: 36 },
      { header: t.layerColumns.kind, format: 'text', width: 30 },
      { header: t.layerColumns.amount, format: 'euro', width: 16 },
      { header: t.layerColumns.targetReturn, format: 'percent', width: 16 },
      { header: t.layerColumns.fromMunicipality, format: 'text', width: 14 },
    ],
    rows: report.layers.map((l) => [l.name, l.kindLabel, l.committed, l.targetReturn, l.fromMunicipality ? a.yes : a.no]),
  };
  const e = t.enterpriseColumns;
  const enterprisesTable: Table = {
    sheet: t.sheets.enterprises,
    columns: [
      { header: e.enterprise, format: 'text', width: 40 },
      { header: e.count, format: 'integer', width: 9 },
      { header: e.intake, format: 'text', width: 18 },
      { header: e.instruments, format: 'text', width: 60 },
      { header: e.jobs, format: 'text', width: 22 },
      { header: e.outcomeContract, format: 'text', width: 50 },
    ],
    rows: report.enterprises.map((x) => [x.label, x.count, x.intake, x.instruments, x.jobs, x.outcomeContract]),
  };
  const result = fundRunResult(run);
  const layers = runLayers(run);
  const results =
    'variants' in result
      ? fundComparisonTables(result, texts, layers)
      : [
          sideBySideTable([{ header: run.strategies[0].name, outputs: result.outputs }], texts, { sheet: t.sheets.sideBySide, layers }),
          layersSideBySideTable([{ name: run.strategies[0].name, outputs: result.outputs }], texts, t.sheets.layersSideBySide, layers),
        ];
  return [
    aboutTable(texts, about),
    ...results,
    ...(run.expected === null ? [] : [expectedComparisonTable(run.expected, texts, layers)]),
    strategiesTable,
    layersTable,
    enterprisesTable,
    inputsTable(fundInputRows(run.inputs, run.strategies[0].portfolio, texts), texts),
  ];
}

export function fundReportWorkbook(run: FundReportRun, report: FundReportDocument): Promise<Buffer> {
  return writeWorkbook(fundReportTables(run, report), run.provenance);
}

/** Machine-readable: the comparison's facts with full-precision numbers, as the simulation's CSV download gives them. */
export function fundReportCsv(run: FundReportRun): string {
  return writeCsv(simulationFacts(fundRunResult(run), textsFor(run.language)));
}

import { layerOutputPrefix, LAYER_METRICS, type PortfolioComparison } from '../../models/portfolio/index.js';
import type { OutputSummary, VariantComparisonResult } from '../../models/simulation/index.js';
import type { Texts } from '../texts/index.js';
import { layerNames, layersFromDescriptions, type NamedLayer } from './layer-names.js';
import { outputLabel, parseLayerOutputName, unitLabel } from './output-labels.js';
import { formatForUnit, type Cell, type CellFormat, type Table } from './table.js';

/**
 * Fund strategies side by side: one column per strategy (or per difference from the first),
 * one row per output and statistic, layers by their providers' names, and chances and shares as
 * percentages (the cell keeps the fraction; the percent format only changes how Excel shows it).
 */

/** Outputs whose value is a share of something though their unit is `ratio`: shown as percentages. */
const SHARE_OUTPUTS = new Set(['failureShare', 'loanLossRate']);

/** The display format of a fund output: a chance of loss (mean of a 0/1 indicator) or a share is a percentage. */
export function fundCellFormat(name: string, unit: string): CellFormat {
  if (SHARE_OUTPUTS.has(name) || parseLayerOutputName(name)?.metric === 'LossOccurred') return 'percent';
  return formatForUnit(unit);
}

/** True for a Monte Carlo result of the portfolio model (its outputs carry the fund's names). */
export function isFundResult(outputs: ReadonlyArray<{ name: string }>): boolean {
  return outputs.some((output) => output.name === 'capitalCommitted') && outputs.some((output) => output.name === 'fundIrr');
}

const STATISTICS = ['mean', 'p10', 'p50', 'p90'] as const;
type Statistic = (typeof STATISTICS)[number];
const valueOf = (output: OutputSummary | undefined, statistic: Statistic): number | null =>
  output === undefined ? null : statistic === 'mean' ? output.mean : (output.percentiles[statistic] ?? null);

function statisticLabel(statistic: Statistic, name: string, texts: Texts): string {
  if (statistic === 'mean') return parseLayerOutputName(name)?.metric === 'LossOccurred' ? texts.fundReport.lossChanceRow : texts.statistics.mean;
  return texts.statistics.percentile(Number(statistic.slice(1)));
}

/** Rows of outputs by statistic, a column per entry of `columns` (strategies, or differences). */
export function sideBySideTable(
  columns: ReadonlyArray<{ header: string; outputs: OutputSummary[] }>,
  texts: Texts,
  options: { sheet: string; layers?: NamedLayer[] },
): Table {
  const c = texts.workbook.columns;
  const layers = options.layers ?? layersFromDescriptions(columns.flatMap((column) => column.outputs));
  const seen = new Map<string, OutputSummary>();
  for (const column of columns) for (const output of column.outputs) if (!seen.has(output.name)) seen.set(output.name, output);
  const rows: Cell[][] = [];
  const rowFormats: CellFormat[] = [];
  for (const info of seen.values()) {
    for (const statistic of STATISTICS) {
      rows.push([
        outputLabel(info.name, texts, info.description, layers),
        info.name,
        statisticLabel(statistic, info.name, texts),
        unitLabel(info.unit, texts),
        ...columns.map((column) => valueOf(column.outputs.find((o) => o.name === info.name), statistic)),
      ]);
      rowFormats.push(fundCellFormat(info.name, info.unit));
    }
  }
  return {
    sheet: options.sheet,
    columns: [
      { header: c.label, format: 'text', width: 52 },
      { header: c.name, format: 'text', width: 30 },
      { header: c.statistic, format: 'text', width: 16 },
      { header: c.unit, format: 'text', width: 10 },
      ...columns.map((column) => ({ header: column.header, format: 'row' as const, width: 20 })),
    ],
    rows,
    rowFormats,
    frozenColumns: 1,
  };
}

/**
 * Per capital layer (by name) its chance of loss, multiple, IRR (median), loss, paid in and
 * received, one column per strategy.
 */
export function layersSideBySideTable(strategies: ReadonlyArray<{ name: string; outputs: OutputSummary[] }>, texts: Texts, sheet: string, layers?: NamedLayer[]): Table {
  const all = layers ?? layersFromDescriptions(strategies.flatMap((s) => s.outputs));
  const names = layerNames(all, texts);
  const t = texts.fundReport;
  const l = texts.workbook.layers;
  const metrics: { metric: (typeof LAYER_METRICS)[number][0]; label: string; statistic: Statistic; format: CellFormat }[] = [
    { metric: 'LossOccurred', label: t.lossChanceRow, statistic: 'mean', format: 'percent' },
    { metric: 'Multiple', label: t.multipleRow, statistic: 'mean', format: 'ratio' },
    { metric: 'Irr', label: t.irrRow, statistic: 'p50', format: 'percent' },
    { metric: 'Loss', label: t.lossRow, statistic: 'mean', format: 'euro' },
    { metric: 'PaidIn', label: `${l.paidIn} (${texts.statistics.mean.toLowerCase()})`, statistic: 'mean', format: 'euro' },
    { metric: 'Received', label: `${l.received} (${texts.statistics.mean.toLowerCase()})`, statistic: 'mean', format: 'euro' },
  ];
  const rows: Cell[][] = [];
  const rowFormats: CellFormat[] = [];
  for (const layer of all) {
    for (const m of metrics) {
      const name = `${layerOutputPrefix(layer.id)}${m.metric}`;
      rows.push([names.get(layer.id) ?? layer.id, m.label, name, ...strategies.map((s) => valueOf(s.outputs.find((o) => o.name === name), m.statistic))]);
      rowFormats.push(m.format);
    }
  }
  return {
    sheet,
    columns: [
      { header: t.columns.layer, format: 'text', width: 34 },
      { header: t.columns.metric, format: 'text', width: 40 },
      { header: texts.workbook.columns.name, format: 'text', width: 30 },
      ...strategies.map((s) => ({ header: s.name, format: 'row' as const, width: 20 })),
    ],
    rows,
    rowFormats,
    frozenColumns: 2,
  };
}

/** A fund comparison's Monte Carlo tables: strategies side by side, layers side by side, differences from the first side by side. */
export function fundComparisonTables(result: VariantComparisonResult, texts: Texts, layers?: NamedLayer[]): Table[] {
  const strategies = result.variants.map((v) => ({ name: v.name, header: v.name, outputs: v.result.outputs }));
  return [
    sideBySideTable(strategies, texts, { sheet: texts.fundReport.sheets.sideBySide, layers }),
    layersSideBySideTable(strategies, texts, texts.fundReport.sheets.layersSideBySide, layers),
    sideBySideTable(
      result.differences.map((d) => ({ header: `${d.variant} − ${d.baseline}`, outputs: d.outputs })),
      texts,
      { sheet: texts.workbook.sheets.differences, layers: layers ?? layersFromDescriptions(strategies.flatMap((s) => s.outputs)) },
    ),
  ];
}

/**
 * The expected comparison (POST /portfolios/compare's `expected`: every input at its mean, no
 * failures drawn): one row per output, a column per strategy, then the differences from the first.
 */
export function expectedComparisonTable(comparison: PortfolioComparison, texts: Texts, layers: NamedLayer[]): Table {
  const c = texts.workbook.columns;
  const others = comparison.strategies.slice(1);
  return {
    sheet: texts.fundReport.sheets.expected,
    columns: [
      { header: c.label, format: 'text', width: 52 },
      { header: c.name, format: 'text', width: 30 },
      { header: c.unit, format: 'text', width: 10 },
      ...comparison.strategies.map((name) => ({ header: name, format: 'row' as const, width: 20 })),
      ...others.map((name) => ({ header: `${name} − ${comparison.strategies[0]}`, format: 'row' as const, width: 22 })),
    ],
    rows: comparison.outputs.map((output) => [
      outputLabel(output.name, texts, output.description, layers),
      output.name,
      unitLabel(output.unit, texts),
      ...output.values,
      ...output.differenceFromFirst.slice(1),
    ]),
    rowFormats: comparison.outputs.map((output) => fundCellFormat(output.name, output.unit)),
    frozenColumns: 1,
  };
}

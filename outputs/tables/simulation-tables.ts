import type { OutputSummary, SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import type { Texts } from '../texts/index.js';
import type { AboutEntry } from './about-table.js';
import { fundCellFormat, fundComparisonTables, isFundResult } from './fund-comparison-tables.js';
import { layersFromDescriptions } from './layer-names.js';
import { outputLabel, partyOfSeries, unitLabel } from './output-labels.js';
import { formatForUnit, type Cell, type CellFormat, type Table } from './table.js';

/** Tables of a Monte Carlo result: settings, output statistics, yearly fans, events, risk, histograms, convergence. */

const SUMMARY_PERCENTILES = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
/** The yearly sheet shows the band the report talks about (P10 to P90), the median and the mean. */
const YEARLY_STATISTICS = ['p10', 'p50', 'p90'] as const;

export function simulationAboutEntries(result: SimulationResult, texts: Texts): AboutEntry[] {
  const a = texts.workbook.about;
  return [
    { label: a.seed, value: result.seed, format: 'integer' },
    { label: a.iterations, value: result.iterations, format: 'integer' },
    { label: a.sampling, value: result.sampling },
    { label: a.drawIndividualOutcomes, value: result.drawIndividualOutcomes ? a.yes : a.no },
    {
      label: a.percentileMethod,
      value: result.percentileMethod.kind === 'exact' ? 'exact' : `sketch (${result.percentileMethod.relativeAccuracy})`,
    },
  ];
}

/** Per output: mean, spread and percentiles; `base` adds the deterministic value beside them. */
export function simulationSummaryTable(
  outputs: OutputSummary[],
  texts: Texts,
  options: { sheet?: string; variant?: string; base?: Record<string, number | null> } = {},
): Table {
  const c = texts.workbook.columns;
  const s = texts.statistics;
  const lead = options.variant === undefined ? [] : [{ header: c.variant, format: 'text' as const, width: 16 }];
  const baseColumn = options.base === undefined ? [] : [{ header: s.base, format: 'row' as const, width: 18 }];
  // A fund's per-layer outputs are named after the layer's provider, which their descriptions carry.
  const layers = layersFromDescriptions(outputs);
  return {
    sheet: options.sheet ?? texts.workbook.sheets.summary,
    columns: [
      ...lead,
      { header: c.label, format: 'text', width: 52 },
      { header: c.name, format: 'text', width: 32 },
      { header: c.unit, format: 'text', width: 11 },
      ...baseColumn,
      { header: s.mean, format: 'row', width: 16 },
      { header: s.sd, format: 'row', width: 16 },
      { header: s.standardError, format: 'row', width: 14 },
      ...SUMMARY_PERCENTILES.map((p) => ({ header: s.percentile(Number(p.slice(1))), format: 'row' as const, width: 15 })),
      { header: s.min, format: 'row', width: 15 },
      { header: s.max, format: 'row', width: 15 },
      { header: s.count, format: 'integer', width: 11 },
      { header: s.nanCount, format: 'integer', width: 11 },
    ],
    rows: outputs.map((o): Cell[] => [
      ...(options.variant === undefined ? [] : [options.variant]),
      outputLabel(o.name, texts, o.description, layers),
      o.name,
      unitLabel(o.unit, texts),
      ...(options.base === undefined ? [] : [options.base[o.name] ?? null]),
      o.mean,
      o.sd,
      o.standardError,
      ...SUMMARY_PERCENTILES.map((p) => o.percentiles[p]),
      o.min,
      o.max,
      o.count,
      o.nanCount,
    ]),
    rowFormats: outputs.map((o) => fundCellFormat(o.name, o.unit)),
    frozenColumns: lead.length + 1,
  };
}

/**
 * Yearly cash flows per party: for each series P10, P50, P90 and the mean per year, and the
 * deterministic value when `base` (series name to yearly values) is given.
 */
export function simulationYearlyTable(result: SimulationResult, texts: Texts, base?: Record<string, number[]>): Table {
  const c = texts.workbook.columns;
  const labels = result.series[0]?.labels ?? [];
  const rows: Cell[][] = [];
  const rowFormats: CellFormat[] = [];
  const layers = layersFromDescriptions(result.outputs);
  for (const series of result.series) {
    const lead = (statistic: string): Cell[] => [texts.parties[partyOfSeries(series.name)], outputLabel(series.name, texts, series.description, layers), series.name, statistic, unitLabel(series.unit, texts)];
    const format = formatForUnit(series.unit);
    for (const p of YEARLY_STATISTICS) {
      rows.push([...lead(texts.statistics.percentile(Number(p.slice(1)))), ...series.fan[p]]);
      rowFormats.push(format);
    }
    rows.push([...lead(texts.statistics.mean), ...series.mean]);
    rowFormats.push(format);
    const baseValues = base?.[series.name];
    if (baseValues !== undefined) {
      rows.push([...lead(texts.statistics.base), ...baseValues]);
      rowFormats.push(format);
    }
  }
  return {
    sheet: texts.workbook.sheets.yearly,
    columns: [
      { header: c.party, format: 'text', width: 14 },
      { header: c.series, format: 'text', width: 34 },
      { header: c.name, format: 'text', width: 28 },
      { header: c.statistic, format: 'text', width: 26 },
      { header: c.unit, format: 'text', width: 10 },
      ...labels.map((label) => ({ header: label, format: 'row' as const, width: 14 })),
    ],
    rows,
    rowFormats,
    frozenColumns: 2,
  };
}

export function eventsTable(result: SimulationResult, texts: Texts): Table {
  const c = texts.workbook.columns;
  return {
    sheet: texts.workbook.sheets.events,
    columns: [
      { header: c.name, format: 'text', width: 28 },
      { header: c.expression, format: 'text', width: 48 },
      { header: c.probability, format: 'percent', width: 12 },
      { header: texts.statistics.standardError, format: 'percent', width: 14 },
      { header: c.undefinedCount, format: 'integer', width: 16 },
    ],
    rows: result.events.map((event) => [event.name, event.expression, event.probability, event.standardError, event.undefinedCount]),
  };
}

export function riskTable(result: SimulationResult, texts: Texts): Table | null {
  if (result.risk === null) return null;
  const risk = result.risk;
  const unit = result.outputs.find((o) => o.name === risk.output)?.unit ?? '';
  const c = texts.workbook.columns;
  return {
    sheet: texts.workbook.sheets.risk,
    columns: [
      { header: c.output, format: 'text', width: 28 },
      { header: c.statistic, format: 'text', width: 10 },
      { header: c.level, format: 'percent', width: 16 },
      { header: c.valueAtRisk, format: formatForUnit(unit), width: 18 },
      { header: c.expectedShortfall, format: formatForUnit(unit), width: 20 },
    ],
    rows: risk.levels.map((level) => [risk.output, risk.tail, level.level, level.valueAtRisk, level.expectedShortfall]),
  };
}

export function histogramsTable(result: SimulationResult, texts: Texts): Table {
  const c = texts.workbook.columns;
  const rows: Cell[][] = [];
  const rowFormats: CellFormat[] = [];
  for (const output of result.outputs) {
    const histogram = output.histogram;
    if (histogram === null) continue;
    const total = histogram.counts.reduce((sum, count) => sum + count, 0);
    histogram.counts.forEach((count, bin) => {
      rows.push([output.name, histogram.edges[bin], histogram.edges[bin + 1], count, total > 0 ? count / total : null]);
      rowFormats.push(formatForUnit(output.unit));
    });
  }
  return {
    sheet: texts.workbook.sheets.histograms,
    columns: [
      { header: c.name, format: 'text', width: 30 },
      { header: c.binFrom, format: 'row', width: 16 },
      { header: c.binTo, format: 'row', width: 16 },
      { header: texts.statistics.count, format: 'integer', width: 12 },
      { header: c.probability, format: 'percent', width: 12 },
    ],
    rows,
    rowFormats,
    frozenColumns: 1,
  };
}

export function convergenceTable(result: SimulationResult, texts: Texts): Table {
  const c = texts.workbook.columns;
  const rows: Cell[][] = [];
  const rowFormats: CellFormat[] = [];
  const units = new Map(result.outputs.map((o) => [o.name, o.unit]));
  for (const output of result.convergence.outputs) {
    result.convergence.iterations.forEach((iterations, k) => {
      rows.push([output.name, iterations, output.mean[k], output.standardError[k]]);
      rowFormats.push(formatForUnit(units.get(output.name) ?? ''));
    });
  }
  return {
    sheet: texts.workbook.sheets.convergence,
    columns: [
      { header: c.name, format: 'text', width: 30 },
      { header: c.iterations, format: 'integer', width: 12 },
      { header: texts.statistics.mean, format: 'row', width: 16 },
      { header: texts.statistics.standardError, format: 'row', width: 16 },
    ],
    rows,
    rowFormats,
    frozenColumns: 1,
  };
}

/** Every table of one simulation result, after its about sheet. */
export function simulationTables(result: SimulationResult, texts: Texts): Table[] {
  const tables: Table[] = [simulationSummaryTable(result.outputs, texts)];
  if (result.series.length > 0) tables.push(simulationYearlyTable(result, texts));
  if (result.events.length > 0) tables.push(eventsTable(result, texts));
  const risk = riskTable(result, texts);
  if (risk !== null) tables.push(risk);
  tables.push(histogramsTable(result, texts), convergenceTable(result, texts));
  return tables;
}

/**
 * A comparison: every variant's statistics in one sheet, and the paired differences in another.
 * Fund strategies are set side by side instead (one column per strategy, see fund-comparison-tables.ts).
 */
export function comparisonTables(result: VariantComparisonResult, texts: Texts): Table[] {
  if (isFundResult(result.variants[0]?.result.outputs ?? [])) return fundComparisonTables(result, texts);
  const merge = (tables: Table[], sheet: string): Table => ({
    ...tables[0],
    sheet,
    rows: tables.flatMap((t) => t.rows),
    rowFormats: tables.flatMap((t) => t.rowFormats ?? []),
  });
  const summaries = result.variants.map((v) => simulationSummaryTable(v.result.outputs, texts, { variant: v.name }));
  const differences = result.differences.map((d) => simulationSummaryTable(d.outputs, texts, { variant: `${d.variant} − ${d.baseline}` }));
  return [merge(summaries, texts.workbook.sheets.summary), merge(differences, texts.workbook.sheets.differences)];
}

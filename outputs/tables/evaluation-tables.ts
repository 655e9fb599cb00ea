import { CONTRACT_SERIES_OUTPUTS, type ContractEvaluation } from '../../models/contract/index.js';
import type { InputRow } from '../inputs/input-rows.js';
import type { Texts } from '../texts/index.js';
import { monthlySeriesUnit, outputLabel, partyOfSeries, unitLabel } from './output-labels.js';
import { formatForUnit, type Cell, type CellFormat, type Table } from './table.js';
import { yearlySeriesTable } from './yearly-series-table.js';

/** Tables of a deterministic contract evaluation: inputs, summary, per year, per month, per trigger. */

export function inputsTable(rows: InputRow[], texts: Texts): Table {
  const c = texts.workbook.columns;
  return {
    sheet: texts.workbook.sheets.inputs,
    columns: [
      { header: c.label, format: 'text', width: 52 },
      { header: c.path, format: 'text', width: 44 },
      { header: texts.statistics.base, format: 'row', width: 16 },
      { header: c.uncertain, format: 'text', width: 9 },
      { header: c.distribution, format: 'text', width: 52 },
      { header: texts.statistics.percentile(10), format: 'row', width: 14 },
      { header: texts.statistics.percentile(90), format: 'row', width: 14 },
      { header: c.source, format: 'text', width: 80 },
    ],
    rows: rows.map((row) => [
      row.label,
      row.path,
      row.base,
      row.uncertain ? texts.workbook.about.yes : texts.workbook.about.no,
      row.distribution,
      row.p10,
      row.p90,
      row.source,
    ]),
    rowFormats: rows.map((row) => formatForUnit(row.unit)),
    frozenColumns: 1,
  };
}

export function evaluationSummaryTable(evaluation: ContractEvaluation, texts: Texts): Table {
  const c = texts.workbook.columns;
  return {
    sheet: texts.workbook.sheets.summary,
    columns: [
      { header: c.label, format: 'text', width: 56 },
      { header: c.name, format: 'text', width: 34 },
      { header: c.value, format: 'row', width: 18 },
      { header: c.unit, format: 'text', width: 12 },
    ],
    rows: evaluation.outputs.map((output) => [
      outputLabel(output.name, texts, output.description),
      output.name,
      evaluation.summary[output.name] ?? null,
      unitLabel(output.unit, texts),
    ]),
    rowFormats: evaluation.outputs.map((output) => formatForUnit(output.unit)),
    frozenColumns: 1,
  };
}

const SERIES_UNITS = new Map<string, string>(CONTRACT_SERIES_OUTPUTS.map(([name, unit]) => [name, unit]));

/** The unit of a yearly series as the contract declares it. */
function yearlyUnit(name: string): string {
  return SERIES_UNITS.get(name) ?? 'EUR';
}

export function evaluationYearlyTable(evaluation: ContractEvaluation, texts: Texts): Table {
  const series = Object.entries(evaluation.yearly).map(([name, values]) => ({
    party: texts.parties[partyOfSeries(name)],
    label: outputLabel(name, texts),
    name,
    unit: yearlyUnit(name),
    values,
  }));
  return yearlySeriesTable(evaluation.years, series, texts, { withParty: true });
}

export function evaluationMonthlyTable(evaluation: ContractEvaluation, texts: Texts): Table {
  const names = Object.keys(evaluation.monthly);
  const columnFormat = (name: string): CellFormat => formatForUnit(monthlySeriesUnit(name));
  return {
    sheet: texts.workbook.sheets.monthly,
    columns: [
      { header: texts.workbook.columns.month, format: 'text', width: 10 },
      ...names.map((name) => ({ header: outputLabel(name, texts), format: columnFormat(name), width: 16 })),
    ],
    rows: evaluation.months.map((month, t) => [month, ...names.map((name): Cell => evaluation.monthly[name][t])]),
    frozenColumns: 1,
  };
}

export function evaluationTriggersTable(evaluation: ContractEvaluation, texts: Texts): Table {
  const triggers = evaluation.paymentsDueByTrigger;
  return {
    sheet: texts.workbook.sheets.triggers,
    columns: [
      { header: texts.workbook.columns.month, format: 'text', width: 10 },
      ...triggers.map((trigger) => ({ header: trigger.trigger, format: 'euro' as const, width: 16 })),
    ],
    rows: [
      [texts.workbook.columns.total, ...triggers.map((trigger) => trigger.total)],
      ...evaluation.months.map((month, t): Cell[] => [month, ...triggers.map((trigger) => trigger.monthly[t])]),
    ],
    frozenColumns: 1,
  };
}

import type { Contract } from '../../models/contract/index.js';
import { capitalise, inputLabel, inputUnit } from '../inputs/input-labels.js';
import type { KeyFigures } from '../report/key-figures.js';
import type { Texts } from '../texts/index.js';
import { formatForUnit, type CellFormat, type Table } from './table.js';

/**
 * The council report's own figures as sheets for finance staff: per calendar year the mean and
 * P10–P90 of outcome payments, avoided costs and net result (partial years labelled with their
 * months), and the break-even values with the range searched. Numbers stay numbers.
 */

export function councilYearlyTable(figures: KeyFigures, texts: Texts): Table {
  const r = texts.report;
  const s = texts.statistics;
  const band = (name: string) => [
    { header: `${name}: ${s.mean.toLowerCase()}`, format: 'euro' as const, width: 18 },
    { header: `${name}: ${s.percentile(10)}`, format: 'euro' as const, width: 16 },
    { header: `${name}: ${s.percentile(90)}`, format: 'euro' as const, width: 16 },
  ];
  return {
    sheet: r.yearlyHeading,
    columns: [
      { header: r.yearlyColumns.year, format: 'text', width: 26 },
      { header: texts.workbook.columns.month, format: 'integer', width: 9 },
      ...band(r.yearlyColumns.payments),
      ...band(r.yearlyColumns.avoidedCosts),
      ...band(r.yearlyColumns.netResult),
    ],
    rows: figures.yearly.map((y) => [
      y.label,
      y.months,
      ...[y.payments, y.avoidedCosts, y.netResult].flatMap((b) => [b.mean, b.p10, b.p90]),
    ]),
    frozenColumns: 1,
  };
}

export function breakEvenSheet(figures: KeyFigures, contract: Contract, texts: Texts): Table {
  const c = texts.workbook.columns;
  const a = texts.workbook.about;
  const formats: CellFormat[] = figures.breakEven.map((row) => formatForUnit(inputUnit(row.path)));
  return {
    sheet: texts.report.breakEvenHeading,
    columns: [
      { header: texts.report.breakEvenColumns.input, format: 'text', width: 44 },
      { header: c.path, format: 'text', width: 40 },
      { header: texts.report.breakEvenColumns.now, format: 'row', width: 14 },
      { header: a.breakEvenValue, format: 'row', width: 16 },
      { header: a.found, format: 'text', width: 10 },
      { header: `${a.searchRange}: ${c.low.toLowerCase()}`, format: 'row', width: 16 },
      { header: `${a.searchRange}: ${c.high.toLowerCase()}`, format: 'row', width: 16 },
    ],
    rows: figures.breakEven.map((row) => [
      row.together.length > 0 ? texts.report.breakEvenTogether(row.kind) : capitalise(inputLabel(row.path, contract, texts)),
      row.path,
      row.base,
      row.value,
      row.found ? a.yes : a.no,
      row.low,
      row.high,
    ]),
    rowFormats: formats,
    frozenColumns: 1,
  };
}

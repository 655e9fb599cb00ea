import type { Texts } from '../texts/index.js';
import { unitLabel } from './output-labels.js';
import { formatForUnit, type Table, type TableColumn } from './table.js';

/** One yearly series of a result as a table row. */
export interface YearlySeriesRow {
  /** The party the series belongs to (contracts), shown in a leading column. */
  party?: string;
  label: string;
  name: string;
  unit: string;
  values: number[];
  /** A level (cash at year end, enterprises operating) rather than a flow: its years have no meaningful total. */
  isLevel?: boolean;
}

/**
 * The "per year" sheet of a contract or a fund: one row per series, one column per calendar
 * year and the total of a flow over the years (what Excel's SUM over the row gives).
 */
export function yearlySeriesTable(years: string[], series: YearlySeriesRow[], texts: Texts, { withParty }: { withParty: boolean }): Table {
  const c = texts.workbook.columns;
  const leading: TableColumn[] = withParty
    ? [
        { header: c.party, format: 'text', width: 14 },
        { header: c.series, format: 'text', width: 36 },
      ]
    : [{ header: c.series, format: 'text', width: 44 }];
  return {
    sheet: texts.workbook.sheets.yearly,
    columns: [
      ...leading,
      { header: c.name, format: 'text', width: 30 },
      { header: c.unit, format: 'text', width: 10 },
      ...years.map((year) => ({ header: year, format: 'row' as const, width: 14 })),
      { header: c.total, format: 'row', width: 16 },
    ],
    rows: series.map((row) => [
      ...(withParty ? [row.party ?? ''] : []),
      row.label,
      row.name,
      unitLabel(row.unit, texts),
      ...row.values,
      row.isLevel ? null : row.values.reduce((sum, value) => sum + value, 0),
    ]),
    rowFormats: series.map((row) => formatForUnit(row.unit)),
    frozenColumns: leading.length,
  };
}

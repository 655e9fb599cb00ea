/**
 * A table as the workbook writes it: a sheet name, typed columns and rows of plain values.
 * Builders turn a result into tables (pure, language-aware); one writer turns tables into xlsx.
 * Numbers stay numbers; the format only says how Excel should show them.
 */

export type CellFormat = 'text' | 'euro' | 'count' | 'integer' | 'ratio' | 'percent' | 'monthlyRate' | 'number';
export type Cell = string | number | null;

export interface TableColumn {
  header: string;
  /** `row`: the format depends on the row (its unit); see `rowFormats`. */
  format: CellFormat | 'row';
  width?: number;
}

export interface Table {
  sheet: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Format per row for columns whose format is `row`. */
  rowFormats?: CellFormat[];
  /** Leading columns kept in view when scrolling right (the header row is always frozen). */
  frozenColumns?: number;
}

/** The display format of a value with a model unit (outputs: EUR, count, ratio, rate, month; inputs: see InputUnit). */
export function formatForUnit(unit: string): CellFormat {
  switch (unit) {
    case 'EUR':
      return 'euro';
    case 'count':
      return 'count';
    case 'ratio':
      return 'ratio';
    case 'rate':
    case 'share':
    case 'probability':
      return 'percent';
    case 'monthlyRate':
      return 'monthlyRate';
    case 'month':
    case 'months':
      return 'integer';
    default:
      return 'number';
  }
}

/** null for NaN and infinities, which neither JSON nor a spreadsheet cell can hold. */
export const finiteOrNull = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

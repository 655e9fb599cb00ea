import type { FieldPath } from '../errors.js';
import type { ActualsInput } from './actuals-schema.js';

/**
 * The actuals as a table (the CSV and xlsx template): one row per month (and profile), one column
 * per field, headed in English or Dutch. Turning a table into the JSON actuals keeps where each
 * value came from, so that every problem found later can name its row and column.
 */

export interface ActualsColumn {
  field: string;
  en: string;
  nl: string;
  required: boolean;
  kind: 'integer' | 'euros' | 'text';
}

export const ACTUALS_COLUMNS: readonly ActualsColumn[] = [
  { field: 'month', en: 'month', nl: 'maand', required: true, kind: 'integer' },
  { field: 'profile', en: 'profile', nl: 'profiel', required: false, kind: 'text' },
  { field: 'intake', en: 'intake', nl: 'instroom', required: true, kind: 'integer' },
  { field: 'jobStarts', en: 'job starts', nl: 'gestart met werk', required: true, kind: 'integer' },
  { field: 'inWork', en: 'in work at month end', nl: 'aan het werk einde maand', required: false, kind: 'integer' },
  { field: 'fallbacks', en: 'fall-backs onto bijstand', nl: 'terugval in bijstand', required: true, kind: 'integer' },
  { field: 'otherExits', en: 'other exits', nl: 'overige uitstroom', required: false, kind: 'integer' },
  { field: 'partTimeStarts', en: 'part-time starts', nl: 'gestart in deeltijd', required: false, kind: 'integer' },
  { field: 'sustained6', en: '6 months in work', nl: '6 maanden aan het werk', required: false, kind: 'integer' },
  { field: 'sustained12', en: '12 months in work', nl: '12 maanden aan het werk', required: false, kind: 'integer' },
  { field: 'sustained24', en: '24 months in work', nl: '24 maanden aan het werk', required: false, kind: 'integer' },
  { field: 'payments', en: 'payments (EUR)', nl: 'betalingen (EUR)', required: true, kind: 'euros' },
];

/** A place in the uploaded table: the sheet row (1 = the header) and the column letter with its header. */
export interface TableLocation {
  row: number;
  column: string;
  header: string;
}

export interface TableProblem extends TableLocation {
  message: string;
}

export interface ActualsFromTable {
  actuals: ActualsInput;
  /** Where a field path of the actuals came from in the table (null: no cell, e.g. asOfMonth). */
  locate(path: FieldPath): TableLocation | null;
}

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Column letters as a spreadsheet shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Reads a decimal as people write it: `1234.5`, `1234,5`, `1.234,50` (Dutch grouping), `€ 1,234.50`.
 * Returns NaN for anything else.
 */
export function parseDecimal(text: string): number {
  let t = text.replace(/[\s\u00a0€]/g, '');
  if (t === '') return Number.NaN;
  if (t.includes(',') && t.includes('.')) t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (t.includes(',')) t = /^-?\d{1,3}(,\d{3})+$/.test(t) && !/,\d{1,2}$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

/**
 * The table (header row first, then one row per month) as JSON actuals. Cells are taken as text;
 * empty cells of optional columns are left out. The as-of month is `asOfMonth` when given, else
 * the latest month in the table. Problems of the table itself (unknown or missing columns, text
 * where a number belongs) are returned with their row and column; everything else is for the
 * schema and `checkActuals`, whose paths `locate` turns back into rows and columns.
 */
export function actualsFromTable(table: readonly (readonly string[])[], asOfMonth?: number): { ok: true; value: ActualsFromTable } | { ok: false; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const header = table[0] ?? [];
  const columnOf = new Map<string, number>();
  header.forEach((text, index) => {
    const key = normalise(String(text));
    if (key === '') return;
    const column = ACTUALS_COLUMNS.find((c) => normalise(c.field) === key || normalise(c.en) === key || normalise(c.nl) === key);
    const at = { row: 1, column: columnLetter(index), header: String(text) };
    if (!column)
      return void problems.push({ ...at, message: `unknown column '${text}'; the template's columns are: ${ACTUALS_COLUMNS.map((c) => c.en).join(', ')} (or in Dutch: ${ACTUALS_COLUMNS.map((c) => c.nl).join(', ')})` });
    if (columnOf.has(column.field)) return void problems.push({ ...at, message: `column '${column.en}' appears twice` });
    columnOf.set(column.field, index);
  });
  for (const column of ACTUALS_COLUMNS)
    if (column.required && !columnOf.has(column.field))
      problems.push({ row: 1, column: columnLetter(header.length), header: '', message: `the column '${column.en}' ('${column.nl}') is missing` });
  if (problems.length > 0) return { ok: false, problems };

  const months: Record<string, unknown>[] = [];
  const sheetRows: number[] = [];
  table.slice(1).forEach((cells, r) => {
    const sheetRow = r + 2;
    if (cells.every((cell) => String(cell ?? '').trim() === '')) return; // blank lines are not months
    const entry: Record<string, unknown> = {};
    for (const column of ACTUALS_COLUMNS) {
      const index = columnOf.get(column.field);
      if (index === undefined) continue;
      const text = String(cells[index] ?? '').trim();
      const at = { row: sheetRow, column: columnLetter(index), header: String(header[index]) };
      if (text === '') {
        if (column.required) problems.push({ ...at, message: 'is empty; a value is required' });
        continue;
      }
      if (column.kind === 'text') entry[column.field] = text;
      else {
        const value = parseDecimal(text);
        if (Number.isNaN(value)) problems.push({ ...at, message: `'${text}' is not a number` });
        else entry[column.field] = value;
      }
    }
    months.push(entry);
    sheetRows.push(sheetRow);
  });
  if (problems.length > 0) return { ok: false, problems };

  const latest = months.reduce((max, m) => (typeof m.month === 'number' && m.month > max ? m.month : max), -1);
  const actuals = { asOfMonth: asOfMonth ?? Math.max(0, latest), months } as unknown as ActualsInput;
  return {
    ok: true,
    value: {
      actuals,
      locate(path) {
        if (path[0] !== 'months' || typeof path[1] !== 'number') return null;
        const row = sheetRows[path[1]];
        if (row === undefined) return null;
        const field = typeof path[2] === 'string' ? path[2] : 'month';
        const index = columnOf.get(field) ?? columnOf.get('month')!;
        return { row, column: columnLetter(index), header: String(header[index]) };
      },
    },
  };
}

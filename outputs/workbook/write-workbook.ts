import ExcelJS from 'exceljs';
import type { Provenance } from '../tables/about-table.js';
import type { Cell, CellFormat, Table } from '../tables/table.js';
import { EXCEL_NUMBER_FORMATS } from './cell-formats.js';

/**
 * Writes tables as an .xlsx workbook, one sheet per table: a bold, frozen header row with a
 * filter, numbers stored as numbers with a display format, text as text.
 */

const MAX_SHEET_NAME = 31;
const HEADER_FILL = 'FFE8ECEF';
const DEFAULT_WIDTH = 14;

export async function writeWorkbook(tables: Table[], provenance: Provenance): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Resultaatfinanciering';
  const created = new Date(provenance.generatedAt);
  workbook.created = created;
  workbook.modified = created;
  const used = new Set<string>();
  for (const table of tables) addSheet(workbook, table, uniqueSheetName(table.sheet, used));
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name, and no two sheets alike. */
function uniqueSheetName(name: string, used: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, MAX_SHEET_NAME);
  let candidate = clean;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${clean.slice(0, MAX_SHEET_NAME - 3)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: table.frozenColumns ?? 0, ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width ?? DEFAULT_WIDTH }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  table.rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    values.forEach((value, c) => {
      const column = table.columns[c];
      const format: CellFormat = column === undefined ? 'number' : column.format === 'row' ? (table.rowFormats?.[r] ?? 'number') : column.format;
      writeCell(row.getCell(c + 1), value, format);
    });
  });
}

function writeCell(cell: ExcelJS.Cell, value: Cell, format: CellFormat): void {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return;
  cell.value = value;
  if (typeof value === 'number' && format !== 'text') cell.numFmt = EXCEL_NUMBER_FORMATS[format];
  if (typeof value === 'string' && value.length > 60) cell.alignment = { wrapText: true, vertical: 'top' };
}

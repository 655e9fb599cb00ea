import type { CellFormat } from '../tables/table.js';

/**
 * Excel number formats. Codes use `,` for thousands and `.` for decimals whatever the locale;
 * Excel shows them with the reader's separators (Dutch Excel: € 12.345). Euros are whole
 * euros on screen; the cell keeps the exact value.
 */
export const EXCEL_NUMBER_FORMATS: Record<Exclude<CellFormat, 'text'>, string> = {
  euro: '"€" #,##0;"€" -#,##0',
  count: '#,##0.0',
  integer: '0',
  ratio: '0.00',
  percent: '0.0%',
  monthlyRate: '0.00%',
  number: 'General',
};

import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { createApp } from '../../api/app.js';
import { ConfigSchema } from '../../api/config.js';
import { createServices } from '../../api/services.js';
import { DEFAULT_CHROMIUM_PATH, type PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';

/**
 * The service in-process on 127.0.0.1 and an ephemeral port, called with plain fetch: these
 * tests download files (xlsx, CSV, HTML, PDF), which the typed JSON client does not model.
 */
export async function startOutputService({ printer, allowAnonymous = true }: { printer?: PdfPrinter; allowAnonymous?: boolean } = {}) {
  const config = ConfigSchema.parse({ WORKER_THREADS: 2, ALLOW_ANONYMOUS: String(allowAnonymous) });
  const services = createServices(config);
  const app = createApp({ config, services, printer });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.close();
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { baseUrl, close, post };
}
export type OutputService = Awaited<ReturnType<typeof startOutputService>>;

export function presetContract(id: string) {
  const preset = CONTRACT_PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  return structuredClone(preset.contract);
}

export async function readWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** The sheet's header row as column numbers by header text. */
export function columnsOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => columns.set(String(cell.value), column));
  return columns;
}

/** The first row whose cell in `column` holds `value` (and, when given, whose other cells match too). */
export function findRow(sheet: ExcelJS.Worksheet, match: Record<number, string>): ExcelJS.Row {
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (Object.entries(match).every(([column, value]) => row.getCell(Number(column)).value === value)) return row;
  }
  throw new Error(`no row ${JSON.stringify(match)} in sheet ${sheet.name}`);
}

/**
 * Chromium is installed by .ci/run; without it the PDF and browser tests fail here with the
 * reason instead of skipping.
 */
export function requireChromium(): string {
  if (!existsSync(DEFAULT_CHROMIUM_PATH))
    throw new Error(`${DEFAULT_CHROMIUM_PATH} is missing: apt-get install chromium (the .ci/run script does this)`);
  return DEFAULT_CHROMIUM_PATH;
}

import type { Response } from 'express';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import { fileName, sendDownload } from '../downloads/send-download.js';
import type { ReportFormat } from './report-request.js';

/** One built report (contract or fund) and how it is written in each format. */
export interface ReportOutputs {
  /** What the report is about, for the file name. */
  name: string;
  /** The file name's suffix in the report's language ('rapport', 'fund-report', ...). */
  suffix: string;
  document: unknown;
  html(): Promise<string>;
  workbook(): Promise<Buffer>;
  csv(): string;
}

/** Answers POST /reports in the asked format: the document as JSON, or a download (the PDF is the HTML printed). */
export async function sendReportDocument(res: Response, format: ReportFormat, report: ReportOutputs, printer: PdfPrinter): Promise<void> {
  const name = fileName(report.name, report.suffix, format);
  switch (format) {
    case 'json':
      return void res.json(report.document);
    case 'html':
      return sendDownload(res, 'html', await report.html(), name);
    case 'pdf':
      return sendDownload(res, 'pdf', await printer.print(await report.html()), name);
    case 'xlsx':
      return sendDownload(res, 'xlsx', await report.workbook(), name);
    case 'csv':
      return sendDownload(res, 'csv', report.csv(), name);
  }
}

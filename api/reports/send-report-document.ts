import type { Response } from 'express';
import type { DomainError } from '../../models/errors.js';
import type { Result } from '../../models/result.js';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import type { RenderedFormat, RenderedReport } from '../../runtime/report-rendering.js';
import { fileName, sendDownload } from '../downloads/send-download.js';
import { unwrapOrThrow } from '../validate.js';
import type { ReportFormat } from './report-request.js';

/** What a thread writes for a report asked for in `format`: a PDF is its HTML, printed here. */
export function renderedFormatOf(format: ReportFormat): RenderedFormat {
  return format === 'pdf' ? 'html' : format;
}

/**
 * Answers POST /reports with a report a simulation thread built and wrote (runtime/report-rendering.ts):
 * the document as JSON text, or a download; the PDF is the HTML printed by Chromium, a process of
 * its own. `name` and `suffix` make the file name.
 */
export async function sendReportDocument(
  res: Response,
  format: ReportFormat,
  rendered: Result<RenderedReport, DomainError>,
  file: { name: string; suffix: string },
  printer: PdfPrinter,
): Promise<void> {
  const body = unwrapOrThrow(rendered, ['model']);
  const name = fileName(file.name, file.suffix, format);
  const text = () => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  switch (format) {
    case 'json':
      return void res.type('application/json').send(text());
    case 'html':
      return sendDownload(res, 'html', text(), name);
    case 'pdf':
      return sendDownload(res, 'pdf', await printer.print(text()), name);
    case 'xlsx':
      return sendDownload(res, 'xlsx', typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength), name);
    case 'csv':
      return sendDownload(res, 'csv', text(), name);
  }
}

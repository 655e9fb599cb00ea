import type { Response } from 'express';
import { buildFundReport } from '../../outputs/fund-report/build-fund-report.js';
import { fundReportCsv, fundReportWorkbook } from '../../outputs/fund-report/fund-report-downloads.js';
import { renderFundReportHtml } from '../../outputs/fund-report/render-fund-report-html.js';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { fileName, provenanceNow, sendDownload } from '../downloads/send-download.js';
import type { FundReportRequest, ReportFormat } from './report-request.js';
import { runFundReport } from './run-fund-report.js';

/** POST /reports for a fund: run it, build the report, answer in the asked format. */
export async function sendFundReport(
  res: Response,
  request: FundReportRequest,
  format: ReportFormat,
  options: { jobs: SimulationJobs; printer: PdfPrinter; maxWaitMs: number },
): Promise<void> {
  const run = await runFundReport(request, { jobs: options.jobs, waitMs: options.maxWaitMs, provenance: provenanceNow() });
  const report = buildFundReport(run);
  const name = (extension: ReportFormat) => fileName(request.model.portfolio.name, request.language === 'en' ? 'fund-report' : 'fondsrapport', extension);
  switch (format) {
    case 'json':
      return void res.json(report);
    case 'html':
      return sendDownload(res, 'html', await renderFundReportHtml(report), name('html'));
    case 'pdf':
      return sendDownload(res, 'pdf', await options.printer.print(await renderFundReportHtml(report)), name('pdf'));
    case 'xlsx':
      return sendDownload(res, 'xlsx', await fundReportWorkbook(run, report), name('xlsx'));
    case 'csv':
      return sendDownload(res, 'csv', fundReportCsv(run), name('csv'));
  }
}

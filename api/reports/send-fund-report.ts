import type { Response } from 'express';
import { buildFundReport } from '../../outputs/fund-report/build-fund-report.js';
import { fundReportCsv, fundReportWorkbook } from '../../outputs/fund-report/fund-report-downloads.js';
import { renderFundReportHtml } from '../../outputs/fund-report/render-fund-report-html.js';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { provenanceNow } from '../downloads/send-download.js';
import type { FundReportRequest, ReportFormat } from './report-request.js';
import type { ReportJobOwner } from './report-job.js';
import { runFundReport } from './run-fund-report.js';
import { sendReportDocument } from './send-report-document.js';

/** POST /reports for a fund: run it, build the report, answer in the asked format. */
export async function sendFundReport(
  res: Response,
  request: FundReportRequest,
  format: ReportFormat,
  options: { jobs: SimulationJobs; printer: PdfPrinter; maxWaitMs: number; owner: ReportJobOwner },
): Promise<void> {
  const run = await runFundReport(request, { jobs: options.jobs, waitMs: options.maxWaitMs, provenance: provenanceNow(), owner: options.owner });
  const report = buildFundReport(run);
  return sendReportDocument(
    res,
    format,
    {
      name: request.model.portfolio.name,
      suffix: request.language === 'en' ? 'fund-report' : 'fondsrapport',
      document: report,
      html: () => renderFundReportHtml(report),
      workbook: () => fundReportWorkbook(run, report),
      csv: () => fundReportCsv(run),
    },
    options.printer,
  );
}

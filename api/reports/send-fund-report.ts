import type { Response } from 'express';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { provenanceNow } from '../downloads/send-download.js';
import type { FundReportRequest, ReportFormat } from './report-request.js';
import type { ReportJobOwner } from './report-job.js';
import { runFundReport } from './run-fund-report.js';
import { renderedFormatOf, sendReportDocument } from './send-report-document.js';

/** POST /reports for a fund: run it, have a thread build and write the report, answer in the asked format. */
export async function sendFundReport(
  res: Response,
  request: FundReportRequest,
  format: ReportFormat,
  options: { jobs: SimulationJobs; printer: PdfPrinter; maxWaitMs: number; owner: ReportJobOwner },
): Promise<void> {
  const run = await runFundReport(request, { jobs: options.jobs, waitMs: options.maxWaitMs, provenance: provenanceNow(), owner: options.owner });
  const rendered = await options.jobs.compute('fundReport', { run, format: renderedFormatOf(format) });
  const suffix = request.language === 'en' ? 'fund-report' : 'fondsrapport';
  return sendReportDocument(res, format, rendered, { name: request.model.portfolio.name, suffix }, options.printer);
}

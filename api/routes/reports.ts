import { Router, type Request, type Response } from 'express';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import { callerOf } from '../auth.js';
import { formatFromQuery } from '../downloads/negotiate.js';
import { provenanceNow } from '../downloads/send-download.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { REPORT_FORMATS, ReportRequestSchema, type AnyReportRequest } from '../reports/report-request.js';
import { checkReportSimulation } from '../reports/report-simulation.js';
import { runReport } from '../reports/run-report.js';
import { findJob } from '../runs/find-job.js';
import type { RunStorage } from '../runs/run-storage.js';
import { sendFundReport } from '../reports/send-fund-report.js';
import { renderedFormatOf, sendReportDocument } from '../reports/send-report-document.js';
import { admitAnalysis } from '../simulations/active-analyses.js';
import { parseOrThrow } from '../validate.js';

export interface ReportRouteOptions {
  jobs: SimulationJobs;
  printer: PdfPrinter;
  /** Longest wait for the report's simulation. */
  maxWaitMs: number;
  /** Where a caller's stored runs are (null without a database): a report on `simulationId` looks there too. */
  storage: RunStorage | null;
  /** Jobs one organisation may have queued or running, the report's simulation included. */
  maxActiveJobsPerOrganisation?: number;
}

export function reportRoutes(options: ReportRouteOptions): Router {
  const router = Router();
  router.post('/reports', async (req, res) => {
    const request = parseOrThrow(ReportRequestSchema, req.body);
    // A report is as heavy as a sensitivity analysis and a simulation together: it counts against
    // the same allowance (per organisation, and for all anonymous callers together) while it runs.
    const release = admitAnalysis(options.jobs, callerOf(res)?.organisationId ?? null, options.maxActiveJobsPerOrganisation);
    try {
      await answerReport(req, res, request);
    } finally {
      release();
    }
  });

  async function answerReport(req: Request, res: Response, request: AnyReportRequest): Promise<void> {
    const format = formatFromQuery(req, REPORT_FORMATS) ?? request.format;
    if (format === 'pdf' && !options.printer.available()) {
      throw new HttpProblem({
        type: PROBLEM_BASE + 'pdf-unavailable',
        title: 'PDF printing is not available on this server',
        status: 503,
        detail: 'The server has no Chromium to print with; ask for format html and print it from a browser.',
      });
    }
    // The report's simulation is the caller's job, as at POST /simulations.
    const owner = { caller: callerOf(res), storage: options.storage, maxActiveJobsPerOrganisation: options.maxActiveJobsPerOrganisation };
    if (request.model.kind === 'portfolio') {
      if (request.simulationId !== undefined) throw simulationIdForFund();
      return sendFundReport(res, { ...request, model: request.model }, format, { ...options, owner });
    }
    const contractRequest = { ...request, model: request.model };
    // Only the caller's own job (another organisation's is 404, as at GET /simulations/{id}).
    const simulation = request.simulationId === undefined ? undefined : checkReportSimulation(contractRequest, await findJob(options.jobs, options.storage, res, request.simulationId));
    const run = await runReport(contractRequest, { jobs: options.jobs, waitMs: options.maxWaitMs, provenance: provenanceNow(), owner, simulation });
    const rendered = await options.jobs.compute('contractReport', { run, format: renderedFormatOf(format) });
    const suffix = request.language === 'en' ? 'report' : 'rapport';
    return sendReportDocument(res, format, rendered, { name: run.contract.name, suffix }, options.printer);
  }
  return router;
}

function simulationIdForFund(): HttpProblem {
  return new HttpProblem({
    type: PROBLEM_BASE + 'invalid-input',
    title: 'The request is not valid',
    status: 400,
    detail: '1 problem(s) in the request',
    errors: [{ path: 'simulationId', pointer: '#/simulationId', message: 'only a contract report can reuse a simulation; a fund report compares strategies in its own run' }],
  });
}

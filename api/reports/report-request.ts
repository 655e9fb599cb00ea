import { z } from 'zod';
import { ContractSchema } from '../../models/contract/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import { DEFAULT_LANGUAGE, DEFAULT_SENSITIVITY_RANGE, LANGUAGES } from '../../outputs/index.js';
import { FundReportModelSchema } from './fund-report-request.js';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Longest scenario texts a report repeats: a page of text, not a document. */
const MAX_CONTEXT_TEXT = 4_000;
const MAX_CONTEXT_SOURCES = 50;

export const ReportRequestSchema = z
  .strictObject({
    model: z
      .discriminatedUnion('kind', [z.strictObject({ kind: z.literal('contract'), contract: ContractSchema }), FundReportModelSchema])
      .describe(
        'What to report on: an outcome contract (kind contract), or a place-based fund (kind portfolio) with the strategies to compare it with.',
      ),
    settings: SimulationSettingsSchema.describe(
      'The Monte Carlo run: seed, iterations, sampling. For a contract the report adds three events it reads (reportPayerGains, reportProviderLoses, reportInvestorLoses) and, unless given, riskOutput payerNetResult; for a fund it runs these settings as they are, as POST /portfolios/compare does.',
    ),
    language: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE).describe('Language of the report: Dutch (default) or English.'),
    format: z.enum(REPORT_FORMATS).default('html').describe('html (self-contained page), pdf (the same page printed), xlsx, csv, or json (the report as data, for the web page).'),
    sensitivityRange: z
      .number()
      .gt(0)
      .max(0.9)
      .optional()
      .describe(
        `Absent (the default): the tornado and its "what could go wrong" texts vary only inputs with a distribution, over their own P10 and P90; plain numbers (the bijstandsnorm, the contract's intake and prices) stay fixed. Given: plain numbers also move this share down and up (e.g. ${DEFAULT_SENSITIVITY_RANGE}: 25%).`,
      ),
    simulationId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        "A finished POST /simulations job of the same caller to report on instead of simulating again (contract reports only): it must have run the request's model with the request's settings plus the report's three events (reportPayerGains, reportProviderLoses, reportInvestorLoses; riskOutput payerNetResult unless given), else 409 says what differs. The report's reproduction.simulationId is then this job. The tornado and break-even searches still run.",
      ),
    about: z
      .strictObject({
        title: z.string().max(MAX_CONTEXT_TEXT).optional(),
        summary: z.string().max(MAX_CONTEXT_TEXT).optional(),
        assumptions: z.string().max(MAX_CONTEXT_TEXT).optional(),
        sources: z
          .array(z.strictObject({ label: z.string().max(1_000), url: z.string().max(2_000).optional() }))
          .max(MAX_CONTEXT_SOURCES)
          .optional(),
      })
      .optional()
      .describe("What the scenario says about itself (a preset's title, summary, assumptions and sources); printed in the report, never used in the numbers."),
  })
  .meta({
    id: 'ReportRequest',
    description:
      'A report on one contract (its deterministic evaluation, a Monte Carlo simulation and a tornado of the payer net result) or on one place-based fund (its strategies compared on common random numbers).',
  });
/** Any report request, contract or fund, as parsed. */
export type AnyReportRequest = z.infer<typeof ReportRequestSchema>;
/** A report request on a contract (the contract report's path reads only these). */
export type ReportRequest = Omit<AnyReportRequest, 'model'> & { model: Extract<AnyReportRequest['model'], { kind: 'contract' }> };
/** A report request on a place-based fund. */
export type FundReportRequest = Omit<AnyReportRequest, 'model'> & { model: Extract<AnyReportRequest['model'], { kind: 'portfolio' }> };

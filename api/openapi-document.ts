import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ContractEvaluationSchema, ContractSchema } from '../models/contract/index.js';
import { SensitivityResultSchema } from '../models/sensitivity/index.js';
import { PresetSummarySchema } from '../scenarios/index.js';
import { PresetListItemSchema } from '../scenarios/preset-catalogue.js';
import { PortfolioPresetSummarySchema } from '../scenarios/portfolios/index.js';
import { registerModelToolPaths } from './openapi-model-tool-paths.js';
import { registerReforecastPaths } from './openapi-reforecast-paths.js';
import { registerStorePaths } from './openapi-store-paths.js';
import { ComparisonRequestBodySchema, SensitivityRequestBodySchema, SimulationRequestBodySchema } from './runs/model-requests.js';
import { SimulationJobSchema } from './simulations/simulation-job-schema.js';
import { PortfolioComparisonRequestSchema, PortfolioComparisonResponseSchema } from './routes/portfolios.js';
import { PortfolioEvaluationSchema, PortfolioSchema } from '../models/portfolio/index.js';
import { SimulationResultSchema, VariantComparisonResultSchema } from '../models/simulation/index.js';
import { FundReportDocumentSchema } from '../outputs/fund-report/fund-report-document.js';
import { ReportDocumentSchema } from '../outputs/index.js';
import { downloadQuerySchema, MEDIA_TYPES } from './downloads/negotiate.js';
import { ProblemSchema } from './problem.js';
import { REPORT_FORMATS, ReportRequestSchema } from './reports/report-request.js';
import { SOFTWARE_VERSION } from './version.js';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
 * `npm run openapi` writes it to openapi/openapi.json with the TypeScript types made from it;
 * CI regenerates both and fails when the committed copies differ.
 */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
  const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
  const binary = (description: string) => z.string().meta({ format: 'binary', description });
  const files = {
    [MEDIA_TYPES.xlsx]: { schema: binary('Excel workbook: an about sheet (version, seed, settings), then one sheet per table; numbers as numbers with euro formats.') },
    [MEDIA_TYPES.csv]: { schema: z.string().meta({ description: 'One tidy table: section, variant, party, name, label, period, statistic, value, unit (UTF-8, comma-separated, full-precision numbers).' }) },
  };
  const downloadQuery = downloadQuerySchema(['json', 'xlsx', 'csv']);
  const notAcceptable = problem('The Accept header allows none of JSON, xlsx and CSV');

  registry.registerPath({
    method: 'get',
    path: '/health',
    summary: 'Liveness: the service answers.',
    responses: { 200: { description: 'Up', content: json(z.object({ status: z.literal('ok'), version: z.string() })) } },
  });
  registry.registerPath({
    method: 'post',
    path: '/contracts/evaluate',
    summary: 'Expected (deterministic) result of an outcome contract, per month and per year, for every party.',
    description: 'Answers JSON, or an Excel workbook or CSV with `?format=xlsx|csv` or an Accept header (labels in Dutch, or English with `?lang=en`).',
    request: { query: downloadQuery, body: { required: true, content: json(ContractSchema) } },
    responses: {
      200: { description: 'The evaluation', content: { ...json(ContractEvaluationSchema), ...files } },
      400: problem('Invalid contract: every problem with its field path'),
      406: notAcceptable,
      413: problem('Body larger than the configured limit'),
    },
  });
  const ScenarioSchema = PresetSummarySchema.extend({ contract: ContractSchema }).meta({ id: 'ContractScenario' });
  const FundScenarioSchema = PortfolioPresetSummarySchema.extend({
    portfolio: PortfolioSchema,
    strategies: z.array(z.object({ name: z.string(), description: z.string(), portfolio: PortfolioSchema })),
  }).meta({ id: 'PortfolioScenario' });
  registry.registerPath({
    method: 'get',
    path: '/presets',
    summary: 'Preset scenarios, contracts (kind contract) and funds (kind portfolio), with their sources (the same for everyone; saved scenarios are at /scenarios).',
    responses: { 200: { description: 'Presets', content: json(z.array(PresetListItemSchema)) } },
  });
  registry.registerPath({
    method: 'get',
    path: '/presets/{id}',
    summary: 'One preset scenario with its data, ready to evaluate: a contract for POST /contracts/evaluate, or a portfolio and its alternative strategies for POST /portfolios/evaluate and /portfolios/compare.',
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: {
        description: 'The preset',
        content: json(z.discriminatedUnion('kind', [ScenarioSchema, FundScenarioSchema]).meta({ id: 'PresetScenario' })),
      },
      404: problem('No such preset'),
    },
  });

  registry.registerPath({
    method: 'post',
    path: '/sensitivity',
    summary: 'Which inputs drive an output: tornado, spider, break-even, two-way table, Sobol indices, Morris screening, rank correlation, value of information.',
    description: 'Answers JSON, or an Excel workbook or CSV with `?format=xlsx|csv` or an Accept header.',
    request: { query: downloadQuery, body: { required: true, content: json(SensitivityRequestBodySchema) } },
    responses: {
      200: { description: 'The analysis, shaped for a chart', content: { ...json(SensitivityResultSchema), ...files } },
      406: notAcceptable,
      400: problem('Invalid request, or more model runs than the documented limit (the problem states how many)'),
      422: problem('The method could not produce an answer'),
    },
  });

  const prefer = z.object({
    prefer: z
      .string()
      .optional()
      .describe('RFC 7240: `respond-async` answers 202 at once; `wait=N` waits up to N seconds (capped by the server) for the result.'),
  });
  const jobResponses = {
    200: { description: 'Finished within the wait: the job with its result', content: json(SimulationJobSchema) },
    202: { description: 'Still running: poll the job at the Location header', content: json(SimulationJobSchema) },
    400: problem('Invalid model or settings, a correlation matrix that is not positive semi-definite, or a size beyond a documented limit'),
    413: problem('Body larger than the configured limit'),
    429: problem('Too many simulations queued or running; retry after the Retry-After header'),
  };
  registry.registerPath({
    method: 'post',
    path: '/simulations',
    summary: 'Monte Carlo simulation of a contract or an expression model. Small runs answer at once (200); larger ones return 202 with a job.',
    request: { headers: prefer, body: { required: true, content: json(SimulationRequestBodySchema) } },
    responses: jobResponses,
  });
  registry.registerPath({
    method: 'post',
    path: '/simulations/compare',
    summary: 'Variants of one model (changes as JSON Merge Patch) on common random numbers, with paired differences against the baseline.',
    request: { headers: prefer, body: { required: true, content: json(ComparisonRequestBodySchema) } },
    responses: jobResponses,
  });
  registry.registerPath({
    method: 'post',
    path: '/portfolios/evaluate',
    summary: 'Expected (deterministic) result of a place-based fund and its portfolio, per year, per capital layer, with impact and the municipality’s net position.',
    description: 'Answers JSON, or an Excel workbook or CSV with `?format=xlsx|csv` or an Accept header (labels in Dutch, or English with `?lang=en`).',
    request: { query: downloadQuery, body: { required: true, content: json(PortfolioSchema) } },
    responses: {
      200: { description: 'The evaluation', content: { ...json(PortfolioEvaluationSchema), ...files } },
      400: problem('Invalid portfolio: every problem with its field path'),
      406: notAcceptable,
      413: problem('Body larger than the configured limit'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/portfolios/compare',
    summary: 'Fund strategies side by side: expected results at once and, with settings, a Monte Carlo comparison on common random numbers.',
    description:
      'Answers JSON, or with `?format=xlsx|csv` (or an Accept header) a file with one column per strategy: the expected results and, once the Monte Carlo comparison has finished, its statistics, the capital layers (by provider) and the differences from the first strategy. While the comparison still runs the answer is the 202 JSON; its file is then at GET /simulations/{id}/result.',
    request: { query: downloadQuery, headers: prefer, body: { required: true, content: json(PortfolioComparisonRequestSchema) } },
    responses: {
      200: { description: 'Expected comparison, and the finished simulation job when settings were given', content: { ...json(PortfolioComparisonResponseSchema), ...files } },
      202: { description: 'Expected comparison; the simulation job is still running (see Location)', content: json(PortfolioComparisonResponseSchema) },
      400: problem('Invalid strategies or settings'),
      429: problem('Too many simulations queued or running; retry after the Retry-After header'),
    },
  });
  const jobId = z.object({ id: z.string() });
  registry.registerPath({
    method: 'get',
    path: '/simulations/{id}',
    summary: 'A simulation job: status, progress, and the result once it succeeded.',
    request: { params: jobId },
    responses: { 200: { description: 'The job', content: json(SimulationJobSchema) }, 404: problem('No such job') },
  });
  registry.registerPath({
    method: 'get',
    path: '/simulations/{id}/result',
    summary: 'The result of a finished simulation job.',
    description: 'Answers JSON, or an Excel workbook or CSV with `?format=xlsx|csv` or an Accept header.',
    request: { params: jobId, query: downloadQuery },
    responses: {
      200: {
        description: 'A SimulationResult, or a VariantComparisonResult for a comparison',
        content: { ...json(z.union([SimulationResultSchema, VariantComparisonResultSchema])), ...files },
      },
      406: notAcceptable,
      404: problem('No such job'),
      409: problem('The job has not finished, or was cancelled'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/simulations/{id}/samples',
    summary: "A finished keepSamples run's kept values, every iteration, as CSV streamed from disk.",
    description:
      'One row per iteration: `iteration`, the uncertain inputs (by path), the scalar outputs (by name); in a comparison each column once per variant as `variant:column`. Numbers at full precision, empty where not finite. The result\'s JSON `samples` holds the same values only up to MAX_INLINE_SAMPLE_VALUES (1,000,000) kept values; beyond it is null and this is where they are.',
    request: { params: jobId },
    responses: {
      200: { description: 'The kept values', content: { [MEDIA_TYPES.csv]: { schema: z.string().meta({ description: 'UTF-8, comma-separated, a header row then one row per iteration.' }) } } },
      404: problem('No such job, or it kept no samples (or they are on another service instance)'),
      409: problem('The job has not finished, or was cancelled'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/simulations/{id}/cancel',
    summary: 'Cancels a queued or running simulation; its workers stop at once.',
    request: { params: jobId },
    responses: { 200: { description: 'The cancelled job', content: json(SimulationJobSchema) }, 404: problem('No such job'), 409: problem('Already finished') },
  });
  registry.registerPath({
    method: 'delete',
    path: '/simulations/{id}',
    summary: 'Forgets a job (cancelling it first if it still runs).',
    request: { params: jobId },
    responses: { 204: { description: 'Removed' }, 404: problem('No such job') },
  });

  registry.registerPath({
    method: 'post',
    path: '/reports',
    summary: 'A council-ready report on a contract (deterministic evaluation, Monte Carlo simulation and tornado) or on a place-based fund (its strategies compared on common random numbers), as HTML, PDF, xlsx, CSV or JSON.',
    description:
      'Runs the three analyses (the simulation as a job on the worker pool) and renders the report from their results. The format is `format` in the body, or `?format=` (for links). The HTML is one self-contained page with inline SVG charts; the PDF is that page printed by headless Chromium; JSON is the report as data with Vega-Lite chart specs. With `simulationId` a contract report reuses a finished POST /simulations job of the caller (its model and settings must be the report\'s) instead of simulating again, so every download of one run shows the same figures.',
    request: {
      query: z.object({ format: z.enum(REPORT_FORMATS).optional().describe('Overrides `format` in the body.') }),
      body: { required: true, content: json(ReportRequestSchema) },
    },
    responses: {
      200: {
        description: 'The report',
        content: {
          [MEDIA_TYPES.html]: { schema: z.string().meta({ description: 'A self-contained HTML page (inline CSS and SVG, no scripts).' }) },
          [MEDIA_TYPES.pdf]: { schema: binary('The HTML report printed on A4.') },
          ...files,
          ...json(z.union([ReportDocumentSchema, FundReportDocumentSchema])),
        },
      },
      400: problem('Invalid contract or settings'),
      404: problem('No simulation `simulationId` of this caller'),
      409: problem('The simulation `simulationId` has not finished, was cancelled, or ran another model or other settings than the report needs'),
      413: problem('Body larger than the configured limit'),
      429: problem('Too many simulations queued or running; retry after the Retry-After header'),
      503: problem('The simulation did not finish in time, or PDF printing is not available on this server'),
    },
  });

  registerStorePaths(registry, { problem, json });
  registerReforecastPaths(registry, { problem, json });
  registerModelToolPaths(registry, { problem, json });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Resultaatfinanciering simulation service',
      version: SOFTWARE_VERSION,
      description:
        'Models outcome contracts (resultaatfinanciering, social impact bonds) between Dutch municipalities, providers and investors. All amounts in euros.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
  });
}

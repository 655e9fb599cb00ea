import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ActualsSchema } from '../models/actuals/index.js';
import { ReforecastResultSchema } from '../models/reforecast/index.js';
import type { ProblemSchema } from './problem.js';
import { XLSX_MEDIA_TYPE } from './reforecast/actuals-upload.js';
import { ReforecastRequestSchema } from './reforecast/reforecast-request.js';

interface Helpers {
  problem: (description: string) => { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } };
  json: <S extends z.ZodType>(schema: S) => { 'application/json': { schema: S } };
}

/** The paths of issue 16: actuals (template, import, versions under a saved contract) and the re-forecast. */
export function registerReforecastPaths(registry: OpenAPIRegistry, { problem, json }: Helpers): void {
  const fileBody = {
    ...json(ActualsSchema),
    'text/csv': { schema: z.string().meta({ description: 'The template\'s columns (English or Dutch headers), comma- or semicolon-separated, one row per month (and profile).' }) },
    [XLSX_MEDIA_TYPE]: { schema: z.string().meta({ format: 'binary', description: 'The template as a workbook: the first sheet is read.' }) },
  };
  const asOf = z.object({ asOfMonth: z.coerce.number().int().min(0).optional().describe('As-of month of a file; default: its latest month.') });
  const fileProblem = problem('Invalid actuals: each problem names its field path (JSON) or its sheet row and column (CSV, xlsx)');
  const ActualsVersionSchema = z
    .object({
      contractId: z.string(),
      version: z.number().int(),
      contractVersion: z.number().int().describe('The contract version the actuals were checked against.'),
      createdAt: z.string(),
      actuals: ActualsSchema,
      links: z.object({ self: z.string(), contract: z.string() }),
    })
    .meta({ id: 'ActualsVersion' });

  registry.registerPath({
    method: 'get',
    path: '/contracts/actuals/template',
    summary: 'The actuals template to fill in: columns with Dutch or English headers and three example months that pass the checks.',
    request: { query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: z.enum(['nl', 'en']).default('nl') }) },
    responses: {
      200: {
        description: 'The template',
        content: { 'text/csv': { schema: z.string() }, [XLSX_MEDIA_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
      },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/contracts/actuals/import',
    summary: 'Reads actuals from a CSV or xlsx file (or JSON) and checks them against the schema; answers the JSON actuals.',
    request: { query: asOf, body: { required: true, content: fileBody } },
    responses: { 200: { description: 'The actuals as JSON', content: json(z.object({ actuals: ActualsSchema })) }, 400: fileProblem },
  });
  registry.registerPath({
    method: 'post',
    path: '/contracts/{id}/actuals',
    summary: 'Saves actuals as the next version under a saved contract, after checking them against its current version. A refused upload stores nothing.',
    request: { params: z.object({ id: z.string() }), query: asOf, body: { required: true, content: fileBody } },
    responses: {
      201: { description: 'The saved version', content: json(ActualsVersionSchema) },
      400: fileProblem,
      401: problem('No API key'),
      404: problem('No such contract'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/contracts/{id}/actuals',
    summary: 'The saved actuals versions of a contract, newest first.',
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: {
        description: 'Versions',
        content: json(z.object({ items: z.array(z.object({ version: z.number().int(), contractVersion: z.number().int(), createdAt: z.string(), links: z.object({ self: z.string() }) })) })),
      },
      404: problem('No such contract'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/contracts/{id}/actuals/{version}',
    summary: 'One saved actuals version, as saved.',
    request: { params: z.object({ id: z.string(), version: z.string() }) },
    responses: { 200: { description: 'The version', content: json(ActualsVersionSchema) }, 404: problem('No such contract or version') },
  });
  registry.registerPath({
    method: 'post',
    path: '/contracts/reforecast',
    summary: 'Re-forecasts a running contract from its actuals: updated estimates (prior and posterior), the forecast from the observed state, payments per year against the budget, plan versus actual.',
    description:
      'Importance resampling of the plan\'s own prior draws, weighted by the likelihood of the monthly counts given the persons at risk; refused (422) when the effective sample size falls below `inference.minimumEffectiveSampleSize`. Runs as one task on a simulation thread (the service keeps answering; hanging up stops it), at most 50,000 iterations. Same seed, same answer; without actuals the forecast is the plan.',
    request: { body: { required: true, content: json(ReforecastRequestSchema) } },
    responses: {
      200: { description: 'The re-forecast', content: json(ReforecastResultSchema) },
      400: problem('Invalid contract, actuals or settings: each problem with its field path'),
      404: problem('No such saved contract or actuals version'),
      422: problem('The actuals are impossible under every prior draw, or the effective sample size is below the minimum'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/contracts/reforecast/report',
    summary: 'The yearly progress report (voortgangsrapportage) for the council on the same re-forecast: what was agreed, what happened, updated estimates and forecast, what changed and why; HTML, or printed to PDF.',
    request: {
      query: z.object({ format: z.enum(['html', 'pdf']).default('pdf'), lang: z.enum(['nl', 'en']).default('nl') }),
      body: { required: true, content: json(ReforecastRequestSchema) },
    },
    responses: {
      200: {
        description: 'The report',
        content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
      },
      400: problem('Invalid contract, actuals or settings'),
      422: problem('The re-forecast could not be made (see POST /contracts/reforecast)'),
      503: problem('PDF asked for but the server has no Chromium'),
    },
  });
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { RunPageSchema, RunResultSchema, RunSchema } from './runs/run-views.js';
import { SAVED_OBJECT_DEFINITIONS } from './saved-objects/saved-object-kinds.js';
import { PageQuerySchema, SavedObjectPageSchema, SavedObjectVersionPageSchema, savedObjectSchema } from './saved-objects/saved-object-views.js';

interface Helpers {
  problem: (description: string) => { description: string; content: Record<string, { schema: z.ZodType }> };
  json: <S extends z.ZodType>(schema: S) => { 'application/json': { schema: S } };
}

/** The paths of saved objects and stored runs, which need an API key, in the OpenAPI document. */
export function registerStorePaths(registry: OpenAPIRegistry, { problem, json }: Helpers): void {
  const apiKey = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of your organisation (`rf_...`), sent as `Authorization: Bearer <key>`. See the README for how to create the first one.',
  });
  const security = [{ [apiKey.name]: [] }];
  const unauthorized = problem('No API key, or an unknown or revoked one');
  const etag = z.object({ ETag: z.string().describe('The version, e.g. `"3"`: send it as If-Match to update or delete this version.') });
  const ifMatch = (required: boolean) =>
    z.object({
      'if-match': (required ? z.string() : z.string().optional()).describe('The ETag of the version you edited, e.g. `"3"`.'),
    });
  const id = z.object({ id: z.string() });

  for (const definition of SAVED_OBJECT_DEFINITIONS) {
    const { kind, path } = definition;
    const saved = savedObjectSchema(definition);
    const notFound = problem(`No such ${kind} in your organisation`);
    registry.registerPath({
      method: 'post',
      path,
      summary: `Saves a new ${kind} (version 1) for your organisation.`,
      security,
      request: { body: { required: true, content: json(definition.schema) } },
      responses: {
        201: { description: `The saved ${kind}; Location names it`, headers: etag, content: json(saved) },
        400: problem(`Invalid ${kind}: every problem with its field path`),
        401: unauthorized,
      },
    });
    registry.registerPath({
      method: 'get',
      path,
      summary: `Your organisation's saved ${kind}s, newest first.`,
      security,
      request: { query: PageQuerySchema },
      responses: { 200: { description: 'A page', content: json(SavedObjectPageSchema) }, 400: problem('Invalid cursor or limit'), 401: unauthorized },
    });
    registry.registerPath({
      method: 'get',
      path: `${path}/{id}`,
      summary: `The current version of a saved ${kind}.`,
      security,
      request: { params: id },
      responses: { 200: { description: 'The current version', headers: etag, content: json(saved) }, 401: unauthorized, 404: notFound },
    });
    registry.registerPath({
      method: 'put',
      path: `${path}/{id}`,
      summary: `Saves a new version of a ${kind}; earlier versions stay readable.`,
      description: 'Send If-Match with the ETag of the version you edited: when someone saved a newer version meanwhile, the answer is 412 and nothing is written.',
      security,
      request: { params: id, headers: ifMatch(true), body: { required: true, content: json(definition.schema) } },
      responses: {
        200: { description: 'The new version', headers: etag, content: json(saved) },
        400: problem(`Invalid ${kind}`),
        401: unauthorized,
        404: notFound,
        412: problem('The version in If-Match is no longer the current one'),
        428: problem('If-Match is missing'),
      },
    });
    registry.registerPath({
      method: 'delete',
      path: `${path}/{id}`,
      summary: `Deletes a saved ${kind} with all its versions (runs keep their own copy of what they used).`,
      security,
      request: { params: id, headers: ifMatch(false) },
      responses: { 204: { description: 'Deleted' }, 401: unauthorized, 404: notFound, 412: problem('The version in If-Match is no longer the current one') },
    });
    registry.registerPath({
      method: 'get',
      path: `${path}/{id}/versions`,
      summary: `Every version of a saved ${kind}, newest first.`,
      security,
      request: { params: id, query: PageQuerySchema },
      responses: { 200: { description: 'A page of versions', content: json(SavedObjectVersionPageSchema) }, 401: unauthorized, 404: notFound },
    });
    registry.registerPath({
      method: 'get',
      path: `${path}/{id}/versions/{version}`,
      summary: `One version of a saved ${kind}.`,
      security,
      request: { params: z.object({ id: z.string(), version: z.string().describe('A version number, e.g. 2.') }) },
      responses: { 200: { description: 'That version', headers: etag, content: json(saved) }, 401: unauthorized, 404: problem('No such object or version') },
    });
  }

  const notFound = problem('No such run in your organisation');
  registry.registerPath({
    method: 'get',
    path: '/runs',
    summary: "Your organisation's stored runs (simulations, comparisons, sensitivity analyses), newest first.",
    security,
    request: { query: PageQuerySchema },
    responses: { 200: { description: 'A page of runs', content: json(RunPageSchema) }, 401: unauthorized },
  });
  registry.registerPath({
    method: 'get',
    path: '/runs/{id}',
    summary: 'A stored run: its full input, the saved versions it used, seed, software version, status and result.',
    security,
    request: { params: id },
    responses: { 200: { description: 'The run', content: json(RunSchema) }, 401: unauthorized, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/runs/{id}/result',
    summary: 'The result of a run, byte for byte as it was first served.',
    security,
    request: { params: id },
    responses: {
      200: { description: 'A SimulationResult, VariantComparisonResult or SensitivityResult', content: json(RunResultSchema) },
      401: unauthorized,
      404: notFound,
      409: problem('The run has not finished, failed or was cancelled'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/runs/{id}/rerun',
    summary: 'Runs the stored input again as a new run (rerunOf names the original); with the same software version the result is identical.',
    security,
    request: { params: id, headers: z.object({ prefer: z.string().optional().describe('As for POST /simulations: `respond-async` or `wait=N`.') }) },
    responses: {
      201: { description: 'The new run, finished', content: json(RunSchema) },
      202: { description: 'The new run, still running: poll its Location', content: json(RunSchema) },
      401: unauthorized,
      404: notFound,
      429: problem('Too many simulations queued or running; retry after the Retry-After header'),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/runs/{id}',
    summary: 'Deletes a run (cancelling it first when it still runs).',
    security,
    request: { params: id },
    responses: { 204: { description: 'Deleted' }, 401: unauthorized, 404: notFound },
  });
}

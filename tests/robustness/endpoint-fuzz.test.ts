import fc from 'fast-check';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ConfigSchema } from '../../api/config.js';
import { createServices, type Services } from '../../api/services.js';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';
import { simpleContract } from '../contract/contract-fixtures.js';
import {
  arbitraryFuzzJson,
  HOSTILE_EXPRESSIONS,
  HOSTILE_VALUES,
  MALFORMED_BODIES,
  RawJson,
  toJsonText,
  type FuzzValue,
} from './hostile-input.js';
import { nodePaths, replaceAt } from './json-mutation.js';
import { arbitraryFromSchema, listOperations, type Operation } from './openapi-operations.js';

/**
 * A schema-driven fuzz of every operation in the OpenAPI document: bodies drawn from the schemas,
 * random and malformed JSON, valid bodies with one node replaced by something hostile, and every
 * hostile expression in every expression field. Whatever arrives, the service answers within a
 * timeout, never with a 5xx (503 only where a documented dependency is missing), and every 4xx is
 * problem+json. Fixed seed and bounded run counts: the same requests on every run, in seconds.
 *
 * This app has no store, so the saved-object and run endpoints answer 404 here; their hostile
 * updates, and that a refused update leaves the stored object unchanged, are in
 * saved-object-fuzz.test.ts.
 */

const FUZZ_SEED = 20_261_130;
/** Runs per operation and kind of input; together about a thousand requests. */
const RUNS = { schema: 20, random: 20, mutation: 40, pathParameter: 15 } as const;
/** A request that takes longer than this counts as a hang. */
const REQUEST_TIMEOUT_MS = 15_000;

const operations = listOperations();
const contract = simpleContract({
  horizonMonths: 24,
  intake: { cohorts: [{ month: 0, count: 40 }] },
  payment: {
    triggers: [
      { id: 'start', kind: 'jobStart', price: { type: 'pert', min: 800, mode: 1_000, max: 1_400 } },
      { id: 'bonus', kind: 'custom', expression: '100 * placements' },
    ],
  },
});
const expressionModel = {
  kind: 'expression',
  expression: { inputs: { a: { type: 'uniform', min: 0, max: 1 }, b: 2 }, outputs: { y: 'a * b', z: 'y > 1 ? y : 0' } },
};
const smallSettings = { seed: 1, iterations: 200, events: [{ name: 'positive', expression: 'y > 0.5' }] };
const portfolio = PORTFOLIO_PRESETS[0].portfolio as unknown as FuzzValue;

/** A valid body per operation: the mutation fuzz starts from a request the service accepts. */
const VALID_BODIES: Record<string, FuzzValue> = {
  'POST /contracts/evaluate': contract as unknown as FuzzValue,
  'POST /sensitivity': { model: { kind: 'contract', contract }, settings: { method: 'tornado', output: 'payerNetResult' } } as unknown as FuzzValue,
  'POST /simulations': { model: expressionModel, settings: smallSettings } as FuzzValue,
  'POST /simulations/compare': {
    model: expressionModel,
    variants: [{ name: 'doubled', changes: { expression: { inputs: { b: 4 } } } }],
    settings: smallSettings,
  } as FuzzValue,
  'POST /portfolios/evaluate': portfolio,
  'POST /portfolios/compare': { strategies: [{ name: 'base', portfolio }, { name: 'same', portfolio }] } as FuzzValue,
  'POST /reports': { model: { kind: 'contract', contract }, settings: { seed: 1, iterations: 200 }, format: 'json' } as unknown as FuzzValue,
};

/** The endpoints that save nothing; the others (saved objects, runs) start from schema-drawn bodies. */
const STATELESS_PATHS = ['/contracts/evaluate', '/sensitivity', '/simulations', '/simulations/compare', '/portfolios/evaluate', '/portfolios/compare', '/reports'];

const HOSTILE_IDS = ['__proto__', 'constructor', 'toString', '..%2F..%2Fetc%2Fpasswd', '%00', '%E0%A4%A', 'x'.repeat(5_000), '00000000-0000-0000-0000-000000000000', '1e400', 'NaN'];
const HOSTILE_QUERY = ['', 'pdf', 'json', 'xlsx', 'x'.repeat(3_000), '%00', '__proto__', 'csv&format=xlsx', 'nl&lang=en&lang=de'];
const HOSTILE_PREFER = ['respond-async', 'wait=0', 'wait=-1', 'wait=1e9', 'wait=NaN', 'wait=' + '9'.repeat(400), 'respond-async, wait=5', ''];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x'];

let server: Server;
let services: Services;
let baseUrl: string;
/** The valid contract's evaluation before any hostile request, to compare with after. */
let evaluationBefore: string;

beforeAll(async () => {
  const config = ConfigSchema.parse({ WORKER_THREADS: 2, SIMULATION_WAIT_MS: 500, SIMULATION_MAX_WAIT_MS: 10_000, MAX_ACTIVE_JOBS: 4 });
  services = createServices(config);
  // The threads start here (seconds each on a busy machine), not inside a request's 15 s.
  await services.pool.warmUp();
  // No browser in the fuzz: a PDF report answers the documented 503.
  const app = createApp({ config, services, printer: { available: () => false, print: () => Promise.reject(new Error('no browser')) } });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  evaluationBefore = (await send({ method: 'POST', path: '/contracts/evaluate', body: toJsonText(VALID_BODIES['POST /contracts/evaluate']) })).text;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await services.close();
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

interface Sent {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

async function send(request: Sent): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    headers,
    body: request.body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/**
 * 503 is documented for a report (and the progress report) when the server has no browser for a PDF, or when the report's
 * simulation waits behind others for longer than SIMULATION_MAX_WAIT_MS; every other answer is
 * below 500.
 */
function allowedServiceUnavailable(request: Sent, answer: Answer): boolean {
  const isReport = request.path.startsWith('/reports') || request.path.startsWith('/contracts/reforecast/report');
  return answer.status === 503 && isReport && /problems\/(pdf-unavailable|report-timeout)"/.test(answer.text);
}

function describeRequest(request: Sent): string {
  const body = request.body === undefined ? '' : ` ${request.body.length > 300 ? request.body.slice(0, 300) + '...' : request.body}`;
  return `${request.method} ${request.path.slice(0, 200)}${body}`;
}

async function expectSound(request: Sent): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await send(request);
  } catch (error) {
    throw new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms (${String(error)}) to ${describeRequest(request)}`);
  }
  const label = `${answer.status} ${answer.text.slice(0, 300)} <- ${describeRequest(request)}`;
  if (!allowedServiceUnavailable(request, answer)) expect(answer.status, label).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.contentType, label).toMatch(/^application\/problem\+json/);
    expect((JSON.parse(answer.text) as { status: number }).status, label).toBe(answer.status);
  }
  return answer;
}

const key = (operation: Operation) => `${operation.method} ${operation.path}`;
const concretePath = (operation: Operation, id = '00000000-0000-0000-0000-000000000000') =>
  operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(id).replace(/%25/g, '%'));
const bodyOperations = operations.filter((operation) => operation.bodySchema !== null);

/** Paths of expression fields: a trigger's or event's `expression`, and an expression model's outputs. */
function expressionPaths(value: FuzzValue): (string | number)[][] {
  const isExpression = (path: (string | number)[]) =>
    path.at(-1) === 'expression' || (path.at(-2) === 'outputs' && path.at(-3) === 'expression');
  return nodePaths(value).filter((path) => isExpression(path) && typeof path.reduce<FuzzValue>((node, step) => (node as never)[step], value) === 'string');
}

describe('the fuzz starts from requests the service accepts', () => {
  it.each(Object.keys(VALID_BODIES))('%s accepts its valid body', async (name) => {
    const [method, path] = name.split(' ');
    const answer = await expectSound({ method, path, body: toJsonText(VALID_BODIES[name]) });
    expect(answer.status, answer.text.slice(0, 500)).toBeLessThan(300);
  });

  it('has a valid body for every stateless operation that takes one', () => {
    const stateless = bodyOperations.map(key).filter((name) => STATELESS_PATHS.includes(name.split(' ')[1]));
    expect(stateless.sort()).toEqual(Object.keys(VALID_BODIES).sort());
  });
});

describe.each(bodyOperations.map((operation) => [key(operation), operation] as const))('%s under bad input', (_name, operation) => {
  const path = concretePath(operation);
  const preferHeader = operation.headerParameters.includes('prefer');

  it('answers bodies drawn from its schema below 500, with problem+json on refusal', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFromSchema(operation.bodySchema!), async (body) => {
        await expectSound({ method: operation.method, path, body: toJsonText(body), headers: preferHeader ? { prefer: 'respond-async' } : {} });
      }),
      { seed: FUZZ_SEED, numRuns: RUNS.schema },
    );
  });

  it('answers random JSON, malformed text and odd content types with a 4xx problem', async () => {
    const bodies = fc.oneof(arbitraryFuzzJson.map(toJsonText), fc.constantFrom(...MALFORMED_BODIES));
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(...CONTENT_TYPES), async (body, contentType) => {
        const answer = await expectSound({ method: operation.method, path, body, contentType });
        expect(answer.status).toBeGreaterThanOrEqual(400);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS.random },
    );
    for (const body of MALFORMED_BODIES) await expectSound({ method: operation.method, path, body });
  });

  it('answers a valid body with one node replaced, removed or wrapped below 500', async () => {
    const valid = VALID_BODIES[key(operation)] ?? fc.sample(arbitraryFromSchema(operation.bodySchema!), { seed: FUZZ_SEED, numRuns: 1 })[0];
    const paths = nodePaths(valid);
    const change = fc.oneof(
      fc.constantFrom(...HOSTILE_VALUES).map((value) => ({ replacement: value as FuzzValue | undefined })),
      fc.constantFrom(...HOSTILE_EXPRESSIONS).map((value) => ({ replacement: value as FuzzValue | undefined })),
      fc.constant({ replacement: undefined as FuzzValue | undefined }),
      arbitraryFuzzJson.map((value) => ({ replacement: value as FuzzValue | undefined })),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: paths.length - 1 }), change, fc.constantFrom(...HOSTILE_PREFER), async (index, { replacement }, prefer) => {
        const body = replaceAt(valid, paths[index], replacement) ?? new RawJson('');
        await expectSound({ method: operation.method, path, body: toJsonText(body), headers: preferHeader ? { prefer } : {} });
      }),
      { seed: FUZZ_SEED, numRuns: RUNS.mutation },
    );
  });

  it('refuses every hostile expression in every expression field with a 4xx, or evaluates it harmlessly', async () => {
    const valid = VALID_BODIES[key(operation)] ?? null;
    if (valid !== null) for (const expressionPath of expressionPaths(valid)) {
      for (const expression of HOSTILE_EXPRESSIONS) {
        const body = replaceAt(valid, expressionPath, expression)!;
        await expectSound({ method: operation.method, path, body: toJsonText(body), headers: preferHeader ? { prefer: 'respond-async' } : {} });
      }
    }
  });
});

describe.each(operations.map((operation) => [key(operation), operation] as const))('%s with hostile path and query parameters', (_name, operation) => {
  it('answers below 500 with problem+json on refusal', async () => {
    const request = fc.record({ id: fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.string({ maxLength: 40 })), query: fc.constantFrom(...HOSTILE_QUERY) });
    await fc.assert(
      fc.asyncProperty(request, async ({ id, query }) => {
        const parameters = operation.queryParameters.map(({ name }) => `${name}=${query}`).join('&');
        const path = concretePath(operation, id) + (parameters ? `?${parameters}` : '');
        const valid = VALID_BODIES[key(operation)];
        await expectSound({ method: operation.method, path, body: valid === undefined ? undefined : toJsonText(valid), headers: { prefer: 'respond-async' } });
      }),
      { seed: FUZZ_SEED, numRuns: operation.pathParameters.length + operation.queryParameters.length > 0 ? RUNS.pathParameter : 1 },
    );
  });
});

describe('after the fuzz', () => {
  it('left no property on Object.prototype (no prototype pollution through __proto__ or constructor keys)', () => {
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('still evaluates the valid contract to the same bytes as before the fuzz', async () => {
    // The expected evaluation is deterministic: no hostile request may have changed shared state.
    const after = await send({ method: 'POST', path: '/contracts/evaluate', body: toJsonText(VALID_BODIES['POST /contracts/evaluate']) });
    expect(after.status).toBe(200);
    expect(after.text).toBe(evaluationBefore);
  });
});

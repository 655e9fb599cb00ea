import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ConfigSchema, type Config } from '../../api/config.js';
import { drainServer } from '../../api/operations/graceful-shutdown.js';
import type { OperationsDependencies } from '../../api/operations/operations-dependencies.js';
import { createServices, type Services } from '../../api/services.js';
import type { Store } from '../../store/index.js';
import { uncertainContract } from '../api/saved-object-fixtures.js';
import { simpleContract } from '../contract/contract-fixtures.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';

/**
 * Overload is answered, not suffered: an oversize body gets 413, a flood 429 with Retry-After,
 * an organisation with too many simulations 429 with Retry-After; probes and metrics say what
 * the process is doing; a draining server finishes the requests under way.
 */

interface Running {
  baseUrl: string;
  server: Server;
  services: Services;
  close(): Promise<void>;
}

const started: Running[] = [];
afterEach(async () => {
  for (const running of started.splice(0)) await running.close();
});

async function start(overrides: Partial<Config> = {}, { store, operations }: { store?: Store; operations?: OperationsDependencies } = {}): Promise<Running> {
  const config = { ...ConfigSchema.parse({ WORKER_THREADS: 1 }), ...overrides };
  const services = createServices(config, { store: store ?? null });
  const app = createApp({ config, services, operations });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const running: Running = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.jobs.detachRecorders();
      await services.pool.close();
    },
  };
  started.push(running);
  return running;
}

const post = (baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as { type: string; status: number };
  expect(problem.type).toBe(`https://resultaatfinanciering.example/problems/${type}`);
  expect(problem.status).toBe(status);
  return problem;
}

/** A simulation that runs for a while on one thread: a 10-year contract, a million draws. */
const longSimulation = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 1, iterations: 1_000_000 } };

describe('oversize bodies and floods', () => {
  it('answers a body over MAX_PAYLOAD_BYTES with 413, naming the limit', async () => {
    const { baseUrl } = await start({ MAX_PAYLOAD_BYTES: 2_048 });
    const contract = simpleContract({ name: 'x'.repeat(4_000) });
    const problem = await expectProblem(await post(baseUrl, '/contracts/evaluate', contract), 413, 'payload-too-large');
    expect(problem).toMatchObject({ limit: 'maxPayloadBytes', allowed: 2_048 });
  });

  it('answers the request after RATE_LIMIT_PER_MINUTE with 429 and a Retry-After within the minute; probes stay unlimited', async () => {
    const { baseUrl } = await start({ RATE_LIMIT_PER_MINUTE: 3 });
    for (let i = 0; i < 3; i++) expect((await post(baseUrl, '/contracts/evaluate', simpleContract())).status).toBe(200);
    const refused = await post(baseUrl, '/contracts/evaluate', simpleContract());
    await expectProblem(refused, 429, 'too-many-requests');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    for (const path of ['/health', '/ready', '/metrics']) expect((await fetch(baseUrl + path)).status).toBe(200);
  });

  it('answers a simulation beyond MAX_ACTIVE_JOBS with 429 and Retry-After, and takes it again once a slot is free', async () => {
    const { baseUrl } = await start({ MAX_ACTIVE_JOBS: 1 });
    const first = await post(baseUrl, '/simulations', longSimulation, { prefer: 'respond-async' });
    expect(first.status).toBe(202);
    const refused = await post(baseUrl, '/simulations', longSimulation, { prefer: 'respond-async' });
    await expectProblem(refused, 429, 'too-many-jobs');
    expect(refused.headers.get('retry-after')).toBe('5');
    const { id } = (await first.json()) as { id: string };
    expect((await post(baseUrl, `/simulations/${id}/cancel`, {})).status).toBe(200);
    expect((await post(baseUrl, '/simulations', longSimulation, { prefer: 'respond-async' })).status).toBe(202);
  });
});

const pglite = STORE_BACKENDS.find((backend) => backend.name === 'PGlite')!;
describe('simulations per organisation', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await pglite.open();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => opened?.dispose());

  it('refuses an organisation its third simulation at MAX_ACTIVE_JOBS_PER_ORGANISATION 2, while another organisation still gets a slot', async () => {
    const fund = await newOrganisation(opened.store, 'Fonds A');
    const municipality = await newOrganisation(opened.store, 'Gemeente B');
    const { baseUrl } = await start({ MAX_ACTIVE_JOBS: 10, MAX_ACTIVE_JOBS_PER_ORGANISATION: 2 }, { store: opened.store });
    const as = (key: string) => ({ authorization: `Bearer ${key}`, prefer: 'respond-async' });
    for (let i = 0; i < 2; i++) expect((await post(baseUrl, '/simulations', longSimulation, as(fund.key))).status).toBe(202);
    const refused = await post(baseUrl, '/simulations', longSimulation, as(fund.key));
    const problem = await expectProblem(refused, 429, 'too-many-jobs-for-organisation');
    expect(problem).toMatchObject({ limit: 'MAX_ACTIVE_JOBS_PER_ORGANISATION', allowed: 2 });
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await post(baseUrl, '/simulations', longSimulation, as(municipality.key))).status).toBe(202);
  });

  it('reports the database in readiness, and not ready when it stops answering', async () => {
    const store = opened.store;
    const failing = { ...store, database: { ...store.database, kind: store.database.kind, query: () => Promise.reject(new Error('connection refused')) } } as Store;
    const healthy = await start({}, { store });
    const report = (await (await fetch(healthy.baseUrl + '/ready')).json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(report.status).toBe('ready');
    expect(report.checks.database.ok).toBe(true);
    const broken = await start({}, { store: failing });
    const answer = await fetch(broken.baseUrl + '/ready');
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ status: 'not-ready', checks: { database: { ok: false, detail: 'connection refused' } } });
  });
}, STORE_START_TIMEOUT_MS);

describe('probes and metrics', () => {
  it('is live and ready with its simulation threads, and not ready once shutting down', async () => {
    let shuttingDown = false;
    const { baseUrl } = await start({}, { operations: { isShuttingDown: () => shuttingDown } });
    expect((await fetch(baseUrl + '/health')).status).toBe(200);
    const ready = await fetch(baseUrl + '/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { workers: { ok: true } } });
    shuttingDown = true;
    const draining = await fetch(baseUrl + '/ready');
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'not-ready', checks: { shutdown: { ok: false } } });
    expect((await fetch(baseUrl + '/health')).status).toBe(200);
  });

  it('counts requests per route template and status, and simulation jobs by kind and outcome', async () => {
    const { baseUrl } = await start();
    for (let i = 0; i < 2; i++) expect((await post(baseUrl, '/contracts/evaluate', simpleContract())).status).toBe(200);
    expect((await fetch(baseUrl + '/simulations/no-such-job')).status).toBe(404);
    const small = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 1, iterations: 500 } };
    expect((await post(baseUrl, '/simulations', small, { prefer: 'wait=60' })).status).toBe(200);
    const metrics = await (await fetch(baseUrl + '/metrics')).text();
    expect(metrics).toContain('http_request_duration_seconds_count{method="POST",route="/contracts/evaluate",status="200"} 2');
    // The id is not a label: unknown ids share the template's series.
    expect(metrics).toContain('http_request_duration_seconds_count{method="GET",route="/simulations/:id",status="404"} 1');
    expect(metrics).toContain('simulation_job_duration_seconds_count{kind="simulation",status="succeeded"} 1');
    expect(metrics).toMatch(/^simulation_jobs_active 0$/m);
    expect(metrics).toMatch(/^simulation_pool_threads 1$/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
  });
});

describe('draining on shutdown', () => {
  it('finishes a request that waits for its simulation, refuses new connections, and reports a clean drain', async () => {
    const running = await start();
    const contract = uncertainContract();
    // 20,000 iterations: about 0.4 s of work on a quiet machine, still far longer than the 20 ms
    // between the job's start and the drain's.
    const waiting = post(running.baseUrl, '/simulations', { model: { kind: 'contract', contract }, settings: { seed: 3, iterations: 20_000 } }, { prefer: 'wait=120' });
    // The request is under way once the job exists.
    while (running.services.jobs.activeCount() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const drained = drainServer(running.server, { graceMs: 120_000 });
    await expect(fetch(running.baseUrl + '/health')).rejects.toThrow();
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { status: string }).status).toBe('succeeded');
    expect(await drained).toBe(true);
    // The service's thread starts cold inside this test: 5 to 20 s when the cores are shared.
  }, 90_000);

  it('cuts off what is still open when the grace period ends, and says so', async () => {
    const running = await start();
    const waiting = post(running.baseUrl, '/simulations', longSimulation, { prefer: 'wait=120' }).catch(() => 'cut off');
    while (running.services.jobs.activeCount() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await drainServer(running.server, { graceMs: 200 })).toBe(false);
    expect(await waiting).toBe('cut off');
  });
});

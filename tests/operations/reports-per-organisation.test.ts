import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractAtLimits } from '../../bench/contract-at-limits.js';
import { createApp } from '../../api/app.js';
import { ConfigSchema, type Config } from '../../api/config.js';
import { createServices, type Services } from '../../api/services.js';
import type { Store } from '../../store/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';

/**
 * Issue 18 item 3: reports were open to anonymous callers and not limited like jobs. A report now
 * counts against MAX_ACTIVE_JOBS_PER_ORGANISATION while it runs, with the caller's simulations and
 * sensitivity analyses (per organisation; all anonymous callers together share one allowance).
 * No timing: a report on a contract at the horizon, cohort and participant limits runs for
 * seconds, and a refusal comes back at once; the long one is stopped when the pool closes.
 */

let running: { server: Server; services: Services } | null = null;
afterEach(async () => {
  if (running === null) return;
  running.server.closeAllConnections();
  await new Promise<void>((resolve) => running!.server.close(() => resolve()));
  await running.services.pool.close();
  running = null;
});

async function start(overrides: Partial<Config>, store: Store | null): Promise<string> {
  const config = { ...ConfigSchema.parse({ WORKER_THREADS: 2 }), ...overrides };
  const services = createServices(config, { store });
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ config, services }).listen(0, '127.0.0.1', () => resolve(s));
  });
  running = { server, services };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const longReport = { model: { kind: 'contract', contract: contractAtLimits({ profiles: 2, triggers: 2 }) }, settings: { seed: 1, iterations: 100 }, format: 'json' };
const expressionModel = { kind: 'expression', expression: { inputs: { a: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'a * 2' } } };
const shortTornado = { model: expressionModel, settings: { method: 'tornado', output: 'y' } };

function post(baseUrl: string, path: string, body: unknown, key?: string) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });
}

/** Sends `first` and `second` at once; the first answer must be the refusal (the long report still runs). */
async function expectRefused(first: Promise<Response>, second: Promise<Response>) {
  const both = [first, second];
  for (const response of both) response.catch(() => undefined); // the long one is cut off when the pool closes
  const answer = await Promise.race(both);
  expect(answer.status).toBe(429);
  expect(answer.headers.get('retry-after')).toBe('5');
  expect(await answer.json()).toMatchObject({ limit: 'MAX_ACTIVE_JOBS_PER_ORGANISATION', allowed: 1 });
}

describe('reports of anonymous callers', () => {
  it('refuses a second concurrent anonymous report at MAX_ACTIVE_JOBS_PER_ORGANISATION 1', async () => {
    const baseUrl = await start({ MAX_ACTIVE_JOBS_PER_ORGANISATION: 1 }, null);
    await expectRefused(post(baseUrl, '/reports', longReport), post(baseUrl, '/reports', longReport));
  });

  it('refuses an anonymous sensitivity analysis while an anonymous report runs: one allowance for both', async () => {
    const baseUrl = await start({ MAX_ACTIVE_JOBS_PER_ORGANISATION: 1 }, null);
    const report = post(baseUrl, '/reports', longReport);
    // The report is admitted first (it is read and counted before the analysis arrives).
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expectRefused(report, post(baseUrl, '/sensitivity', shortTornado));
  });
});

const pglite = STORE_BACKENDS.find((backend) => backend.name === 'PGlite')!;
describe('reports per organisation', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await pglite.open();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => opened?.dispose());

  // On the code before, this second report was refused too, but only once the first one's
  // simulation had started (after its tornado and break-even searches, seconds later).
  it("refuses an organisation's second concurrent report with 429, while another organisation is still served", async () => {
    const fund = await newOrganisation(opened.store, 'Fonds A');
    const municipality = await newOrganisation(opened.store, 'Gemeente B');
    const baseUrl = await start({ MAX_ACTIVE_JOBS_PER_ORGANISATION: 1 }, opened.store);
    await expectRefused(post(baseUrl, '/reports', longReport, fund.key), post(baseUrl, '/reports', longReport, fund.key));
    const other = await post(baseUrl, '/sensitivity', shortTornado, municipality.key);
    expect(other.status).toBe(200);
  });
}, STORE_START_TIMEOUT_MS);

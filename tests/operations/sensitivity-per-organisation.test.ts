import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ConfigSchema, type Config } from '../../api/config.js';
import { createServices, type Services } from '../../api/services.js';
import type { Store } from '../../store/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';

/**
 * Issue 18 item 6: eight concurrent 1.6M-run Sobol requests from one organisation were all
 * accepted. POST /sensitivity now counts against MAX_ACTIVE_JOBS_PER_ORGANISATION (with the
 * organisation's simulations), and all anonymous callers together against the same number.
 * No timing: the long analyses are far from done when the refusal comes back, and are stopped by
 * hanging up at the end.
 */

let running: { baseUrl: string; server: Server; services: Services } | null = null;
afterEach(async () => {
  if (running === null) return;
  running.server.closeAllConnections();
  await new Promise<void>((resolve) => running!.server.close(() => resolve()));
  await running.services.pool.close();
  running = null;
});

async function start(overrides: Partial<Config>, store: Store | null): Promise<string> {
  // Two threads: one for the long analysis, one for the other organisation's short one.
  const config = { ...ConfigSchema.parse({ WORKER_THREADS: 2 }), ...overrides };
  const services = createServices(config, { store });
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ config, services }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  running = { baseUrl, server, services };
  return baseUrl;
}

const model = { kind: 'expression', expression: { inputs: { a: { type: 'uniform', min: 0, max: 1 }, b: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'a * b + a' } } };
/** 400,000 × (2 + 2) = 1.6M model runs, as in the issue: it runs far longer than a refusal takes. */
const longSobol = { model, settings: { method: 'sobol', output: 'y', sampleSize: 400_000, seed: 1 } };
const shortTornado = { model, settings: { method: 'tornado', output: 'y' } };

function post(baseUrl: string, body: unknown, key: string | undefined, signal?: AbortSignal) {
  return fetch(`${baseUrl}/sensitivity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
    signal,
  });
}

/** Sends two long analyses at once as `key`; the first to answer must be the refusal (the other is still running). */
async function expectSecondRefused(baseUrl: string, key: string | undefined, hangUp: AbortController) {
  const both = [post(baseUrl, longSobol, key, hangUp.signal), post(baseUrl, longSobol, key, hangUp.signal)];
  const first = await Promise.race(both);
  expect(first.status).toBe(429);
  expect(first.headers.get('retry-after')).toBe('5');
  expect(await first.json()).toMatchObject({ limit: 'MAX_ACTIVE_JOBS_PER_ORGANISATION', allowed: 1 });
  for (const response of both) response.catch(() => undefined); // the other one is aborted at the end
}

const pglite = STORE_BACKENDS.find((backend) => backend.name === 'PGlite')!;
describe('sensitivity analyses per organisation', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await pglite.open();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => opened?.dispose());

  it("refuses an organisation's second analysis at MAX_ACTIVE_JOBS_PER_ORGANISATION 1 with 429 and Retry-After, while another organisation is still served", async () => {
    const fund = await newOrganisation(opened.store, 'Fonds A');
    const municipality = await newOrganisation(opened.store, 'Gemeente B');
    const baseUrl = await start({ MAX_ACTIVE_JOBS_PER_ORGANISATION: 1 }, opened.store);
    const hangUp = new AbortController();
    try {
      await expectSecondRefused(baseUrl, fund.key, hangUp);
      const other = await post(baseUrl, shortTornado, municipality.key);
      expect(other.status).toBe(200);
    } finally {
      hangUp.abort();
    }
  });
}, STORE_START_TIMEOUT_MS);

describe('sensitivity analyses of anonymous callers', () => {
  it('refuses a second concurrent anonymous analysis at MAX_ACTIVE_JOBS_PER_ORGANISATION 1', async () => {
    const baseUrl = await start({ MAX_ACTIVE_JOBS_PER_ORGANISATION: 1 }, null);
    const hangUp = new AbortController();
    try {
      await expectSecondRefused(baseUrl, undefined, hangUp);
    } finally {
      hangUp.abort();
    }
  });
});

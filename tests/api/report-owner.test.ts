import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { fundPortfolio, uncertainContract } from './saved-object-fixtures.js';
import { startStoreService } from './store-service.js';

/**
 * A report by a caller with an API key runs its simulation as that caller's job, as POST
 * /simulations does (issue 18, item 5): owned by the organisation (readable with the key, 404
 * without), stored as a run, and counted against the organisation's limit of active jobs. Before,
 * the report's job was anonymous: readable by anyone with its id, 404 with the caller's own key,
 * not stored and not counted.
 */
const pglite = STORE_BACKENDS[0];

describe('a keyed caller\'s report runs its simulation as the caller\'s job', () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let key: string;

  beforeAll(async () => {
    opened = await pglite.open();
    key = (await newOrganisation(opened.store, 'Gemeente')).key;
    // One active job per organisation, so that a running job makes the limit visible.
    service = await startStoreService(opened.store, { MAX_ACTIVE_JOBS_PER_ORGANISATION: 1 });
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  const post = (withKey: boolean, path: string, body: unknown, headers: Record<string, string> = {}) =>
    service.fetchAs(withKey ? key : undefined, path, { method: 'POST', body: JSON.stringify(body), headers });

  it.each([
    ['contract', { kind: 'contract', contract: uncertainContract() }],
    ['fund', { kind: 'portfolio', portfolio: fundPortfolio() }],
  ])('%s report: the job is readable with the key, 404 without, and stored as a run', async (_name, model) => {
    const response = await post(true, '/reports?format=json', { model, settings: { seed: 3, iterations: 200 } });
    expect(response.status).toBe(200);
    const id = ((await response.json()) as { reproduction: { simulationId: string } }).reproduction.simulationId;
    expect((await service.fetchAs(key, `/simulations/${id}`)).status).toBe(200);
    expect((await service.fetchAs(undefined, `/simulations/${id}`)).status).toBe(404);
    const run = await service.fetchAs(key, `/runs/${id}`);
    expect(run.status).toBe(200);
    expect(((await run.json()) as { status: string }).status).toBe('succeeded');
  }, 120_000);

  it('counts against the organisation\'s limit of active jobs (429 while its one job runs)', async () => {
    const slow = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 2, iterations: 1_000_000, drawIndividualOutcomes: true } };
    const running = ((await (await post(true, '/simulations', slow, { Prefer: 'respond-async' })).json()) as { id: string }).id;
    try {
      const report = await post(true, '/reports?format=json', { model: slow.model, settings: { seed: 3, iterations: 200 } });
      expect(report.status).toBe(429);
      expect(((await report.json()) as { type: string }).type).toMatch(/too-many-jobs-for-organisation$/);
    } finally {
      await post(true, `/simulations/${running}/cancel`, {});
    }
  }, 120_000);
});

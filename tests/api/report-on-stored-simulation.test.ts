import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EVENTS } from '../../outputs/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { uncertainContract } from './saved-object-fixtures.js';
import { startStoreService } from './store-service.js';

/**
 * POST /reports with `simulationId` on a stored run (a caller with an API key) that this process
 * no longer holds in memory (as after a restart): the report reads the run's work (model and
 * settings) back from the store to check it, reuses its result, and another organisation gets 404
 * for the same id, as at GET /simulations/{id}.
 */
describe('a report on a stored simulation run', () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let a: Awaited<ReturnType<typeof newOrganisation>>;
  let b: Awaited<ReturnType<typeof newOrganisation>>;
  beforeAll(async () => {
    opened = await STORE_BACKENDS[0].open();
    a = await newOrganisation(opened.store, 'Gemeente A');
    b = await newOrganisation(opened.store, 'Gemeente B');
    service = await startStoreService(opened.store);
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  const model = { kind: 'contract', contract: uncertainContract() };
  const settings = { seed: 99, iterations: 1000 };
  const postAs = (key: string, path: string, body: unknown) => service.fetchAs(key, path, { method: 'POST', headers: { Prefer: 'wait=60' }, body: JSON.stringify(body) });

  it('reuses the stored run for its caller (checked against the stored work) and is 404 for another organisation', async () => {
    const jobSettings = { ...settings, events: Object.values(REPORT_EVENTS), riskOutput: 'payerNetResult', riskTail: 'lower' };
    const answer = await postAs(a.key, '/simulations', { model, settings: jobSettings });
    expect(answer.status).toBe(200);
    const job = (await answer.json()) as { id: string; links: { run?: string }; result: { outputs: { name: string; mean: number }[] } };
    expect(job.links.run).toBe(`/runs/${job.id}`);
    // Forget the live job: the report now finds the run in the store only.
    expect(service.services.jobs.remove(job.id)).toBe(true);

    const report = await postAs(a.key, '/reports', { model, settings, format: 'json', simulationId: job.id });
    expect(report.status).toBe(200);
    const document = (await report.json()) as { reproduction: { simulationId: string }; keyFigures: { expectedNetResult: number } };
    expect(document.reproduction.simulationId).toBe(job.id);
    expect(document.keyFigures.expectedNetResult).toBe(job.result.outputs.find((o) => o.name === 'payerNetResult')!.mean);

    const otherSeed = await postAs(a.key, '/reports', { model, settings: { ...settings, seed: 100 }, format: 'json', simulationId: job.id });
    expect(otherSeed.status).toBe(409);

    const stranger = await postAs(b.key, '/reports', { model, settings, format: 'json', simulationId: job.id });
    expect(stranger.status).toBe(404);
  });
});

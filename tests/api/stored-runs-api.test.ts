import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOFTWARE_VERSION } from '../../api/version.js';
import type { Store } from '../../store/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { fundPortfolio, uncertainContract } from './saved-object-fixtures.js';
import { startStoreService } from './store-service.js';

/**
 * Runs of a caller with a key are stored with their full input, seed, software version and
 * result; the result reads back as the bytes first served, and a re-run gives the same bytes.
 */
const countRuns = async (store: Store) => Number((await store.database.query<{ count: number | string }>('SELECT count(*) AS count FROM runs'))[0].count);

describe('stored runs over HTTP', () => {
  let opened: TestStore;
  let store: Store;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let organisation: Awaited<ReturnType<typeof newOrganisation>>;
  beforeAll(async () => {
    opened = await STORE_BACKENDS[0].open();
    store = opened.store;
    organisation = await newOrganisation(store, 'Gemeente Reproduceerbaar');
    service = await startStoreService(store);
    // The thread starts here (seconds on a busy machine), not in the first test's 30 s.
    await service.services.pool.warmUp();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  const postAs = (key: string | undefined, path: string, body: unknown) =>
    service.fetchAs(key, path, { method: 'POST', headers: { Prefer: 'wait=60' }, body: JSON.stringify(body) });
  const post = (path: string, body: unknown) => postAs(organisation.key, path, body);
  const get = (path: string) => service.fetchAs(organisation.key, path);

  it('stores a simulation with its input, seed and version, and serves its result byte for byte; a re-run gives the same bytes', async () => {
    const request = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 424_242, iterations: 3_000 } };
    const answer = await post('/simulations', request);
    expect(answer.status).toBe(200);
    const answerText = await answer.text();
    const job = JSON.parse(answerText) as { id: string; links: { run: string } };
    expect(job.links.run).toBe(`/runs/${job.id}`);
    // The result as first served: the `result` member of the answer, printed as the API prints JSON.
    const servedResult = JSON.stringify((JSON.parse(answerText) as { result: unknown }).result);

    const stored = await get(`/runs/${job.id}/result`);
    expect(stored.status).toBe(200);
    const storedText = await stored.text();
    expect(storedText).toBe(servedResult);
    expect(await (await get(`/simulations/${job.id}/result`)).text()).toBe(servedResult);

    const runText = await (await get(`/runs/${job.id}`)).text();
    expect(runText.endsWith(`,"result":${servedResult}}`)).toBe(true);
    const run = JSON.parse(runText) as { kind: string; status: string; seed: number; softwareVersion: string; request: { settings: Record<string, unknown> }; sources: unknown[] };
    expect(run).toMatchObject({ kind: 'simulation', status: 'succeeded', seed: 424_242, softwareVersion: SOFTWARE_VERSION, sources: [] });
    // The full input as validated: defaults the caller left out (sampling, histogram bins) are written down.
    expect(run.request.settings).toMatchObject({ seed: 424_242, iterations: 3_000, sampling: expect.any(String), histogramBins: expect.any(Number) });

    const rerun = await post(`/runs/${job.id}/rerun`, undefined);
    expect(rerun.status).toBe(201);
    const rerunRun = (await rerun.json()) as { id: string; rerunOf: string };
    expect(rerunRun.rerunOf).toBe(job.id);
    expect(rerun.headers.get('location')).toBe(`/runs/${rerunRun.id}`);
    expect(await (await get(`/runs/${rerunRun.id}/result`)).text()).toBe(servedResult);
  });

  it('stores a sensitivity analysis and names it in Content-Location; its re-run gives the same bytes', async () => {
    const request = { model: { kind: 'contract', contract: uncertainContract() }, settings: { method: 'rank-correlation', output: 'payerNetResult', sampleSize: 200, seed: 11 } };
    const answer = await post('/sensitivity', request);
    expect(answer.status).toBe(200);
    const servedText = await answer.text();
    const location = answer.headers.get('content-location')!;
    expect(location).toMatch(/^\/runs\/[0-9a-f-]{36}\/result$/);
    expect(await (await get(location)).text()).toBe(servedText);
    const id = location.split('/')[2];
    const run = (await (await get(`/runs/${id}`)).json()) as { kind: string; seed: number; links: { job: string | null } };
    // Rank correlation evaluates the model once per sample: 200 runs, all done.
    expect(run).toMatchObject({ kind: 'sensitivity', seed: 11, links: { job: null }, progress: { completedIterations: 200, totalIterations: 200 } });
    expect((JSON.parse(servedText) as { modelRuns: number }).modelRuns).toBe(200);
    const rerun = (await (await post(`/runs/${id}/rerun`, undefined)).json()) as { id: string };
    expect(await (await get(`/runs/${rerun.id}/result`)).text()).toBe(servedText);
  });

  it('stores the Monte Carlo comparison of fund strategies as a comparison run', async () => {
    const strategies = [
      { name: 'basis', portfolio: fundPortfolio('Basis') },
      { name: 'meerRisico', portfolio: { ...fundPortfolio('Meer risico'), risk: { regionalCorrelation: 0.6 } } },
    ];
    const answer = await post('/portfolios/compare', { strategies, settings: { seed: 9, iterations: 1_000 } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { simulation: { id: string; result: unknown } };
    const run = (await (await get(`/runs/${body.simulation.id}`)).json()) as { kind: string; seed: number; request: { strategies: { name: string }[] } };
    expect(run).toMatchObject({ kind: 'comparison', seed: 9 });
    expect(run.request.strategies.map((s) => s.name)).toEqual(['basis', 'meerRisico']);
    expect(await (await get(`/runs/${body.simulation.id}/result`)).text()).toBe(JSON.stringify(body.simulation.result));
  });

  it('stores nothing for an anonymous caller, whose job is visible with its id only', async () => {
    const before = await countRuns(store);
    const answer = await postAs(undefined, '/simulations', { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 1, iterations: 500 } });
    expect(answer.status).toBe(200);
    const job = (await answer.json()) as { id: string; links: Record<string, string> };
    expect(job.links.run).toBeUndefined();
    expect(await countRuns(store)).toBe(before);
    expect((await service.fetchAs(undefined, `/simulations/${job.id}`)).status).toBe(200);
    // A key holder does not see an anonymous job either: it belongs to no organisation.
    expect((await get(`/simulations/${job.id}`)).status).toBe(404);
  });

  it('deletes a run with DELETE /runs/{id} and with DELETE /simulations/{id}', async () => {
    const ids: string[] = [];
    for (const seed of [1, 2]) {
      const answer = await post('/simulations', { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed, iterations: 200 } });
      ids.push(((await answer.json()) as { id: string }).id);
    }
    expect((await service.fetchAs(organisation.key, `/runs/${ids[0]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await service.fetchAs(organisation.key, `/simulations/${ids[1]}`, { method: 'DELETE' })).status).toBe(204);
    for (const id of ids) {
      expect((await get(`/runs/${id}`)).status).toBe(404);
      expect(await store.runs.get(organisation.organisationId, id)).toBeNull();
    }
  });

  it('keeps a cancelled run as cancelled, with its reason', async () => {
    const answer = await service.fetchAs(organisation.key, '/simulations', {
      method: 'POST',
      headers: { Prefer: 'respond-async' },
      body: JSON.stringify({ model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 3, iterations: 1_000_000, drawIndividualOutcomes: true } }),
    });
    expect(answer.status).toBe(202);
    const { id } = (await answer.json()) as { id: string };
    expect((await service.fetchAs(organisation.key, `/simulations/${id}/cancel`, { method: 'POST' })).status).toBe(200);
    const run = (await (await get(`/runs/${id}`)).json()) as { status: string; reason: string; result: unknown };
    expect(run).toMatchObject({ status: 'cancelled', reason: 'cancelled by request', result: null });
    expect((await get(`/runs/${id}/result`)).status).toBe(409);
  });
});

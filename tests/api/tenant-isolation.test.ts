import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { SAVED_KINDS, uncertainContract } from './saved-object-fixtures.js';
import { startStoreService } from './store-service.js';

/**
 * Organisation A (a fund) saves objects and runs; organisation B (a municipality on the same
 * server) tries every route that takes an id. Each answer must be the 404 that an id that does not
 * exist gets, so B learns nothing, and A's data must be unchanged afterwards.
 */
for (const backend of STORE_BACKENDS) {
  describe.skipIf(!backend.available)(`tenant isolation on ${backend.name}`, () => {
    let opened: TestStore;
    let service: Awaited<ReturnType<typeof startStoreService>>;
    let fund: Awaited<ReturnType<typeof newOrganisation>>;
    let municipality: Awaited<ReturnType<typeof newOrganisation>>;
    const saved: Record<string, string> = {};
    const runs: Record<string, string> = {};
    /** A's job still queued or running while B tries it (cancelled at the end). */
    let runningJob: string;

    beforeAll(async () => {
      opened = await backend.open();
      fund = await newOrganisation(opened.store, 'Fonds A');
      municipality = await newOrganisation(opened.store, 'Gemeente B');
      service = await startStoreService(opened.store);
      const asFund = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        service.fetchAs(fund.key, path, { method: 'POST', body: JSON.stringify(body), headers: { Prefer: 'wait=60', ...headers } });
      for (const { kind, path, body } of SAVED_KINDS) saved[kind] = ((await (await asFund(path, body())).json()) as { id: string }).id;
      const ref = { ref: { kind: 'contract', id: saved.contract } };
      runs.simulation = ((await (await asFund('/simulations', { model: ref, settings: { seed: 1, iterations: 500 } })).json()) as { id: string }).id;
      runs.comparison = ((await (await asFund('/simulations/compare', {
        model: ref,
        variants: [{ name: 'duurder', changes: { contract: { payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 2_000 }] } } } }],
        settings: { seed: 1, iterations: 500 },
      })).json()) as { id: string }).id;
      const sensitivity = await asFund('/sensitivity', { model: ref, settings: { method: 'rank-correlation', output: 'payerNetResult', sampleSize: 50, seed: 3 } });
      runs.sensitivity = sensitivity.headers.get('content-location')!.split('/')[2];
      const slow = { model: ref, settings: { seed: 2, iterations: 1_000_000, drawIndividualOutcomes: true } };
      runningJob = ((await (await asFund('/simulations', slow, { Prefer: 'respond-async' })).json()) as { id: string }).id;
    }, STORE_START_TIMEOUT_MS);
    afterAll(async () => {
      await service?.fetchAs(fund.key, `/simulations/${runningJob}/cancel`, { method: 'POST' });
      await service?.close();
      await opened?.dispose();
    });

    const asMunicipality = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      service.fetchAs(municipality.key, path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

    /** B's answer for A's id equals its answer for an id nobody has (after the id itself is blanked out). */
    async function expectSameAsMissing(
      method: string,
      path: (id: string) => string,
      id: string,
      body?: (id: string) => unknown,
      headers?: Record<string, string>,
    ) {
      const forA = await asMunicipality(method, path(id), body?.(id), headers);
      const unknown = randomUUID();
      const forNobody = await asMunicipality(method, path(unknown), body?.(unknown), headers);
      expect(forA.status, `${method} ${path(id)}`).toBe(404);
      expect(forNobody.status).toBe(404);
      const blank = (text: string, value: string) => text.split(value).join('<id>');
      expect(blank(await forA.text(), id)).toBe(blank(await forNobody.text(), unknown));
    }

    for (const { kind, path, body } of SAVED_KINDS) {
      it(`hides A's ${kind} from B on read, versions, update, delete and run`, async () => {
        const id = saved[kind];
        await expectSameAsMissing('GET', (x) => `${path}/${x}`, id);
        await expectSameAsMissing('GET', (x) => `${path}/${x}/versions`, id);
        await expectSameAsMissing('GET', (x) => `${path}/${x}/versions/1`, id);
        await expectSameAsMissing('PUT', (x) => `${path}/${x}`, id, () => body('Overgenomen'), { 'If-Match': '"1"' });
        await expectSameAsMissing('DELETE', (x) => `${path}/${x}`, id);
        await expectSameAsMissing('DELETE', (x) => `${path}/${x}`, id, undefined, { 'If-Match': '"1"' });
        const settings = { seed: 1, iterations: 100 };
        const ref = (x: string) => ({ ref: { kind, id: x } });
        await expectSameAsMissing('POST', () => '/simulations', id, (x) => ({ model: ref(x), settings }));
        await expectSameAsMissing('POST', () => '/simulations/compare', id, (x) => ({ model: ref(x), variants: [{ name: 'v', changes: {} }], settings }));
        await expectSameAsMissing('POST', () => '/sensitivity', id, (x) => ({ model: ref(x), settings: { method: 'tornado', output: 'payerNetResult' } }));
        const list = (await (await asMunicipality('GET', path)).json()) as { items: unknown[] };
        expect(list.items).toEqual([]);
      });
    }

    for (const kind of ['simulation', 'comparison', 'sensitivity'] as const) {
      it(`hides A's ${kind} run from B on read, result, re-run and delete`, async () => {
        const id = runs[kind];
        await expectSameAsMissing('GET', (x) => `/runs/${x}`, id);
        await expectSameAsMissing('GET', (x) => `/runs/${x}/result`, id);
        await expectSameAsMissing('POST', (x) => `/runs/${x}/rerun`, id);
        await expectSameAsMissing('DELETE', (x) => `/runs/${x}`, id);
      });
    }

    it("hides A's jobs, finished and running, from B and from anonymous callers", async () => {
      for (const id of [runs.simulation, runs.comparison, runningJob]) {
        await expectSameAsMissing('GET', (x) => `/simulations/${x}`, id);
        await expectSameAsMissing('GET', (x) => `/simulations/${x}/result`, id);
        await expectSameAsMissing('POST', (x) => `/simulations/${x}/cancel`, id);
        await expectSameAsMissing('DELETE', (x) => `/simulations/${x}`, id);
        expect((await service.fetchAs(undefined, `/simulations/${id}`)).status).toBe(404);
      }
      const list = (await (await asMunicipality('GET', '/runs')).json()) as { items: unknown[] };
      expect(list.items).toEqual([]);
    });

    it("needs a key for saved objects and runs, and refuses an unknown key outright", async () => {
      expect((await service.fetchAs(undefined, '/contracts')).status).toBe(401);
      expect((await service.fetchAs(undefined, `/runs/${runs.simulation}`)).status).toBe(401);
      const forged = await service.fetchAs('rf_' + 'A'.repeat(43), '/contracts');
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    });

    it("leaves A's objects, runs and running job as they were after B's attempts", async () => {
      for (const { kind, path } of SAVED_KINDS) {
        const answer = await service.fetchAs(fund.key, `${path}/${saved[kind]}`);
        expect(answer.status).toBe(200);
        expect(((await answer.json()) as { version: number }).version).toBe(1);
      }
      const list = (await (await service.fetchAs(fund.key, '/runs')).json()) as { items: { id: string }[] };
      expect(list.items.map((run) => run.id).sort()).toEqual([runs.simulation, runs.comparison, runs.sensitivity, runningJob].sort());
      const job = (await (await service.fetchAs(fund.key, `/simulations/${runningJob}`)).json()) as { status: string };
      expect(['queued', 'running']).toContain(job.status);
    });
  });
}

describe('anonymous use when the operator forbids it', () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let organisation: Awaited<ReturnType<typeof newOrganisation>>;
  beforeAll(async () => {
    opened = await STORE_BACKENDS[0].open();
    organisation = await newOrganisation(opened.store, 'Gemeente Sleutel');
    service = await startStoreService(opened.store, { ALLOW_ANONYMOUS: false });
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  it('refuses the stateless endpoints without a key, serves them with one, and keeps health and the API description public', async () => {
    const body = JSON.stringify(uncertainContract());
    const anonymous = await service.fetchAs(undefined, '/contracts/evaluate', { method: 'POST', body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await service.fetchAs(organisation.key, '/contracts/evaluate', { method: 'POST', body })).status).toBe(200);
    expect((await service.fetchAs(undefined, '/health')).status).toBe(200);
    expect((await service.fetchAs(undefined, '/openapi.json')).status).toBe(200);
  });
});

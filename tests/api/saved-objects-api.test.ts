import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { SAVED_KINDS, uncertainContract } from './saved-object-fixtures.js';
import { startStoreService } from './store-service.js';

const countRows = async (store: Store, table: string, organisationId: string) => {
  const [{ count }] = await store.database.query<{ count: number | string }>(`SELECT count(*) AS count FROM ${table} WHERE organisation_id = $1`, [organisationId]);
  return Number(count);
};

for (const backend of STORE_BACKENDS) {
  describe.skipIf(!backend.available)(`saved objects over HTTP on ${backend.name}`, () => {
    let opened: TestStore;
    let service: Awaited<ReturnType<typeof startStoreService>>;
    let organisation: Awaited<ReturnType<typeof newOrganisation>>;
    beforeAll(async () => {
      opened = await backend.open();
      organisation = await newOrganisation(opened.store, 'Gemeente Voorbeeld');
      service = await startStoreService(opened.store);
    }, STORE_START_TIMEOUT_MS);
    afterAll(async () => {
      await service?.close();
      await opened?.dispose();
    });

    const as = (path: string, init: RequestInit = {}) => service.fetchAs(organisation.key, path, init);

    for (const { kind, path, body } of SAVED_KINDS) {
      it(`saves a ${kind}, updates it to version 2, and still serves version 1 as saved`, async () => {
        const created = await as(path, { method: 'POST', body: JSON.stringify(body('Eerste')) });
        expect(created.status).toBe(201);
        expect(created.headers.get('etag')).toBe('"1"');
        const first = (await created.json()) as { id: string; version: number; name: string } & Record<string, unknown>;
        expect(created.headers.get('location')).toBe(`${path}/${first.id}`);
        expect(first).toMatchObject({ kind, version: 1, name: 'Eerste', savedByKey: organisation.keyId });

        const put = await as(`${path}/${first.id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify(body('Tweede')) });
        expect(put.status).toBe(200);
        expect(put.headers.get('etag')).toBe('"2"');

        const current = (await (await as(`${path}/${first.id}`)).json()) as { version: number; name: string };
        expect(current).toMatchObject({ version: 2, name: 'Tweede' });
        const old = await as(`${path}/${first.id}/versions/1`);
        // Version 1 reads back exactly as it was answered when saved (defaults filled in by the schema).
        expect(await old.json()).toEqual(first);
        const versions = (await (await as(`${path}/${first.id}/versions`)).json()) as { items: { version: number; name: string }[] };
        expect(versions.items.map((v) => [v.version, v.name])).toEqual([
          [2, 'Tweede'],
          [1, 'Eerste'],
        ]);
        const list = (await (await as(path)).json()) as { items: { id: string; version: number }[] };
        expect(list.items.find((item) => item.id === first.id)).toMatchObject({ version: 2 });

        const deleted = await as(`${path}/${first.id}`, { method: 'DELETE', headers: { 'If-Match': '"2"' } });
        expect(deleted.status).toBe(204);
        expect((await as(`${path}/${first.id}`)).status).toBe(404);
        expect((await as(`${path}/${first.id}/versions/1`)).status).toBe(404);
      });
    }

    it('refuses an update without If-Match (428) and one based on an old version (412), writing nothing', async () => {
      const created = (await (await as('/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Basis')) })).json()) as { id: string };
      await as(`/contracts/${created.id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify(uncertainContract('Nieuw')) });

      const missing = await as(`/contracts/${created.id}`, { method: 'PUT', body: JSON.stringify(uncertainContract('Zonder')) });
      expect(missing.status).toBe(428);
      const stale = await as(`/contracts/${created.id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify(uncertainContract('Oud')) });
      expect(stale.status).toBe(412);
      expect(((await stale.json()) as { detail: string }).detail).toMatch(/it is now at version 2/);
      const star = await as(`/contracts/${created.id}`, { method: 'PUT', headers: { 'If-Match': '*' }, body: JSON.stringify(uncertainContract('Ster')) });
      expect(star.status).toBe(428);
      const current = (await (await as(`/contracts/${created.id}`)).json()) as { version: number; name: string };
      expect(current).toMatchObject({ version: 2, name: 'Nieuw' });
    });

    it('lets one of two concurrent edits of version 1 win and answers the other 412: neither is lost silently', async () => {
      const created = (await (await as('/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Start')) })).json()) as { id: string };
      const edits = ['Bewerking A', 'Bewerking B'];
      const answers = await Promise.all(
        edits.map((name) => as(`/contracts/${created.id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify(uncertainContract(name)) })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
      const winner = edits[answers.findIndex((a) => a.status === 200)];
      const loser = edits[answers.findIndex((a) => a.status === 412)];
      const versions = (await (await as(`/contracts/${created.id}/versions`)).json()) as { items: { version: number; name: string }[] };
      // The winner is version 2; the loser was told, and was not written over it or beside it.
      expect(versions.items.map((v) => [v.version, v.name])).toEqual([
        [2, winner],
        [1, 'Start'],
      ]);
      expect(versions.items.map((v) => v.name)).not.toContain(loser);
    });

    it('leaves no rows behind for a request that fails validation', async () => {
      const objectsBefore = await countRows(opened.store, 'saved_objects', organisation.organisationId);
      const runsBefore = await countRows(opened.store, 'runs', organisation.organisationId);
      const broken = { ...uncertainContract('Kapot'), horizonMonths: -1 };
      expect((await as('/contracts', { method: 'POST', body: JSON.stringify(broken) })).status).toBe(400);
      expect((await as('/contracts', { method: 'POST', body: '{"name": "half' })).status).toBe(400);
      const badRun = { model: { kind: 'contract', contract: broken }, settings: { seed: 1, iterations: 100 } };
      expect((await as('/simulations', { method: 'POST', body: JSON.stringify(badRun) })).status).toBe(400);
      // A reference to a version that does not exist is a 404 before anything is stored.
      const created = (await (await as('/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Echt')) })).json()) as { id: string };
      const missingVersion = { model: { ref: { kind: 'contract', id: created.id, version: 9 } }, settings: { seed: 1, iterations: 100 } };
      expect((await as('/simulations', { method: 'POST', body: JSON.stringify(missingVersion) })).status).toBe(404);
      expect(await countRows(opened.store, 'saved_objects', organisation.organisationId)).toBe(objectsBefore + 1);
      expect(await countRows(opened.store, 'runs', organisation.organisationId)).toBe(runsBefore);
      const [{ count }] = await opened.store.database.query<{ count: number | string }>(
        'SELECT count(*) AS count FROM saved_object_versions v LEFT JOIN saved_objects o ON o.id = v.object_id WHERE o.id IS NULL',
      );
      expect(Number(count)).toBe(0);
    });

    it('runs a saved contract by reference and records the exact version it used', async () => {
      const created = (await (await as('/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Versie 1')) })).json()) as { id: string };
      const changed = { ...uncertainContract('Versie 2'), payment: { triggers: [{ id: 'start', kind: 'jobStart' as const, price: 2_500 }] } };
      await as(`/contracts/${created.id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify(changed) });

      const run = async (version?: number) => {
        const body = { model: { ref: { kind: 'contract', id: created.id, ...(version === undefined ? {} : { version }) } }, settings: { seed: 5, iterations: 500 } };
        const answer = await as('/simulations', { method: 'POST', headers: { Prefer: 'wait=60' }, body: JSON.stringify(body) });
        expect(answer.status).toBe(200);
        const job = (await answer.json()) as { id: string };
        return (await (await as(`/runs/${job.id}`)).json()) as { sources: unknown[]; request: { model: { contract: { name: string; payment: { triggers: { price: number }[] } } } } };
      };
      const current = await run();
      expect(current.sources).toEqual([{ path: 'model', kind: 'contract', id: created.id, version: 2 }]);
      expect(current.request.model.contract.payment.triggers[0].price).toBe(2_500);
      const first = await run(1);
      expect(first.sources).toEqual([{ path: 'model', kind: 'contract', id: created.id, version: 1 }]);
      expect(first.request.model.contract.payment.triggers[0].price).toBe(1_000);
    });
  });
}

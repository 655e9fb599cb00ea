import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey, InvalidCursor, type Store } from '../../store/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from './test-stores.js';

/** The same round trips on the embedded database and on PostgreSQL (skipped without TEST_DATABASE_URL). */
for (const backend of STORE_BACKENDS) {
  describe.skipIf(!backend.available)(`store round trips on ${backend.name}`, () => {
    let opened: TestStore;
    let store: Store;
    beforeAll(async () => {
      opened = await backend.open();
      store = opened.store;
    }, STORE_START_TIMEOUT_MS);
    afterAll(async () => opened?.dispose());

    it('applies every migration to a new database', () => {
      expect(store.migrations).toEqual({ applied: [1, 2, 3, 4], version: 4 });
    });

    it('stores only the SHA-256 hash of an API key and finds the caller by the key', async () => {
      const { key, keyId, organisationId } = await newOrganisation(store, 'Gemeente Hashdorp');
      const [row] = await store.database.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [keyId]);
      // The hash as sha256sum would print it for the key's UTF-8 bytes.
      expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(row.key_hash).toBe(hashApiKey(key));
      // No column holds the key itself; the shown prefix is `rf_` and 6 characters of 43.
      for (const value of Object.values(row)) expect(String(value)).not.toContain(key);
      expect(row.key_prefix).toBe(key.slice(0, 9));
      expect(await store.apiKeys.authenticate(key)).toEqual({ organisationId, keyId });
      expect(await store.apiKeys.authenticate(key + 'x')).toBeNull();
      expect(await store.apiKeys.revoke(keyId)).toBe(true);
      expect(await store.apiKeys.authenticate(key)).toBeNull();
    });

    it('keeps every version of a saved object, with the content and its key order as saved', async () => {
      const { caller, organisationId } = await newOrganisation(store, 'Gemeente Versiestad');
      // Key order is part of a model (it orders inputs and outputs); json keeps it, jsonb would sort it.
      const first = { name: 'Pilot', zeta: 1, alpha: { y: 2, b: [1.5, -0, 1e-300] } };
      const created = await store.savedObjects.create(caller, 'contract', 'Pilot', first);
      expect(created.version).toBe(1);
      const second = { name: 'Pilot 2', alpha: 3 };
      const updated = await store.savedObjects.update(caller, 'contract', created.id, 1, 'Pilot 2', second);
      expect(updated.outcome).toBe('updated');

      const current = await store.savedObjects.get(organisationId, 'contract', created.id);
      expect(current).toMatchObject({ version: 2, name: 'Pilot 2', body: second, createdByKey: caller.keyId });
      const old = await store.savedObjects.get(organisationId, 'contract', created.id, 1);
      expect(JSON.stringify(old!.body)).toBe(JSON.stringify({ name: 'Pilot', zeta: 1, alpha: { y: 2, b: [1.5, 0, 1e-300] } }));
      const versions = await store.savedObjects.versions(organisationId, 'contract', created.id, { limit: 10 });
      expect(versions!.items.map((v) => v.version)).toEqual([2, 1]);
      // Another kind with the same id is another object.
      expect(await store.savedObjects.get(organisationId, 'portfolio', created.id)).toBeNull();
    });

    it('lets exactly one of two concurrent updates of the same version win; the other learns the current version', async () => {
      const { caller, organisationId } = await newOrganisation(store, 'Gemeente Tegelijk');
      const created = await store.savedObjects.create(caller, 'scenario', 'Start', { name: 'Start' });
      const outcomes = await Promise.all([
        store.savedObjects.update(caller, 'scenario', created.id, 1, 'Edit A', { name: 'Edit A' }),
        store.savedObjects.update(caller, 'scenario', created.id, 1, 'Edit B', { name: 'Edit B' }),
      ]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['stale', 'updated']);
      const stale = outcomes.find((o) => o.outcome === 'stale') as { currentVersion: number };
      expect(stale.currentVersion).toBe(2);
      const winner = outcomes.find((o) => o.outcome === 'updated') as { object: { name: string } };
      const current = await store.savedObjects.get(organisationId, 'scenario', created.id);
      expect(current).toMatchObject({ version: 2, name: winner.object.name });
      // The losing edit was not written as a version either.
      const versions = await store.savedObjects.versions(organisationId, 'scenario', created.id, { limit: 10 });
      expect(versions!.items.map((v) => v.name)).toEqual([winner.object.name, 'Start']);
    });

    it('rolls a failed save back whole: no object row without its version', async () => {
      const { caller, organisationId } = await newOrganisation(store, 'Gemeente Halfweg');
      // A BigInt cannot become JSON: the object row is inserted, then writing the version throws.
      await expect(store.savedObjects.create(caller, 'contract', 'Broken', { amount: 10n })).rejects.toThrow();
      const page = await store.savedObjects.list(organisationId, 'contract', { limit: 10 });
      expect(page.items).toEqual([]);
      const [{ count }] = await store.database.query<{ count: number | string }>(
        'SELECT count(*) AS count FROM saved_objects WHERE organisation_id = $1',
        [organisationId],
      );
      expect(Number(count)).toBe(0);
    });

    it('deletes only with the current version when one is given', async () => {
      const { caller, organisationId } = await newOrganisation(store, 'Gemeente Weg');
      const created = await store.savedObjects.create(caller, 'portfolio', 'Fund', { name: 'Fund' });
      await store.savedObjects.update(caller, 'portfolio', created.id, 1, 'Fund', { name: 'Fund', v: 2 });
      expect(await store.savedObjects.delete(organisationId, 'portfolio', created.id, 1)).toEqual({ outcome: 'stale', currentVersion: 2 });
      expect(await store.savedObjects.delete(organisationId, 'portfolio', created.id, 2)).toEqual({ outcome: 'deleted' });
      expect(await store.savedObjects.get(organisationId, 'portfolio', created.id, 1)).toBeNull();
      expect(await store.savedObjects.delete(organisationId, 'portfolio', created.id)).toEqual({ outcome: 'not-found' });
    });

    it('pages newest first with a cursor, and refuses a cursor it did not make', async () => {
      const { caller, organisationId } = await newOrganisation(store, 'Gemeente Bladzijde');
      for (const name of ['a', 'b', 'c', 'd', 'e']) await store.savedObjects.create(caller, 'contract', name, { name });
      const first = await store.savedObjects.list(organisationId, 'contract', { limit: 2 });
      const second = await store.savedObjects.list(organisationId, 'contract', { limit: 2, cursor: first.nextCursor! });
      const third = await store.savedObjects.list(organisationId, 'contract', { limit: 2, cursor: second.nextCursor! });
      expect([first, second, third].map((page) => page.items.map((item) => item.name))).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
      expect(third.nextCursor).toBeNull();
      await expect(store.savedObjects.list(organisationId, 'contract', { limit: 2, cursor: 'bm9wZQ' })).rejects.toBeInstanceOf(InvalidCursor);
    });

    it('keeps a run with its input, seed, software version and result text, visible only to its organisation', async () => {
      const a = await newOrganisation(store, 'Fonds A');
      const b = await newOrganisation(store, 'Gemeente B');
      const id = randomUUID();
      const instance = randomUUID();
      await store.instances.register(instance, '0.1.0');
      // A result text whose numbers would change if parsed and printed by another tool: it must come back as stored.
      const resultText = '{"mean":0.1,"p95":1e+21,"tiny":5e-324,"order":{"z":1,"a":2}}';
      await store.runs.create({
        id,
        organisationId: a.organisationId,
        kind: 'simulation',
        status: 'queued',
        request: { model: { kind: 'expression' }, settings: { seed: 4294967295 } },
        sources: [{ path: 'model', kind: 'contract', id: 'c1', version: 3 }],
        work: { kind: 'simulation', settings: { iterations: 10 } },
        seed: 4294967295,
        softwareVersion: '0.1.0',
        rerunOf: null,
        totalIterations: 10,
        createdByKey: a.keyId,
        runnerInstance: instance,
      });
      await store.runs.markRunning(id, instance, new Date('2026-01-01T00:00:00Z'));
      await store.runs.recordProgress(id, instance, 5);
      expect((await store.runs.get(a.organisationId, id))!.completedIterations).toBe(5);
      await store.runs.finish(id, instance, { status: 'succeeded', completedIterations: 10, resultText, reason: null, error: null, finishedAt: new Date() });

      const run = await store.runs.get(a.organisationId, id);
      expect(run).toMatchObject({ status: 'succeeded', seed: 4294967295, softwareVersion: '0.1.0', resultText, completedIterations: 10, runnerInstance: null });
      expect(run!.sources).toEqual([{ path: 'model', kind: 'contract', id: 'c1', version: 3 }]);
      expect(await store.runs.get(b.organisationId, id)).toBeNull();
      expect((await store.runs.list(b.organisationId, { limit: 10 })).items).toEqual([]);
      expect(await store.runs.delete(b.organisationId, id)).toBe(false);
      expect((await store.runs.list(a.organisationId, { limit: 10 })).items.map((r) => r.id)).toEqual([id]);
      // A finished run is no longer the instance's to write: a late write changes nothing.
      await store.runs.recordProgress(id, instance, 1);
      expect((await store.runs.get(a.organisationId, id))!.completedIterations).toBe(10);
      await store.instances.unregister(instance);
    });

    it('hands the unfinished runs of a stopped instance to the next one, counting the attempt', async () => {
      const a = await newOrganisation(store, 'Gemeente Herstart');
      const stopped = randomUUID();
      const next = randomUUID();
      const base = {
        organisationId: a.organisationId,
        kind: 'simulation' as const,
        request: {},
        sources: [],
        work: { kind: 'simulation', settings: { iterations: 10 } },
        seed: 1,
        softwareVersion: '0.1.0',
        rerunOf: null,
        totalIterations: 10,
        createdByKey: a.keyId,
        runnerInstance: stopped,
      };
      const running = randomUUID();
      const done = randomUUID();
      await store.runs.create({ ...base, id: running, status: 'running' });
      await store.runs.create({ ...base, id: done, status: 'succeeded', runnerInstance: null });
      // The stopped instance is not registered (its row is gone): its runs are orphans.
      const claimed = await store.runs.claimOrphans(next, { othersAlive: true, staleAfterMs: 30_000 });
      expect(claimed.map((run) => run.id)).toContain(running);
      expect(claimed.map((run) => run.id)).not.toContain(done);
      expect((await store.runs.get(a.organisationId, running))).toMatchObject({ status: 'queued', runnerInstance: next, attempts: 2 });
      // A second claim by the same instance finds nothing new.
      expect((await store.runs.claimOrphans(next, { othersAlive: true, staleAfterMs: 30_000 })).map((r) => r.id)).not.toContain(running);
      await store.runs.fail(running, next, 'test', new Date());
    });
  });
}

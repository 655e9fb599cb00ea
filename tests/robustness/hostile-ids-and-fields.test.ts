import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { uncertainContract } from '../api/saved-object-fixtures.js';
import { startStoreService } from '../api/store-service.js';

/**
 * Input that PostgreSQL cannot hold or that overflows a database or stack limit is the caller's
 * mistake: a 4xx problem naming what was wrong, never a 500 (issue 18, item 4). Each of these gave
 * 500 before: NUL in a text column ("invalid byte sequence"), a cursor or version beyond the
 * `integer` column ("integer out of range"), and a merge patch deep enough to overflow the stack.
 */
const pglite = STORE_BACKENDS[0];

describe('hostile ids and fields answer 4xx, not 500', () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let key: string;
  let contractId: string;

  beforeAll(async () => {
    opened = await pglite.open();
    key = (await newOrganisation(opened.store, 'Gemeente')).key;
    service = await startStoreService(opened.store);
    const saved = await service.fetchAs(key, '/contracts', { method: 'POST', body: JSON.stringify(uncertainContract()) });
    contractId = ((await saved.json()) as { id: string }).id;
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  async function problem(response: Response) {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as { status: number; errors?: Array<{ path: string }> };
  }

  it.each([
    ['GET', '/contracts/%00'],
    ['GET', '/contracts/a%00b/versions'],
    ['DELETE', '/contracts/%00'],
    ['GET', '/runs/a%00b'],
    ['DELETE', '/runs/%00'],
    ['GET', '/simulations/%00'],
    ['GET', '/simulations/%00/result'],
  ])('%s %s: an id with NUL is not found (404)', async (method, path) => {
    const response = await service.fetchAs(key, path, { method, headers: { 'If-Match': '"1"' } });
    expect(response.status).toBe(404);
    expect((await problem(response)).status).toBe(404);
  });

  it('a saved name containing NUL is a 400 naming `name`, and nothing is saved', async () => {
    const response = await service.fetchAs(key, '/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Pilot\u0000Werkfit')) });
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((error) => error.path)).toContain('name');
    const list = (await (await service.fetchAs(key, '/contracts')).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
  });

  it('a cursor beyond the database integer range is a 400 naming `cursor`', async () => {
    // 'p99999999999' is a well-formed cursor whose position exceeds 2^31 - 1, the versions column's range.
    const cursor = Buffer.from('p99999999999', 'utf8').toString('base64url');
    for (const path of [`/contracts/${contractId}/versions?cursor=${cursor}`, `/contracts?cursor=${Buffer.from('p999999999999999', 'utf8').toString('base64url')}`]) {
      const response = await service.fetchAs(key, path);
      if (path.includes('/versions')) {
        expect(response.status).toBe(400);
        expect((await problem(response)).errors?.map((error) => error.path)).toEqual(['cursor']);
      } else {
        // seq is bigint: 15 digits are in range, so this is just an empty page.
        expect(response.status).toBe(200);
      }
    }
  });

  it('a model ref with version 2^31 is a 400 naming the version field', async () => {
    const response = await service.fetchAs(key, '/simulations', {
      method: 'POST',
      body: JSON.stringify({ model: { ref: { kind: 'contract', id: contractId, version: 2_147_483_648 } }, settings: { seed: 1, iterations: 100 } }),
    });
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((error) => error.path)).toContain('model.ref.version');
  });

  it('`changes` nested 50,000 levels deep is a 400 naming the variant, not a stack overflow', async () => {
    const depth = 50_000;
    const changes = '{"contract":'.repeat(depth) + '1' + '}'.repeat(depth);
    const body = `{"model":{"kind":"contract","contract":${JSON.stringify(uncertainContract())}},"variants":[{"name":"diep","changes":${changes}}],"settings":{"seed":1,"iterations":100}}`;
    const response = await fetch(service.baseUrl + '/simulations/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((error) => error.path)).toContain('variants[0].changes');
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVED_KINDS } from '../api/saved-object-fixtures.js';
import { startStoreService } from '../api/store-service.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { arbitraryFuzzJson, HOSTILE_EXPRESSIONS, HOSTILE_VALUES, MALFORMED_BODIES, toJsonText, type FuzzValue } from './hostile-input.js';
import { nodePaths, replaceAt } from './json-mutation.js';

/**
 * Saved objects under hostile updates: each kind is saved, then updated with its body changed at
 * one node (hostile values, hostile expressions, removals, random JSON), with malformed text, and
 * with odd If-Match headers. Every answer is below 500, and after every refused update the stored
 * object reads back byte for byte as before (an accepted update becomes the new "before").
 * Fixed seed, bounded runs, on the embedded database.
 */

const FUZZ_SEED = 20_261_130;
const UPDATES_PER_KIND = 40;
const REQUEST_TIMEOUT_MS = 15_000;
const HOSTILE_IF_MATCH = ['', '*', '"0"', '"-1"', '"1e400"', '"abc"', 'W/"1"', '"1", "2"', '"' + '9'.repeat(400) + '"', 'null'];

const pglite = STORE_BACKENDS.find((backend) => backend.name === 'PGlite')!;

describe('saved objects under hostile updates', () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let key: string;

  beforeAll(async () => {
    opened = await pglite.open();
    key = (await newOrganisation(opened.store, 'Fuzz')).key;
    service = await startStoreService(opened.store);
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  async function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    const response = await service.fetchAs(key, path, { method, body, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', etag: response.headers.get('etag'), text: await response.text() };
  }

  it.each(SAVED_KINDS.map((kind) => [kind.kind, kind] as const))('leaves a saved %s unchanged by every refused update, and never answers 500', async (_name, { path, body }) => {
    const valid = body() as unknown as FuzzValue;
    const created = await send('POST', path, JSON.stringify(valid));
    expect(created.status, created.text).toBe(201);
    const id = (JSON.parse(created.text) as { id: string }).id;
    let before = await send('GET', `${path}/${id}`);
    const paths = nodePaths(valid);
    const change = fc.oneof(
      fc.constantFrom(...HOSTILE_VALUES),
      fc.constantFrom(...HOSTILE_EXPRESSIONS),
      fc.constant(undefined),
      arbitraryFuzzJson,
    );
    const ifMatch = fc.oneof(fc.constant('current'), fc.constantFrom(...HOSTILE_IF_MATCH));
    const bodyText = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.nat({ max: paths.length - 1 }), change).map(([index, replacement]) => toJsonText(replaceAt(valid, paths[index], replacement) ?? null)) },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_BODIES) },
    );
    await fc.assert(
      fc.asyncProperty(bodyText, ifMatch, async (text, match) => {
        const headers = { 'If-Match': match === 'current' ? before.etag! : match };
        const answer = await send('PUT', `${path}/${id}`, text, headers);
        const label = `${answer.status} ${answer.text.slice(0, 200)} <- PUT If-Match ${headers['If-Match'].slice(0, 20)} ${text.slice(0, 200)}`;
        expect(answer.status, label).toBeLessThan(500);
        const after = await send('GET', `${path}/${id}`);
        if (answer.status >= 400) {
          expect(answer.contentType, label).toMatch(/^application\/problem\+json/);
          expect(after.text, label).toBe(before.text);
          expect(after.etag, label).toBe(before.etag);
        } else {
          before = after;
        }
      }),
      { seed: FUZZ_SEED, numRuns: UPDATES_PER_KIND },
    );
  }, 120_000);
}, STORE_START_TIMEOUT_MS);

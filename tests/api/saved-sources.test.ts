import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { startStoreService } from './store-service.js';

/**
 * A saved contract keeps the sources of its estimates (issue 14): the saved body is the parsed
 * contract, and the schema used to strip a distribution's `source` as an unknown key.
 */
const backend = STORE_BACKENDS[0];

describe.skipIf(!backend.available)(`a saved preset contract on ${backend.name}`, () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let organisation: Awaited<ReturnType<typeof newOrganisation>>;
  beforeAll(async () => {
    opened = await backend.open();
    organisation = await newOrganisation(opened.store, 'Gemeente Bronnen');
    service = await startStoreService(opened.store);
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });

  it('reads back with every estimate citing its source', async () => {
    const preset = CONTRACT_PRESETS.find((p) => p.id === 'small-municipality-pilot')!;
    const created = await service.fetchAs(organisation.key, '/contracts', { method: 'POST', body: JSON.stringify(preset.contract) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const saved = (await (await service.fetchAs(organisation.key, `/contracts/${id}`)).json()) as {
      contract: { counterfactual: { deadweightShare: { source?: string } }; profiles: { programme: { monthlyJobEntryRate: { source?: string } } }[] };
    };
    const given = preset.contract.counterfactual as { deadweightShare: { source: string } };
    expect(saved.contract.counterfactual.deadweightShare.source).toBe(given.deadweightShare.source);
    expect(saved.contract.profiles[0].programme.monthlyJobEntryRate.source).toMatch(/SIFR bracht 228 van 482/);
  });
});

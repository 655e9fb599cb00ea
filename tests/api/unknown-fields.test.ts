import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { UNKNOWN_FIELD_MESSAGE } from '../../models/zod-issue-problems.js';
import { simpleContract } from '../contract/contract-fixtures.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { pilotScenario, uncertainContract } from './saved-object-fixtures.js';
import { startStoreService } from './store-service.js';

/**
 * Unknown fields are refused, not dropped (issue 18, item 8): a misspelt or misplaced name
 * (`horizonMonth`, a distribution's `mode` on a uniform) would otherwise run the model on a default
 * the caller did not mean. Every request object is strict (z.strictObject); the 400 names each
 * unknown field by its own path, and nothing is saved. What the service itself hands out (presets,
 * saved objects as read back) is accepted as it is.
 */
let opened: TestStore;
let service: Awaited<ReturnType<typeof startStoreService>>;
let key: string;
beforeAll(async () => {
  opened = await STORE_BACKENDS[0].open();
  key = (await newOrganisation(opened.store, 'Gemeente Spelfout')).key;
  service = await startStoreService(opened.store);
}, STORE_START_TIMEOUT_MS);
afterAll(async () => {
  await service?.close();
  await opened?.dispose();
});

const send = (method: string, path: string, body: unknown, withKey = false) =>
  service.fetchAs(withKey ? key : undefined, path, { method, body: JSON.stringify(body) });

/** The problem's entries for unknown fields, by path. */
async function unknownFields(answer: Response): Promise<string[]> {
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await answer.json()) as { errors: { path: string; pointer: string; message: string }[] };
  return problem.errors.filter((error) => error.message === UNKNOWN_FIELD_MESSAGE).map((error) => error.path);
}

const withTypos = () => {
  const contract = simpleContract() as Record<string, any>;
  contract.horizonMonth = 36;
  contract.profiles[0].programme.monthlyJobEntryRat = 0.2;
  contract.profiles[0].monthlyBenefit = { type: 'uniform', min: 900, max: 1_100, mode: 1_000 };
  return contract;
};
const TYPO_PATHS = ['horizonMonth', 'profiles[0].programme.monthlyJobEntryRat', 'profiles[0].monthlyBenefit.mode'];

describe('unknown fields', () => {
  it('POST /contracts/evaluate names each one: top level, nested, inside a distribution', async () => {
    expect((await unknownFields(await send('POST', '/contracts/evaluate', withTypos()))).sort()).toEqual([...TYPO_PATHS].sort());
  });

  it('POST /simulations names them under model.contract and in the settings', async () => {
    const answer = await send('POST', '/simulations', { model: { kind: 'contract', contract: withTypos() }, settings: { seed: 1, iterations: 100, iteratons: 5 } });
    expect((await unknownFields(answer)).sort()).toEqual(['settings.iteratons', ...TYPO_PATHS.map((path) => `model.contract.${path}`)].sort());
  });

  it('POST /sensitivity names one in the settings', async () => {
    const answer = await send('POST', '/sensitivity', { model: { kind: 'contract', contract: simpleContract() }, settings: { method: 'tornado', output: 'payerNetResult', outputs: ['x'] } });
    expect(await unknownFields(answer)).toEqual(['settings.outputs']);
  });

  it('POST /reports names one beside the model', async () => {
    const answer = await send('POST', '/reports', { model: { kind: 'contract', contract: simpleContract() }, settings: { seed: 1, iterations: 200 }, format: 'json', formats: ['json'] });
    expect(await unknownFields(answer)).toEqual(['formats']);
  });

  it('POST /contracts/reforecast names one in the actuals, in a month and in the inference settings', async () => {
    const actuals = { asOfMonth: 1, months: [{ month: 0, intake: 40, jobStarts: 0, fallbacks: 0, payments: 0 }, { month: 1, intake: 0, jobStart: 2, jobStarts: 2, fallbacks: 0, payments: 0 }], asOf: 1 };
    const answer = await send('POST', '/contracts/reforecast', { contract: simpleContract(), actuals, settings: { seed: 1, iterations: 200 }, inference: { minimumEffectiveSampleSize: 100, minEss: 5 } });
    expect((await unknownFields(answer)).sort()).toEqual(['actuals.asOf', 'actuals.months[1].jobStart', 'inference.minEss']);
  });

  it('POST /contracts and /scenarios save nothing with one, and name it', async () => {
    const contract = { ...uncertainContract('Met typefout'), startMonht: '2026-01' };
    expect(await unknownFields(await send('POST', '/contracts', contract, true))).toEqual(['startMonht']);
    const scenario = { ...pilotScenario('Met typefout'), settings: { ...pilotScenario().settings, seeds: 3 } };
    expect(await unknownFields(await send('POST', '/scenarios', scenario, true))).toEqual(['settings.seeds']);
    const listed = (await (await service.fetchAs(key, '/contracts')).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
  });

  it('accepts what the service hands out: every contract preset, and a saved object as read back', async () => {
    for (const preset of CONTRACT_PRESETS) {
      const answer = await send('POST', '/contracts/evaluate', JSON.parse(JSON.stringify(preset.contract)));
      expect({ preset: preset.id, status: answer.status }).toEqual({ preset: preset.id, status: 200 });
    }
    // A distribution's `source` is declared: kept, not refused.
    const contract = uncertainContract('Rondje');
    contract.profiles[0].monthlyBenefit = { type: 'uniform', min: 950, max: 1_050, source: 'Gemeente, 2025' } as never;
    const created = (await (await send('POST', '/contracts', contract, true)).json()) as { id: string };
    const read = (await (await service.fetchAs(key, `/contracts/${created.id}`)).json()) as { contract: { profiles: { monthlyBenefit: unknown }[] } };
    expect(read.contract.profiles[0].monthlyBenefit).toEqual({ type: 'uniform', min: 950, max: 1_050, source: 'Gemeente, 2025' });
    const saved = await service.fetchAs(key, `/contracts/${created.id}`, { method: 'PUT', headers: { 'If-Match': '"1"' }, body: JSON.stringify(read.contract) });
    expect(saved.status).toBe(200);
  });
});

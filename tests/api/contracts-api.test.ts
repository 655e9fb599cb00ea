import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractSchema, evaluateContractExpected } from '../../models/contract/index.js';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { simpleContract } from '../contract/contract-fixtures.js';
import { startService } from './http-client.js';

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  service = await startService({ MAX_PAYLOAD_BYTES: 64 * 1024 });
});
afterAll(async () => service.close());

describe('POST /contracts/evaluate', () => {
  it('returns the same numbers over HTTP as the model computes in-process', async () => {
    const input = simpleContract();
    const { data, response } = await service.client.POST('/contracts/evaluate', { body: input });
    expect(response.status).toBe(200);
    const direct = evaluateContractExpected(ContractSchema.parse(input));
    if (!direct.ok) throw new Error('direct evaluation failed');
    expect(data!.summary.payerNetResult).toBe(direct.value.summary.payerNetResult);
    expect(data!.monthly.outcomePayments).toEqual(direct.value.monthly.outcomePayments);
  });

  it('answers 400 problem+json naming every bad field', async () => {
    const input = simpleContract({ horizonMonths: 999 });
    (input.profiles[0] as { monthlyBenefit: unknown }).monthlyBenefit = { type: 'uniform', min: 10, max: 5 };
    const { error, response } = await service.client.POST('/contracts/evaluate', { body: input });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const paths = error!.errors!.map((e) => e.path);
    expect(paths).toContain('horizonMonths');
    expect(paths).toContain('profiles[0].monthlyBenefit.max');
    expect(error!.errors!.find((e) => e.path === 'profiles[0].monthlyBenefit.max')!.pointer).toBe('#/profiles/0/monthlyBenefit/max');
  });

  it('refuses an unsafe custom rule with the field path', async () => {
    const input = simpleContract({ payment: { triggers: [{ id: 'evil', kind: 'custom', expression: 'import("fs")' }] } });
    const { error, response } = await service.client.POST('/contracts/evaluate', { body: input });
    expect(response.status).toBe(400);
    expect(error!.errors![0].path).toBe('payment.triggers[0].expression');
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await fetch(`${service.baseUrl}/contracts/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).title).toMatch(/not valid JSON/);
    const huge = JSON.stringify({ ...simpleContract(), description: 'x'.repeat(100_000) });
    const tooLarge = await fetch(`${service.baseUrl}/contracts/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(tooLarge.status).toBe(413);
  });

  it('refuses a fractional or uncertain cohort count with 400 problem+json naming the cohort', async () => {
    const fractional = simpleContract({ intake: { cohorts: [{ month: 0, count: 10 }, { month: 1, count: 1.5 }] } });
    const { error, response } = await service.client.POST('/contracts/evaluate', { body: fractional });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(error!.errors).toContainEqual({ path: 'intake.cohorts[1].count', pointer: '#/intake/cohorts/1/count', message: 'must be a whole number of people' });
    const uncertain = simpleContract();
    (uncertain.intake.cohorts[0] as { count: unknown }).count = { type: 'pert', min: 80, mode: 100, max: 110 };
    const refused = await service.client.POST('/simulations', {
      body: { model: { kind: 'contract', contract: uncertain }, settings: { seed: 1, iterations: 100 } },
    });
    expect(refused.response.status).toBe(400);
    const entry = refused.error!.errors!.find((e) => e.path === 'model.contract.intake.cohorts[0].count');
    expect(entry?.message).toMatch(/intake is fixed by the contract/);
  });

  it('refuses more participants than the documented limit', async () => {
    const input = simpleContract({ intake: { cohorts: [{ month: 0, count: 200_000 }] } });
    const { error, response } = await service.client.POST('/contracts/evaluate', { body: input });
    expect(response.status).toBe(400);
    expect(error!.limit).toBe('maxParticipants');
    expect(error!.allowed).toBe(100_000);
  });
});

describe('service endpoints', () => {
  it('reports health and serves the generated OpenAPI 3.1 document and its docs page', async () => {
    const health = await service.client.GET('/health');
    expect(health.data!.status).toBe('ok');
    const document = await (await fetch(`${service.baseUrl}/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/contracts/evaluate');
    const docs = await fetch(`${service.baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger-ui/);
  });

  it('lists contract presets that all evaluate, each with sources', async () => {
    const { data } = await service.client.GET('/presets');
    // Fund presets (kind portfolio) are listed too since issue 14: tests/api/presets-api.test.ts.
    const contracts = data!.filter((p) => p.kind === 'contract');
    expect(contracts.map((p) => p.id)).toEqual(CONTRACT_PRESETS.map((p) => p.id));
    for (const summary of contracts) {
      expect(summary.sources.length).toBeGreaterThan(0);
      const preset = await service.client.GET('/presets/{id}', { params: { path: { id: summary.id } } });
      if (preset.data!.kind !== 'contract') throw new Error(`${summary.id} is not a contract preset`);
      const evaluated = await service.client.POST('/contracts/evaluate', { body: preset.data!.contract });
      expect(evaluated.response.status).toBe(200);
      expect(evaluated.data!.summary.participants).toBeGreaterThan(0);
    }
  });

  it('answers an unknown preset with 404 problem+json', async () => {
    const { response, error } = await service.client.GET('/presets/{id}', { params: { path: { id: 'nope' } } });
    expect(response.status).toBe(404);
    expect(error!.status).toBe(404);
  });
});

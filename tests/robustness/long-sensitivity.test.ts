import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleContract } from '../contract/contract-fixtures.js';
import { startService } from '../api/http-client.js';

/**
 * A Sobol analysis near its model-run limit takes minutes. It runs on a simulation thread, so the
 * service keeps answering beside it, and a caller who hangs up frees the thread.
 */

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  // One thread: a second analysis can only run once the first one's thread is free again.
  service = await startService({ WORKER_THREADS: 1 });
});
afterAll(async () => service.close());

function sobolRequest(sampleSize: number) {
  const contract = simpleContract({ horizonMonths: 120 });
  contract.profiles[0].programme.monthlyJobEntryRate = { type: 'uniform', min: 0.05, max: 0.15 };
  contract.profiles[0].monthlyBenefit = { type: 'uniform', min: 900, max: 1_100 };
  return { model: { kind: 'contract', contract }, settings: { method: 'sobol', output: 'payerNetResult', sampleSize, seed: 1 } };
}

describe('a long sensitivity analysis', () => {
  it('leaves the service answering other requests while it runs, and stops when the caller hangs up', async () => {
    // 250,000 samples with 2 uncertain inputs: (2 + 2) x 250,000 = 1,000,000 model runs (half the limit), minutes of work.
    const hangUp = new AbortController();
    let analysisAnswered = false;
    const analysis = fetch(`${service.baseUrl}/sensitivity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sobolRequest(250_000)),
      signal: hangUp.signal,
    }).then(
      () => (analysisAnswered = true),
      () => 'hung up',
    );

    // Were the analysis on the event loop, these would be answered only after it.
    const health = await fetch(`${service.baseUrl}/health`);
    expect(health.status).toBe(200);
    const evaluation = await service.client.POST('/contracts/evaluate', { body: simpleContract() });
    expect(evaluation.response.status).toBe(200);
    expect(analysisAnswered).toBe(false);

    hangUp.abort();
    expect(await analysis).toBe('hung up');
    // The only thread was busy with the long analysis; a small one completes only if hanging up stopped it.
    const small = await service.client.POST('/sensitivity', { body: sobolRequest(64) as never });
    expect(small.response.status).toBe(200);
  });

  it('still names a bad model field at once, before any thread runs', async () => {
    const request = sobolRequest(64);
    (request.model.contract as { horizonMonths: number }).horizonMonths = 0;
    const { error, response } = await service.client.POST('/sensitivity', { body: request as never });
    expect(response.status).toBe(400);
    expect(error!.errors![0].path).toMatch(/^model\.contract\.horizonMonths/);
  });
});

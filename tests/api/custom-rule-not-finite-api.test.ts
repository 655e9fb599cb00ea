import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleContract } from '../contract/contract-fixtures.js';
import { startService } from './http-client.js';

/**
 * A custom payment rule that is not finite in some month, over HTTP (issue 18, item 8): the
 * evaluation answers 400 naming the rule's expression; a simulation, where the rule divides by 0
 * only in some draws (found on a worker thread while the job runs), fails with the same problem
 * instead of paying 0 there: 400 to the request that waited for it, and the job's reason says it.
 */
let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  // The thread starts here (seconds on a busy machine), not in the simulation test.
  service = await startService({ WORKER_THREADS: 1 }, { warm: true });
});
afterAll(async () => service.close());

// A pilot of 5 that finds work from month 1 at 10% a month: nobody in work in month 1 with chance 0.59.
const pilot = (expression: string) =>
  simpleContract({ intake: { cohorts: [{ month: 0, count: 5 }] }, payment: { triggers: [{ id: 'perPerson', kind: 'custom', expression }] } });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(service.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('a custom rule not finite in some month', () => {
  it('is a 400 from POST /contracts/evaluate naming payment.triggers[0].expression and month 0', async () => {
    const answer = await post('/contracts/evaluate', pilot('12000 / inWork'));
    expect(answer.status).toBe(400);
    const problem = await answer.json();
    expect(problem.errors).toEqual([
      { path: 'payment.triggers[0].expression', pointer: '#/payment/triggers/0/expression', message: expect.stringMatching(/^gives Infinity in month 0 \(inWork = 0\)/) },
    ]);
  });

  it('fails the simulation job that meets it, with the rule and the month in its reason', async () => {
    const body = { model: { kind: 'contract', contract: pilot('month > 0 ? 12000 / inWork : 0') }, settings: { seed: 3, iterations: 200, drawIndividualOutcomes: true } };
    const answer = await post('/simulations', body, { prefer: 'wait=60' });
    expect(answer.status).toBe(400);
    const problem = await answer.json();
    expect(problem.errors[0]).toMatchObject({ path: 'payment.triggers[0].expression', message: expect.stringMatching(/^gives Infinity in month 1 \(month = 1, inWork = 0\)/) });
    const job = await (await fetch(service.baseUrl + problem.instance)).json();
    expect(job).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^refused: payment\.triggers\[0\]\.expression: gives Infinity in month 1/) });
  });
});

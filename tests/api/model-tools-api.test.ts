import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from './http-client.js';

/** POST /distributions/describe and POST /expressions/evaluate (issue 19), over HTTP. */
let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  service = await startService({ WORKER_THREADS: 1 });
});
afterAll(async () => service.close());

describe('POST /distributions/describe', () => {
  it("reports PERT's beta shapes 1 + λ·(mode − min)/(max − min) and 1 + λ·(max − mode)/(max − min)", async () => {
    const { data, response } = await service.client.POST('/distributions/describe', {
      body: { distribution: { type: 'pert', min: 0, mode: 3, max: 9 } },
    });
    expect(response.status).toBe(200);
    // λ = 4: α = 1 + 4·3/9 = 7/3, β = 1 + 4·6/9 = 11/3; mean (0 + 4·3 + 9)/6 = 3.5.
    expect(data!.family).toBe('beta');
    expect(data!.parameters.alpha).toBeCloseTo(7 / 3, 14);
    expect(data!.parameters.beta).toBeCloseTo(11 / 3, 14);
    expect(data!.mean).toBeCloseTo(3.5, 14);
  });

  it('reports a rate interval fitted to a beta with the quantiles it achieves', async () => {
    const { data } = await service.client.POST('/distributions/describe', {
      body: { distribution: { type: 'interval90', low: 0.02, high: 0.08, shape: 'beta' } },
    });
    // scipy 1.17.1 fsolve: α = 5.8012484, β = 120.50178854.
    expect(data!.parameters.alpha).toBeCloseTo(5.8012484, 6);
    expect(data!.parameters.beta).toBeCloseTo(120.50178854, 5);
    expect(Math.abs(data!.quantiles.p5 - 0.02)).toBeLessThan(1e-12);
    expect(Math.abs(data!.quantiles.p95 - 0.08)).toBeLessThan(1e-12);
  });

  it('refuses an interval no allowed beta fits with a 400 naming distribution.shape and why', async () => {
    const { error, response } = await service.client.POST('/distributions/describe', {
      body: { distribution: { type: 'interval90', low: 0.499, high: 0.501, shape: 'beta' } },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const errors = (error as { errors: Array<{ path: string; message: string }> }).errors;
    expect(errors[0].path).toBe('distribution.shape');
    expect(errors[0].message).toContain('logitNormal');
  });
});

describe('POST /expressions/evaluate', () => {
  const annuity = {
    inputs: { rate: { type: 'uniform', min: 0.02, max: 0.06 }, cash: 1000 },
    outputs: { presentValue: 'sum(t, 1, 20, cash / (1 + rate)^t)', closedForm: 'cash * (1 - (1 + rate)^-20) / rate', wave: 'sin(pi / 2) + e' },
  } as const;

  it('evaluates at the inputs\' means: a 20-year discounted sum at 4% equals the annuity formula', async () => {
    const { data, response } = await service.client.POST('/expressions/evaluate', { body: { model: annuity } });
    expect(response.status).toBe(200);
    // The uniform on [0.02, 0.06] has mean 0.04; 1000·(1 − 1.04^−20)/0.04 = 13,590.33 (hand-checked).
    expect(data!.inputs.cash).toBe(1000);
    expect(data!.inputs.rate).toBeCloseTo(0.04, 15);
    const rate = data!.inputs.rate;
    const expected = (1000 * (1 - Math.pow(1 + rate, -20))) / rate;
    expect(Math.abs(data!.outputs.presentValue! - expected) / expected).toBeLessThan(1e-13);
    expect(Math.abs(data!.outputs.closedForm! - expected) / expected).toBeLessThan(1e-15);
    expect(data!.outputs.wave).toBe(1 + Math.E);
  });

  it('evaluates at given values, and gives the same answer twice', async () => {
    const body = { model: annuity, at: { rate: 0.05 } };
    const first = await service.client.POST('/expressions/evaluate', { body });
    const second = await service.client.POST('/expressions/evaluate', { body });
    expect(first.data!.inputs.rate).toBe(0.05);
    expect(first.data!.outputs.presentValue).toBeCloseTo((1000 * (1 - Math.pow(1.05, -20))) / 0.05, 9);
    expect(second.data).toEqual(first.data);
  });

  it('answers 400 naming model.outputs.<name> for a refused expression and at.<name> for an unknown input', async () => {
    const refused = await service.client.POST('/expressions/evaluate', {
      body: { model: { inputs: { a: 1 }, outputs: { y: 'sum(k, 1, 1e9, k)' } } },
    });
    expect(refused.response.status).toBe(400);
    expect((refused.error as { errors: Array<{ path: string }> }).errors[0].path).toBe('model.outputs.y');
    const unknown = await service.client.POST('/expressions/evaluate', { body: { model: { inputs: { a: 1 }, outputs: { y: 'a' } }, at: { b: 2 } } });
    expect(unknown.response.status).toBe(400);
    expect((unknown.error as { errors: Array<{ path: string }> }).errors[0].path).toBe('at.b');
  });
});

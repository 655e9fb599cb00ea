import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from './http-client.js';

/** POST /distributions/describe (issue 19): what a distribution compiles to, over HTTP. */
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

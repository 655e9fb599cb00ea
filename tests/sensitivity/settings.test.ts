import { describe, expect, it } from 'vitest';
import {
  MAX_MODEL_RUNS,
  runSensitivity,
  SensitivityResultSchema,
  SensitivitySettingsSchema,
} from '../../models/sensitivity/index.js';
import { ishigamiModel } from './test-models.js';

describe('sensitivity settings', () => {
  it('fills the named defaults of each method', () => {
    expect(SensitivitySettingsSchema.parse({ method: 'tornado', output: 'y' })).toEqual({
      method: 'tornado',
      output: 'y',
      lowQuantile: 0.1,
      highQuantile: 0.9,
      ranges: [],
    });
    expect(SensitivitySettingsSchema.parse({ method: 'sobol', output: 'y' })).toMatchObject({
      sampleSize: 1024,
      bootstrapResamples: 200,
      confidenceLevel: 0.95,
      seed: 1,
    });
  });

  it('rejects an unknown method', () => {
    expect(SensitivitySettingsSchema.safeParse({ method: 'guess', output: 'y' }).success).toBe(false);
  });

  it('runs every method on one model and returns results its schema accepts', () => {
    const model = ishigamiModel();
    const requests = [
      { method: 'tornado', output: 'y' },
      { method: 'spider', output: 'y' },
      { method: 'break-even', output: 'y', input: 'x2', target: 3 },
      { method: 'two-way', output: 'y', x: { path: 'x1' }, y: { path: 'x3' } },
      { method: 'sobol', output: 'y', sampleSize: 128, bootstrapResamples: 20 },
      { method: 'morris', output: 'y' },
      { method: 'rank-correlation', output: 'y', sampleSize: 200 },
      { method: 'value-of-information', output: 'y', sampleSize: 400 },
    ];
    for (const request of requests) {
      const result = runSensitivity(model, SensitivitySettingsSchema.parse(request));
      expect(result.ok, request.method).toBe(true);
      if (!result.ok) continue;
      expect(result.value.method).toBe(request.method);
      // JSON-able: survives a round trip, and the response schema accepts it.
      const roundTrip = JSON.parse(JSON.stringify(result.value));
      expect(roundTrip).toEqual(result.value);
      expect(SensitivityResultSchema.safeParse(roundTrip).success, request.method).toBe(true);
    }
  });

  it('refuses a request above the run limit before running the model', () => {
    const model = ishigamiModel();
    // Sobol at N = 1,000,000 over 3 inputs needs N·(d + 2) = 5,000,000 runs.
    const sobolRequest = runSensitivity(model, SensitivitySettingsSchema.parse({ method: 'sobol', output: 'y', sampleSize: 1_000_000 }));
    expect(sobolRequest.ok === false && sobolRequest.error).toMatchObject({
      kind: 'limit-exceeded',
      requested: 5_000_000,
      allowed: MAX_MODEL_RUNS,
    });
    expect(model.evaluations).toBe(0);
  });
});

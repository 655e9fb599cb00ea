import { describe, expect, it } from 'vitest';
import {
  runSimulation,
  runVariants,
  SimulationResultSchema,
  SimulationSettingsSchema,
  VariantComparisonResultSchema,
} from '../../models/simulation/index.js';
import { settings } from './fixtures/expression-models.js';
import { pilotModel } from './fixtures/pilot-model.js';

describe('result schema', () => {
  it('describes exactly what a run returns (no missing or extra fields), kept samples included', () => {
    const result = runSimulation(
      pilotModel({ alpha: 2, beta: 8 }),
      settings({ iterations: 3000, keepSamples: true, events: [{ name: 'none', expression: 'placements == 0' }] }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    // Parsing strips unknown keys and fails on missing ones: equal JSON means the schema fits.
    expect(JSON.stringify(SimulationResultSchema.parse(result.value))).toBe(JSON.stringify(result.value));
  });

  it('describes a variant comparison', () => {
    const result = runVariants(
      [
        { name: 'a', model: pilotModel({ alpha: 2, beta: 8 }) },
        { name: 'b', model: pilotModel({ alpha: 2, beta: 8 }, 900) },
      ],
      settings({ iterations: 3000 }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(JSON.stringify(VariantComparisonResultSchema.parse(result.value))).toBe(JSON.stringify(result.value));
  });

  it('fills in the documented defaults and refuses settings beyond the limits', () => {
    expect(SimulationSettingsSchema.parse({ seed: 1 })).toEqual({
      iterations: 10_000,
      seed: 1,
      sampling: 'latinHypercube',
      drawIndividualOutcomes: true,
      correlations: [],
      events: [],
      riskTail: 'lower',
      keepSamples: false,
      histogramBins: 40,
      convergenceCheckpoints: 20,
    });
    expect(SimulationSettingsSchema.safeParse({ seed: 1, iterations: 1_000_001 }).success).toBe(false);
    expect(SimulationSettingsSchema.safeParse({ seed: -1 }).success).toBe(false);
    expect(SimulationSettingsSchema.safeParse({ seed: 2 ** 32 }).success).toBe(false);
    expect(SimulationSettingsSchema.safeParse({}).success).toBe(false);
    const twice = SimulationSettingsSchema.safeParse({
      seed: 1,
      events: [
        { name: 'e', expression: '1' },
        { name: 'e', expression: '0' },
      ],
    });
    expect(twice.success || twice.error.issues[0].path).toEqual(['events', 1, 'name']);
  });
});

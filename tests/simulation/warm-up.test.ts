import { describe, expect, it } from 'vitest';
import { compileModelDescription } from '../../runtime/model-registry.js';
import { CONTRACT_ROUNDS, warmUpModels, warmUpSimulations } from '../../runtime/warm-up.js';

describe('thread warm-up', () => {
  it('compiles every warm-up model (a refused one would leave the threads cold without a word)', () => {
    for (const description of warmUpModels()) {
      const model = compileModelDescription(description);
      expect(model.ok, JSON.stringify(model.ok ? null : model.error)).toBe(true);
      if (model.ok) expect(model.value.inputs.some((input) => input.distribution !== null && input.distribution.type !== 'fixed')).toBe(true);
    }
  });

  it('runs every warm-up simulation to its summary (a model that stopped planning would be skipped quietly)', () => {
    // The contract (expected rates and drawn outcomes) and one round of the expression model.
    expect(warmUpSimulations(1)).toBe(CONTRACT_ROUNDS + 1);
  });
});

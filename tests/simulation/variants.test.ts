import { describe, expect, it } from 'vitest';
import { prepareVariants, runSimulation, runVariants, type VariantComparisonResult } from '../../models/simulation/index.js';
import { expressionModel, settings } from './fixtures/expression-models.js';
import { pilotModel } from './fixtures/pilot-model.js';

function succeed(result: ReturnType<typeof runVariants>): VariantComparisonResult {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('variants on common random numbers', () => {
  it('gives two identical variants exactly zero paired differences', () => {
    // Same inputs, same uniforms, same outcome streams: every iteration is identical.
    const comparison = succeed(
      runVariants(
        [
          { name: 'a', model: pilotModel({ alpha: 2, beta: 8 }) },
          { name: 'b', model: pilotModel({ alpha: 2, beta: 8 }) },
        ],
        settings({ iterations: 5000 }),
      ),
    );
    expect(comparison.variants.map((variant) => variant.name)).toEqual(['a', 'b']);
    expect(JSON.stringify(comparison.variants[1].result)).toBe(JSON.stringify(comparison.variants[0].result));
    const [difference] = comparison.differences;
    expect(difference).toMatchObject({ variant: 'b', baseline: 'a' });
    for (const output of difference.outputs) {
      expect(output.count).toBe(5000);
      expect([output.mean, output.sd, output.min, output.max]).toEqual([0, 0, 0, 0]);
      expect(Object.values(output.percentiles).every((value) => value === 0)).toBe(true);
    }
  });

  it('shows the effect of the variant, not chance: a higher price pays 1.5 times as much in every iteration', () => {
    const comparison = succeed(
      runVariants(
        [
          { name: 'price 1000', model: pilotModel({ alpha: 2, beta: 8 }, 1000) },
          { name: 'price 1500', model: pilotModel({ alpha: 2, beta: 8 }, 1500) },
        ],
        settings({ iterations: 5000 }),
      ),
    );
    const [placements, payments] = comparison.differences[0].outputs;
    // Same draws: placements are identical, and payments differ by exactly 500 * 1.5 per placement.
    expect([placements.min, placements.max]).toEqual([0, 0]);
    const meanPlacements = comparison.variants[0].result.outputs[0].mean!;
    expect(payments.mean).toBeCloseTo(750 * meanPlacements, 8);
    // Each variant on its own is the same run as without the comparison.
    const alone = runSimulation(pilotModel({ alpha: 2, beta: 8 }, 1500), settings({ iterations: 5000 }));
    expect(alone.ok && JSON.stringify(alone.value)).toBe(JSON.stringify(comparison.variants[1].result));
  });

  it('refuses variants whose inputs differ', () => {
    const plan = prepareVariants(
      [
        { name: 'a', model: expressionModel({ inputs: { x: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'x' } }) },
        { name: 'b', model: expressionModel({ inputs: { z: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'z' } }) },
      ],
      settings({}),
    );
    expect(!plan.ok && plan.error.kind === 'invalid-input' && plan.error.problems[0]).toEqual({
      path: ['variants', 1],
      message: "variant 'b' has different inputs from 'a'; variants must share their inputs",
    });
  });
});

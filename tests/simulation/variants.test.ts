import { describe, expect, it } from 'vitest';
import { runSimulation, runVariants, type VariantComparisonResult } from '../../models/simulation/index.js';
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

  it('aligns variants whose inputs and outputs differ: shared paths share their draws', () => {
    // a: y = x. b: y = x + z, and an output q = z that a lacks. On common random numbers the paired
    // difference y_b - y_a is exactly z in every iteration: Uniform(0, 1), mean 1/2, sd sqrt(1/12).
    const iterations = 4096;
    const comparison = succeed(
      runVariants(
        [
          { name: 'a', model: expressionModel({ inputs: { x: { type: 'normal', mean: 10, sd: 3 }, w: 5 }, outputs: { y: 'x + 0 * w' } }) },
          { name: 'b', model: expressionModel({ inputs: { x: { type: 'normal', mean: 10, sd: 3 }, z: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'x + z', q: 'z' } }) },
        ],
        settings({ iterations }),
      ),
    );
    const difference = comparison.differences[0].outputs.find((o) => o.name === 'y')!;
    expect(difference.min!).toBeGreaterThanOrEqual(0);
    expect(difference.max!).toBeLessThanOrEqual(1);
    // Latin hypercube stratifies z within each block: the mean is 1/2 to within 1/(2 x 2048) per block.
    expect(difference.mean!).toBeCloseTo(0.5, 3);
    expect(difference.sd!).toBeCloseTo(Math.sqrt(1 / 12), 3);
    const missing = comparison.variants[0].result.outputs.find((o) => o.name === 'q')!;
    expect([missing.count, missing.nanCount]).toEqual([0, iterations]);
  });
});

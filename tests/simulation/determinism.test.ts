import { describe, expect, it } from 'vitest';
import {
  BLOCK_SIZE,
  mergePartials,
  prepareSimulation,
  prepareVariants,
  runBlocks,
  runSimulation,
  summarise,
  summariseVariants,
  type PartialResult,
  type SimulationPlan,
} from '../../models/simulation/index.js';
import { expressionModel, settings } from './fixtures/expression-models.js';
import { pilotModel } from './fixtures/pilot-model.js';

/** Runs the plan in chunks cut at `cuts` (block indices) and merges them in the given nesting. */
function chunked(plan: SimulationPlan, cuts: number[]): PartialResult[] {
  const edges = [0, ...cuts, plan.meta.blocks];
  return edges.slice(1).map((end, i) => runBlocks(plan, edges[i], end));
}

function planOf(iterations: number, extra: object = {}): SimulationPlan {
  const model = expressionModel({
    inputs: {
      a: { type: 'normal', mean: 100, sd: 15 },
      b: { type: 'pert', min: 0, mode: 2, max: 9 },
      c: { type: 'discrete', values: [1, 2, 5], probabilities: [0.5, 0.3, 0.2] },
    },
    outputs: { y: 'a * b / c', z: 'y > 150' },
  });
  const plan = prepareSimulation(
    model,
    settings({ iterations, correlations: [{ a: 'inputs.a', b: 'inputs.b', rho: 0.6 }], events: [{ name: 'high', expression: 'y > 300' }], ...extra }),
  );
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  return plan.value;
}

describe('results do not depend on chunking', () => {
  // 12 blocks: exact percentiles (kept values) and, above 100,000 iterations, the sketch.
  it.each([
    ['exact percentiles', 12 * 2048 - 700],
    ['sketched percentiles', 110_000],
  ])('gives bit-for-bit the same JSON for any chunking and merge order (%s)', (_, iterations) => {
    const plan = planOf(iterations, { keepSamples: true });
    const whole = JSON.stringify(summarise(runBlocks(plan, 0, plan.meta.blocks)));
    const blocks = plan.meta.blocks;
    const pieces = chunked(plan, [1, 3, 4, Math.floor(blocks / 2), blocks - 1]);
    expect(JSON.stringify(summarise(mergePartials(pieces)))).toBe(whole);
    expect(JSON.stringify(summarise(mergePartials([...pieces].reverse())))).toBe(whole);
    // Nested merges: ((0,1) (1,3)) then ((3,4) .. end).
    const left = mergePartials(pieces.slice(0, 2));
    const right = mergePartials(pieces.slice(2));
    expect(JSON.stringify(summarise(mergePartials([right, left])))).toBe(whole);
    // One block per chunk.
    const single = chunked(plan, Array.from({ length: blocks - 1 }, (_, b) => b + 1));
    expect(JSON.stringify(summarise(mergePartials(single)))).toBe(whole);
  });

  it('keeps series, drawn outcomes and variants deterministic under chunking', () => {
    const plan = prepareVariants(
      [
        { name: 'base', model: pilotModel({ alpha: 2, beta: 8 }) },
        { name: 'higher price', model: pilotModel({ alpha: 2, beta: 8 }, 1500) },
      ],
      settings({ iterations: 9000 }),
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    const whole = JSON.stringify(summariseVariants(runBlocks(plan.value, 0, plan.value.meta.blocks)));
    expect(JSON.stringify(summariseVariants(mergePartials(chunked(plan.value, [2, 3]))))).toBe(whole);
  });

  it('gives the same result for the same seed and another for another seed', () => {
    const model = expressionModel({ inputs: { a: { type: 'normal', mean: 0, sd: 1 } }, outputs: { y: 'a' } });
    const run = (seed: number) => JSON.stringify(runSimulation(model, settings({ seed, iterations: 3000 })));
    expect(run(1)).toBe(run(1));
    expect(run(1)).not.toBe(run(2));
  });

  it('refuses to merge ranges that are not adjacent', () => {
    const plan = planOf(4 * BLOCK_SIZE);
    expect(() => mergePartials([runBlocks(plan, 0, 1), runBlocks(plan, 2, 4)])).toThrow('not adjacent');
    expect(() => summarise(runBlocks(plan, 0, 3))).toThrow('needs all blocks');
  });

  it('reports progress after each block', () => {
    const plan = planOf(3 * BLOCK_SIZE + 10);
    const reported: number[] = [];
    runBlocks(plan, 1, 4, (done) => reported.push(done));
    expect(reported).toEqual([BLOCK_SIZE, 2 * BLOCK_SIZE, 2 * BLOCK_SIZE + 10]);
  });
});

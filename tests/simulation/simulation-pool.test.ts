import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulation, runVariants, SimulationSettingsSchema } from '../../models/simulation/index.js';
import { EXACT_PERCENTILE_MAX_VALUES } from '../../models/simulation/limits.js';
import { seriesLength } from '../../models/simulation/model.js';
import { compileModelDescription, registerModelKind } from '../../runtime/model-registry.js';
import { createSimulationPool, type SimulationPool } from '../../runtime/simulation-pool.js';
import { warmUpModels } from '../../runtime/warm-up.js';

/**
 * The worker pool against the single-threaded engine: the same JSON, bit for bit, for 1, 2 and
 * 4 workers and several chunk sizes. Workers run the TypeScript sources through tsx.
 */
const model = {
  kind: 'expression',
  definition: {
    inputs: {
      price: { type: 'lognormal', mean: 1000, sd: 300 },
      rate: { type: 'beta', alpha: 3, beta: 7 },
      people: 40,
    },
    outputs: { payments: 'price * rate * people', withinBudget: 'payments < 14000' },
  },
};

function localResult(iterations: number) {
  const compiled = compileModelDescription(model);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
  const result = runSimulation(compiled.value, settingsFor(iterations));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return JSON.stringify(result.value);
}

function settingsFor(iterations: number) {
  return SimulationSettingsSchema.parse({
    seed: 99,
    iterations,
    correlations: [{ a: 'inputs.price', b: 'inputs.rate', rho: -0.5 }],
    events: [{ name: 'overBudget', expression: 'payments > 15000' }],
    riskOutput: 'payments',
    riskTail: 'upper',
  });
}

// Workers take about half a second each to start on a quiet machine (tsx and mathjs load in
// each), 5 to 20 s when the two cores are shared with other work: share the pools, and start
// their 7 threads in the set-up hook (whose limit is 120 s), so that no test's 30 s pays for them.
const pools: Record<1 | 2 | 4, SimulationPool> = {
  1: createSimulationPool({ threads: 1 }),
  2: createSimulationPool({ threads: 2 }),
  4: createSimulationPool({ threads: 4 }),
};
beforeAll(async () => {
  // One one-block chunk per thread starts every thread (without the warm-up simulations).
  await Promise.all(Object.values(pools).map((pool) => pool.run(model, settingsFor(2_048 * 4), { blocksPerChunk: 1 })));
});
afterAll(async () => {
  await Promise.all(Object.values(pools).map((pool) => pool.close()));
});

describe('simulation pool', () => {
  it('gives bit-for-bit the single-threaded result with 1, 2 and 4 workers', async () => {
    // 110,000 iterations: 54 blocks, sketched percentiles; 9,000: exact percentiles.
    const expected = { 110_000: localResult(110_000), 9_000: localResult(9_000) };
    // Default chunks on one worker, 3 blocks per chunk on two, 1 block per chunk on four.
    const cases = [
      { pool: pools[1], blocksPerChunk: undefined },
      { pool: pools[2], blocksPerChunk: 3 },
      { pool: pools[4], blocksPerChunk: 1 },
    ];
    const runs = cases.flatMap(({ pool, blocksPerChunk }) =>
      ([110_000, 9_000] as const).map(async (iterations) => {
        const result = await pool.run(model, settingsFor(iterations), { blocksPerChunk });
        expect(result.ok).toBe(true);
        expect(result.ok && JSON.stringify(result.value)).toBe(expected[iterations]);
      }),
    );
    await Promise.all(runs);
  });

  it('gives the single-threaded bytes for a contract with series outputs, whose summary two threads share', async () => {
    // Series (payments per year): the summary is made in two halves, fans on one thread and the rest on the other.
    // The warm-up contract cut to 13 months, the shortest its 12-month sustained trigger allows (two
    // calendar years of series): a fifth of the 60-month kernel's work per iteration, every output kept.
    const contract = warmUpModels()[0];
    contract.definition = { ...(contract.definition as object), horizonMonths: 13 };
    const compiled = compileModelDescription(contract);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
    expect(compiled.value.seriesOutputs.length).toBeGreaterThan(0);
    // 3,000 iterations: exact percentiles. Sketched: the fewest iterations whose kept values
    // (iterations x columns) exceed EXACT_PERCENTILE_MAX_VALUES: 28,986 for 138 columns.
    const columns = compiled.value.scalarOutputs.length + seriesLength(compiled.value);
    for (const iterations of [3_000, Math.floor(EXACT_PERCENTILE_MAX_VALUES / columns) + 1]) {
      const settings = SimulationSettingsSchema.parse({ seed: 7, iterations, drawIndividualOutcomes: false, riskTail: 'upper' });
      const local = runSimulation(compiled.value, settings);
      if (!local.ok) throw new Error(JSON.stringify(local.error));
      expect(local.value.percentileMethod.kind).toBe(iterations === 3_000 ? 'exact' : 'sketch');
      for (const pool of [pools[2], pools[4]]) {
        const result = await pool.run(contract, settings);
        expect(result.ok && JSON.stringify(result.value)).toBe(JSON.stringify(local.value));
      }
    }
  });

  it('runs variant comparisons like the single-threaded engine', async () => {
    const cheaper = { kind: 'expression', definition: { ...model.definition, outputs: { payments: 'price * rate * people * 0.9', withinBudget: 'payments < 14000' } } };
    const settings = settingsFor(20_000);
    const local = [model, cheaper].map((description) => compileModelDescription(description));
    if (!local[0].ok || !local[1].ok) throw new Error('the test models must compile');
    const expected = runVariants(
      [
        { name: 'base', model: local[0].value },
        { name: 'cheaper', model: local[1].value },
      ],
      settings,
    );
    const result = await pools[2].runVariants(
      [
        { name: 'base', model },
        { name: 'cheaper', model: cheaper },
      ],
      settings,
      { blocksPerChunk: 2 },
    );
    expect(JSON.stringify(result)).toBe(JSON.stringify(expected));
  });

  it('reports progress up to the total and returns domain errors as results', async () => {
    const created = pools[2];
    const seen: number[] = [];
    const result = await created.run(model, settingsFor(30_000), {
      blocksPerChunk: 2,
      onProgress: (p) => seen.push(p.completedIterations),
    });
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toBe(30_000);
    expect(seen.every((done, i) => i === 0 || done >= seen[i - 1])).toBe(true);

    const unknownKind = await created.run({ kind: 'spreadsheet', definition: {} }, settingsFor(100));
    expect(!unknownKind.ok && unknownKind.error.kind === 'invalid-input' && unknownKind.error.problems[0].path).toEqual(['model', 'kind']);
    const badModel = await created.run({ kind: 'expression', definition: { inputs: {}, outputs: { y: 'import("fs")' } } }, settingsFor(100));
    expect(!badModel.ok && badModel.error.kind === 'invalid-input' && badModel.error.problems[0].path).toEqual([
      'model',
      'expression',
      'outputs',
      'y',
    ]);
  });

  it('cancels a run through its AbortSignal and stays usable', async () => {
    const created = pools[2];
    const controller = new AbortController();
    const cancelled = created.run(model, settingsFor(1_000_000), {
      signal: controller.signal,
      blocksPerChunk: 1,
      onProgress: (progress) => {
        if (progress.completedIterations > 0) controller.abort(new Error('stop'));
      },
    });
    await expect(cancelled).rejects.toThrow('stop');
    const after = await created.run(model, settingsFor(9_000));
    expect(after.ok && JSON.stringify(after.value)).toBe(localResult(9_000));
    // Cancelling stops the thread under way and starts another: 5 to 20 s when the cores are shared.
  }, 90_000);

  it('shares its threads between runs: a short run submitted behind a long one finishes first', async () => {
    // One thread, the long run cut into 400 one-block chunks: taking tasks in arrival order, the
    // short run (one chunk and its summary) would wait for all 400; shared fairly, it waits for
    // the chunk under way only.
    const order: string[] = [];
    const long = pools[1].run(model, settingsFor(400 * 1_024), { blocksPerChunk: 1 }).then((result) => {
      order.push('long');
      return result;
    });
    const short = pools[1].run(model, settingsFor(1_000)).then((result) => {
      order.push('short');
      return result;
    });
    const [longResult, shortResult] = await Promise.all([long, short]);
    expect(order).toEqual(['short', 'long']);
    expect(shortResult.ok && JSON.stringify(shortResult.value)).toBe(localResult(1_000));
    expect(longResult.ok).toBe(true);
  });

  it('lets a kind be registered, to be found by the registry', () => {
    registerModelKind('constant', () => ({ ok: false, error: { kind: 'not-computable', message: 'test kind' } }));
    expect(compileModelDescription({ kind: 'constant', definition: null })).toEqual({
      ok: false,
      error: { kind: 'not-computable', message: 'test kind' },
    });
  });
});

import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, prepareSimulation, runSimulation, type SimulationResult } from '../../models/simulation/index.js';
import { expressionModel, settings } from './fixtures/expression-models.js';

function succeed(result: ReturnType<typeof runSimulation>): SimulationResult {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const uniformModel = expressionModel({ inputs: { u: { type: 'uniform', min: 0, max: 1 } }, outputs: { value: 'u' } });
const netModel = expressionModel({
  inputs: { result: { type: 'uniform', min: -100, max: 100 } },
  outputs: { net: 'result', payments: '100 - result' },
});

describe('value at risk and expected shortfall', () => {
  const iterations = 8 * BLOCK_SIZE;
  // Latin hypercube puts exactly n (1 - level) values below the (1 - level) quantile in each full
  // block, so the estimates are within a stratum width (200 / 2048 here) of the closed form.
  const stratum = 200 / BLOCK_SIZE;

  it('reads the lower tail of the default output (the first) in its own sign', () => {
    const result = succeed(runSimulation(netModel, settings({ iterations })));
    expect(result.risk!.output).toBe('net');
    expect(result.risk!.tail).toBe('lower');
    for (const { level, valueAtRisk, expectedShortfall } of result.risk!.levels) {
      // U(-100, 100): the (1 - level) quantile is -100 + 200 (1 - level); the mean below it is halfway to -100.
      const quantile = -100 + 200 * (1 - level);
      expect(Math.abs(valueAtRisk! - quantile)).toBeLessThan(stratum);
      expect(Math.abs(expectedShortfall! - (quantile - 100) / 2)).toBeLessThan(stratum);
    }
  });

  it('reads the upper tail of a named output when bad outcomes are high', () => {
    const result = succeed(runSimulation(netModel, settings({ iterations, riskOutput: 'payments', riskTail: 'upper' })));
    expect(result.risk!.output).toBe('payments');
    for (const { level, valueAtRisk, expectedShortfall } of result.risk!.levels) {
      // payments = 100 - net ~ U(0, 200): level quantile 200 level; the mean above it halfway to 200.
      expect(Math.abs(valueAtRisk! - 200 * level)).toBeLessThan(stratum);
      expect(Math.abs(expectedShortfall! - (200 * level + 200) / 2)).toBeLessThan(stratum);
    }
  });

  it('refuses an unknown risk output, listing the outputs', () => {
    const plan = prepareSimulation(netModel, settings({ riskOutput: 'payerNet' }));
    expect(!plan.ok && plan.error.kind === 'invalid-input' && plan.error.problems[0]).toEqual({
      path: ['settings', 'riskOutput'],
      message: "unknown output 'payerNet'; this model has: net, payments",
    });
  });
});

describe('events', () => {
  it('estimates an event probability with its standard error', () => {
    const model = expressionModel({
      inputs: { a: { type: 'normal', mean: 10, sd: 2 }, b: { type: 'normal', mean: 5, sd: 1 } },
      outputs: { sum: 'a + b' },
    });
    const iterations = 20_000;
    const result = succeed(runSimulation(model, settings({ iterations, sampling: 'monteCarlo', events: [{ name: 'above17', expression: 'sum > 17' }] })));
    // sum ~ N(15, sqrt 5): P(sum > 17) = 1 - Phi(2 / sqrt 5).
    const p = 1 - jStat.normal.cdf(17, 15, Math.sqrt(5));
    const [event] = result.events;
    expect(event.name).toBe('above17');
    expect(event.standardError).toBeCloseTo(Math.sqrt((event.probability! * (1 - event.probability!)) / iterations), 12);
    expect(Math.abs(event.probability! - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / iterations));
    expect(event.undefinedCount).toBe(0);
  });

  it('counts undefined outputs apart instead of as false', () => {
    const model = expressionModel({ inputs: { z: { type: 'normal', mean: 0, sd: 1 } }, outputs: { root: 'sqrt(z)' } });
    const result = succeed(runSimulation(model, settings({ iterations: 4096, events: [{ name: 'rootAboveOne', expression: 'root > 1' }] })));
    // Half the normal draws are negative (exactly half per Latin hypercube block): sqrt is NaN there.
    expect(result.outputs[0].nanCount).toBe(2048);
    expect(result.outputs[0].count).toBe(2048);
    expect(result.events[0].undefinedCount).toBe(2048);
    // P(z > 1 | z > 0) = 2 (1 - Phi(1)) = 0.3173.
    expect(Math.abs(result.events[0].probability! - 2 * (1 - jStat.normal.cdf(1, 0, 1)))).toBeLessThan(0.01);
  });

  it('refuses an event over an unknown output with the event’s path', () => {
    const plan = prepareSimulation(netModel, settings({ events: [{ name: 'saves', expression: 'payerNetResult > 0' }] }));
    expect(!plan.ok && plan.error.kind === 'invalid-input' && plan.error.problems[0].path).toEqual(['settings', 'events', 0, 'expression']);
  });
});

describe('convergence', () => {
  it('reports the running mean and its standard error at block boundaries, ending at the full run', () => {
    const iterations = 10 * BLOCK_SIZE + 5;
    const result = succeed(runSimulation(uniformModel, settings({ iterations, convergenceCheckpoints: 4, sampling: 'monteCarlo' })));
    // 11 blocks in 4 checkpoints: after ceil(11 k / 4) = 3, 6, 9 and 11 blocks.
    expect(result.convergence.iterations).toEqual([3 * BLOCK_SIZE, 6 * BLOCK_SIZE, 9 * BLOCK_SIZE, iterations]);
    const [output] = result.convergence.outputs;
    expect(output.mean[3]).toBe(result.outputs[0].mean);
    expect(output.standardError[3]).toBe(result.outputs[0].standardError);
    // The standard error of a U(0, 1) mean is sqrt(1 / 12 / n).
    output.standardError.forEach((se, k) => {
      expect(se! / Math.sqrt(1 / 12 / result.convergence.iterations[k]) - 1).toBeLessThan(0.05);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { type Distribution, DistributionSchema, compileDistribution, meanOf } from '../../models/distributions/index.js';
import { expectRelativelyClose } from './checks.js';

/** One example of every family, parsed so that defaults are filled in, with its closed-form mean. */
const examples: Array<{ input: unknown; mean: number; support: [number, number] }> = [
  { input: { type: 'fixed', value: 7 }, mean: 7, support: [7, 7] },
  { input: { type: 'uniform', min: 2, max: 6 }, mean: 4, support: [2, 6] },
  { input: { type: 'triangular', min: 0, mode: 3, max: 9 }, mean: 4, support: [0, 9] },
  // (min + 4·mode + max)/6
  { input: { type: 'pert', min: 0, mode: 3, max: 9 }, mean: 21 / 6, support: [0, 9] },
  { input: { type: 'normal', mean: -2, sd: 3 }, mean: -2, support: [-Infinity, Infinity] },
  // Symmetric interval around the mean: the mean is unchanged.
  { input: { type: 'truncatedNormal', mean: 1, sd: 2, min: -1, max: 3 }, mean: 1, support: [-1, 3] },
  { input: { type: 'lognormal', mean: 5, sd: 2 }, mean: 5, support: [0, Infinity] },
  // min + (max − min)·α/(α + β)
  { input: { type: 'beta', alpha: 2, beta: 6, min: 10, max: 18 }, mean: 12, support: [10, 18] },
  { input: { type: 'discrete', values: [1, 5], probabilities: [0.75, 0.25] }, mean: 2, support: [1, 5] },
  { input: { type: 'interval90', low: 10, high: 20 }, mean: 15, support: [-Infinity, Infinity] },
  // n·p; p; λ; r(1 − p)/p
  { input: { type: 'binomial', trials: 20, probability: 0.3 }, mean: 6, support: [0, 20] },
  { input: { type: 'bernoulli', probability: 0.25 }, mean: 0.25, support: [0, 1] },
  { input: { type: 'poisson', mean: 3.5 }, mean: 3.5, support: [0, Infinity] },
  { input: { type: 'negativeBinomial', successes: 3, probability: 0.25 }, mean: 9, support: [0, Infinity] },
];

const parsed = examples.map((example) => ({ ...example, distribution: DistributionSchema.parse(example.input) }));

describe('compileDistribution', () => {
  it.each(parsed.map((example) => [example.distribution.type, example] as const))(
    '%s compiles to a distribution with the closed-form mean',
    (_type, { distribution, mean }) => {
      expectRelativelyClose(compileDistribution(distribution).mean, mean, 1e-15);
    },
  );

  it.each(parsed.map((example) => [example.distribution.type, example] as const))(
    '%s: quantile is finite, non-decreasing and inside the support on a grid of u including 0 and 1',
    (_type, { distribution, support }) => {
      const compiled = compileDistribution(distribution);
      const gridSize = 2000;
      const violations: string[] = [];
      let previous = -Infinity;
      for (let index = 0; index <= gridSize; index++) {
        const u = index / gridSize;
        const x = compiled.quantile(u);
        if (!Number.isFinite(x)) violations.push(`quantile(${u}) = ${x} is not finite`);
        if (x < previous) violations.push(`quantile(${u}) = ${x} is below the previous ${previous}`);
        if (x < support[0] || x > support[1]) violations.push(`quantile(${u}) = ${x} is outside the support`);
        previous = x;
      }
      expect(violations).toEqual([]);
    },
  );

  it('covers every family of the schema', () => {
    const families = new Set(parsed.map((example) => example.distribution.type));
    const schemaFamilies = DistributionSchema.options.map((option) => option.shape.type.value);
    expect([...families].sort()).toEqual([...schemaFamilies].sort());
  });
});

describe('meanOf', () => {
  it('takes a plain number as its own mean', () => {
    expect(meanOf(3.25)).toBe(3.25);
  });

  it('uses the mean of a distribution', () => {
    const triangular: Distribution = { type: 'triangular', min: 0, mode: 3, max: 9 };
    expect(meanOf(triangular)).toBe(4);
  });
});

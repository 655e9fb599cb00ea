import { z } from 'zod';
import type { DomainError } from '../errors.js';
import { createRng } from '../random/index.js';
import { standardNormalQuantile } from '../distributions/index.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import { InputPathSchema, InputSelectionSchema, OutputNameSchema, OutputSummarySchema, SeedSchema } from './common-schemas.js';
import {
  DEFAULT_MORRIS_LEVELS,
  DEFAULT_MORRIS_TRAJECTORIES,
  MAX_MORRIS_LEVELS,
  MAX_MORRIS_TRAJECTORIES,
  MIN_MORRIS_TRAJECTORIES,
} from './limits.js';
import { checkModelRuns, createOutputRunner, notComputableOutput, resolveOutput, resolveUncertainInputs } from './model-runner.js';

export const MorrisSettingsSchema = z
  .strictObject({
    method: z.literal('morris'),
    output: OutputNameSchema,
    trajectories: z
      .number()
      .int()
      .min(MIN_MORRIS_TRAJECTORIES)
      .max(MAX_MORRIS_TRAJECTORIES)
      .default(DEFAULT_MORRIS_TRAJECTORIES)
      .describe('r: each trajectory costs d + 1 model runs and gives one elementary effect per input.'),
    levels: z
      .number()
      .int()
      .min(2)
      .max(MAX_MORRIS_LEVELS)
      .default(DEFAULT_MORRIS_LEVELS)
      .refine((levels) => levels % 2 === 0, 'levels must be even, so that a jump of levels/2 stays on the grid')
      .describe('p: number of quantile levels per input.'),
    seed: SeedSchema,
    inputs: InputSelectionSchema,
  })
  .meta({ id: 'MorrisSettings', description: 'Morris elementary-effects screening.' });
export type MorrisSettings = z.infer<typeof MorrisSettingsSchema>;

/** Bootstrap resamples of the trajectories for mu*'s interval (SALib's default is 100; more costs microseconds here). */
export const MORRIS_BOOTSTRAP_RESAMPLES = 1_000;
/** Generator stream of the bootstrap resamples: apart from stream 0 that draws the trajectories. */
const BOOTSTRAP_STREAM = 1;
/** The standard normal's 97.5% quantile (1.95996...): a 95% two-sided interval. */
const Z_975 = standardNormalQuantile(0.975);

export const MorrisResultSchema = z
  .object({
    method: z.literal('morris'),
    output: OutputSummarySchema,
    trajectories: z.number().int(),
    levels: z.number().int(),
    quantileJump: z.number().describe('Δ in quantile space: each step moves one input by this much probability.'),
    seed: z.number().int(),
    modelRuns: z.number().int().describe('r·(d + 1).'),
    effects: z
      .array(
        z.object({
          path: InputPathSchema,
          mu: z.number().describe('Mean elementary effect: output change per unit of quantile; signs may cancel.'),
          muStar: z.number().describe('Mean absolute elementary effect (Campolongo et al. 2007): overall importance.'),
          sigma: z.number().describe('Standard deviation of the elementary effects: non-linearity or interaction.'),
          muStandardError: z.number().describe('Standard error of mu from the r trajectories: sigma / √r.'),
          muStarConfidence: z
            .number()
            .describe(
              `Half-width of a 95% interval for mu*: 1.96 × the standard deviation of mu* over ${MORRIS_BOOTSTRAP_RESAMPLES.toLocaleString('en-US')} bootstrap resamples of the trajectories (as SALib's mu_star_conf), drawn from the seed.`,
            ),
        }),
      )
      .describe('One entry per input, largest mu* first.'),
  })
  .meta({ id: 'MorrisResult' });
export type MorrisResult = z.infer<typeof MorrisResultSchema>;

/**
 * Morris elementary-effects screening (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33; mu* from Campolongo, Cariboni & Saltelli 2007,
 * Environ. Model. Softw. 22).
 *
 * Grid: each input moves on p levels in quantile space, the midpoints u_l = (l + ½)/p of p equal
 * probability strata, so every level maps to a finite value even for unbounded distributions.
 * A step moves one input by p/2 levels (Morris's recommended Δ = p/(2(p − 1)) on the [0, 1]
 * grid), which is a quantile jump Δu = ½ whatever p is.
 *
 * Trajectories: r random one-at-a-time paths. Each starts at a uniformly drawn level per input
 * and moves the inputs in a random order, each once: up by p/2 levels from a lower-half level,
 * down from an upper-half level. A path costs d + 1 runs and gives one elementary effect per input,
 *   EE_i = (y(upper) − y(lower)) / Δu,
 * the output change per unit of quantile. Dividing by a quantile step (not a value step) makes
 * the effects of inputs in EUR, rates and counts comparable. The random start replaces Campolongo's
 * optimised choice of trajectories (which picks r spread-out paths from many candidates).
 *
 * Summaries per input: mu (mean EE), mu* (mean |EE|), sigma (sample standard deviation of EE,
 * divisor r − 1). An input that the output does not depend on gets mu* = sigma = 0 exactly,
 * because the model is deterministic with expected rates.
 *
 * Their uncertainty: the r trajectories are a random sample, so mu has standard error sigma/√r,
 * and mu* (a mean of absolute values, with no simple closed form near zero) gets a bootstrap 95%
 * interval: 1.96 × the standard deviation of mu* over B resamples of the trajectories with
 * replacement (Campolongo et al. 2007; SALib's `mu_star_conf`). The resamples come from a second
 * generator seeded from the seed, so they do not change the trajectories.
 */
export function morris(model: CompiledModel, settings: MorrisSettings): Result<MorrisResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const inputs = resolveUncertainInputs(model, settings.inputs);
  if (!inputs.ok) return inputs;
  const { indices: inputIndices, distributions } = inputs.value;
  const inputCount = inputIndices.length;
  const trajectories = settings.trajectories;
  const levels = settings.levels;
  const budget = checkModelRuns(
    trajectories * (inputCount + 1),
    `Morris screening with ${trajectories} trajectories over ${inputCount} inputs (r·(d + 1))`,
  );
  if (!budget.ok) return budget;

  const halfLevels = levels / 2;
  const quantileJump = halfLevels / levels;
  const runner = createOutputRunner(model, output.value.index);
  const params = runner.params;
  const rng = createRng(settings.seed);
  const currentLevel = new Int32Array(inputCount);
  const order = new Int32Array(inputCount);
  // effects[i·r + t] = elementary effect of input i on trajectory t
  const effects = new Float64Array(inputCount * trajectories);
  const levelValue = (i: number, level: number): number => distributions[i].quantile((level + 0.5) / levels);
  let missing = 0;

  for (let trajectory = 0; trajectory < trajectories; trajectory++) {
    for (let i = 0; i < inputCount; i++) {
      currentLevel[i] = Math.floor(rng.nextDouble() * levels);
      params[inputIndices[i]] = levelValue(i, currentLevel[i]);
      order[i] = i;
    }
    // Fisher–Yates shuffle: the order in which the inputs move along this trajectory.
    for (let k = inputCount - 1; k > 0; k--) {
      const pick = Math.floor(rng.nextDouble() * (k + 1));
      const swap = order[k];
      order[k] = order[pick];
      order[pick] = swap;
    }
    let previousOutput = runner.evaluate();
    if (Number.isNaN(previousOutput)) missing++;
    for (let k = 0; k < inputCount; k++) {
      const i = order[k];
      const movesUp = currentLevel[i] < halfLevels;
      currentLevel[i] += movesUp ? halfLevels : -halfLevels;
      params[inputIndices[i]] = levelValue(i, currentLevel[i]);
      const nextOutput = runner.evaluate();
      if (Number.isNaN(nextOutput)) missing++;
      const change = movesUp ? nextOutput - previousOutput : previousOutput - nextOutput;
      effects[i * trajectories + trajectory] = change / quantileJump;
      previousOutput = nextOutput;
    }
  }
  if (missing > 0) return fail(notComputableOutput(settings.output, missing, runner.runs));

  const bootstrap = bootstrapRows(trajectories, createRng(settings.seed, BOOTSTRAP_STREAM));
  const summaries = inputIndices.map((inputIndex, i) => {
    let sum = 0;
    let absoluteSum = 0;
    for (let t = 0; t < trajectories; t++) {
      const effect = effects[i * trajectories + t];
      sum += effect;
      absoluteSum += Math.abs(effect);
    }
    const mu = sum / trajectories;
    let squares = 0;
    for (let t = 0; t < trajectories; t++) {
      const deviation = effects[i * trajectories + t] - mu;
      squares += deviation * deviation;
    }
    const sigma = Math.sqrt(squares / (trajectories - 1));
    return {
      path: model.inputs[inputIndex].path,
      mu,
      muStar: absoluteSum / trajectories,
      sigma,
      muStandardError: sigma / Math.sqrt(trajectories),
      muStarConfidence: Z_975 * bootstrapSdOfMeanAbsolute(effects.subarray(i * trajectories, (i + 1) * trajectories), bootstrap),
    };
  });
  summaries.sort((first, second) => second.muStar - first.muStar);

  return ok({
    method: 'morris',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    trajectories,
    levels,
    quantileJump,
    seed: settings.seed,
    modelRuns: runner.runs,
    effects: summaries,
  });
}

/** B resamples of r trajectory indices with replacement, row b at [b·r, (b + 1)·r); the same for every input. */
function bootstrapRows(trajectories: number, rng: { nextDouble(): number }): Int32Array {
  const rows = new Int32Array(MORRIS_BOOTSTRAP_RESAMPLES * trajectories);
  for (let k = 0; k < rows.length; k++) rows[k] = Math.floor(rng.nextDouble() * trajectories);
  return rows;
}

/** Standard deviation (divisor B − 1) of the mean |EE| over the bootstrap resamples (two passes: exactly 0 when every |EE| is equal). */
function bootstrapSdOfMeanAbsolute(effects: Float64Array, rows: Int32Array): number {
  const r = effects.length;
  const B = MORRIS_BOOTSTRAP_RESAMPLES;
  const means = new Float64Array(B);
  let sum = 0;
  for (let b = 0; b < B; b++) {
    let total = 0;
    for (let t = 0; t < r; t++) total += Math.abs(effects[rows[b * r + t]]);
    means[b] = total / r;
    sum += means[b];
  }
  const grandMean = sum / B;
  let squares = 0;
  for (let b = 0; b < B; b++) squares += (means[b] - grandMean) ** 2;
  return Math.sqrt(squares / (B - 1));
}

import { z } from 'zod';
import type { DomainError } from '../errors.js';
import { createRng, MAX_SOBOL_DIMENSIONS, SobolSequence } from '../random/index.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import {
  InputPathSchema,
  InputSelectionSchema,
  OutputNameSchema,
  OutputSummarySchema,
  SeedSchema,
} from './common-schemas.js';
import {
  DEFAULT_BOOTSTRAP_RESAMPLES,
  DEFAULT_CONFIDENCE_LEVEL,
  DEFAULT_SOBOL_SAMPLE_SIZE,
  MAX_BOOTSTRAP_RESAMPLES,
  MAX_SOBOL_SAMPLE_SIZE,
  MIN_BOOTSTRAP_RESAMPLES,
  MIN_SOBOL_SAMPLE_SIZE,
} from './limits.js';
import {
  checkBootstrapWork,
  checkModelRuns,
  createOutputRunner,
  notComputableOutput,
  openUnitInterval,
  resolveOutput,
  resolveUncertainInputs,
} from './model-runner.js';
import { percentileInterval } from './percentile-interval.js';

export const SobolSettingsSchema = z
  .strictObject({
    method: z.literal('sobol'),
    output: OutputNameSchema,
    sampleSize: z
      .number()
      .int()
      .min(MIN_SOBOL_SAMPLE_SIZE)
      .max(MAX_SOBOL_SAMPLE_SIZE)
      .default(DEFAULT_SOBOL_SAMPLE_SIZE)
      .describe('Base sample size N; the analysis costs N·(d + 2) model runs for d inputs.'),
    seed: SeedSchema,
    bootstrapResamples: z.number().int().min(MIN_BOOTSTRAP_RESAMPLES).max(MAX_BOOTSTRAP_RESAMPLES).default(DEFAULT_BOOTSTRAP_RESAMPLES),
    confidenceLevel: z.number().min(0.5).max(0.999).default(DEFAULT_CONFIDENCE_LEVEL),
    inputs: InputSelectionSchema,
    sampling: z
      .enum(['monteCarlo', 'sobol'])
      .default('monteCarlo')
      .describe(
        `How the A and B matrices are drawn: monteCarlo (independent uniforms), or sobol (a scrambled Sobol sequence in 2d dimensions, A from the first d and B from the next d; at most ${MAX_SOBOL_DIMENSIONS / 2} inputs). sobol estimates converge faster for smooth models; use a power of two sampleSize.`,
      ),
  })
  .meta({
    id: 'SobolSettings',
    description: 'Variance-based global sensitivity: first-order and total-order Sobol indices with bootstrap intervals.',
  });
export type SobolSettings = z.infer<typeof SobolSettingsSchema>;

export const IndexEstimateSchema = z
  .object({
    estimate: z.number(),
    low: z.number().nullable().describe('Lower end of the bootstrap percentile interval.'),
    high: z.number().nullable().describe('Upper end of the bootstrap percentile interval.'),
  })
  .meta({ id: 'SobolIndexEstimate' });

const BootstrapIntervalSchema = z
  .object({ low: z.number().nullable(), high: z.number().nullable() })
  .meta({ id: 'SobolBootstrapInterval', description: 'Lower and upper end of a bootstrap percentile interval at confidenceLevel (null when not computable).' });

export const SobolResultSchema = z
  .object({
    method: z.literal('sobol'),
    output: OutputSummarySchema,
    sampling: z
      .enum(['plain-monte-carlo', 'scrambled-sobol'])
      .describe(
        'plain-monte-carlo: A and B are independent uniform matrices from the seeded generator; scrambled-sobol: rows of a seeded scrambled Sobol sequence in 2d dimensions. Either is mapped through each input\'s quantile function.',
      ),
    sampleSize: z.number().int(),
    seed: z.number().int(),
    modelRuns: z.number().int().describe('N·(d + 2).'),
    outputMean: z.number(),
    outputMeanInterval: BootstrapIntervalSchema.describe('Bootstrap percentile interval of the output mean (same resamples as the indices).'),
    outputVariance: z.number(),
    outputVarianceInterval: BootstrapIntervalSchema.describe('Bootstrap percentile interval of the output variance V that the indices divide.'),
    confidenceLevel: z.number(),
    bootstrapResamples: z.number().int(),
    indices: z
      .array(
        z.object({
          path: InputPathSchema,
          firstOrder: IndexEstimateSchema,
          totalOrder: IndexEstimateSchema,
        }),
      )
      .describe(
        'One entry per input, largest total-order index first. firstOrder: share of the output variance due to the input alone; totalOrder: share including all its interactions.',
      ),
    sumOfFirstOrder: z.number().describe('Below 1 by the share of variance that comes from interactions.'),
    sumOfFirstOrderInterval: BootstrapIntervalSchema.describe('Bootstrap percentile interval of the sum of first-order indices.'),
  })
  .meta({ id: 'SobolResult' });
export type SobolResult = z.infer<typeof SobolResultSchema>;

/** Stream of the generator that draws bootstrap resamples: apart from stream 0 that draws the inputs. */
const BOOTSTRAP_STREAM = 1;
/** Generator stream of the Sobol scramble (linear matrix scramble and digital shift). */
const SOBOL_SCRAMBLE_STREAM = 2;

/**
 * First-order (S_i) and total-order (S_Ti) Sobol indices of one output (Sobol 1993/2001).
 *
 * Design (Saltelli 2002; Saltelli et al. 2010, "Variance based sensitivity analysis of model
 * output", Comput. Phys. Commun. 181): two independent N × d input matrices A and B, and for each
 * input i the matrix A_B^(i), which is A with column i taken from B. The matrices are plain Monte
 * Carlo by default: uniforms from `createRng(seed)` mapped through each input's quantile function
 * (errors shrink as 1/√N); with `sampling: 'sobol'` row j of A and B is point j of a scrambled
 * Sobol sequence in 2d dimensions (A the first d, B the next d), as Saltelli 2002 recommends. Cost N·(d + 2) model runs, all with
 * expected rates (`rng = null`), so the indices apportion the variance caused by the uncertain
 * inputs only.
 *
 * Estimators, with f0 and V the mean and variance of the 2N outputs f(A) and f(B):
 * - first order, Saltelli et al. 2010 (Table 2, (b)):
 *     V_i  = (1/N) Σ_j (f(B)_j − f0) · (f(A_B^(i))_j − f(A)_j),   S_i = V_i / V
 *   Subtracting f0 does not change the expectation (the bracket has mean zero) but removes the
 *   estimator's variance that a large output mean would add (a net result in EUR millions).
 * - total order, Jansen 1999 (Saltelli et al. 2010, Table 2, (f)):
 *     V_Ti = (1/(2N)) Σ_j (f(A)_j − f(A_B^(i))_j)²,              S_Ti = V_Ti / V
 *
 * Confidence intervals (of every index, the output mean and variance, and the sum of first-order
 * indices): percentile bootstrap over the N rows (each row j carries f(A)_j, f(B)_j
 * and every f(A_B^(i))_j, so resampling keeps the design paired), B resamples drawn from
 * `createRng(seed, 1)`.
 *
 * Returns `limit-exceeded` when N·(d + 2) exceeds MAX_MODEL_RUNS, `not-computable` when the output
 * is NaN in some run or does not vary at all.
 */
export function sobol(model: CompiledModel, settings: SobolSettings): Result<SobolResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const inputs = resolveUncertainInputs(model, settings.inputs);
  if (!inputs.ok) return inputs;
  const { indices: inputIndices, distributions } = inputs.value;
  const inputCount = inputIndices.length;
  const sampleSize = settings.sampleSize;
  const runsNeeded = sampleSize * (inputCount + 2);
  const budget = checkModelRuns(runsNeeded, `a Sobol analysis with N = ${sampleSize} and ${inputCount} inputs (N·(d + 2))`);
  if (!budget.ok) return budget;
  const bootstrapBudget = checkBootstrapWork(settings.bootstrapResamples, runsNeeded, `${runsNeeded} model results`);
  if (!bootstrapBudget.ok) return bootstrapBudget;

  if (settings.sampling === 'sobol' && 2 * inputCount > MAX_SOBOL_DIMENSIONS)
    return fail({
      kind: 'invalid-input',
      problems: [
        {
          path: ['sampling'],
          message: `sobol sampling needs 2 dimensions per input and serves at most ${MAX_SOBOL_DIMENSIONS / 2} inputs; this analysis has ${inputCount}: use monteCarlo`,
        },
      ],
    });

  const runner = createOutputRunner(model, output.value.index);
  const params = runner.params;
  const rng = createRng(settings.seed);
  const sequence = settings.sampling === 'sobol' ? SobolSequence.scrambled(2 * inputCount, createRng(settings.seed, SOBOL_SCRAMBLE_STREAM)) : null;
  // Row j of A and B is point j of the sequence, at the centre of its 2^-32 cell.
  const sobolUniform = (dimension: number, row: number): number => (sequence!.word(dimension, row) + 0.5) * 2 ** -32;
  const rowA = new Float64Array(inputCount);
  const rowB = new Float64Array(inputCount);
  const outputsA = new Float64Array(sampleSize);
  const outputsB = new Float64Array(sampleSize);
  // outputsMixed[i·N + j] = f(A_B^(i))_j
  const outputsMixed = new Float64Array(inputCount * sampleSize);
  let missing = 0;

  for (let row = 0; row < sampleSize; row++) {
    if (sequence === null) {
      for (let i = 0; i < inputCount; i++) rowA[i] = distributions[i].quantile(openUnitInterval(rng.nextDouble()));
      for (let i = 0; i < inputCount; i++) rowB[i] = distributions[i].quantile(openUnitInterval(rng.nextDouble()));
    } else {
      for (let i = 0; i < inputCount; i++) rowA[i] = distributions[i].quantile(sobolUniform(i, row));
      for (let i = 0; i < inputCount; i++) rowB[i] = distributions[i].quantile(sobolUniform(inputCount + i, row));
    }
    for (let i = 0; i < inputCount; i++) params[inputIndices[i]] = rowB[i];
    outputsB[row] = runner.evaluate();
    for (let i = 0; i < inputCount; i++) params[inputIndices[i]] = rowA[i];
    outputsA[row] = runner.evaluate();
    if (Number.isNaN(outputsA[row])) missing++;
    if (Number.isNaN(outputsB[row])) missing++;
    for (let i = 0; i < inputCount; i++) {
      params[inputIndices[i]] = rowB[i];
      const mixed = runner.evaluate();
      outputsMixed[i * sampleSize + row] = mixed;
      if (Number.isNaN(mixed)) missing++;
      params[inputIndices[i]] = rowA[i];
    }
  }
  if (missing > 0) return fail(notComputableOutput(settings.output, missing, runner.runs));

  const allRows = new Int32Array(sampleSize);
  for (let row = 0; row < sampleSize; row++) allRows[row] = row;
  const firstOrder = new Float64Array(inputCount);
  const totalOrder = new Float64Array(inputCount);
  const moments = estimateIndices(outputsA, outputsB, outputsMixed, allRows, inputCount, firstOrder, totalOrder);
  if (!(moments.variance > 0))
    return fail({
      kind: 'not-computable',
      message: `output '${settings.output}' does not vary with the selected inputs, so there is no variance to apportion`,
    });

  // Bootstrap: resample rows with replacement; estimates[i·B + b] for resample b of input i.
  const resamples = settings.bootstrapResamples;
  const bootstrapRng = createRng(settings.seed, BOOTSTRAP_STREAM);
  const resampledRows = new Int32Array(sampleSize);
  const firstOrderResampled = new Float64Array(inputCount);
  const totalOrderResampled = new Float64Array(inputCount);
  const firstOrderEstimates = new Float64Array(inputCount * resamples);
  const totalOrderEstimates = new Float64Array(inputCount * resamples);
  const meanEstimates = new Float64Array(resamples);
  const varianceEstimates = new Float64Array(resamples);
  const sumOfFirstOrderEstimates = new Float64Array(resamples);
  for (let resample = 0; resample < resamples; resample++) {
    for (let row = 0; row < sampleSize; row++) resampledRows[row] = Math.floor(bootstrapRng.nextDouble() * sampleSize);
    const resampledMoments = estimateIndices(outputsA, outputsB, outputsMixed, resampledRows, inputCount, firstOrderResampled, totalOrderResampled);
    meanEstimates[resample] = resampledMoments.mean;
    varianceEstimates[resample] = resampledMoments.variance;
    let resampledSum = 0;
    for (let i = 0; i < inputCount; i++) resampledSum += firstOrderResampled[i];
    sumOfFirstOrderEstimates[resample] = resampledSum;
    for (let i = 0; i < inputCount; i++) {
      firstOrderEstimates[i * resamples + resample] = firstOrderResampled[i];
      totalOrderEstimates[i * resamples + resample] = totalOrderResampled[i];
    }
  }

  const indices = inputIndices.map((inputIndex, i) => {
    const firstInterval = percentileInterval(firstOrderEstimates.subarray(i * resamples, (i + 1) * resamples), settings.confidenceLevel);
    const totalInterval = percentileInterval(totalOrderEstimates.subarray(i * resamples, (i + 1) * resamples), settings.confidenceLevel);
    return {
      path: model.inputs[inputIndex].path,
      firstOrder: { estimate: firstOrder[i], low: nullIfNaN(firstInterval.low), high: nullIfNaN(firstInterval.high) },
      totalOrder: { estimate: totalOrder[i], low: nullIfNaN(totalInterval.low), high: nullIfNaN(totalInterval.high) },
    };
  });
  indices.sort((first, second) => second.totalOrder.estimate - first.totalOrder.estimate);
  let sumOfFirstOrder = 0;
  for (let i = 0; i < inputCount; i++) sumOfFirstOrder += firstOrder[i];

  return ok({
    method: 'sobol',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    sampling: sequence === null ? 'plain-monte-carlo' : 'scrambled-sobol',
    sampleSize,
    seed: settings.seed,
    modelRuns: runner.runs,
    outputMean: moments.mean,
    outputMeanInterval: nullableInterval(percentileInterval(meanEstimates, settings.confidenceLevel)),
    outputVariance: moments.variance,
    outputVarianceInterval: nullableInterval(percentileInterval(varianceEstimates, settings.confidenceLevel)),
    confidenceLevel: settings.confidenceLevel,
    bootstrapResamples: resamples,
    indices,
    sumOfFirstOrder,
    sumOfFirstOrderInterval: nullableInterval(percentileInterval(sumOfFirstOrderEstimates, settings.confidenceLevel)),
  });
}

function nullableInterval(interval: { low: number; high: number }): { low: number | null; high: number | null } {
  return { low: nullIfNaN(interval.low), high: nullIfNaN(interval.high) };
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/**
 * The Saltelli 2010 first-order and Jansen 1999 total-order estimates over the given rows
 * (all rows for the estimate, a resample for the bootstrap). Writes into `firstOrder` and
 * `totalOrder`; allocates nothing. Returns the pooled mean and variance of f(A) and f(B).
 */
function estimateIndices(
  outputsA: Float64Array,
  outputsB: Float64Array,
  outputsMixed: Float64Array,
  rows: Int32Array,
  inputCount: number,
  firstOrder: Float64Array,
  totalOrder: Float64Array,
): { mean: number; variance: number } {
  const sampleSize = outputsA.length;
  const count = rows.length;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += outputsA[rows[k]] + outputsB[rows[k]];
  const mean = sum / (2 * count);
  let squares = 0;
  for (let k = 0; k < count; k++) {
    const deviationA = outputsA[rows[k]] - mean;
    const deviationB = outputsB[rows[k]] - mean;
    squares += deviationA * deviationA + deviationB * deviationB;
  }
  const variance = squares / (2 * count - 1);
  for (let i = 0; i < inputCount; i++) {
    const offset = i * sampleSize;
    let firstSum = 0;
    let totalSum = 0;
    for (let k = 0; k < count; k++) {
      const row = rows[k];
      const a = outputsA[row];
      const mixed = outputsMixed[offset + row];
      firstSum += (outputsB[row] - mean) * (mixed - a);
      totalSum += (a - mixed) * (a - mixed);
    }
    firstOrder[i] = firstSum / count / variance;
    totalOrder[i] = totalSum / (2 * count) / variance;
  }
  return { mean, variance };
}

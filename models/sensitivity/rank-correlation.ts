import { lusolve } from 'mathjs';
import { standardNormalQuantile } from '../distributions/index.js';
import { z } from 'zod';
import { invalidInput, type DomainError } from '../errors.js';
import { createRng } from '../random/index.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import {
  InputPathSchema,
  InputSelectionSchema,
  MaybeNumberSchema,
  OutputNameSchema,
  OutputSummarySchema,
  SeedSchema,
} from './common-schemas.js';
import {
  DEFAULT_RANK_CORRELATION_SAMPLE_SIZE,
  MAX_RANK_CORRELATION_SAMPLE_SIZE,
  MIN_RANK_CORRELATION_SAMPLE_SIZE,
} from './limits.js';
import { averageRanks } from './average-ranks.js';
import {
  checkModelRuns,
  createOutputRunner,
  notComputableOutput,
  openUnitInterval,
  resolveOutput,
  resolveUncertainInputs,
} from './model-runner.js';

export const RankCorrelationSettingsSchema = z
  .strictObject({
    method: z.literal('rank-correlation'),
    output: OutputNameSchema,
    sampleSize: z
      .number()
      .int()
      .min(MIN_RANK_CORRELATION_SAMPLE_SIZE)
      .max(MAX_RANK_CORRELATION_SAMPLE_SIZE)
      .default(DEFAULT_RANK_CORRELATION_SAMPLE_SIZE),
    seed: SeedSchema,
    inputs: InputSelectionSchema,
  })
  .meta({
    id: 'RankCorrelationSettings',
    description: 'Spearman and partial rank correlation (PRCC) of each input with the output over a Monte Carlo sample.',
  });
export type RankCorrelationSettings = z.infer<typeof RankCorrelationSettingsSchema>;

const CorrelationIntervalSchema = z.object({ low: z.number(), high: z.number() });

/** The standard normal's 97.5% quantile (1.95996...): a 95% two-sided interval. */
const Z_975 = standardNormalQuantile(0.975);

export const RankCorrelationResultSchema = z
  .object({
    method: z.literal('rank-correlation'),
    output: OutputSummarySchema,
    sampleSize: z.number().int(),
    seed: z.number().int(),
    modelRuns: z.number().int(),
    coefficients: z
      .array(
        z.object({
          path: InputPathSchema,
          spearman: MaybeNumberSchema.describe('Spearman rank correlation; null when the input or output does not vary.'),
          prcc: MaybeNumberSchema.describe(
            'Partial rank correlation: the rank correlation after removing the linear effect of the other inputs\' ranks; null when undefined (the others explain the output\'s ranks exactly).',
          ),
          spearmanInterval: CorrelationIntervalSchema.nullable().describe(
            'Approximate 95% interval for the Spearman correlation: Fisher z with variance 1.06/(n − 3) (Fieller, Hartley & Pearson 1957); null with the estimate.',
          ),
          prccInterval: CorrelationIntervalSchema.nullable().describe(
            'Approximate 95% interval for the PRCC: Fisher z with variance 1/(n − 3 − (d − 1)), d − 1 inputs held (Marino et al. 2008); null with the estimate.',
          ),
        }),
      )
      .describe('One entry per input, largest |PRCC| (else |Spearman|) first.'),
  })
  .meta({ id: 'RankCorrelationResult' });
export type RankCorrelationResult = z.infer<typeof RankCorrelationResultSchema>;

/** A residual variance below this share of the total counts as zero: the regression explained everything. */
const EXPLAINED_COMPLETELY = 1e-12;

/**
 * Spearman rank correlation and partial rank correlation coefficients (PRCC) between each input
 * and the output (Iman & Conover 1980; Marino, Hogue, Ray & Kirschner 2008, "A methodology for
 * performing global uncertainty and sensitivity analysis in systems biology", J. Theor. Biol. 254).
 *
 * Sample: plain Monte Carlo, n independent draws of every uncertain input (uniforms from
 * `createRng(seed)` through each quantile function), output with expected rates. Ties get
 * average ranks.
 *
 * Spearman: the Pearson correlation of the ranks. PRCC of input i: the correlation of the
 * residuals left when the ranks of input i and of the output are each regressed (least squares,
 * with intercept) on the ranks of all other inputs. Both are computed from one (d + 1) × (d + 1)
 * matrix of centred rank cross-products S: the residual covariance is
 *   S_iy − S_iO · S_OO⁻¹ · S_Oy
 * (O = the other inputs), solved with mathjs `lusolve`, so the cost after sampling is
 * O(n·d² + d⁴) rather than d regressions over n rows.
 *
 * Uncertainty: each coefficient's 95% interval comes from Fisher's z = atanh(r), approximately
 * normal: for Spearman with variance 1.06/(n − 3) (Fieller, Hartley & Pearson 1957, Biometrika
 * 44), for the PRCC as a partial correlation with d − 1 variables held, variance 1/(n − 3 − (d − 1)).
 * The interval is tanh(z ± 1.96·sd): inside [−1, 1], and narrower near ±1 where r varies less.
 *
 * Cost: n model runs. Needs n ≥ d + 3 so every regression keeps residual degrees of freedom.
 */
export function rankCorrelation(
  model: CompiledModel,
  settings: RankCorrelationSettings,
): Result<RankCorrelationResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const inputs = resolveUncertainInputs(model, settings.inputs);
  if (!inputs.ok) return inputs;
  const { indices: inputIndices, distributions } = inputs.value;
  const inputCount = inputIndices.length;
  const sampleSize = settings.sampleSize;
  if (sampleSize < inputCount + 3)
    return fail(
      invalidInput(['sampleSize'], `partial rank correlation over ${inputCount} inputs needs a sampleSize of at least ${inputCount + 3}`),
    );
  const budget = checkModelRuns(sampleSize, `a rank correlation sample of ${sampleSize}`);
  if (!budget.ok) return budget;

  // Column c of `columns` (c < d: input c, c = d: output) occupies [c·n, (c + 1)·n).
  const variableCount = inputCount + 1;
  const columns = new Float64Array(variableCount * sampleSize);
  const runner = createOutputRunner(model, output.value.index);
  const rng = createRng(settings.seed);
  let missing = 0;
  for (let row = 0; row < sampleSize; row++) {
    for (let i = 0; i < inputCount; i++) {
      const value = distributions[i].quantile(openUnitInterval(rng.nextDouble()));
      columns[i * sampleSize + row] = value;
      runner.params[inputIndices[i]] = value;
    }
    const result = runner.evaluate();
    if (Number.isNaN(result)) missing++;
    columns[inputCount * sampleSize + row] = result;
  }
  if (missing > 0) return fail(notComputableOutput(settings.output, missing, runner.runs));

  // Replace each column by its ranks, centred: every ranking of 1..n with averaged ties has mean (n + 1)/2.
  const order = new Uint32Array(sampleSize);
  const ranks = new Float64Array(sampleSize);
  const meanRank = (sampleSize + 1) / 2;
  for (let c = 0; c < variableCount; c++) {
    const column = columns.subarray(c * sampleSize, (c + 1) * sampleSize);
    averageRanks(column, ranks, order);
    for (let row = 0; row < sampleSize; row++) column[row] = ranks[row] - meanRank;
  }
  const crossProducts: number[][] = [];
  for (let a = 0; a < variableCount; a++) crossProducts.push(new Array<number>(variableCount).fill(0));
  for (let a = 0; a < variableCount; a++) {
    for (let b = a; b < variableCount; b++) {
      let sum = 0;
      const offsetA = a * sampleSize;
      const offsetB = b * sampleSize;
      for (let row = 0; row < sampleSize; row++) sum += columns[offsetA + row] * columns[offsetB + row];
      crossProducts[a][b] = sum;
      crossProducts[b][a] = sum;
    }
  }

  const outputColumn = inputCount;
  const coefficients = inputIndices.map((inputIndex, i) => {
    const spearman = correlationOrNull(crossProducts[i][outputColumn], crossProducts[i][i], crossProducts[outputColumn][outputColumn]);
    const prcc = partialCorrelation(crossProducts, i, outputColumn);
    return {
      path: model.inputs[inputIndex].path,
      spearman,
      prcc,
      spearmanInterval: fisherInterval(spearman, 1.06 / (sampleSize - 3)),
      prccInterval: fisherInterval(prcc, 1 / (sampleSize - 3 - (inputCount - 1))),
    };
  });
  const strength = (entry: { spearman: number | null; prcc: number | null }) => Math.abs(entry.prcc ?? entry.spearman ?? 0);
  coefficients.sort((first, second) => strength(second) - strength(first));

  return ok({
    method: 'rank-correlation',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    sampleSize,
    seed: settings.seed,
    modelRuns: runner.runs,
    coefficients,
  });
}

/** tanh(atanh(r) ± 1.96·√variance): a 95% interval for a correlation r on Fisher's z scale. */
export function fisherInterval(r: number | null, variance: number): { low: number; high: number } | null {
  if (r === null || !(variance > 0)) return null;
  const z = Math.atanh(Math.max(-1, Math.min(1, r)));
  const half = Z_975 * Math.sqrt(variance);
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}

function correlationOrNull(covariance: number, varianceA: number, varianceB: number): number | null {
  if (!(varianceA > 0) || !(varianceB > 0)) return null;
  return covariance / Math.sqrt(varianceA * varianceB);
}

/**
 * Partial correlation of variables `target` and `outputColumn` given all other inputs, from the
 * centred cross-product matrix: regress both on the others (normal equations S_OO z = S_O·) and
 * correlate the residuals. Null when a residual variance vanishes (the others explain it
 * completely) or the normal equations are singular (an input that does not vary).
 */
function partialCorrelation(crossProducts: number[][], target: number, outputColumn: number): number | null {
  const others: number[] = [];
  for (let c = 0; c < outputColumn; c++) if (c !== target) others.push(c);
  const targetVariance = crossProducts[target][target];
  const outputVariance = crossProducts[outputColumn][outputColumn];
  if (others.length === 0) return correlationOrNull(crossProducts[target][outputColumn], targetVariance, outputVariance);

  const gram = others.map((a) => others.map((b) => crossProducts[a][b]));
  // Normal equations for the two regressions on the other inputs' ranks; mathjs solves one
  // right-hand side at a time and returns it as a column (k × 1).
  let targetCoefficients: number[][];
  let outputCoefficients: number[][];
  try {
    targetCoefficients = lusolve(gram, others.map((a) => crossProducts[a][target])) as number[][];
    outputCoefficients = lusolve(gram, others.map((a) => crossProducts[a][outputColumn])) as number[][];
  } catch (error) {
    // A singular system: some other input's ranks do not vary or repeat another's. Anything else is a bug.
    if (error instanceof Error && error.message.includes('singular')) return null;
    throw error;
  }
  let residualTarget = targetVariance;
  let residualOutput = outputVariance;
  let residualCovariance = crossProducts[target][outputColumn];
  for (let k = 0; k < others.length; k++) {
    const other = others[k];
    residualTarget -= crossProducts[target][other] * targetCoefficients[k][0];
    residualOutput -= crossProducts[outputColumn][other] * outputCoefficients[k][0];
    residualCovariance -= crossProducts[target][other] * outputCoefficients[k][0];
  }
  if (residualTarget <= EXPLAINED_COMPLETELY * targetVariance || residualOutput <= EXPLAINED_COMPLETELY * outputVariance)
    return null;
  return residualCovariance / Math.sqrt(residualTarget * residualOutput);
}

import { z } from 'zod';
import { invalidInput, type DomainError } from '../errors.js';
import { createRng } from '../random/index.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import { InputPathSchema, InputSelectionSchema, OutputNameSchema, OutputSummarySchema, SeedSchema } from './common-schemas.js';
import { percentileInterval } from './percentile-interval.js';
import {
  DEFAULT_BOOTSTRAP_RESAMPLES,
  MAX_BOOTSTRAP_RESAMPLES,
  MAX_BOOTSTRAP_WORK,
  MIN_BOOTSTRAP_RESAMPLES,
  DEFAULT_VALUE_OF_INFORMATION_SAMPLE_SIZE,
  MAX_VALUE_OF_INFORMATION_SAMPLE_SIZE,
  MIN_VALUE_OF_INFORMATION_SAMPLE_SIZE,
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

export const ValueOfInformationSettingsSchema = z
  .strictObject({
    method: z.literal('value-of-information'),
    output: OutputNameSchema.describe('The decision is to go ahead when this output is expected to be above 0 (e.g. a net result).'),
    sampleSize: z
      .number()
      .int()
      .min(MIN_VALUE_OF_INFORMATION_SAMPLE_SIZE)
      .max(MAX_VALUE_OF_INFORMATION_SAMPLE_SIZE)
      .default(DEFAULT_VALUE_OF_INFORMATION_SAMPLE_SIZE),
    bins: z.number().int().min(2).optional().describe('Bins per input for EVPPI; default round(√sampleSize).'),
    bootstrapResamples: z
      .number()
      .int()
      .min(MIN_BOOTSTRAP_RESAMPLES)
      .max(MAX_BOOTSTRAP_RESAMPLES)
      .optional()
      .describe(
        `Bootstrap resamples for the 95% intervals; default ${DEFAULT_BOOTSTRAP_RESAMPLES}, fewer (at least ${MIN_BOOTSTRAP_RESAMPLES}) when sampleSize × (inputs + 1) × resamples would pass ${MAX_BOOTSTRAP_WORK.toLocaleString('en-US')} operations; refused (400) when even that many would.`,
      ),
    seed: SeedSchema,
    inputs: InputSelectionSchema,
  })
  .superRefine((settings, ctx) => {
    if (settings.bins !== undefined && settings.bins > settings.sampleSize / 2)
      ctx.addIssue({ code: 'custom', path: ['bins'], message: 'bins must be at most half the sampleSize, so every bin holds two draws' });
  })
  .meta({
    id: 'ValueOfInformationSettings',
    description: 'Expected value of perfect information (EVPI) and of partial perfect information per input (EVPPI).',
  });
export type ValueOfInformationSettings = z.infer<typeof ValueOfInformationSettingsSchema>;

const VoiIntervalSchema = z
  .object({ low: z.number(), high: z.number() })
  .describe('Bootstrap percentile interval (95%) over resamples of the Monte Carlo draws with replacement.');

/** Generator stream of the bootstrap resamples: apart from stream 0 that draws the inputs. */
const BOOTSTRAP_STREAM = 1;
const CONFIDENCE_LEVEL = 0.95;

export const ValueOfInformationResultSchema = z
  .object({
    method: z.literal('value-of-information'),
    output: OutputSummarySchema,
    decision: z.string().describe('The decision whose value of information is measured.'),
    estimator: z.string(),
    sampleSize: z.number().int(),
    bins: z.number().int(),
    seed: z.number().int(),
    modelRuns: z.number().int(),
    bootstrapResamples: z.number().int().describe('Resamples behind every interval.'),
    confidenceLevel: z.number().describe('Level of every interval (0.95).'),
    expectedOutput: z.number().describe('Mean output over the sample: go ahead when it is above 0.'),
    expectedOutputInterval: VoiIntervalSchema,
    probabilityPositive: z.number().describe('Share of draws in which going ahead is the better choice.'),
    probabilityPositiveInterval: VoiIntervalSchema,
    evpi: z.number().describe('Expected value of perfect information, in the output\'s unit: the most worth paying to remove all uncertainty.'),
    evpiInterval: VoiIntervalSchema,
    perInput: z
      .array(
        z.object({
          path: InputPathSchema,
          evppi: z.number().describe('Expected value of knowing this input exactly, in the output\'s unit.'),
          evppiInterval: VoiIntervalSchema.describe(
            'Bootstrap percentile interval of the EVPPI estimate (its sampling spread, bins kept as in the sample; not the binning estimator\'s small upward bias).',
          ),
        }),
      )
      .describe('One entry per input, largest EVPPI first.'),
  })
  .meta({ id: 'ValueOfInformationResult' });
export type ValueOfInformationResult = z.infer<typeof ValueOfInformationResultSchema>;

/**
 * Value of information for the decision "go ahead (sign the contract, make the investment) when
 * the output is expected to be above 0, else do nothing (value 0)".
 *
 * EVPI (Raiffa & Schlaifer 1961): with perfect knowledge of every input one would go ahead exactly
 * in the draws where the output is positive, so
 *   EVPI = E[max(Y, 0)] − max(E[Y], 0),
 * estimated over a plain Monte Carlo sample of the uncertain inputs (outputs with expected rates).
 *
 * EVPPI of input i, the value of learning only that input:
 *   EVPPI_i = E_Xi[ max(E[Y | X_i], 0) ] − max(E[Y], 0).
 * Estimated by the single-loop non-parametric method (Strong & Oakley 2013, "An efficient method
 * for computing single-parameter partial expected value of perfect information", Med. Decis.
 * Making 33; Sadatsafavi et al. 2013, "Need for speed: an efficient algorithm for calculation of
 * single-parameter expected value of partial perfect information", Value Health 16): sort the
 * same sample by X_i, cut it into K ≈ √n bins of about equal count, and take each bin's mean
 * output as E[Y | X_i in bin]:
 *   EVPPI_i ≈ Σ_bins (n_b / n) · max(mean_b(Y), 0) − max(mean(Y), 0).
 * Draws with equal X_i are never split across bins (a discrete input gets one bin per value at
 * most). By Jensen's inequality the estimate is never negative. Noise in the bin means biases it
 * slightly upward (an input without effect gets a small positive value, shrinking as n grows);
 * coarse bins bias it downward for strongly non-linear effects.
 *
 * Uncertainty: every estimate (mean output, chance of a positive output, EVPI, each EVPPI) gets a
 * 95% percentile bootstrap interval (Efron & Tibshirani 1993): B resamples of the n draws with
 * replacement, drawn from a second generator stream of the seed, each estimate recomputed on each
 * resample (the EVPPI's bins stay those of the sample's sort on the input). The same resamples
 * serve every estimate, regenerated per input from the stream's start rather than stored.
 *
 * Cost: n model runs, reused for the EVPI and every EVPPI, and B·n·(d + 1) bootstrap operations.
 */
export function valueOfInformation(
  model: CompiledModel,
  settings: ValueOfInformationSettings,
): Result<ValueOfInformationResult, DomainError> {
  const output = resolveOutput(model, settings.output);
  if (!output.ok) return output;
  const inputs = resolveUncertainInputs(model, settings.inputs);
  if (!inputs.ok) return inputs;
  const { indices: inputIndices, distributions } = inputs.value;
  const inputCount = inputIndices.length;
  const sampleSize = settings.sampleSize;
  const bins = settings.bins ?? Math.round(Math.sqrt(sampleSize));
  if (bins > sampleSize / 2) return fail(invalidInput(['bins'], 'bins must be at most half the sampleSize'));
  const budget = checkModelRuns(sampleSize, `a value-of-information sample of ${sampleSize}`);
  if (!budget.ok) return budget;
  const perResample = sampleSize * (inputCount + 1);
  const resamples = settings.bootstrapResamples ?? Math.max(MIN_BOOTSTRAP_RESAMPLES, Math.min(DEFAULT_BOOTSTRAP_RESAMPLES, Math.floor(MAX_BOOTSTRAP_WORK / perResample)));
  // Also when defaulted: the floor of MIN_BOOTSTRAP_RESAMPLES can pass the limit for a large sample of many inputs.
  const bootstrapBudget = checkBootstrapWork(resamples, perResample, `${sampleSize} draws over ${inputCount} inputs and the output`);
  if (!bootstrapBudget.ok) return bootstrapBudget;

  const inputValues = new Float64Array(inputCount * sampleSize);
  const outputs = new Float64Array(sampleSize);
  const runner = createOutputRunner(model, output.value.index);
  const rng = createRng(settings.seed);
  let missing = 0;
  for (let row = 0; row < sampleSize; row++) {
    for (let i = 0; i < inputCount; i++) {
      const value = distributions[i].quantile(openUnitInterval(rng.nextDouble()));
      inputValues[i * sampleSize + row] = value;
      runner.params[inputIndices[i]] = value;
    }
    const result = runner.evaluate();
    if (Number.isNaN(result)) missing++;
    outputs[row] = result;
  }
  if (missing > 0) return fail(notComputableOutput(settings.output, missing, runner.runs));

  let sum = 0;
  let positiveSum = 0;
  let positiveCount = 0;
  for (let row = 0; row < sampleSize; row++) {
    sum += outputs[row];
    if (outputs[row] > 0) {
      positiveSum += outputs[row];
      positiveCount++;
    }
  }
  const expectedOutput = sum / sampleSize;
  const valueWithoutInformation = Math.max(expectedOutput, 0);
  const evpi = positiveSum / sampleSize - valueWithoutInformation;

  // The bootstrap's resamples: row indices drawn afresh from the stream's start for each pass, so
  // every pass (the EVPI's and each input's) sees the same resamples without storing them.
  const resampleRows = (visit: (resample: number, row: number) => void, endResample: (resample: number) => void) => {
    const bootstrapRng = createRng(settings.seed, BOOTSTRAP_STREAM);
    for (let b = 0; b < resamples; b++) {
      for (let k = 0; k < sampleSize; k++) visit(b, Math.floor(bootstrapRng.nextDouble() * sampleSize));
      endResample(b);
    }
  };
  const resampledMeans = new Float64Array(resamples);
  const resampledPositive = new Float64Array(resamples);
  const resampledEvpi = new Float64Array(resamples);
  let bootSum = 0;
  let bootPositiveSum = 0;
  let bootPositiveCount = 0;
  resampleRows(
    (_, row) => {
      const y = outputs[row];
      bootSum += y;
      if (y > 0) {
        bootPositiveSum += y;
        bootPositiveCount++;
      }
    },
    (b) => {
      resampledMeans[b] = bootSum / sampleSize;
      resampledPositive[b] = bootPositiveCount / sampleSize;
      resampledEvpi[b] = Math.max(bootPositiveSum / sampleSize - Math.max(resampledMeans[b], 0), 0);
      bootSum = bootPositiveSum = bootPositiveCount = 0;
    },
  );

  const order = new Uint32Array(sampleSize);
  const binOf = new Int32Array(sampleSize);
  const binSums = new Float64Array(bins);
  const binCounts = new Float64Array(bins);
  const resampledEvppi = new Float64Array(resamples);
  const perInput = inputIndices.map((inputIndex, i) => {
    const values = inputValues.subarray(i * sampleSize, (i + 1) * sampleSize);
    for (let row = 0; row < sampleSize; row++) order[row] = row;
    order.sort((first, second) => values[first] - values[second]);
    let valueWithInformation = 0;
    let start = 0;
    let binCount = 0;
    for (let bin = 0; bin < bins && start < sampleSize; bin++) {
      let end = bin === bins - 1 ? sampleSize : Math.max(start + 1, Math.round(((bin + 1) * sampleSize) / bins));
      // Keep equal input values in one bin: they carry the same information.
      while (end < sampleSize && values[order[end]] === values[order[end - 1]]) end++;
      let binSum = 0;
      for (let k = start; k < end; k++) {
        binSum += outputs[order[k]];
        binOf[order[k]] = bin;
      }
      valueWithInformation += Math.max(binSum / (end - start), 0) * ((end - start) / sampleSize);
      start = end;
      binCount = bin + 1;
    }
    binSums.fill(0);
    binCounts.fill(0);
    resampleRows(
      (_, row) => {
        binSums[binOf[row]] += outputs[row];
        binCounts[binOf[row]] += 1;
      },
      (b) => {
        let value = 0;
        for (let bin = 0; bin < binCount; bin++) if (binCounts[bin] > 0) value += Math.max(binSums[bin] / binCounts[bin], 0) * (binCounts[bin] / sampleSize);
        resampledEvppi[b] = Math.max(value - Math.max(resampledMeans[b], 0), 0);
        binSums.fill(0);
        binCounts.fill(0);
      },
    );
    return {
      path: model.inputs[inputIndex].path,
      evppi: Math.max(valueWithInformation - valueWithoutInformation, 0),
      evppiInterval: percentileInterval(resampledEvppi, CONFIDENCE_LEVEL),
    };
  });
  perInput.sort((first, second) => second.evppi - first.evppi);

  return ok({
    method: 'value-of-information',
    output: { name: output.value.info.name, unit: output.value.info.unit },
    decision: `go ahead when '${settings.output}' is expected to be above 0; otherwise do nothing (value 0)`,
    estimator: 'EVPI from the Monte Carlo sample; EVPPI by sorting on the input and binning (Strong & Oakley 2013)',
    sampleSize,
    bins,
    seed: settings.seed,
    modelRuns: runner.runs,
    bootstrapResamples: resamples,
    confidenceLevel: CONFIDENCE_LEVEL,
    expectedOutput,
    expectedOutputInterval: percentileInterval(resampledMeans, CONFIDENCE_LEVEL),
    probabilityPositive: positiveCount / sampleSize,
    probabilityPositiveInterval: percentileInterval(resampledPositive, CONFIDENCE_LEVEL),
    evpi: Math.max(evpi, 0),
    evpiInterval: percentileInterval(resampledEvpi, CONFIDENCE_LEVEL),
    perInput,
  });
}

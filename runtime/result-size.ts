import type { SimulationResult, VariantComparisonResult } from '../models/simulation/index.js';

/** Bytes per kept sample value in memory: a double in a packed JS array. */
const BYTES_PER_SAMPLE_VALUE = 8;

/**
 * About how many bytes a finished job's result holds in this process: its JSON text (kept to be
 * served as it is; V8 stores ASCII text at one byte a character) plus the kept samples of the
 * result object (8 bytes a value). The summaries beside them are small (kilobytes) and left out:
 * the samples are what grow with the iterations (1,000,000 iterations × 10 columns: 80 MB of
 * values and about 190 MB of text).
 */
export function estimateResultBytes(result: SimulationResult | VariantComparisonResult | null, resultText: string | null): number {
  return (resultText?.length ?? 0) + BYTES_PER_SAMPLE_VALUE * sampleValues(result);
}

function sampleValues(result: SimulationResult | VariantComparisonResult | null): number {
  if (result === null) return 0;
  if ('variants' in result) return result.variants.reduce((sum, variant) => sum + sampleValues(variant.result), 0);
  const samples = result.samples;
  if (samples === null || samples === undefined) return 0;
  let count = 0;
  for (const column of samples.inputs) count += column.values.length;
  for (const column of samples.outputs) count += column.values.length;
  return count;
}

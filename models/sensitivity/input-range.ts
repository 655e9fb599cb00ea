import { compileDistribution } from '../distributions/index.js';
import { invalidInput, type DomainError, type FieldPath } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import { isUncertain } from './model-runner.js';

export interface SearchRange {
  low: number;
  high: number;
  from: 'quantiles' | 'given';
}

/**
 * The range over which break-even and two-way vary one input: the range the user gave, else
 * the input's own quantiles. A plain number has no spread, so it needs a given range.
 */
export function rangeOfInput(
  model: CompiledModel,
  inputIndex: number,
  given: { low?: number; high?: number },
  quantiles: { low: number; high: number },
  fieldPath: FieldPath,
): Result<SearchRange, DomainError> {
  if (given.low !== undefined && given.high !== undefined) return ok({ low: given.low, high: given.high, from: 'given' });
  const input = model.inputs[inputIndex];
  if (!isUncertain(input))
    return fail(invalidInput(fieldPath, `input '${input.path}' is a plain number; give low and high to vary it`));
  const distribution = compileDistribution(input.distribution!);
  const low = distribution.quantile(quantiles.low);
  const high = distribution.quantile(quantiles.high);
  if (!(low < high))
    return fail(
      invalidInput(fieldPath, `the quantiles ${quantiles.low} and ${quantiles.high} of input '${input.path}' coincide; give low and high`),
    );
  return ok({ low, high, from: 'quantiles' });
}

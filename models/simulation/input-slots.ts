import { meanOf, type Distribution, type Uncertain } from '../distributions/index.js';
import type { FieldPath, FieldProblem } from '../errors.js';
import type { ModelInput } from '../simulation/model.js';

/**
 * The parameter vector of a model (a contract, a portfolio): every numeric field of the request
 * becomes one slot, named by its JSON path, so the Monte Carlo and sensitivity engines can replace
 * it by a draw. A value whose distribution can leave the allowed range is a problem naming the
 * field: a rate may not be normal (use beta, PERT or a truncated normal), an amount may not be a
 * normal that can go negative.
 */
export type Constraint = 'probability' | 'nonNegative' | 'any';

export class InputSlots {
  readonly inputs: ModelInput[] = [];
  readonly problems: FieldProblem[] = [];

  add(value: Uncertain, path: FieldPath, constraint: Constraint): number {
    const distribution: Distribution | null = typeof value === 'number' ? null : value;
    this.check(value, path, constraint);
    this.inputs.push({ path: formatPath(path), base: meanOf(value), distribution });
    return this.inputs.length - 1;
  }

  private check(value: Uncertain, path: FieldPath, constraint: Constraint): void {
    if (constraint === 'any') return;
    const [low, high] = supportBounds(value);
    if (constraint === 'probability' && (low < 0 || high > 1))
      this.problems.push({ path, message: `must lie in [0, 1] (a rate or share); got ${describeBounds(low, high)}${rateHint(value)}` });
    if (constraint === 'nonNegative' && low < 0) this.problems.push({ path, message: `must not be negative; got ${describeBounds(low, high)}` });
  }
}

/** The range a value can take as far as its distribution says (unbounded families give infinities). */
function supportBounds(value: Uncertain): [number, number] {
  if (typeof value === 'number') return [value, value];
  switch (value.type) {
    case 'fixed':
      return [value.value, value.value];
    case 'uniform':
    case 'triangular':
    case 'pert':
    case 'truncatedNormal':
    case 'beta':
      return [value.min, value.max];
    case 'discrete':
      return [Math.min(...value.values), Math.max(...value.values)];
    case 'binomial':
      return [0, value.trials];
    case 'bernoulli':
      return [0, 1];
    case 'lognormal':
    case 'poisson':
    case 'negativeBinomial':
      return [0, Infinity];
    case 'interval90':
      return interval90Bounds(value);
    case 'normal':
      return [-Infinity, Infinity];
  }
}

/** Where a fitted 90% interval's distribution lives: a uniform fit reaches 1/18 of the width beyond each end. */
function interval90Bounds(value: Extract<Distribution, { type: 'interval90' }>): [number, number] {
  switch (value.shape) {
    case 'lognormal':
      return [0, Infinity];
    case 'beta':
    case 'logitNormal':
      return [0, 1];
    case 'uniform': {
      const margin = (value.high - value.low) / 18;
      return [value.low - margin, value.high + margin];
    }
    case 'normal':
      return [-Infinity, Infinity];
  }
}

/** For a rate given as a 90% interval of a shape that can leave [0, 1], name the shapes that cannot. */
function rateHint(value: Uncertain): string {
  return typeof value !== 'number' && value.type === 'interval90' ? " (give the interval shape 'beta' or 'logitNormal')" : '';
}

function describeBounds(low: number, high: number): string {
  return low === high ? String(low) : `values from ${low} to ${high}`;
}

/** ['enterprises', 0, 'loan', 'rate'] -> 'enterprises[0].loan.rate'. */
export function formatPath(path: FieldPath): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  return text;
}

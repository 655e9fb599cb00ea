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
      this.problems.push({ path, message: `must lie in [0, 1] (a rate or share); got ${describeBounds(low, high)}` });
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
      return value.shape === 'lognormal' ? [0, Infinity] : [-Infinity, Infinity];
    case 'normal':
      return [-Infinity, Infinity];
  }
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

import type { Evaluator } from './evaluator.js';

/** A checked expression, compiled once into plain closures. */
export interface CompiledExpression {
  readonly source: string;
  /** The allowed names the expression reads, in the order of `allowedNames`. */
  readonly referencedNames: readonly string[];
  /**
   * Evaluates the expression. `values[i]` is the value of `allowedNames[i]` given to
   * `parseExpression`. Booleans are 1 and 0; a NaN operand gives NaN (except `0 and x`, `1 or x`,
   * `isNaN(x)`). Allocates nothing.
   */
  readonly evaluate: Evaluator;
}

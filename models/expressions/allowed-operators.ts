import type { Evaluator } from './evaluator.js';

/**
 * Operators an expression may use, keyed by mathjs's function name for them. Comparisons follow
 * IEEE doubles exactly (mathjs would compare with a relative tolerance), and any NaN operand gives
 * NaN, so "undefined" is never silently read as "false". `and` and `or` use three-valued (Kleene)
 * logic: `0 and NaN` is 0, `1 or NaN` is 1, because the answer does not depend on the unknown.
 */

type Binary = (a: Evaluator, b: Evaluator) => Evaluator;
type Unary = (a: Evaluator) => Evaluator;

/** mathjs's `mod`: the result has the sign of the divisor, and `x mod 0` is x. */
function floorMod(x: number, y: number): number {
  return y === 0 ? x : x - y * Math.floor(x / y);
}

function compare(test: (x: number, y: number) => boolean): Binary {
  return (a, b) => (v) => {
    const x = a(v);
    const y = b(v);
    if (x !== x || y !== y) return NaN;
    return test(x, y) ? 1 : 0;
  };
}

export const BINARY_OPERATORS: ReadonlyMap<string, Binary> = new Map<string, Binary>([
  ['add', (a, b) => (v) => a(v) + b(v)],
  ['subtract', (a, b) => (v) => a(v) - b(v)],
  ['multiply', (a, b) => (v) => a(v) * b(v)],
  ['divide', (a, b) => (v) => a(v) / b(v)],
  ['pow', (a, b) => (v) => Math.pow(a(v), b(v))],
  ['mod', (a, b) => (v) => floorMod(a(v), b(v))],
  ['equal', compare((x, y) => x === y)],
  ['unequal', compare((x, y) => x !== y)],
  ['smaller', compare((x, y) => x < y)],
  ['larger', compare((x, y) => x > y)],
  ['smallerEq', compare((x, y) => x <= y)],
  ['largerEq', compare((x, y) => x >= y)],
  [
    'and',
    (a, b) => (v) => {
      const x = a(v);
      const y = b(v);
      if (x === 0 || y === 0) return 0;
      return x !== x || y !== y ? NaN : 1;
    },
  ],
  [
    'or',
    (a, b) => (v) => {
      const x = a(v);
      const y = b(v);
      if ((x !== 0 && x === x) || (y !== 0 && y === y)) return 1;
      return x !== x || y !== y ? NaN : 0;
    },
  ],
  [
    'xor',
    (a, b) => (v) => {
      const x = a(v);
      const y = b(v);
      if (x !== x || y !== y) return NaN;
      return x !== 0 !== (y !== 0) ? 1 : 0;
    },
  ],
]);

export const UNARY_OPERATORS: ReadonlyMap<string, Unary> = new Map<string, Unary>([
  ['unaryMinus', (a) => (v) => -a(v)],
  ['unaryPlus', (a) => a],
  [
    'not',
    (a) => (v) => {
      const x = a(v);
      return x !== x ? NaN : x === 0 ? 1 : 0;
    },
  ],
]);

/** mathjs's names of the comparison functions used in chained comparisons (`a < b <= c`). */
export const COMPARISONS: ReadonlyMap<string, Binary> = new Map(
  ['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq'].map((name) => [name, BINARY_OPERATORS.get(name)!]),
);

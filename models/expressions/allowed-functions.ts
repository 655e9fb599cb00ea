import type { Evaluator } from './evaluator.js';

/**
 * The only functions an expression may call: pure, numeric, no side effects and no access to
 * anything but their arguments. Each entry builds a closure over its argument closures once, at
 * compile time, so that evaluation allocates nothing.
 */
export interface AllowedFunction {
  readonly minArgs: number;
  /** `Infinity` for functions taking any number of arguments (min, max). */
  readonly maxArgs: number;
  readonly description: string;
  build(args: readonly Evaluator[]): Evaluator;
}

/** Rounds half away from zero, as mathjs does (`round(-2.5) = -3`), unlike Math.round. */
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

const unary = (description: string, f: (x: number) => number): AllowedFunction => ({
  minArgs: 1,
  maxArgs: 1,
  description,
  build: ([a]) => (v) => f(a(v)),
});

/** min and max get fixed-arity closures for the usual 1 to 3 arguments; a loop beyond that. */
const extremum = (description: string, pick: (a: number, b: number) => number): AllowedFunction => ({
  minArgs: 1,
  maxArgs: Infinity,
  description,
  build(args) {
    const [a, b, c] = args;
    if (args.length === 1) return a;
    if (args.length === 2) return (v) => pick(a(v), b(v));
    if (args.length === 3) return (v) => pick(pick(a(v), b(v)), c(v));
    const all = args.slice();
    return (v) => {
      let best = all[0](v);
      for (let i = 1; i < all.length; i++) best = pick(best, all[i](v));
      return best;
    };
  },
});

export const ALLOWED_FUNCTIONS: ReadonlyMap<string, AllowedFunction> = new Map<string, AllowedFunction>([
  ['abs', unary('absolute value', Math.abs)],
  ['sqrt', unary('square root (NaN for a negative number)', Math.sqrt)],
  ['cbrt', unary('cube root', Math.cbrt)],
  ['exp', unary('e to the power x', Math.exp)],
  ['log10', unary('logarithm base 10', Math.log10)],
  ['floor', unary('round down', Math.floor)],
  ['ceil', unary('round up', Math.ceil)],
  ['sign', unary('-1, 0 or 1', Math.sign)],
  ['isNaN', unary('1 when x is undefined (NaN), else 0', (x) => (x !== x ? 1 : 0))],
  [
    'log',
    {
      minArgs: 1,
      maxArgs: 2,
      description: 'natural logarithm; log(x, base) for another base',
      build: ([x, base]) => (base === undefined ? (v) => Math.log(x(v)) : (v) => Math.log(x(v)) / Math.log(base(v))),
    },
  ],
  ['pow', { minArgs: 2, maxArgs: 2, description: 'x to the power y', build: ([x, y]) => (v) => Math.pow(x(v), y(v)) }],
  [
    'round',
    {
      minArgs: 1,
      maxArgs: 2,
      description: 'round half away from zero; round(x, n) to n decimals (n a whole number 0 to 15)',
      build: ([x, digits]) =>
        digits === undefined
          ? (v) => roundHalfAwayFromZero(x(v))
          : (v) => {
              const n = digits(v);
              if (!(Number.isInteger(n) && n >= 0 && n <= 15)) return NaN;
              const scale = Math.pow(10, n);
              return roundHalfAwayFromZero(x(v) * scale) / scale;
            },
    },
  ],
  ['min', extremum('smallest argument (NaN if any is NaN)', Math.min)],
  ['max', extremum('largest argument (NaN if any is NaN)', Math.max)],
  [
    'clamp',
    {
      minArgs: 3,
      maxArgs: 3,
      description: 'clamp(x, low, high) = min(max(x, low), high)',
      build: ([x, low, high]) => (v) => Math.min(Math.max(x(v), low(v)), high(v)),
    },
  ],
]);

export const ALLOWED_FUNCTION_NAMES: readonly string[] = [...ALLOWED_FUNCTIONS.keys()];

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

const binary = (description: string, f: (x: number, y: number) => number): AllowedFunction => ({
  minArgs: 2,
  maxArgs: 2,
  description,
  build: ([a, b]) => (v) => f(a(v), b(v)),
});

/** mathjs's `mod(x, y)`: the sign of the divisor, and mod(x, 0) = x (as the `mod` operator). */
const floorMod = (x: number, y: number): number => (y === 0 ? x : x - y * Math.floor(x / y));

/** mathjs's nthRoot(x, n): the real n-th root, also of a negative x for odd n; NaN otherwise. */
function nthRoot(x: number, n: number): number {
  if (!(Number.isInteger(n) && n !== 0)) return NaN;
  if (x < 0) return Math.abs(n) % 2 === 1 ? -Math.pow(-x, 1 / n) : NaN;
  return Math.pow(x, 1 / n);
}

export const ALLOWED_FUNCTIONS: ReadonlyMap<string, AllowedFunction> = new Map<string, AllowedFunction>([
  ['abs', unary('absolute value', Math.abs)],
  // Trigonometric and hyperbolic functions (radians), as mathjs for real arguments; outside their
  // real domain (asin(2), acosh(0)) they give NaN where mathjs would give a complex number.
  ['sin', unary('sine (radians)', Math.sin)],
  ['cos', unary('cosine (radians)', Math.cos)],
  ['tan', unary('tangent (radians)', Math.tan)],
  ['sec', unary('secant, 1/cos', (x) => 1 / Math.cos(x))],
  ['csc', unary('cosecant, 1/sin', (x) => 1 / Math.sin(x))],
  ['cot', unary('cotangent, 1/tan', (x) => 1 / Math.tan(x))],
  ['asin', unary('arcsine (NaN outside [-1, 1])', Math.asin)],
  ['acos', unary('arccosine (NaN outside [-1, 1])', Math.acos)],
  ['atan', unary('arctangent', Math.atan)],
  ['atan2', binary('atan2(y, x): angle of the point (x, y)', Math.atan2)],
  ['sinh', unary('hyperbolic sine', Math.sinh)],
  ['cosh', unary('hyperbolic cosine', Math.cosh)],
  ['tanh', unary('hyperbolic tangent', Math.tanh)],
  ['asinh', unary('inverse hyperbolic sine', Math.asinh)],
  ['acosh', unary('inverse hyperbolic cosine (NaN below 1)', Math.acosh)],
  ['atanh', unary('inverse hyperbolic tangent (NaN outside [-1, 1])', Math.atanh)],
  ['expm1', unary('e^x − 1, accurate for small x', Math.expm1)],
  ['log2', unary('logarithm base 2', Math.log2)],
  ['log1p', unary('ln(1 + x), accurate for small x', Math.log1p)],
  ['square', unary('x·x', (x) => x * x)],
  ['cube', unary('x·x·x', (x) => x * x * x)],
  ['nthRoot', binary('nthRoot(x, n): real n-th root (n a non-zero whole number; odd n for negative x)', nthRoot)],
  ['fix', unary('round towards zero', Math.trunc)],
  ['mod', binary('mod(x, y): remainder with the sign of y; mod(x, 0) = x', floorMod)],
  [
    'hypot',
    {
      minArgs: 1,
      maxArgs: Infinity,
      description: 'square root of the sum of squares of the arguments',
      build(args) {
        const all = args.slice();
        return (v) => {
          // Math.hypot with a spread would allocate; sum of squares scaled by the largest instead.
          let largest = 0;
          for (let i = 0; i < all.length; i++) {
            const a = Math.abs(all[i](v));
            if (a !== a) return NaN;
            if (a > largest) largest = a;
          }
          if (largest === 0 || largest === Infinity) return largest;
          let sum = 0;
          for (let i = 0; i < all.length; i++) sum += (all[i](v) / largest) ** 2;
          return largest * Math.sqrt(sum);
        };
      },
    },
  ],
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

/**
 * Named constants, as in mathjs. A model's own name takes precedence (an input called `e` is that
 * input), so adding them changes no existing expression.
 */
export const NAMED_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['PI', Math.PI],
  ['e', Math.E],
  ['E', Math.E],
  ['tau', 2 * Math.PI],
  ['phi', (1 + Math.sqrt(5)) / 2],
  ['LN2', Math.LN2],
  ['LN10', Math.LN10],
  ['LOG2E', Math.LOG2E],
  ['LOG10E', Math.LOG10E],
  ['SQRT2', Math.SQRT2],
  ['SQRT1_2', Math.SQRT1_2],
]);

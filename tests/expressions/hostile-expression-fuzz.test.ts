import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpressionModel, ExpressionModelSchema } from '../../models/expression-model/index.js';
import { MAX_RANGE_LENGTH, parseExpression } from '../../models/expressions/index.js';
import { HOSTILE_EXPRESSIONS } from '../robustness/hostile-input.js';

/**
 * Random expressions over the new functions, constants and range sums, mixed with fragments that
 * try to escape (property access, assignment, definitions, recursion, huge ranges). Whatever the
 * text: parsing never throws, a refusal names the field it was given, and an accepted expression
 * evaluates to a number within the documented work bound.
 */
const NAMES = ['a', 'b'];
const PATH = ['model', 'outputs', 'y'];

const FUNCTIONS_1 = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'expm1', 'log', 'log2', 'log1p', 'log10', 'sqrt', 'cbrt', 'abs', 'floor', 'ceil', 'round', 'fix', 'square', 'cube', 'sign'];
const FUNCTIONS_2 = ['atan2', 'pow', 'mod', 'nthRoot', 'hypot', 'min', 'max', 'log', 'round'];
const HOSTILE_FRAGMENTS = [
  'a.constructor',
  'a["constructor"]',
  'a[1]',
  'x = 1',
  'f(x) = f(x)',
  'sum(k, 1, 1e9, k)',
  `sum(k, 1, ${MAX_RANGE_LENGTH + 1}, k)`,
  'sum(k, 1, 1000, sum(j, 1, 1000, k))',
  'sum(a, 1, 3, a)',
  'sum(k, 1, b, k)',
  'sum(k, 1, 2)',
  'sum(k.constructor, 1, 2, 1)',
  'sum(k, 1, 2, k.constructor)',
  'prod(k, 1, 2, f(k) = k)',
  'import("fs")',
  'evaluate("1")',
  '"text"',
  'sum(k, 1, 2, sum(j, 1, 2, sum(i, 1, 2, sum(h, 1, 2, 1))))',
];

const expression: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'pi', 'e', 'tau', '1', '0', '-3.5', '1e308', 'k'),
    fc.double({ noNaN: true }).map((value) => `(${value})`),
    fc.tuple(fc.constantFrom(...FUNCTIONS_1), tie('node')).map(([name, arg]) => `${name}(${arg})`),
    fc.tuple(fc.constantFrom(...FUNCTIONS_2), tie('node'), tie('node')).map(([name, x, y]) => `${name}(${x}, ${y})`),
    fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/', '^', ' mod ', ' < ', ' and '), tie('node')).map(([x, op, y]) => `(${x}${op}${y})`),
    fc.tuple(tie('node'), tie('node'), tie('node')).map(([c, x, y]) => `(${c} ? ${x} : ${y})`),
    fc
      .tuple(fc.constantFrom('sum', 'prod'), fc.constantFrom('k', 'j', 'a'), fc.integer({ min: -5, max: 200 }), fc.integer({ min: -5, max: 20_000 }), tie('node'))
      .map(([kind, index, from, to, term]) => `${kind}(${index}, ${from}, ${to}, ${term})`),
    fc.constantFrom(...HOSTILE_FRAGMENTS),
  ),
})).node;

function expectRefusalNamingTheField(source: string): void {
  const parsed = parseExpression(source, NAMES, PATH);
  expect(parsed.ok, source).toBe(false);
  if (parsed.ok || parsed.error.kind !== 'invalid-input') return;
  expect(parsed.error.problems[0].path).toEqual(PATH);
  expect(parsed.error.problems[0].message.length).toBeGreaterThan(0);
}

describe('hostile expressions with the new functions and range sums', () => {
  it('never throw: each is refused naming the field, or evaluates to a number in bounded work', () => {
    fc.assert(
      fc.property(expression, fc.double(), fc.double(), (source, a, b) => {
        const parsed = parseExpression(source, NAMES, PATH);
        if (!parsed.ok) {
          expect(parsed.error.kind).toBe('invalid-input');
          if (parsed.error.kind === 'invalid-input') expect(parsed.error.problems[0].path).toEqual(PATH);
          return;
        }
        expect(typeof parsed.value.evaluate(Float64Array.of(a, b))).toBe('number');
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it('refuse every escape fragment wherever it sits in an expression', () => {
    const escapes = HOSTILE_FRAGMENTS.filter((fragment) => fragment !== 'sum(a, 1, 3, a)');
    fc.assert(
      fc.property(expression, fc.constantFrom(...escapes), fc.constantFrom('sin', 'sum'), (context, fragment, wrapper) => {
        const source = wrapper === 'sum' ? `sum(q, 1, 3, (${context}) + ${fragment})` : `sin(${context}) * (${fragment})`;
        expectRefusalNamingTheField(source);
      }),
      { numRuns: 300, seed: 1919 },
    );
  });

  it('refuse the shared list of sandbox escapes, also inside a range sum', () => {
    // Some of the list became valid with named constants (e^e^...) and are allowed there; the rest stay refused.
    const stillRefused = HOSTILE_EXPRESSIONS.filter((source) => !parseExpression(source, NAMES, PATH).ok);
    expect(stillRefused.length).toBeGreaterThan(HOSTILE_EXPRESSIONS.length - 6);
    for (const source of stillRefused.filter((s) => s.length < 200 && s.trim() !== '' && !s.includes(';'))) {
      expectRefusalNamingTheField(`sum(q, 1, 3, ${source})`);
    }
  });

  it('a refused output of an expression model names model.outputs.<name>', () => {
    for (const source of ['sum(k, 1, 1e9, k)', 'sin.constructor', 'sum(k, 1, 2, k = 1)', 'sum(i, 1, 1000, sum(j, 1, 1000, i))']) {
      const result = compileExpressionModel(ExpressionModelSchema.parse({ inputs: { a: 1 }, outputs: { y: source } }), ['model']);
      expect(result.ok).toBe(false);
      if (result.ok || result.error.kind !== 'invalid-input') continue;
      expect(result.error.problems[0].path).toEqual(['model', 'outputs', 'y']);
    }
  });
});

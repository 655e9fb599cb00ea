import { describe, expect, it } from 'vitest';
import {
  MAX_RANGE_LENGTH,
  MAX_RANGE_NESTING,
  MAX_RANGE_TERMS,
  parseExpression,
} from '../../models/expressions/index.js';

const NAMES = ['rate', 'cash', 'x', 'e'];
const PATH = ['model', 'outputs', 'value'];
const VALUES = Float64Array.of(0.04, 1000, 0.3, 7);

function evaluate(source: string): number {
  const parsed = parseExpression(source, NAMES, PATH);
  if (!parsed.ok) throw new Error(`expected '${source}' to parse: ${JSON.stringify(parsed.error)}`);
  return parsed.value.evaluate(VALUES);
}

function refusal(source: string): string {
  const parsed = parseExpression(source, NAMES, PATH);
  if (parsed.ok) throw new Error(`expected '${source}' to be refused`);
  if (parsed.error.kind !== 'invalid-input') throw new Error(parsed.error.kind);
  expect(parsed.error.problems[0].path).toEqual(PATH);
  return parsed.error.problems[0].message;
}

describe('mathematical functions and constants', () => {
  it('compute as JavaScript Math (the values mathjs gives for real arguments)', () => {
    expect(evaluate('sin(pi / 6)')).toBe(Math.sin(Math.PI / 6));
    expect(evaluate('cos(x) + tan(x)')).toBe(Math.cos(0.3) + Math.tan(0.3));
    expect(evaluate('asin(x) + acos(x) + atan(x)')).toBe(Math.asin(0.3) + Math.acos(0.3) + Math.atan(0.3));
    expect(evaluate('atan2(1, 1) * 4')).toBe(Math.PI);
    expect(evaluate('sinh(x) + cosh(x) + tanh(x)')).toBe(Math.sinh(0.3) + Math.cosh(0.3) + Math.tanh(0.3));
    expect(evaluate('asinh(x) + atanh(x) + acosh(2)')).toBe(Math.asinh(0.3) + Math.atanh(0.3) + Math.acosh(2));
    expect(evaluate('sec(x) * cos(x)')).toBeCloseTo(1, 15);
    expect(evaluate('expm1(1e-10)')).toBe(Math.expm1(1e-10));
    expect(evaluate('log1p(1e-10) + log2(8)')).toBe(Math.log1p(1e-10) + 3);
    expect(evaluate('square(3) + cube(2) + nthRoot(-27, 3) + fix(-2.7) + hypot(3, 4)')).toBe(9 + 8 - 3 - 2 + 5);
    expect(evaluate('mod(-7, 3)')).toBe(2); // as the mod operator: sign of the divisor
    expect(evaluate('asin(2)')).toBeNaN(); // complex in mathjs: NaN here, never a silent number
  });

  it('know pi, tau, phi and e, but a model name wins (here e is an input worth 7)', () => {
    expect(evaluate('pi')).toBe(Math.PI);
    expect(evaluate('tau')).toBe(2 * Math.PI);
    expect(evaluate('phi')).toBe((1 + Math.sqrt(5)) / 2);
    expect(evaluate('E')).toBe(Math.E);
    expect(evaluate('e')).toBe(7);
    expect(parseExpression('e', [], PATH).ok && (parseExpression('e', [], PATH) as { value: { evaluate: (v: Float64Array) => number } }).value.evaluate(new Float64Array(0))).toBe(Math.E);
  });
});

describe('range sums and products', () => {
  it('a 20-year discounted sum equals the annuity formula cash·(1 − (1 + r)^−20)/r', () => {
    const closedForm = (1000 * (1 - Math.pow(1.04, -20))) / 0.04;
    expect(Math.abs(evaluate('sum(t, 1, 20, cash / (1 + rate)^t)') - closedForm) / closedForm).toBeLessThan(1e-13);
  });

  it('sums and multiplies in order, with empty ranges 0 and 1, and nests', () => {
    expect(evaluate('prod(k, 1, 10, k)')).toBe(3_628_800);
    expect(evaluate('sum(k, 1, 100, k)')).toBe(5050);
    expect(evaluate('sum(k, 5, 1, k)')).toBe(0);
    expect(evaluate('prod(k, 5, 1, k)')).toBe(1);
    // Σ_i Σ_j i·j = (Σ i)² = 55² for 1..10.
    expect(evaluate('sum(i, 1, 10, sum(j, 1, 10, i * j))')).toBe(3025);
    // The inner range may use the outer index in its term (a triangle): Σ_{i=1}^{4} i = 10 terms of 1.
    expect(evaluate('sum(i, 1, 4, sum(j, 1, 4, j <= i ? 1 : 0))')).toBe(10);
    expect(evaluate('sum(k, -2, 2, k^2)')).toBe(10);
  });

  it(`refuses more than ${MAX_RANGE_LENGTH} terms, more than ${MAX_RANGE_TERMS} in all, and nesting beyond ${MAX_RANGE_NESTING}`, () => {
    expect(refusal(`sum(k, 1, ${MAX_RANGE_LENGTH + 1}, k)`)).toContain(`at most ${MAX_RANGE_LENGTH}`);
    expect(refusal('sum(i, 1, 1000, sum(j, 1, 1000, i))')).toContain(`at most ${MAX_RANGE_TERMS}`);
    expect(refusal('sum(a, 1, 2, sum(b, 1, 2, sum(c, 1, 2, sum(d, 1, 2, 1))))')).toContain(`at most ${MAX_RANGE_NESTING} deep`);
  });

  it('refuses bounds that are not fixed whole numbers, an index that hides a name, and other arities', () => {
    expect(refusal('sum(k, 1, cash, k)')).toContain('whole numbers fixed in the expression');
    expect(refusal('sum(k, 0.5, 3, k)')).toContain('whole numbers');
    expect(refusal('sum(rate, 1, 3, rate)')).toContain("index name 'rate'");
    expect(refusal('sum(i, 1, 2, sum(i, 1, 2, i))')).toContain("index name 'i'");
    expect(refusal('sum(1, 1, 3, 2)')).toContain('must be a new name');
    expect(refusal('sum(1, 2, 3)')).toContain('4 arguments');
    expect(refusal('prod(k, 1, 3)')).toContain('4 arguments');
  });

  it('keeps the index inside its range: outside it is an unknown name', () => {
    expect(refusal('k + sum(k, 1, 2, k)')).toContain("unknown name 'k'");
  });
});

import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../models/errors.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression } from '../../models/expressions/index.js';

const NAMES = ['savings', 'cap', 'payerNet', 'placements'] as const;
const PATH = ['payment', 'triggers', 2, 'expression'];

/** Evaluates `source` with savings = 3000, cap = 1000, payerNet = -50, placements = 4. */
function evaluate(source: string): number {
  const parsed = parseExpression(source, NAMES, PATH);
  if (!parsed.ok) throw new Error(`expected '${source}' to parse: ${JSON.stringify(parsed.error)}`);
  return parsed.value.evaluate(Float64Array.of(3000, 1000, -50, 4));
}

/** The one problem of a refused expression; fails the test if it was accepted. */
function refusal(source: string): { path: readonly (string | number)[]; message: string } {
  const parsed = parseExpression(source, NAMES, PATH);
  if (parsed.ok) throw new Error(`expected '${source.slice(0, 60)}' to be refused`);
  const error: DomainError = parsed.error;
  if (error.kind !== 'invalid-input') throw new Error(`expected invalid-input, got ${error.kind}`);
  expect(error.problems).toHaveLength(1);
  return error.problems[0];
}

describe('parseExpression: what it computes', () => {
  // Expected values are worked out by hand from the values above.
  it('computes a payment rule over named quantities', () => {
    expect(evaluate('min(cap, 0.5 * savings)')).toBe(1000);
    expect(evaluate('max(0, payerNet) + placements * 250')).toBe(1000);
  });

  it('follows the usual precedence, powers and mathjs percentages', () => {
    expect(evaluate('2 + 3 * 4 ^ 2')).toBe(50);
    expect(evaluate('-2 ^ 2')).toBe(-4); // mathjs: unary minus binds looser than ^
    expect(evaluate('50%')).toBe(0.5);
    expect(evaluate('7 mod 3')).toBe(1);
    expect(evaluate('-7 % 3')).toBe(2); // mathjs mod takes the sign of the divisor
    expect(evaluate('5 mod 0')).toBe(5); // mathjs: x mod 0 is x
  });

  it('turns comparisons and logic into 1 and 0', () => {
    expect(evaluate('payerNet > 0')).toBe(0);
    expect(evaluate('savings >= 3000 and cap < savings')).toBe(1);
    expect(evaluate('not (placements == 4) or false')).toBe(0);
    expect(evaluate('true xor false')).toBe(1);
    expect(evaluate('0 < placements <= 4')).toBe(1);
    expect(evaluate('1 < placements < 3')).toBe(0);
  });

  it('evaluates a conditional', () => {
    expect(evaluate('payerNet < 0 ? cap : savings')).toBe(1000);
  });

  it('calls every allowed function with mathjs semantics', () => {
    expect(evaluate('abs(payerNet)')).toBe(50);
    expect(evaluate('sqrt(16) + cbrt(27)')).toBe(7);
    expect(evaluate('log(exp(2))')).toBeCloseTo(2, 15);
    expect(evaluate('log(8, 2)')).toBeCloseTo(3, 15);
    expect(evaluate('log10(1000)')).toBe(3);
    expect(evaluate('pow(2, 10)')).toBe(1024);
    expect(evaluate('floor(2.7) + ceil(2.1) + sign(payerNet)')).toBe(4);
    expect(evaluate('round(2.5)')).toBe(3);
    expect(evaluate('round(-2.5)')).toBe(-3); // half away from zero, as mathjs
    expect(evaluate('round(3.14159, 2)')).toBe(3.14);
    expect(evaluate('clamp(savings, 0, cap)')).toBe(1000);
    expect(evaluate('min(5, 3, 9, 1, 7)')).toBe(1);
    expect(evaluate('max(5, 3, 9, 1, 7)')).toBe(9);
    expect(evaluate('isNaN(sqrt(-1))')).toBe(1);
  });

  it('lets NaN (an undefined value) propagate instead of reading it as false', () => {
    expect(evaluate('sqrt(-1) > 0')).toBeNaN();
    expect(evaluate('sqrt(-1) ? 1 : 2')).toBeNaN();
    expect(evaluate('0 and sqrt(-1)')).toBe(0); // Kleene logic: false and unknown is false
    expect(evaluate('1 or sqrt(-1)')).toBe(1);
  });

  it('reports which names the expression reads', () => {
    const parsed = parseExpression('cap + placements * cap', NAMES, PATH);
    expect(parsed.ok && parsed.value.referencedNames).toEqual(['cap', 'placements']);
  });
});

describe('parseExpression: what it refuses', () => {
  it('names an unknown name, suggests the closest and lists the known ones', () => {
    const problem = refusal('payrNet > 0');
    expect(problem.path).toEqual(PATH);
    expect(problem.message).toBe("unknown name 'payrNet' (did you mean 'payerNet'?); known names: savings, cap, payerNet, placements");
  });

  it.each([
    ['import("fs")', "function 'import' is not allowed"],
    ['evaluate("1")', "function 'evaluate' is not allowed"],
    ['createUnit("x")', "function 'createUnit' is not allowed"],
    ['parse("1+1")', "function 'parse' is not allowed"],
    ['f(x)', "function 'f' is not allowed"],
    ['cap.constructor', "property or index access ('cap.constructor') is not allowed"],
    ['cap["constructor"]', 'property or index access'],
    ['[1,2][1]', "property or index access ('[1, 2][1]') is not allowed"],
    ['[1, 2]', "lists and matrices ('[1, 2]') are not allowed"],
    ['{a: 1}', 'objects'],
    ['f(x) = x', "defining a function ('f(x) = x') is not allowed"],
    ['cap = 1', "assignment ('cap = 1') is not allowed"],
    ['1; 2', 'only one expression is allowed'],
    ['1\n2', 'only one expression is allowed'],
    ['"text"', "text ('\"text\"') is not allowed"],
    ['5 cm', "implicit multiplication ('5 cm') is not allowed"],
    ['2 cap', 'implicit multiplication'],
    ['5 * cm', "unknown name 'cm'"],
    ['cap to savings', "operator 'to'"],
    ['cap & 1', "operator '&'"],
    ['cap ?? 1', "operator '??'"],
    ['cap!', "operator '!'"],
    ['1:3', "ranges ('1:3') are not allowed"],
    ['null', "'null' is not allowed"],
    ['sqrt(1, 2)', "function 'sqrt' takes 1 argument(s), not 2"],
    ['min()', "function 'min' takes at least 1 argument(s), not 0"],
    ['cap.f(1)', "calling 'cap.f' is not allowed"],
    ['constructor(1)', "function 'constructor' is not allowed"],
    ['__proto__', "unknown name '__proto__'"],
    ['toString + 1', "unknown name 'toString'"],
    ['', 'the expression is empty'],
    ['1 +', 'the expression cannot be read'],
  ])('refuses %j with a sentence naming the offending part', (source, fragment) => {
    const problem = refusal(source);
    expect(problem.path).toEqual(PATH);
    expect(problem.message).toContain(fragment);
  });

  it(`refuses a source longer than ${MAX_EXPRESSION_LENGTH} characters`, () => {
    const problem = refusal(`1${' + 1'.repeat(MAX_EXPRESSION_LENGTH / 4)}`);
    expect(problem.message).toContain(`at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  });

  it(`refuses nesting deeper than ${MAX_EXPRESSION_DEPTH} levels before mathjs can overflow its stack`, () => {
    // 900 nested parentheses overflow mathjs's recursive parser; the depth check comes first.
    expect(refusal(`${'('.repeat(900)}1${')'.repeat(900)}`).message).toContain(`deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    expect(refusal(`${'-'.repeat(200)}1`).message).toContain(`deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    expect(refusal(`2${'^2'.repeat(100)}`).message).toContain(`deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_EXPRESSION_DEPTH - 1;
    expect(evaluate(`${'('.repeat(depth / 2)}1${')'.repeat(depth / 2)}`)).toBe(1);
  });
});

import fc from 'fast-check';

/**
 * Hostile request material for the fuzz: JSON text that JSON.stringify cannot write (NaN,
 * Infinity, numbers beyond float range, nesting thousands deep), values of the wrong type, and
 * mathjs expressions that try to escape the expression sandbox or never finish.
 */

/** A piece of JSON text written as it is, so a body can carry tokens JSON.stringify would not produce. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type FuzzValue = null | boolean | number | string | RawJson | FuzzValue[] | { [key: string]: FuzzValue };

/** Writes a value as JSON text; RawJson pieces go in verbatim. Object keys keep their order. */
export function toJsonText(value: FuzzValue): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  // JSON.stringify writes NaN and Infinity as null; a hostile client would not, so say them raw.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** Nested `depth` deep: arrays or objects, with a number at the bottom. */
export function deepNesting(depth: number, kind: 'array' | 'object'): RawJson {
  return kind === 'array' ? new RawJson('['.repeat(depth) + '1' + ']'.repeat(depth)) : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

/**
 * Expressions a user might write to break out of the sandbox or the server: mathjs functions that
 * reach the parser or the global scope, property and prototype access, definitions (recursion),
 * work without end, and sizes that would exhaust memory.
 */
export const HOSTILE_EXPRESSIONS: readonly string[] = [
  'import({evil: 1}, {override: true})',
  'import("fs")',
  'evaluate("1 + 1")',
  'parse("1").compile().evaluate()',
  'simplify("x + x")',
  'derivative("x^2", "x")',
  'createUnit("parsec2")',
  '2 parsec',
  'x = 1',
  'f(x) = f(x)',
  'f(x) = f(x); f(1)',
  'f = 1; f',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty("a")',
  '[].constructor',
  '[1,2].constructor("return process")()',
  'cos.constructor("return process")()',
  'a.__proto__',
  'a["constructor"]',
  '{}.constructor',
  '"abc"',
  'ones(1e9)',
  'zeros(100000, 100000)',
  'range(0, 1e12)',
  'factorial(1e9)',
  '1e308 ^ 1e308',
  '10 ^ 10 ^ 10 ^ 10',
  '(' .repeat(5_000) + '1' + ')'.repeat(5_000),
  '-'.repeat(10_000) + '1',
  'not '.repeat(2_000) + 'true',
  '1' + ' + 1'.repeat(900),
  'a ? a ? a ? a : a : a : a',
  'x\u0000',
  '',
  '   ',
  'NaN',
  'Infinity / 0',
  'e^e^e^e^e^e',
  'map([1,2], f)',
  'forEach([1], f)',
  'chain(1).done()',
  'help(cos)',
  'config({number: "BigNumber"})',
];

/** Numbers at and beyond the edges of what a field may hold, some only writable as raw text. */
export const HOSTILE_NUMBERS: readonly FuzzValue[] = [
  0,
  -0,
  -1,
  0.5,
  1e-320,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  4294967296,
  2 ** 31,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('NaN'),
  new RawJson('Infinity'),
  new RawJson('-Infinity'),
  new RawJson('0x10'),
  new RawJson('1' + '0'.repeat(400)),
];

/** Values of every other type, oversized strings and prototype-shaped objects. */
export const HOSTILE_VALUES: readonly FuzzValue[] = [
  ...HOSTILE_NUMBERS,
  null,
  true,
  '',
  '1',
  'NaN',
  'x'.repeat(200_000),
  '\u0000',
  '\ud800',
  [],
  [null],
  {},
  new RawJson('{"__proto__": {"polluted": true}}'),
  new RawJson('{"constructor": {"prototype": {"polluted": true}}}'),
  { type: 'pert', min: 1, mode: 0, max: -1 },
  { type: 'normal', mean: 0, sd: -1 },
  { type: 'discrete', values: [], probabilities: [] },
  deepNesting(10_000, 'array'),
  deepNesting(2_000, 'object'),
  deepNesting(60, 'array'),
];

/** JSON text that does not parse, or parses into something no endpoint expects. */
export const MALFORMED_BODIES: readonly string[] = [
  '',
  '{',
  '}',
  '{"a":}',
  "{'single': 'quotes'}",
  '{"a": 1,}',
  '[1, 2',
  'undefined',
  'NaN',
  'null',
  'true',
  '"a string"',
  '12',
  '\u0000',
  '{"a": "\\ud800"}',
  '{"a": 1} trailing',
  '[' .repeat(100_000),
  '['.repeat(20_000) + ']'.repeat(20_000),
];

/** Any JSON value, sometimes carrying hostile leaves; bounded so a run stays quick. */
export const arbitraryFuzzJson: fc.Arbitrary<FuzzValue> = fc.letrec<{ value: FuzzValue }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    fc.constantFrom(...HOSTILE_VALUES.filter((value) => !(typeof value === 'string' && value.length > 1_000))),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 20 }),
    fc.constantFrom(...HOSTILE_EXPRESSIONS.filter((expression) => expression.length < 200)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

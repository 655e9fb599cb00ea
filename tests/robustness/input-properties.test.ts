import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SensitivityRequestSchema } from '../../api/routes/sensitivity.js';
import { ComparisonRequestSchema, SimulationRequestSchema } from '../../api/simulations/simulation-request.js';
import { ContractSchema } from '../../models/contract/index.js';
import { parseExpression } from '../../models/expressions/index.js';
import { PortfolioSchema } from '../../models/portfolio/index.js';
import { arbitraryFuzzJson, HOSTILE_EXPRESSIONS, RawJson, type FuzzValue } from './hostile-input.js';

/**
 * Properties of the boundary: whatever text or JSON arrives, validation answers with a value or a
 * refusal and never throws, and an accepted expression computes what plain arithmetic computes.
 * Fixed seed, bounded runs.
 */

const PROPERTY_SEED = 8;
const NAMES = ['a', 'b', 'c'] as const;
const PATH = ['payment', 'triggers', 0, 'expression'];

/** JSON values as the body parser would hand them over (raw tokens parsed, unparseable ones dropped). */
const parsedJson = arbitraryFuzzJson.map((value) => toParsed(value));
function toParsed(value: FuzzValue): unknown {
  if (value instanceof RawJson) {
    try {
      return JSON.parse(value.text) as unknown;
    } catch {
      return null;
    }
  }
  if (Array.isArray(value)) return value.map(toParsed);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toParsed(item)]));
  return value;
}

describe('parseExpression on any text', () => {
  it('returns a value or a one-sentence refusal at the given path, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.constantFrom(...HOSTILE_EXPRESSIONS)), (source) => {
        const parsed = parseExpression(source, NAMES, PATH);
        if (!parsed.ok) {
          expect(parsed.error.kind).toBe('invalid-input');
          if (parsed.error.kind === 'invalid-input') expect(parsed.error.problems[0].path).toEqual(PATH);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 2_000 },
    );
  });

  it('refuses every hostile expression that reaches beyond arithmetic (import, evaluate, createUnit, parse, properties, definitions)', () => {
    const escapes = HOSTILE_EXPRESSIONS.filter((source) => /import|evaluate|createUnit|parse|simplify|derivative|constructor|__proto__|toString|hasOwnProperty|=|\[|\{|"|parsec|config|help|chain|map|forEach|ones|zeros|range/.test(source));
    expect(escapes.length).toBeGreaterThan(20);
    for (const source of escapes) expect(parseExpression(source, NAMES, PATH).ok, source).toBe(false);
  });
});

/** Arithmetic over a, b, c and small numbers, as mathjs source and as the JavaScript that computes it. */
interface Formula {
  source: string;
  compute(a: number, b: number, c: number): number;
}
const formula: fc.Arbitrary<Formula> = fc.letrec<{ formula: Formula }>((tie) => ({
  formula: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    fc.constantFrom<Formula>(
      { source: 'a', compute: (a) => a },
      { source: 'b', compute: (_a, b) => b },
      { source: 'c', compute: (_a, _b, c) => c },
    ),
    fc.integer({ min: 0, max: 1_000 }).map<Formula>((n) => ({ source: String(n), compute: () => n })),
    fc.tuple(tie('formula'), fc.constantFrom('+', '-', '*', '/'), tie('formula')).map<Formula>(([left, operator, right]) => ({
      source: `(${left.source} ${operator} ${right.source})`,
      compute: (a, b, c) => {
        const x = left.compute(a, b, c);
        const y = right.compute(a, b, c);
        return operator === '+' ? x + y : operator === '-' ? x - y : operator === '*' ? x * y : x / y;
      },
    })),
    fc.tuple(tie('formula'), tie('formula')).map<Formula>(([left, right]) => ({
      source: `min(${left.source}, ${right.source})`,
      compute: (a, b, c) => Math.min(left.compute(a, b, c), right.compute(a, b, c)),
    })),
  ),
})).formula;

describe('an accepted expression', () => {
  it('computes the same double as the JavaScript arithmetic it spells, for any inputs', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(formula, finite, finite, finite, ({ source, compute }, a, b, c) => {
        const parsed = parseExpression(source, NAMES, PATH);
        if (!parsed.ok) throw new Error(`'${source}' was refused: ${JSON.stringify(parsed.error)}`);
        // toBe compares with Object.is: the same double, the same sign of zero, NaN equal to NaN.
        expect(parsed.value.evaluate(Float64Array.of(a, b, c))).toBe(compute(a, b, c));
      }),
      { seed: PROPERTY_SEED, numRuns: 1_000 },
    );
  });
});

describe('request schemas on any JSON', () => {
  const schemas = { ContractSchema, PortfolioSchema, SimulationRequestSchema, ComparisonRequestSchema, SensitivityRequestSchema };
  it.each(Object.keys(schemas) as (keyof typeof schemas)[])('%s accepts or refuses with issues, never throws', (name) => {
    fc.assert(
      fc.property(parsedJson, (value) => {
        const parsed = schemas[name].safeParse(value);
        if (!parsed.success) expect(parsed.error.issues.length).toBeGreaterThan(0);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

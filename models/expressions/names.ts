import { z } from 'zod';

/**
 * Names that an expression can refer to (model inputs, outputs, monthly quantities). They must be
 * identifiers that mathjs reads as one symbol, so a name can never be mistaken for an operator.
 */

/** Words mathjs reads as operators or constants: they cannot name a quantity. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'xor',
  'not',
  'mod',
  'to',
  'in',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
]);

/** Longest name accepted; long enough for `cumulativeCounterfactualPlacements`. */
export const MAX_NAME_LENGTH = 64;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `name` can be used as a quantity name inside an expression. */
export function isExpressionName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && IDENTIFIER.test(name) && !RESERVED_WORDS.has(name);
}

/** A name usable in expressions: letters, digits and `_`, starting with a letter or `_`. */
export const ExpressionNameSchema = z
  .string()
  .max(MAX_NAME_LENGTH)
  .regex(IDENTIFIER, 'must be an identifier: letters, digits and _, starting with a letter or _')
  .refine((name) => !RESERVED_WORDS.has(name), { message: 'is a reserved word in expressions' })
  .meta({
    id: 'ExpressionName',
    description: 'An identifier (letters, digits and _, not starting with a digit) that expressions can refer to.',
  });

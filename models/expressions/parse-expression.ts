import { invalidInput, type DomainError, type FieldPath } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledExpression } from './compiled-expression.js';
import { compileNode, type CompileContext } from './compile-node.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './limits.js';
import { parseMathTree } from './mathjs-parser.js';

/**
 * Parses a user-written expression (mathjs syntax) over the given names and compiles it into a
 * closure, or says in one sentence, at `path`, what is not allowed.
 *
 * Allowed: numbers, true/false, the names in `allowedNames`, `+ - * / ^ %` and `mod`, comparisons,
 * `and or xor not`, parentheses, `c ? a : b`, and calls of the functions in `ALLOWED_FUNCTIONS`.
 * Everything else (assignment, function definitions, property or index access, strings, matrices,
 * units, implicit multiplication, unknown functions such as `import` or `evaluate`) is refused.
 *
 * Cost: parsing and checking are O(length); the compiled closure runs about as fast as
 * hand-written JavaScript and cannot reach mathjs.
 *
 * @example parseExpression('min(cap, 0.5 * savings)', ['cap', 'savings'], ['rule'])
 *   // ok: evaluate(Float64Array.of(1000, 3000)) === 1000
 */
export function parseExpression(
  source: string,
  allowedNames: readonly string[],
  path: FieldPath,
): Result<CompiledExpression, DomainError> {
  const refuse = (message: string) => fail(invalidInput(path, message));
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return refuse(`the expression is ${source.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  }
  if (source.trim() === '') return refuse('the expression is empty');
  // mathjs parses recursively: refuse deep bracket nesting before it can exhaust the stack.
  if (bracketDepth(source) > MAX_EXPRESSION_DEPTH) {
    return refuse(`the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  }

  let tree;
  try {
    tree = parseMathTree(source);
  } catch (error) {
    if (error instanceof RangeError) return refuse(`the expression nests too deeply to read`);
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(`the expression cannot be read: ${reason}`);
  }

  const nameIndex = new Map<string, number>();
  allowedNames.forEach((name, index) => {
    if (!nameIndex.has(name)) nameIndex.set(name, index);
  });
  const context: CompileContext = { nameIndex, allowedNames, referenced: new Set() };
  const compiled = compileNode(tree, context, 1);
  if (!compiled.ok) return refuse(compiled.error);

  const referencedNames = [...context.referenced].sort((a, b) => a - b).map((index) => allowedNames[index]);
  return ok({ source, referencedNames, evaluate: compiled.value.evaluate });
}

/** Deepest nesting of (), [] and {} in the source text. */
function bracketDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (const character of source) {
    if (character === '(' || character === '[' || character === '{') deepest = Math.max(deepest, ++depth);
    else if (character === ')' || character === ']' || character === '}') depth--;
  }
  return deepest;
}

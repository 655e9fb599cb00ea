import { fail, ok, type Result } from '../result.js';
import { ALLOWED_FUNCTION_NAMES, ALLOWED_FUNCTIONS, NAMED_CONSTANTS } from './allowed-functions.js';
import { BINARY_OPERATORS, COMPARISONS, UNARY_OPERATORS } from './allowed-operators.js';
import type { Evaluator } from './evaluator.js';
import { MAX_EXPRESSION_DEPTH, MAX_RANGE_LENGTH, MAX_RANGE_NESTING, MAX_RANGE_TERMS } from './limits.js';
import type { ParsedNode } from './mathjs-parser.js';
import { suggestName } from './suggest-name.js';

/**
 * Checks a mathjs tree against the allowlist and turns it into closures in the same walk, so no
 * node can be compiled that was not checked. Anything not explicitly allowed is refused with a
 * sentence naming the offending part of the expression.
 */

export interface CompiledNode {
  readonly evaluate: Evaluator;
  /** The value when the node does not depend on any name (folded at compile time). */
  readonly constant: number | undefined;
}

export interface CompileContext {
  /** Position of each allowed name in the values array. */
  readonly nameIndex: ReadonlyMap<string, number>;
  readonly allowedNames: readonly string[];
  /** Indices of the names the expression reads; filled during compilation. */
  readonly referenced: Set<number>;
  /** Index variables of the range sums and products around the node being compiled. */
  readonly rangeIndices?: ReadonlyMap<string, RangeIndex>;
  /** Terms the ranges around the node evaluate per evaluation of the expression (1 outside any). */
  readonly rangeTerms?: number;
  /** Total range terms of the whole expression so far; shared by every context of one expression. */
  readonly rangeBudget?: { used: number };
}

/** The current value of a range's index variable, set by the range's loop before each term. */
interface RangeIndex {
  value: number;
}

/** The functions compiled as index ranges rather than calls: `sum(k, from, to, term)`, `prod(...)`. */
const RANGE_FUNCTIONS = new Set(['sum', 'prod']);

type Compiled = Result<CompiledNode, string>;

const NO_VALUES = new Float64Array(0);
/** How many known names an "unknown name" message lists before cutting the list short. */
const NAMES_LISTED = 30;

const quote = (node: ParsedNode): string => {
  const text = node.toString();
  return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;
};

const constant = (value: number): CompiledNode => ({ evaluate: () => value, constant: value });

/** Folds a node whose children are all constants; otherwise keeps the closure. */
function folded(evaluate: Evaluator, children: readonly CompiledNode[]): CompiledNode {
  return children.every((child) => child.constant !== undefined)
    ? constant(evaluate(NO_VALUES))
    : { evaluate, constant: undefined };
}

function knownNamesSentence(allowedNames: readonly string[]): string {
  if (allowedNames.length === 0) return 'this expression cannot refer to any names';
  const listed = allowedNames.slice(0, NAMES_LISTED).join(', ');
  return `known names: ${listed}${allowedNames.length > NAMES_LISTED ? `, ... (${allowedNames.length} in all)` : ''}`;
}

function compileAll(nodes: readonly ParsedNode[], context: CompileContext, depth: number): Result<CompiledNode[], string> {
  const compiled: CompiledNode[] = [];
  for (const node of nodes) {
    const result = compileNode(node, context, depth);
    if (!result.ok) return result;
    compiled.push(result.value);
  }
  return ok(compiled);
}

export function compileNode(node: ParsedNode, context: CompileContext, depth: number): Compiled {
  if (depth > MAX_EXPRESSION_DEPTH) return fail(`the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  switch (node.type) {
    case 'ConstantNode':
      return compileConstant(node);
    case 'SymbolNode':
      return compileSymbol(node, context);
    case 'ParenthesisNode':
      return compileNode(node.content!, context, depth + 1);
    case 'OperatorNode':
      return compileOperator(node, context, depth);
    case 'FunctionNode':
      return compileFunction(node, context, depth);
    case 'ConditionalNode':
      return compileConditional(node, context, depth);
    case 'RelationalNode':
      return compileRelational(node, context, depth);
    case 'AccessorNode':
    case 'IndexNode':
      return fail(`property or index access (${quote(node)}) is not allowed`);
    case 'AssignmentNode':
      return fail(`assignment (${quote(node)}) is not allowed`);
    case 'FunctionAssignmentNode':
      return fail(`defining a function (${quote(node)}) is not allowed`);
    case 'BlockNode':
      return fail('only one expression is allowed (no ";" or line breaks between several)');
    case 'ArrayNode':
      return fail(`lists and matrices (${quote(node)}) are not allowed`);
    case 'ObjectNode':
      return fail(`objects (${quote(node)}) are not allowed`);
    case 'RangeNode':
      return fail(`ranges (${quote(node)}) are not allowed`);
    default:
      return fail(`${quote(node)} is not allowed (${node.type})`);
  }
}

function compileConstant(node: ParsedNode): Compiled {
  const value = node.value;
  if (typeof value === 'number') return ok(constant(value));
  if (typeof value === 'boolean') return ok(constant(value ? 1 : 0));
  if (typeof value === 'string') return fail(`text (${quote(node)}) is not allowed: expressions work on numbers`);
  if (value === undefined && node.toString().trim() === '') return fail('the expression is empty');
  return fail(`${quote(node)} is not allowed: only numbers and true/false are constants`);
}

function compileSymbol(node: ParsedNode, context: CompileContext): Compiled {
  const name = node.name!;
  const rangeIndex = context.rangeIndices?.get(name);
  if (rangeIndex !== undefined) return ok({ evaluate: () => rangeIndex.value, constant: undefined });
  const index = context.nameIndex.get(name);
  if (index === undefined) {
    const named = NAMED_CONSTANTS.get(name);
    if (named !== undefined) return ok(constant(named));
    const suggestion = suggestName(name, context.allowedNames);
    const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
    return fail(`unknown name '${name}'${hint}; ${knownNamesSentence(context.allowedNames)}`);
  }
  context.referenced.add(index);
  return ok({ evaluate: (values) => values[index], constant: undefined });
}

function compileOperator(node: ParsedNode, context: CompileContext, depth: number): Compiled {
  const fn = node.fn as string;
  if (node.implicit) return fail(`implicit multiplication (${quote(node)}) is not allowed: write '*' between the factors`);
  const args = compileAll(node.args ?? [], context, depth + 1);
  if (!args.ok) return args;
  const [a, b] = args.value;
  if (args.value.length === 2) {
    const binary = BINARY_OPERATORS.get(fn);
    if (binary !== undefined) return ok(folded(binary(a.evaluate, b.evaluate), args.value));
  } else if (args.value.length === 1) {
    const unary = UNARY_OPERATORS.get(fn);
    if (unary !== undefined) return ok(folded(unary(a.evaluate), args.value));
  }
  return fail(`operator '${node.op}' (in ${quote(node)}) is not allowed`);
}

function compileFunction(node: ParsedNode, context: CompileContext, depth: number): Compiled {
  const callee = node.fn as ParsedNode;
  if (callee.type !== 'SymbolNode') return fail(`calling ${quote(callee)} is not allowed: only named functions can be called`);
  const name = callee.name!;
  if (RANGE_FUNCTIONS.has(name)) return compileRange(name as 'sum' | 'prod', node, context, depth);
  const allowed = ALLOWED_FUNCTIONS.get(name);
  if (allowed === undefined) {
    return fail(`function '${name}' is not allowed; allowed functions: ${ALLOWED_FUNCTION_NAMES.join(', ')}, and sum(k, from, to, term), prod(k, from, to, term)`);
  }
  const count = node.args?.length ?? 0;
  if (count < allowed.minArgs || count > allowed.maxArgs) {
    const expected =
      allowed.minArgs === allowed.maxArgs
        ? `${allowed.minArgs}`
        : allowed.maxArgs === Infinity
          ? `at least ${allowed.minArgs}`
          : `${allowed.minArgs} to ${allowed.maxArgs}`;
    return fail(`function '${name}' takes ${expected} argument(s), not ${count} (${allowed.description})`);
  }
  const args = compileAll(node.args ?? [], context, depth + 1);
  if (!args.ok) return args;
  return ok(folded(allowed.build(args.value.map((arg) => arg.evaluate)), args.value));
}

/** `c ? a : b`; a NaN condition gives NaN rather than silently choosing a branch. */
function compileConditional(node: ParsedNode, context: CompileContext, depth: number): Compiled {
  const parts = compileAll([node.condition!, node.trueExpr!, node.falseExpr!], context, depth + 1);
  if (!parts.ok) return parts;
  const [condition, whenTrue, whenFalse] = parts.value.map((part) => part.evaluate);
  const evaluate: Evaluator = (v) => {
    const c = condition(v);
    if (c !== c) return NaN;
    return c !== 0 ? whenTrue(v) : whenFalse(v);
  };
  return ok(folded(evaluate, parts.value));
}

/** `a < b <= c` means `a < b and b <= c`, as in mathjs. */
function compileRelational(node: ParsedNode, context: CompileContext, depth: number): Compiled {
  const params = compileAll(node.params ?? [], context, depth + 1);
  if (!params.ok) return params;
  const and = BINARY_OPERATORS.get('and')!;
  let chain: Evaluator | undefined;
  const conditionals = node.conditionals ?? [];
  for (let i = 0; i < conditionals.length; i++) {
    const comparison = COMPARISONS.get(conditionals[i]);
    if (comparison === undefined) return fail(`comparison '${conditionals[i]}' (in ${quote(node)}) is not allowed`);
    const link = comparison(params.value[i].evaluate, params.value[i + 1].evaluate);
    chain = chain === undefined ? link : and(chain, link);
  }
  if (chain === undefined) return fail(`${quote(node)} is not a comparison`);
  return ok(folded(chain, params.value));
}

/**
 * `sum(k, from, to, term)` and `prod(k, from, to, term)`: the sum or product of `term` for the
 * whole numbers k = from, from + 1, ..., to (an empty range gives 0 or 1). Compiled here, not by
 * mathjs: `from` and `to` must be constant whole numbers, so the number of terms is known before
 * anything runs and is bounded (MAX_RANGE_LENGTH per range, MAX_RANGE_NESTING deep, MAX_RANGE_TERMS
 * in all); `k` is a new name visible only inside `term`, and may not hide a model name. The terms
 * are added in order, left to right, so the result is reproducible bit for bit.
 */
function compileRange(kind: 'sum' | 'prod', node: ParsedNode, context: CompileContext, depth: number): Compiled {
  const usage = `${kind}(k, from, to, term)`;
  const args = node.args ?? [];
  if (args.length !== 4) return fail(`${kind} takes 4 arguments, ${usage} (the ${kind} of term for k = from ... to), not ${args.length}`);
  const [indexNode, fromNode, toNode, termNode] = args;
  if (indexNode.type !== 'SymbolNode') return fail(`the first argument of ${usage} must be a new name for the index, not ${quote(indexNode)}`);
  const indexName = indexNode.name!;
  if (context.nameIndex.has(indexName) || context.rangeIndices?.has(indexName) || ALLOWED_FUNCTIONS.has(indexName) || RANGE_FUNCTIONS.has(indexName))
    return fail(`the index name '${indexName}' of ${usage} is already in use; choose another`);
  const nesting = (context.rangeIndices?.size ?? 0) + 1;
  if (nesting > MAX_RANGE_NESTING) return fail(`range sums and products nest at most ${MAX_RANGE_NESTING} deep`);

  const bounds = compileAll([fromNode, toNode], context, depth + 1);
  if (!bounds.ok) return bounds;
  const [from, to] = bounds.value.map((bound) => bound.constant);
  if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to))
    return fail(`the bounds of ${usage} must be whole numbers fixed in the expression (got ${quote(fromNode)} and ${quote(toNode)})`);
  const length = Math.max(0, to - from + 1);
  if (length > MAX_RANGE_LENGTH) return fail(`${usage} runs over ${length} values of ${indexName}; at most ${MAX_RANGE_LENGTH} are allowed`);
  const terms = (context.rangeTerms ?? 1) * length;
  const budget = context.rangeBudget ?? { used: 0 };
  budget.used += terms;
  if (budget.used > MAX_RANGE_TERMS)
    return fail(`the range sums and products of this expression would evaluate ${budget.used} terms; at most ${MAX_RANGE_TERMS} are allowed`);

  const cell: RangeIndex = { value: from };
  const inner: CompileContext = {
    ...context,
    rangeIndices: new Map([...(context.rangeIndices ?? []), [indexName, cell]]),
    rangeTerms: Math.max(1, terms),
    rangeBudget: budget,
  };
  const term = compileNode(termNode, inner, depth + 1);
  if (!term.ok) return term;
  const evaluateTerm = term.value.evaluate;
  const evaluate: Evaluator =
    kind === 'sum'
      ? (v) => {
          let total = 0;
          for (let k = from; k <= to; k++) {
            cell.value = k;
            total += evaluateTerm(v);
          }
          return total;
        }
      : (v) => {
          let total = 1;
          for (let k = from; k <= to; k++) {
            cell.value = k;
            total *= evaluateTerm(v);
          }
          return total;
        };
  // A term that reads nothing but its own index gives the same result every time: fold it now.
  return ok(!readsOuterValues(termNode, indexName, context) ? constant(evaluate(NO_VALUES)) : { evaluate, constant: undefined });
}

/**
 * Whether a (checked) node reads a model name or the index of an enclosing range, rather than
 * only constants, `ownIndex` and the indices of ranges inside it. `context` is the one around
 * the range (without its own index).
 */
function readsOuterValues(node: ParsedNode, ownIndex: string, context: CompileContext): boolean {
  if (node.type === 'SymbolNode') {
    const name = node.name!;
    return name !== ownIndex && (context.nameIndex.has(name) || (context.rangeIndices?.has(name) ?? false));
  }
  const children: ParsedNode[] = [
    ...(node.args ?? []),
    ...(node.params ?? []),
    ...(node.content ? [node.content] : []),
    ...(node.condition ? [node.condition, node.trueExpr!, node.falseExpr!] : []),
  ];
  return children.some((child) => readsOuterValues(child, ownIndex, context));
}

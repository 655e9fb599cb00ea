import mathjs from 'mathjs/lib/browser/math.js';

/**
 * The one place that touches mathjs. Only its parser is used: the tree it returns is checked and
 * turned into closures by `compile-node.ts`, so no expression ever runs inside mathjs and none
 * can reach `import`, `evaluate`, `createUnit` or the instance itself. The instance stays private
 * to this module.
 *
 * mathjs is loaded from its single-file bundle (same version, same API): its ES module entry is
 * several hundred small files and takes about 0.7 s to load on Node 20, the bundle about 0.1 s,
 * which matters for every worker thread the simulation pool starts.
 */
const math = mathjs.create(mathjs.all);

/** The parts of a mathjs node that the checker reads; every other property is ignored. */
export interface ParsedNode {
  readonly type: string;
  /** ConstantNode */
  readonly value?: unknown;
  /** SymbolNode */
  readonly name?: string;
  /** OperatorNode: `op` is the symbol (`+`), `fn` the function name (`add`); FunctionNode: `fn` is a node. */
  readonly op?: string;
  readonly fn?: string | ParsedNode;
  readonly implicit?: boolean;
  readonly args?: readonly ParsedNode[];
  /** ParenthesisNode */
  readonly content?: ParsedNode;
  /** ConditionalNode */
  readonly condition?: ParsedNode;
  readonly trueExpr?: ParsedNode;
  readonly falseExpr?: ParsedNode;
  /** RelationalNode: `a < b <= c` has conditionals ['smaller', 'smallerEq'] and params [a, b, c]. */
  readonly conditionals?: readonly string[];
  readonly params?: readonly ParsedNode[];
  toString(): string;
}

/** Parses `source` into a mathjs node tree; throws mathjs's SyntaxError on malformed input. */
export function parseMathTree(source: string): ParsedNode {
  return math.parse(source) as unknown as ParsedNode;
}

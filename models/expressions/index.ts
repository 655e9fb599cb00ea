export { parseExpression } from './parse-expression.js';
export type { CompiledExpression } from './compiled-expression.js';
export type { Evaluator } from './evaluator.js';
export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_RANGE_LENGTH, MAX_RANGE_NESTING, MAX_RANGE_TERMS } from './limits.js';
export { ALLOWED_FUNCTION_NAMES, NAMED_CONSTANTS } from './allowed-functions.js';
export { ExpressionNameSchema, isExpressionName, MAX_NAME_LENGTH, RESERVED_WORDS } from './names.js';

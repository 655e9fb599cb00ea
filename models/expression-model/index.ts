export { ExpressionModelSchema, MAX_EXPRESSION_MODEL_INPUTS, MAX_EXPRESSION_MODEL_OUTPUTS } from './schema.js';
export type { ExpressionModel } from './schema.js';
export { compileExpressionModel } from './compile-expression-model.js';
export type { ExpressionWorkspace } from './compile-expression-model.js';
export {
  evaluateExpressionModelAt,
  ExpressionEvaluationRequestSchema,
  ExpressionEvaluationSchema,
  type ExpressionEvaluation,
  type ExpressionEvaluationRequest,
} from './evaluate-at.js';

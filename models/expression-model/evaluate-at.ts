import { z } from 'zod';
import { invalidInput, type DomainError } from '../errors.js';
import { ExpressionNameSchema } from '../expressions/index.js';
import { fail, ok, type Result } from '../result.js';
import { compileExpressionModel } from './compile-expression-model.js';
import { ExpressionModelSchema } from './schema.js';

export const ExpressionEvaluationRequestSchema = z
  .object({
    model: ExpressionModelSchema,
    at: z
      .record(ExpressionNameSchema, z.number().finite())
      .default({})
      .describe('Values for some inputs; every other input is taken at its mean (a number is its own mean).'),
  })
  .meta({ id: 'ExpressionEvaluationRequest', description: 'An expression model and the input values to evaluate it at.' });
export type ExpressionEvaluationRequest = z.infer<typeof ExpressionEvaluationRequestSchema>;

export const ExpressionEvaluationSchema = z
  .object({
    inputs: z.record(z.string(), z.number()).describe('The value each input was taken at.'),
    outputs: z.record(z.string(), z.number().nullable()).describe('Each output in order; null where not finite (NaN or infinite).'),
  })
  .meta({ id: 'ExpressionEvaluation', description: 'An expression model evaluated once, deterministically.' });
export type ExpressionEvaluation = z.infer<typeof ExpressionEvaluationSchema>;

/**
 * Evaluates an expression model once, with no randomness: each input at the value given in `at`
 * or else at its mean (the value a tornado calls its base). The same code evaluates every
 * iteration of a simulation, so the numbers agree with a simulation's at the same inputs.
 *
 * @example evaluateExpressionModelAt({ model: { inputs: { a: { type: 'uniform', min: 0, max: 2 } }, outputs: { y: '2 * a' } }, at: {} })
 *   // ok: { inputs: { a: 1 }, outputs: { y: 2 } }
 */
export function evaluateExpressionModelAt(request: ExpressionEvaluationRequest): Result<ExpressionEvaluation, DomainError> {
  const unknown = Object.keys(request.at).find((name) => !(name in request.model.inputs));
  if (unknown !== undefined)
    return fail(invalidInput(['at', unknown], `'${unknown}' is not an input of the model; inputs: ${Object.keys(request.model.inputs).join(', ')}`));
  const compiled = compileExpressionModel(request.model, ['model']);
  if (!compiled.ok) return compiled;
  const model = compiled.value;
  const names = Object.keys(request.model.inputs);
  const parameters = Float64Array.from(model.inputs, (input, index) => request.at[names[index]] ?? input.base);
  const scalars = new Float64Array(model.scalarOutputs.length);
  model.evaluate(parameters, model.createWorkspace(), null, scalars, new Float64Array(0));
  return ok({
    inputs: Object.fromEntries(names.map((name, index) => [name, parameters[index]])),
    outputs: Object.fromEntries(model.scalarOutputs.map((output, index) => [output.name, Number.isFinite(scalars[index]) ? scalars[index] : null])),
  });
}

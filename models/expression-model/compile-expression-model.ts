import { meanOf } from '../distributions/index.js';
import type { DomainError, FieldPath, FieldProblem } from '../errors.js';
import { parseExpression, type CompiledExpression } from '../expressions/index.js';
import { fail, ok, type Result } from '../result.js';
import type { CompiledModel, ModelInput } from '../simulation/model.js';
import type { ExpressionModel } from './schema.js';

/**
 * The workspace holds the inputs followed by the outputs computed so far, so that an output's
 * expression reads both by index.
 */
export type ExpressionWorkspace = Float64Array;

/**
 * Compiles an expression model into the engine's model shape: one input per named input (path
 * `inputs.<name>`), one scalar output per named output (unit 'value'), no series, and the
 * random generator is not used (the model has no individual outcomes).
 *
 * @param at where the model sits in the request, e.g. ['model']
 */
export function compileExpressionModel(
  definition: ExpressionModel,
  at: FieldPath = [],
): Result<CompiledModel<ExpressionWorkspace>, DomainError> {
  const inputNames = Object.keys(definition.inputs);
  const outputNames = Object.keys(definition.outputs);
  const problems: FieldProblem[] = [];

  for (const name of outputNames) {
    if (name in definition.inputs) {
      problems.push({ path: [...at, 'outputs', name], message: `'${name}' is already the name of an input` });
    }
  }

  const expressions: CompiledExpression[] = [];
  outputNames.forEach((name, k) => {
    // Outputs may use the inputs and the outputs listed before them: no cycles by construction.
    const visible = [...inputNames, ...outputNames.slice(0, k)];
    const parsed = parseExpression(definition.outputs[name], visible, [...at, 'outputs', name]);
    if (parsed.ok) expressions.push(parsed.value);
    else if (parsed.error.kind === 'invalid-input') {
      const later = outputNames.slice(k).includes(unknownName(parsed.error.problems[0].message) ?? '');
      problems.push(
        ...parsed.error.problems.map((problem) =>
          later ? { ...problem, message: `${problem.message} (an output can only use outputs listed before it)` } : problem,
        ),
      );
    }
  });
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  const inputs: ModelInput[] = inputNames.map((name) => {
    const value = definition.inputs[name];
    return {
      path: `inputs.${name}`,
      base: meanOf(value),
      distribution: typeof value === 'number' ? null : value,
    };
  });
  const inputCount = inputNames.length;
  const outputCount = outputNames.length;
  const evaluators = expressions.map((expression) => expression.evaluate);

  return ok({
    inputs,
    scalarOutputs: outputNames.map((name) => ({ name, unit: 'value', description: definition.outputs[name] })),
    seriesOutputs: [],
    createWorkspace: () => new Float64Array(inputCount + outputCount),
    evaluate(params, workspace, _rng, scalars) {
      for (let j = 0; j < inputCount; j++) workspace[j] = params[j];
      for (let k = 0; k < outputCount; k++) {
        const value = evaluators[k](workspace);
        workspace[inputCount + k] = value;
        scalars[k] = value;
      }
    },
  });
}

/** The name in an "unknown name 'x'" message, if that is what it is. */
function unknownName(message: string): string | undefined {
  return /^unknown name '([^']+)'/.exec(message)?.[1];
}

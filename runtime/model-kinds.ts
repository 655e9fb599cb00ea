import type { z } from 'zod';
import type { DomainError, FieldPath } from '../models/errors.js';
import { compileExpressionModel, ExpressionModelSchema } from '../models/expression-model/index.js';
import { fail, type Result } from '../models/result.js';
import { registerModelKind } from './model-registry.js';

/**
 * Every model kind the simulation pool can run. Imported for its side effect by the pool and by
 * each worker, so that both threads rebuild models the same way. Add a kind here with its schema
 * and compiler.
 */

/** Turns zod issues into one invalid-input error with paths below `at`. */
export function zodProblems(error: z.ZodError, at: FieldPath): DomainError {
  return {
    kind: 'invalid-input',
    problems: error.issues.map((issue) => ({ path: [...at, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))], message: issue.message })),
  };
}

/** Parses `definition` with `schema`, failing with the schema's issues. */
export function parseDefinition<T>(schema: z.ZodType<T>, definition: unknown, at: FieldPath): Result<T, DomainError> {
  const parsed = schema.safeParse(definition);
  return parsed.success ? { ok: true, value: parsed.data } : fail(zodProblems(parsed.error, at));
}

registerModelKind('expression', (definition, at) => {
  const parsed = parseDefinition(ExpressionModelSchema, definition, [...at, 'definition']);
  if (!parsed.ok) return parsed;
  return compileExpressionModel(parsed.value, [...at, 'definition']);
});

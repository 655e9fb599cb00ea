import type { z } from 'zod';
import { ContractSchema, createContractModel } from '../models/contract/index.js';
import type { DomainError, FieldPath } from '../models/errors.js';
import { compileExpressionModel, ExpressionModelSchema } from '../models/expression-model/index.js';
import type { ModelSpec } from '../models/model-spec.js';
import { createPortfolioModel, PortfolioSchema } from '../models/portfolio/index.js';
import { fail, type Result } from '../models/result.js';
import { registerModelKind, type ModelDescription } from './model-registry.js';
import { zodIssueProblems } from '../models/zod-issue-problems.js';

/**
 * Every model kind the simulation pool can run. Imported for its side effect by the pool and by
 * each worker, so that both threads rebuild models the same way. A kind's definition sits in a
 * request at `model.<kind>` (see ModelSpecSchema), so problems are reported under that path.
 */

/** Turns zod issues into one invalid-input error with paths below `at`. */
export function zodProblems(error: z.ZodError, at: FieldPath): DomainError {
  return {
    kind: 'invalid-input',
    problems: zodIssueProblems(error, at),
  };
}

/** Parses `definition` with `schema`, failing with the schema's issues. */
export function parseDefinition<T>(schema: z.ZodType<T>, definition: unknown, at: FieldPath): Result<T, DomainError> {
  const parsed = schema.safeParse(definition);
  return parsed.success ? { ok: true, value: parsed.data } : fail(zodProblems(parsed.error, at));
}

/** Places a compiler's field paths (relative to the definition) below `at`. */
export function prefixProblems<T>(result: Result<T, DomainError>, at: FieldPath): Result<T, DomainError> {
  if (result.ok) return result;
  const error = result.error;
  if (error.kind === 'invalid-input' || error.kind === 'limit-exceeded') {
    return fail({ ...error, problems: error.problems.map((problem) => ({ ...problem, path: [...at, ...problem.path] })) });
  }
  return result;
}

/** The JSON a worker thread needs to rebuild the model of a validated request. */
export function describeModelSpec(spec: ModelSpec): ModelDescription {
  switch (spec.kind) {
    case 'contract':
      return { kind: 'contract', definition: spec.contract };
    case 'portfolio':
      return { kind: 'portfolio', definition: spec.portfolio };
    case 'expression':
      return { kind: 'expression', definition: spec.expression };
  }
}

registerModelKind('contract', (definition, at) => {
  const where = [...at, 'contract'];
  const parsed = parseDefinition(ContractSchema, definition, where);
  if (!parsed.ok) return parsed;
  return prefixProblems(createContractModel(parsed.value), where);
});

registerModelKind('portfolio', (definition, at) => {
  const where = [...at, 'portfolio'];
  const parsed = parseDefinition(PortfolioSchema, definition, where);
  if (!parsed.ok) return parsed;
  return prefixProblems(createPortfolioModel(parsed.value), where);
});

registerModelKind('expression', (definition, at) => {
  const where = [...at, 'expression'];
  const parsed = parseDefinition(ExpressionModelSchema, definition, where);
  if (!parsed.ok) return parsed;
  return compileExpressionModel(parsed.value, where);
});

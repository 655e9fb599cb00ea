import { z } from 'zod';
import { ContractSchema } from './contract/contract-schema.js';
import { createContractModel } from './contract/contract-model.js';
import type { DomainError } from './errors.js';
import { compileExpressionModel, ExpressionModelSchema } from './expression-model/index.js';
import { createPortfolioModel, PortfolioSchema } from './portfolio/index.js';
import type { Result } from './result.js';
import type { CompiledModel } from './simulation/model.js';

/**
 * Which model a simulation or sensitivity request runs: every engine takes one of these, so the
 * same request shape serves the outcome contract and the expression model and the fund portfolio.
 */
export const ModelSpecSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('contract'), contract: ContractSchema }),
    z.strictObject({ kind: z.literal('portfolio'), portfolio: PortfolioSchema }),
    z.strictObject({ kind: z.literal('expression'), expression: ExpressionModelSchema }),
  ])
  .meta({ id: 'ModelSpec', description: 'The model to run: an outcome contract, a place-based fund portfolio, or an expression model.' });
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

/** Compiles a validated model spec; field paths of problems start at the spec (prefix them with where it sits). */
export function compileModelSpec(spec: ModelSpec): Result<CompiledModel, DomainError> {
  if (spec.kind === 'contract') {
    const built = createContractModel(spec.contract);
    if (!built.ok) return { ok: false, error: prefixError(built.error, ['contract']) };
    return built as Result<CompiledModel, DomainError>;
  }
  if (spec.kind === 'portfolio') {
    const built = createPortfolioModel(spec.portfolio);
    if (!built.ok) return { ok: false, error: prefixError(built.error, ['portfolio']) };
    return built as Result<CompiledModel, DomainError>;
  }
  return compileExpressionModel(spec.expression, ['expression']) as Result<CompiledModel, DomainError>;
}

function prefixError(error: DomainError, prefix: (string | number)[]): DomainError {
  if (error.kind === 'invalid-input' || error.kind === 'limit-exceeded')
    return { ...error, problems: error.problems.map((p) => ({ ...p, path: [...prefix, ...p.path] })) };
  return error;
}

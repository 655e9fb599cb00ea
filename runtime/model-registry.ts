import type { DomainError, FieldPath } from '../models/errors.js';
import { fail, type Result } from '../models/result.js';
import type { CompiledModel } from '../models/simulation/index.js';

/**
 * Worker threads cannot receive a compiled model (it holds closures), so jobs carry a JSON model
 * description and every thread rebuilds the model from it through this registry. The kinds are
 * registered in `model-kinds.ts`, which the pool and the worker both import, so both threads know
 * the same kinds.
 */

/** A model as plain JSON: which kind, and the request part that defines it. */
export interface ModelDescription {
  kind: string;
  definition: unknown;
}

/**
 * Builds a model from its JSON definition, validating it (a bad definition is an invalid-input
 * error whose paths start at `at`).
 */
export type ModelCompiler = (definition: unknown, at: FieldPath) => Result<CompiledModel, DomainError>;

const compilers = new Map<string, ModelCompiler>();

/** Makes a model kind available to the pool and its workers; registering a kind twice replaces it. */
export function registerModelKind(kind: string, compile: ModelCompiler): void {
  compilers.set(kind, compile);
}

export function registeredModelKinds(): string[] {
  return [...compilers.keys()];
}

export function compileModelDescription(description: ModelDescription, at: FieldPath = ['model']): Result<CompiledModel, DomainError> {
  const compile = compilers.get(description.kind);
  if (compile === undefined) {
    return fail({
      kind: 'invalid-input',
      problems: [{ path: [...at, 'kind'], message: `unknown model kind '${description.kind}'; known kinds: ${registeredModelKinds().join(', ')}` }],
    });
  }
  return compile(description.definition, at);
}

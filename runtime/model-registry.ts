import type { DomainError, FieldPath } from '../models/errors.js';
import { fail, ok, type Result } from '../models/result.js';
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

/**
 * Models compiled from a description object, by that object: a request's description is compiled
 * when the request is validated and again when the pool plans its job, and a compiled model is
 * reusable (each run makes its own workspace). Only successes are kept, since the field paths of
 * an error depend on `at`. Descriptions are plain JSON that nothing changes once made.
 */
const compiledByDescription = new WeakMap<ModelDescription, { kind: string; definition: unknown; model: CompiledModel }>();

export function compileModelDescription(description: ModelDescription, at: FieldPath = ['model']): Result<CompiledModel, DomainError> {
  const cached = compiledByDescription.get(description);
  if (cached !== undefined && cached.kind === description.kind && cached.definition === description.definition) return ok(cached.model);
  const compiled = compileUncached(description, at);
  if (compiled.ok) compiledByDescription.set(description, { kind: description.kind, definition: description.definition, model: compiled.value });
  return compiled;
}

function compileUncached(description: ModelDescription, at: FieldPath): Result<CompiledModel, DomainError> {
  const compile = compilers.get(description.kind);
  if (compile === undefined) {
    return fail({
      kind: 'invalid-input',
      problems: [{ path: [...at, 'kind'], message: `unknown model kind '${description.kind}'; known kinds: ${registeredModelKinds().join(', ')}` }],
    });
  }
  return compile(description.definition, at);
}

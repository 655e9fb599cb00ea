import { z } from 'zod';
import { ModelSpecSchema, type ModelSpec } from '../../models/model-spec.js';
import { SimulationSettingsSchema, type SimulationSettings } from '../../models/simulation/index.js';
import { SAVED_OBJECT_KINDS, type Caller, type RunSource, type SavedObjectRepository } from '../../store/index.js';
import { fromDomainError, fromZodError, HttpProblem } from '../problem.js';
import { MAX_VERSION, ResourceIdSchema } from '../resource-id.js';

/**
 * A request may run a saved object instead of an inline model:
 * `"model": { "ref": { "kind": "contract", "id": "...", "version": 3 } }`. The reference is
 * resolved to the exact version (the current one when none is given) and the run records which.
 */

export const SavedObjectRefSchema = z
  .object({
    kind: z.enum(SAVED_OBJECT_KINDS),
    id: ResourceIdSchema,
    // Versions are PostgreSQL `integer`s: a larger number could never name one (and overflowed the query).
    version: z.number().int().min(1).max(MAX_VERSION).optional().describe('The version to run; default: the current one. The run records the version it used.'),
  })
  .strict()
  .meta({ id: 'SavedObjectRef', description: 'A saved contract, portfolio or scenario of your organisation.' });
export type SavedObjectRef = z.infer<typeof SavedObjectRefSchema>;

export const SavedModelRefSchema = z
  .object({ ref: SavedObjectRefSchema })
  .strict()
  .meta({
    id: 'SavedModelRef',
    description: 'Runs a saved object as the model (needs an API key). A scenario gives its model, and its settings when the request has none.',
  });

/** Whether a request's `model` is a reference rather than an inline model. */
export function isSavedModelRef(model: unknown): boolean {
  return typeof model === 'object' && model !== null && !Array.isArray(model) && 'ref' in model;
}

export interface ResolvedModel {
  spec: ModelSpec;
  source: RunSource;
  /** A scenario's settings, used when the request gives none. */
  settings: SimulationSettings | null;
}

/**
 * Reads the referenced version for the caller's organisation (404 when it has none) and checks it
 * against today's schemas: a version saved under an older schema that no longer validates is a
 * 400 naming the fields, not a failed run.
 */
export async function resolveSavedModel(objects: SavedObjectRepository, caller: Caller, ref: SavedObjectRef, path = 'model'): Promise<ResolvedModel> {
  const saved = await objects.get(caller.organisationId, ref.kind, ref.id, ref.version);
  if (saved === null) {
    throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: ref.kind, id: ref.version === undefined ? ref.id : `${ref.id} version ${ref.version}` }));
  }
  const body = saved.body as Record<string, unknown>;
  const candidate = ref.kind === 'scenario' ? body.model : { kind: ref.kind, [ref.kind]: body };
  const spec = ModelSpecSchema.safeParse(candidate);
  if (!spec.success) throw stale(spec.error, ref, saved.version);
  let settings: SimulationSettings | null = null;
  if (ref.kind === 'scenario') {
    const parsed = SimulationSettingsSchema.safeParse(body.settings);
    if (!parsed.success) throw stale(parsed.error, ref, saved.version, 'settings');
    settings = parsed.data;
  }
  return { spec: spec.data, source: { path, kind: ref.kind, id: ref.id, version: saved.version }, settings };
}

function stale(error: z.ZodError, ref: SavedObjectRef, version: number, at = 'model'): HttpProblem {
  const problem = fromZodError(error, [at]);
  return new HttpProblem({
    ...problem,
    detail: `The saved ${ref.kind} '${ref.id}' version ${version} is not valid under this software version's schema; save a corrected version.`,
  });
}

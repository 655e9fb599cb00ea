import type { Response } from 'express';
import { z } from 'zod';
import { SensitivitySettingsSchema } from '../../models/sensitivity/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import type { RunSource } from '../../store/index.js';
import { requireCaller } from '../auth.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { SensitivityRequestSchema, type SensitivityRequest } from '../routes/sensitivity.js';
import {
  ComparisonRequestSchema,
  SimulationRequestSchema,
  type ComparisonRequest,
  type SimulationRequest,
} from '../simulations/simulation-request.js';
import { parseOrThrow } from '../validate.js';
import type { RunStorage } from './run-storage.js';
import { isSavedModelRef, resolveSavedModel, SavedModelRefSchema } from './saved-model-ref.js';

/**
 * The run requests whose `model` may be a saved object: each is either the inline request or the
 * same request with `{ "ref": ... }` as its model, which is resolved to the saved version's content
 * and then validated as the inline request, so both reach the engine in the same shape.
 */

const scenarioSettingsNote = 'Default: the settings of the referenced scenario (required for a contract or portfolio).';

export const SimulationRefRequestSchema = z
  .strictObject({ model: SavedModelRefSchema, settings: SimulationSettingsSchema.optional().describe(scenarioSettingsNote) })
  .meta({ id: 'SimulationRefRequest', description: 'A Monte Carlo simulation of a saved contract, portfolio or scenario.' });

export const ComparisonRefRequestSchema = z
  .strictObject({
    model: SavedModelRefSchema,
    baselineName: ComparisonRequestSchema.shape.baselineName,
    variants: ComparisonRequestSchema.shape.variants,
    settings: SimulationSettingsSchema.optional().describe(scenarioSettingsNote),
  })
  .meta({ id: 'ComparisonRefRequest', description: 'Variants of a saved contract, portfolio or scenario on common random numbers.' });

export const SensitivityRefRequestSchema = z
  .strictObject({ model: SavedModelRefSchema, settings: SensitivitySettingsSchema })
  .meta({ id: 'SensitivityRefRequest', description: 'A sensitivity analysis of a saved contract, portfolio or scenario model.' });

/** Request bodies as documented: the inline request or the one with a saved model. */
export const SimulationRequestBodySchema = z.union([SimulationRequestSchema, SimulationRefRequestSchema]);
export const ComparisonRequestBodySchema = z.union([ComparisonRequestSchema, ComparisonRefRequestSchema]);
export const SensitivityRequestBodySchema = z.union([SensitivityRequestSchema, SensitivityRefRequestSchema]);

export interface ResolvedRequest<T> {
  /** The request as the engine takes it, with the model inline. */
  request: T;
  /** The saved objects it used (empty for an inline model). */
  sources: RunSource[];
}

function modelOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
}

/** Resolves the saved model of a parsed ref request and fills in a scenario's settings. */
async function resolveRef<R extends { model: z.infer<typeof SavedModelRefSchema>; settings?: unknown }>(given: R, res: Response, storage: RunStorage | null, settingsFromScenario: boolean) {
  const caller = requireCaller(res);
  if (storage === null) throw new Error('a caller with a key implies a store');
  const resolved = await resolveSavedModel(storage.store.savedObjects, caller, given.model.ref);
  const settings = given.settings ?? (settingsFromScenario ? resolved.settings : null);
  if (settings === null || settings === undefined) {
    throw new HttpProblem({
      type: PROBLEM_BASE + 'invalid-input',
      title: 'The request is not valid',
      status: 400,
      errors: [{ path: 'settings', pointer: '#/settings', message: `settings are required when the model is a saved ${given.model.ref.kind}` }],
    });
  }
  return { body: { ...given, model: resolved.spec, settings }, sources: [resolved.source] };
}

export async function resolveSimulationRequest(body: unknown, res: Response, storage: RunStorage | null): Promise<ResolvedRequest<SimulationRequest>> {
  if (!isSavedModelRef(modelOf(body))) return { request: parseOrThrow(SimulationRequestSchema, body), sources: [] };
  const resolved = await resolveRef(parseOrThrow(SimulationRefRequestSchema, body), res, storage, true);
  return { request: parseOrThrow(SimulationRequestSchema, resolved.body), sources: resolved.sources };
}

/** Also returns the baseline model as the variants' changes apply to it (the body's, or the saved one). */
export async function resolveComparisonRequest(
  body: unknown,
  res: Response,
  storage: RunStorage | null,
): Promise<ResolvedRequest<ComparisonRequest> & { rawModel: unknown }> {
  if (!isSavedModelRef(modelOf(body))) return { request: parseOrThrow(ComparisonRequestSchema, body), sources: [], rawModel: modelOf(body) };
  const resolved = await resolveRef(parseOrThrow(ComparisonRefRequestSchema, body), res, storage, true);
  return { request: parseOrThrow(ComparisonRequestSchema, resolved.body), sources: resolved.sources, rawModel: resolved.body.model };
}

export async function resolveSensitivityRequest(body: unknown, res: Response, storage: RunStorage | null): Promise<ResolvedRequest<SensitivityRequest>> {
  if (!isSavedModelRef(modelOf(body))) return { request: parseOrThrow(SensitivityRequestSchema, body), sources: [] };
  const resolved = await resolveRef(parseOrThrow(SensitivityRefRequestSchema, body), res, storage, false);
  return { request: parseOrThrow(SensitivityRequestSchema, resolved.body), sources: resolved.sources };
}

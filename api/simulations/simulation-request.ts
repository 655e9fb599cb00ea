import mergePatch from 'json-merge-patch';
import { z } from 'zod';
import type { DomainError, FieldProblem } from '../../models/errors.js';
import { ExpressionNameSchema } from '../../models/expressions/index.js';
import { ModelSpecSchema } from '../../models/model-spec.js';
import { fail, ok, type Result } from '../../models/result.js';
import { jsonDepthExceeds } from './json-depth.js';
import {
  MAX_VARIANTS,
  prepareVariants,
  SimulationSettingsSchema,
  type SimulationSettings,
  type SimulationVariant,
} from '../../models/simulation/index.js';
import { describeModelSpec, zodProblems } from '../../runtime/model-kinds.js';
import { compileModelDescription } from '../../runtime/model-registry.js';
import type { JobWork } from '../../runtime/simulation-jobs.js';

/**
 * The two simulation requests and their validation. Everything that can be wrong with a request
 * (schema, model, correlation matrix, event expressions, limits) is found here, on the request
 * thread and before a job exists, so a bad request is a 400 and never a failed job.
 */

export const SimulationRequestSchema = z
  .strictObject({
    model: ModelSpecSchema,
    settings: SimulationSettingsSchema,
  })
  .meta({ id: 'SimulationRequest', description: 'A Monte Carlo simulation of one model.' });
export type SimulationRequest = z.infer<typeof SimulationRequestSchema>;

/**
 * The deepest merge patch accepted. The deepest path in a model is about 8 levels
 * (model.contract.profiles[i].programme.monthlyJobEntryRate.min); 32 leaves room and bounds the
 * recursion of applying the patch.
 */
export const MAX_CHANGES_DEPTH = 32;

export const VariantChangeSchema = z
  .strictObject({
    name: ExpressionNameSchema.describe('Short name of the variant, e.g. `shareOfSavings`.'),
    description: z.string().max(500).optional(),
    changes: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        `A JSON Merge Patch (RFC 7396) applied to \`model\`: objects merge, arrays and values replace, null removes. For example \`{"contract": {"payment": {"threshold": null}}}\` drops the threshold. At most ${MAX_CHANGES_DEPTH} levels of nesting.`,
      ),
    model: ModelSpecSchema.optional().describe('The whole variant model, instead of `changes` (for example another fund strategy).'),
  })
  .superRefine((variant, ctx) => {
    if ((variant.changes === undefined) === (variant.model === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['changes'], message: 'give either `changes` or `model`, not both or neither' });
    }
    if (variant.changes !== undefined && jsonDepthExceeds(variant.changes, MAX_CHANGES_DEPTH)) {
      ctx.addIssue({ code: 'custom', path: ['changes'], message: `nests deeper than ${MAX_CHANGES_DEPTH} levels; no model is that deep` });
    }
  })
  .meta({ id: 'VariantChange', description: 'A variant of the baseline: its changes, or its whole model.' });

export const ComparisonRequestSchema = z
  .strictObject({
    model: ModelSpecSchema.describe('The baseline; every variant is this model with its changes applied.'),
    baselineName: ExpressionNameSchema.default('baseline'),
    variants: z.array(VariantChangeSchema).min(1).max(MAX_VARIANTS - 1),
    settings: SimulationSettingsSchema,
  })
  .superRefine((request, ctx) => {
    const seen = new Set<string>([request.baselineName]);
    request.variants.forEach((variant, index) => {
      if (seen.has(variant.name)) ctx.addIssue({ code: 'custom', path: ['variants', index, 'name'], message: `variant name '${variant.name}' is used twice` });
      seen.add(variant.name);
    });
  })
  .meta({
    id: 'ComparisonRequest',
    description: 'Variants of one model run on the same random draws (common random numbers), with paired differences against the baseline.',
  });
export type ComparisonRequest = z.infer<typeof ComparisonRequestSchema>;

/** Checks a parsed simulation request down to its plan and returns the job's work. */
export function simulationWork(request: SimulationRequest): Result<JobWork, DomainError> {
  const model = describeModelSpec(request.model);
  const compiled = compileModelDescription(model, ['model']);
  if (!compiled.ok) return compiled;
  const plan = prepareVariants([{ name: 'model', model: compiled.value }], request.settings, ['settings']);
  if (!plan.ok) return plan;
  return ok({ kind: 'simulation', model, settings: request.settings });
}

/**
 * Builds each variant from the raw baseline in the request body (so that defaults apply to the
 * changed model as to any other) and checks them together.
 */
export function comparisonWork(request: ComparisonRequest, rawModel: unknown): Result<JobWork, DomainError> {
  const specs = [{ name: request.baselineName, spec: request.model }];
  const problems: FieldProblem[] = [];
  request.variants.forEach((variant, index) => {
    if (variant.model !== undefined) {
      specs.push({ name: variant.name, spec: variant.model });
      return;
    }
    const changed = mergePatch.apply(structuredClone(rawModel), variant.changes);
    const parsed = ModelSpecSchema.safeParse(changed);
    if (parsed.success) specs.push({ name: variant.name, spec: parsed.data });
    else {
      const error = zodProblems(parsed.error, ['variants', index, 'changes']);
      if (error.kind === 'invalid-input') problems.push(...error.problems);
    }
  });
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  const variants = specs.map(({ name, spec }) => ({ name, model: describeModelSpec(spec) }));
  const compiled: SimulationVariant[] = [];
  for (const [index, variant] of variants.entries()) {
    const given = request.variants[index - 1];
    const at = index === 0 ? ['model'] : ['variants', index - 1, given.model !== undefined ? 'model' : 'changes'];
    const model = compileModelDescription(variant.model, at);
    if (!model.ok) return model;
    compiled.push({ name: variant.name, model: model.value });
  }
  const plan = prepareVariants(compiled, request.settings, ['settings']);
  if (!plan.ok) return plan;
  return ok({ kind: 'comparison', variants, settings: request.settings as SimulationSettings });
}

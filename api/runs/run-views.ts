import { z } from 'zod';
import { SensitivityResultSchema } from '../../models/sensitivity/index.js';
import { SimulationResultSchema, VariantComparisonResultSchema } from '../../models/simulation/index.js';
import { RUN_KINDS, RUN_STATUSES, SAVED_OBJECT_KINDS, type RunRecord, type RunSummary } from '../../store/index.js';

/**
 * How stored runs look over HTTP. A run's result is served as the exact text stored when it
 * finished, so the figures of a run read back byte for byte, however often and however late.
 */

const RunSourceSchema = z
  .object({
    path: z.string().describe('Where in the request the reference stood, e.g. `model`.'),
    kind: z.enum(SAVED_OBJECT_KINDS),
    id: z.string(),
    version: z.number().int().describe('The exact version the run used.'),
  })
  .meta({ id: 'RunSource', description: 'A saved object version that a run used.' });

export const RunSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(RUN_KINDS),
    status: z.enum(RUN_STATUSES),
    seed: z.number().int().nullable().describe('The seed of the settings; null for a method that draws nothing.'),
    softwareVersion: z.string().describe('The version of this service that made the run.'),
    rerunOf: z.string().nullable().describe('The run this one re-ran, if any.'),
    sources: z.array(RunSourceSchema),
    progress: z.object({ completedIterations: z.number().int(), totalIterations: z.number().int() }),
    attempts: z.number().int().describe('How many times a service started the run (more than 1 after a restart resumed it).'),
    reason: z.string().nullable().describe('Why the run failed or was cancelled.'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    links: z.object({ self: z.string(), result: z.string(), rerun: z.string(), job: z.string().nullable() }),
  })
  .meta({ id: 'RunSummary' });

export const RunSchema = RunSummarySchema.extend({
  request: z.unknown().describe('The request as validated: defaults filled in, saved objects resolved to the content of the version used.'),
  result: z
    .union([SimulationResultSchema, VariantComparisonResultSchema, SensitivityResultSchema])
    .nullable()
    .describe('The result once the run succeeded, exactly as first served.'),
}).meta({ id: 'Run', description: 'A stored simulation, comparison or sensitivity run: its full input, seed, software version and result.' });

export const RunPageSchema = z
  .object({ items: z.array(RunSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'RunPage', description: 'A page of runs, newest first.' });

export const RunResultSchema = z.union([SimulationResultSchema, VariantComparisonResultSchema, SensitivityResultSchema]).meta({ id: 'RunResult' });

export function runSummaryView(run: RunSummary): z.infer<typeof RunSummarySchema> {
  const self = `/runs/${encodeURIComponent(run.id)}`;
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    seed: run.seed,
    softwareVersion: run.softwareVersion,
    rerunOf: run.rerunOf,
    sources: run.sources,
    progress: { completedIterations: run.completedIterations, totalIterations: run.totalIterations },
    attempts: run.attempts,
    reason: run.reason,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    links: { self, result: `${self}/result`, rerun: `${self}/rerun`, job: run.kind === 'sensitivity' ? null : `/simulations/${encodeURIComponent(run.id)}` },
  };
}

/**
 * The run as JSON text, with the stored result text placed in it unchanged (not parsed and
 * printed again), so that its numbers are the bytes first served.
 */
export function runText(run: RunRecord): string {
  const head = JSON.stringify({ ...runSummaryView(run), request: run.request });
  return `${head.slice(0, -1)},"result":${run.resultText ?? 'null'}}`;
}

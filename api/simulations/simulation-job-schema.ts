import { z } from 'zod';
import { SimulationResultSchema, VariantComparisonResultSchema } from '../../models/simulation/index.js';
import type { SimulationJob } from '../../runtime/simulation-jobs.js';

/** A simulation job as the API shows it. */
export const SimulationJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['simulation', 'comparison']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    progress: z.object({
      completedIterations: z.number().int(),
      totalIterations: z.number().int(),
      fraction: z.number().describe('completedIterations / totalIterations, from 0 to 1.'),
    }),
    createdAt: z.string().describe('ISO 8601 time the job was accepted.'),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    reason: z.string().nullable().describe('Why the job failed or was cancelled.'),
    links: z.object({
      self: z.string(),
      result: z.string(),
      cancel: z.string(),
      run: z.string().optional().describe('The stored run (for a caller with an API key): input, seed, software version and result, kept after restarts.'),
      samples: z
        .string()
        .optional()
        .describe('With settings.keepSamples: every iteration\'s kept values as CSV, streamed (the only place they are when there are more than MAX_INLINE_SAMPLE_VALUES and the result\'s samples is null).'),
    }),
    result: z
      .union([SimulationResultSchema, VariantComparisonResultSchema])
      .nullable()
      .describe('The result once the job succeeded: a SimulationResult, or a VariantComparisonResult for a comparison.'),
  })
  .meta({ id: 'SimulationJob', description: 'A simulation run on the worker pool: its progress, and its result when done.' });
export type SimulationJobView = z.infer<typeof SimulationJobSchema>;

export function jobView(job: SimulationJob, withResult: boolean): SimulationJobView {
  const self = `/simulations/${job.id}`;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: {
      completedIterations: job.completedIterations,
      totalIterations: job.totalIterations,
      fraction: job.totalIterations > 0 ? job.completedIterations / job.totalIterations : 1,
    },
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    reason: job.reason,
    links: {
      self,
      result: `${self}/result`,
      cancel: `${self}/cancel`,
      ...(job.stored ? { run: `/runs/${job.id}` } : {}),
      ...(job.work?.settings.keepSamples === true ? { samples: `${self}/samples` } : {}),
    },
    result: withResult ? job.result : null,
  };
}

/**
 * `jobView(job, true)` as JSON text, with the result text the job made when it succeeded placed
 * in it as it is: the same bytes as stringifying the view, without stringifying the result again.
 */
export function jobText(job: SimulationJob): string {
  if (job.result === null || job.resultText === null) return JSON.stringify(jobView(job, true));
  const { result: _omitted, ...head } = jobView(job, false);
  return `${JSON.stringify(head).slice(0, -1)},"result":${job.resultText}}`;
}

import type { Response } from 'express';
import type { SimulationResult } from '../../models/simulation/index.js';
import { hasSampleFiles, inlineSampleCsvPieces, sampleCsvPieces } from '../../runtime/sample-files.js';
import type { SimulationJob, SimulationJobs } from '../../runtime/simulation-jobs.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { failedJobProblem } from './job-response.js';

/**
 * GET /simulations/{id}/samples: a finished keepSamples run's kept values as CSV, one row per
 * iteration (`iteration`, the uncertain inputs, the scalar outputs; in a comparison every column
 * once per variant, as `variant:column`), streamed piece by piece from the files the threads wrote
 * (runtime/sample-files.ts), waiting for the client to take each piece before reading on, so that
 * memory stays at one chunk file whatever the number of iterations. A run whose samples came back
 * in its result (REDIS_URL, or a small run summarised before they went to disk) is written from
 * the result the same way.
 */
export async function sendSamples(res: Response, jobs: SimulationJobs, job: SimulationJob): Promise<void> {
  if (job.status === 'failed') throw failedJobProblem(job);
  if (job.status !== 'succeeded' || job.result === null) {
    throw new HttpProblem({
      type: PROBLEM_BASE + 'result-not-ready',
      title: job.status === 'cancelled' ? 'The simulation was cancelled' : 'The simulation has not finished',
      status: 409,
      detail: `Job ${job.id} is ${job.status} (${job.completedIterations} of ${job.totalIterations} iterations).`,
    });
  }
  if (job.work !== undefined && !job.work.settings.keepSamples) {
    throw new HttpProblem({
      type: PROBLEM_BASE + 'no-samples',
      title: 'The simulation kept no samples',
      status: 404,
      detail: `Job ${job.id} ran without settings.keepSamples; run it again with keepSamples true to download every iteration's values.`,
    });
  }
  const directory = jobs.samplesDirectory(job);
  const variants = 'variants' in job.result ? job.result.variants.map((v) => ({ name: v.name, samples: v.result.samples })) : [{ name: 'model', samples: job.result.samples }];
  let pieces: AsyncIterable<string> | Iterable<string>;
  if (directory !== null && (await hasSampleFiles(directory))) pieces = sampleCsvPieces(directory);
  else if (variants.every((v) => v.samples !== null)) pieces = inlineSampleCsvPieces(variants as { name: string; samples: NonNullable<SimulationResult['samples']> }[]);
  else {
    throw new HttpProblem({
      type: PROBLEM_BASE + 'no-samples',
      title: 'The kept samples are not available here',
      status: 404,
      detail: `Job ${job.id} kept its samples on the service instance that ran it (SAMPLES_DIR), and this instance has none of them.`,
    });
  }
  res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="simulation-${job.id}-samples.csv"` });
  let closed = false;
  res.once('close', () => (closed = true));
  for await (const piece of pieces) {
    if (closed) return;
    if (!res.write(piece)) await drainedOrClosed(res);
  }
  res.end();
}

/** Resolves when the response can take more, or the client has gone (listeners removed either way). */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

import { deserialize, serialize } from 'node:v8';
import type { ModelSpec } from '../../models/model-spec.js';
import type { SensitivitySettings } from '../../models/sensitivity/index.js';
import type { SimulationSettings } from '../../models/simulation/index.js';
import type { VariantDescription } from '../simulation-messages.js';

/**
 * What the API processes and the worker processes (`npm run worker`) exchange through BullMQ on
 * Redis. Job data is JSON; partial results and answers travel as V8 structured-clone bytes (base64
 * under a result key), which keep typed arrays, NaN, infinities and -0 exactly, so a run split over
 * processes merges to the same bytes as one run in one process. Both sides run the same software.
 */

/** The BullMQ queue all simulation work goes through; REDIS_URL and QUEUE_PREFIX say where. */
export const QUEUE_NAME = 'simulation-work';

/** Blocks [fromBlock, toBlock) of a run. */
export interface ChunkJobData {
  runId: string;
  chunk: number;
  comparison: boolean;
  variants: VariantDescription[];
  settings: SimulationSettings;
  fromBlock: number;
  toBlock: number;
}

/** Summarise a run's merged partial (encoded). */
export interface SummariseJobData {
  runId: string;
  comparison: boolean;
  partial: string;
}

export interface SensitivityJobData {
  runId: string;
  model: ModelSpec;
  settings: SensitivitySettings;
}

export type WorkName = 'chunk' | 'summarise' | 'sensitivity';

/** Where a worker leaves a job's answer for the API process to take (GETDEL), and how long it may wait there. */
export const resultKey = (prefix: string, jobId: string) => `${prefix}:${QUEUE_NAME}:result:${jobId}`;
export const RESULT_TTL_SECONDS = 24 * 60 * 60;

/** Set when a run is cancelled: workers stop its chunks and skip the ones not started. */
export const cancelKey = (prefix: string, runId: string) => `${prefix}:${QUEUE_NAME}:cancelled:${runId}`;
export const CANCEL_TTL_SECONDS = 24 * 60 * 60;

export function encode(value: unknown): string {
  return serialize(value).toString('base64');
}

export function decode<T>(text: string): T {
  return deserialize(Buffer.from(text, 'base64')) as T;
}

/** Blocks per chunk job: small enough to spread a run over several workers, large enough to keep merging cheap. */
export const DEFAULT_BLOCKS_PER_CHUNK = 4;
/**
 * Times a job is tried: a worker stopped by SIGTERM hands its jobs back as a failed attempt, and
 * one that fails for another reason gets a second chance elsewhere. (A killed worker's job is not
 * an attempt: it stalls and is taken again.)
 */
export const CHUNK_ATTEMPTS = 3;
/** A job whose worker stopped renewing its lock this many times is failed instead of taken again. */
export const MAX_STALLED_COUNT = 3;

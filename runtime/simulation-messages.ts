import type { DomainError } from '../models/errors.js';
import type { ModelSpec } from '../models/model-spec.js';
import type { SensitivityResult, SensitivitySettings } from '../models/sensitivity/index.js';
import {
  sketchArrays,
  type PartialResult,
  type SeriesFan,
  type SimulationResult,
  type SimulationSettings,
  type VariantComparisonResult,
} from '../models/simulation/index.js';
import type { ModelDescription } from './model-registry.js';
import type { ComputationName } from './report-rendering.js';

/** Messages between the simulation pool and its worker threads (structured clone). */

export interface VariantDescription {
  name: string;
  model: ModelDescription;
}

/** Run blocks [fromBlock, toBlock) of a job. The worker caches the job's plan by `jobId`. */
export interface RunChunkTask {
  type: 'run';
  taskId: number;
  jobId: number;
  variants: VariantDescription[];
  settings: SimulationSettings;
  fromBlock: number;
  toBlock: number;
  /** keepSamples: write the chunk's kept values to this folder (runtime/sample-files.ts) instead of returning them. */
  samplesDirectory?: string;
}

/** Summarise a complete partial off the main thread (sorting can take a while). */
export interface SummariseTask {
  type: 'summarise';
  taskId: number;
  jobId: number;
  partial: PartialResult;
  comparison: boolean;
  /** Leave the series fans empty: a `fans` task makes them on another thread at the same time. */
  withoutFans?: boolean;
  /** Read the kept values back from this folder into the result's `samples` (runs small enough to answer inline). */
  inlineSamplesFrom?: string;
}

/** The series fans of a one-model run (the other half of a `withoutFans` summary). */
export interface FansTask {
  type: 'fans';
  taskId: number;
  jobId: number;
  /** Needs only meta and variants[0].series. */
  partial: PartialResult;
}

/** Answered once the worker's modules are loaded: lets the pool start its threads ahead of the first job. */
export interface PingTask {
  type: 'ping';
  taskId: number;
  jobId: 0;
}

/**
 * A whole sensitivity analysis on one thread: up to MAX_MODEL_RUNS model runs can take minutes,
 * which must not block the event loop that answers every other request.
 */
export interface SensitivityTask {
  type: 'sensitivity';
  taskId: number;
  /** Sensitivity tasks belong to no simulation job. */
  jobId: 0;
  model: ModelSpec;
  settings: SensitivitySettings;
}

/**
 * Another heavy computation of a request (runtime/report-rendering.ts: a report's evaluations,
 * building and writing it), so that it does not hold up the event loop either.
 */
export interface ComputeTask {
  type: 'compute';
  taskId: number;
  jobId: 0;
  name: ComputationName;
  input: unknown;
}

export type WorkerTask = RunChunkTask | SummariseTask | FansTask | PingTask | SensitivityTask | ComputeTask;

export type WorkerReply =
  | { type: 'pong'; taskId: number }
  /** An analysis or computation has begun (its modules loaded): its time limit counts from here. */
  | { type: 'started'; taskId: number }
  | { type: 'progress'; taskId: number; completedIterations: number }
  | { type: 'partial'; taskId: number; partial: PartialResult }
  | { type: 'summary'; taskId: number; result: SimulationResult | VariantComparisonResult }
  | { type: 'fans'; taskId: number; fans: SeriesFan[] }
  | { type: 'failed'; taskId: number; error: DomainError }
  | { type: 'analysis'; taskId: number; result: SensitivityResult }
  | { type: 'computed'; taskId: number; value: unknown }
  | { type: 'crashed'; taskId: number; message: string };

/** The buffers of a partial, to transfer instead of copy. */
export function partialBuffers(partial: PartialResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: Uint32Array | Float64Array | null) => {
    if (array !== null && array.buffer instanceof ArrayBuffer && array.byteLength > 0) buffers.add(array.buffer);
  };
  const columns = [...partial.variants.flatMap((variant) => [...variant.scalars, ...variant.series]), ...partial.differences.flat()];
  for (const column of columns) {
    add(column.samples);
    if (column.sketch !== null) for (const array of sketchArrays(column.sketch)) add(array);
  }
  for (const variant of partial.variants) for (const input of variant.inputs ?? []) add(input);
  return [...buffers];
}

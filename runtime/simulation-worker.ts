import { parentPort } from 'node:worker_threads';
import { DomainFailure, type DomainError } from '../models/errors.js';
import { ok, type Result } from '../models/result.js';
import {
  prepareVariants,
  runBlocks,
  seriesFans,
  summarise,
  summariseVariants,
  summariseWithoutFans,
  type SimulationPlan,
  type SimulationResult,
  type SimulationVariant,
  type VariantComparisonResult,
} from '../models/simulation/index.js';
import { compileModelSpec } from '../models/model-spec.js';
import { runSensitivity } from '../models/sensitivity/index.js';
import './model-kinds.js';
import { compileModelDescription } from './model-registry.js';
import { partialBuffers, type ComputeTask, type RunChunkTask, type WorkerReply, type WorkerTask } from './simulation-messages.js';
import { readSamples, writeSampleChunk } from './sample-files.js';
import { warmUpSimulations } from './warm-up.js';

/** Puts each variant's kept samples (read back from disk) into the result, as the summary made them before they went to disk. */
function withInlineSamples(result: SimulationResult | VariantComparisonResult, samples: NonNullable<SimulationResult['samples']>[]): void {
  if ('variants' in result) result.variants.forEach((variant, v) => (variant.result.samples = samples[v]));
  else result.samples = samples[0];
}

/**
 * A simulation worker thread: rebuilds the job's models from their JSON descriptions (once per
 * job), runs the chunks of blocks it is given with the pure engine, and summarises on request.
 */

/** Plans of the most recent jobs, so that a job's later chunks skip compiling. */
const PLANS_CACHED = 4;
const plans = new Map<number, Result<SimulationPlan, DomainError>>();
let warmedUp = false;

const port = parentPort;
if (port === null) throw new Error('simulation-worker.ts must run in a worker thread');

function planFor(task: RunChunkTask): Result<SimulationPlan, DomainError> {
  const cached = plans.get(task.jobId);
  if (cached !== undefined) return cached;
  const variants: SimulationVariant[] = [];
  let failed: Result<SimulationPlan, DomainError> | null = null;
  task.variants.forEach((variant, v) => {
    const model = compileModelDescription(variant.model, task.variants.length === 1 ? ['model'] : ['variants', v, 'model']);
    if (model.ok) variants.push({ name: variant.name, model: model.value });
    else failed ??= model;
  });
  const plan = failed ?? prepareVariants(variants, task.settings);
  plans.set(task.jobId, plan);
  if (plans.size > PLANS_CACHED) plans.delete(plans.keys().next().value!);
  return plan.ok ? ok(plan.value) : plan;
}

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function handle(task: Exclude<WorkerTask, ComputeTask>): void {
  if (task.type === 'ping') {
    // The first ping (the pool's warm-up) also runs a few small simulations, so that the first
    // jobs run compiled code; best effort.
    if (!warmedUp) {
      warmedUp = true;
      try {
        warmUpSimulations();
      } catch {
        // A failing warm-up only leaves the thread cold.
      }
    }
    reply({ type: 'pong', taskId: task.taskId });
    return;
  }
  if (task.type === 'sensitivity') {
    // Its time limit (MAX_REQUEST_SECONDS) counts from here, not from a thread's cold start.
    reply({ type: 'started', taskId: task.taskId });
    const model = compileModelSpec(task.model);
    const analysis = model.ok ? runSensitivity(model.value, task.settings) : model;
    reply(analysis.ok ? { type: 'analysis', taskId: task.taskId, result: analysis.value } : { type: 'failed', taskId: task.taskId, error: analysis.error });
    return;
  }
  if (task.type === 'fans') {
    reply({ type: 'fans', taskId: task.taskId, fans: seriesFans(task.partial) });
    return;
  }
  if (task.type === 'summarise') {
    const result = task.comparison ? summariseVariants(task.partial) : task.withoutFans === true ? summariseWithoutFans(task.partial) : summarise(task.partial);
    if (task.inlineSamplesFrom !== undefined) withInlineSamples(result, readSamples(task.inlineSamplesFrom));
    reply({ type: 'summary', taskId: task.taskId, result });
    return;
  }
  const plan = planFor(task);
  if (!plan.ok) {
    reply({ type: 'failed', taskId: task.taskId, error: plan.error });
    return;
  }
  const partial = runBlocks(plan.value, task.fromBlock, task.toBlock, (completedIterations) =>
    reply({ type: 'progress', taskId: task.taskId, completedIterations }),
  );
  if (task.samplesDirectory !== undefined) writeSampleChunk(task.samplesDirectory, partial);
  reply({ type: 'partial', taskId: task.taskId, partial }, partialBuffers(partial));
}

/** Loaded on the first report a thread writes: the output modules (charts, workbooks) are large. */
let rendering: Promise<typeof import('./report-rendering.js')> | null = null;

async function handleCompute(task: ComputeTask): Promise<void> {
  rendering ??= import('./report-rendering.js');
  const modules = await rendering;
  // Its time limit counts from here, once the output modules are loaded.
  reply({ type: 'started', taskId: task.taskId });
  const outcome = await modules.compute(task.name, task.input as never);
  if (!outcome.ok) return reply({ type: 'failed', taskId: task.taskId, error: outcome.error });
  const value = outcome.value;
  // A workbook's bytes move to the pool's thread instead of being copied.
  // (Only a buffer of its own: a small Buffer may share Node's pool with other buffers.)
  const transfer = value instanceof Uint8Array && value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? [value.buffer] : [];
  reply({ type: 'computed', taskId: task.taskId, value }, transfer);
}

const crashed = (task: WorkerTask, error: unknown) =>
  reply({ type: 'crashed', taskId: task.taskId, message: error instanceof Error ? error.message : String(error) });

port.on('message', (task: WorkerTask) => {
  if (task.type === 'compute') {
    handleCompute(task).catch((error: unknown) => crashed(task, error));
    return;
  }
  try {
    handle(task);
  } catch (error) {
    // A domain error from inside a kernel (a custom rule not finite in some month) fails the job
    // with that error, as a plan that does not compile does.
    if (error instanceof DomainFailure) reply({ type: 'failed', taskId: task.taskId, error: error.error });
    else crashed(task, error);
  }
});

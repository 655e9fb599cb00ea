import { resultOfKernel, type DomainError, type FieldPath } from '../errors.js';
import type { Result } from '../result.js';
import type { CompiledModel } from './model.js';
import { prepareSimulation, prepareVariants, type SimulationVariant } from './plan.js';
import type { SimulationResult, VariantComparisonResult } from './result-schema.js';
import { runBlocks } from './run-blocks.js';
import type { SimulationSettings } from './settings.js';
import { summarise, summariseVariants } from './summarise.js';

/**
 * A whole simulation on the calling thread: plan, run every block, summarise. The worker pool
 * in `runtime/` gives the same bits using several threads.
 */
export function runSimulation(
  model: CompiledModel,
  settings: SimulationSettings,
  at?: FieldPath,
): Result<SimulationResult, DomainError> {
  const plan = prepareSimulation(model, settings, at);
  if (!plan.ok) return plan;
  return resultOfKernel(() => summarise(runBlocks(plan.value, 0, plan.value.meta.blocks)));
}

/**
 * Several variants of one contract on common random numbers: the same uniforms and the same
 * outcome streams for every variant, so that their differences show the effect of the variant
 * and not chance. The paired differences (variant - first) are summarised like outputs.
 *
 * Individual outcomes stay in step between variants as long as they draw the same number of
 * random numbers per iteration (true when they differ only in payment terms); otherwise the
 * outcome streams drift apart within a block and only the inputs remain common.
 */
export function runVariants(
  variants: readonly SimulationVariant[],
  settings: SimulationSettings,
  at?: FieldPath,
): Result<VariantComparisonResult, DomainError> {
  const plan = prepareVariants(variants, settings, at);
  if (!plan.ok) return plan;
  return resultOfKernel(() => summariseVariants(runBlocks(plan.value, 0, plan.value.meta.blocks)));
}

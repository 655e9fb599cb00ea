import type { ContractModel } from '../contract/contract-model.js';
import { evaluateContract } from '../contract/contract-model.js';
import type { ObservedState } from '../contract/observed-state.js';
import type { CompiledModel } from '../simulation/model.js';
import { drawAt } from './importance-weights.js';

/** The one input of a re-forecast model: a uniform that picks a posterior draw. */
export const POSTERIOR_DRAW_INPUT = 'posteriorDraw';

/**
 * The contract re-forecast as a model the Monte Carlo engine runs like any other: its one uncertain
 * input U ~ Uniform(0, 1) picks prior draw i with chance equal to its importance weight (inverse
 * CDF of the weights: importance resampling driven by the engine's own stratified uniforms), and
 * the contract is evaluated with that draw's inputs from the observed state. The engine's seed,
 * blocks and threads then make the re-forecast reproducible like every other run.
 *
 * `priorDraws` holds one row of every contract input per draw (`i * inputs + k`).
 */
export function createPosteriorModel(contract: ContractModel, priorDraws: Float64Array, cumulativeWeights: Float64Array, observed: ObservedState): CompiledModel<{ params: Float64Array; contract: ReturnType<ContractModel['createWorkspace']> }> {
  const K = contract.inputs.length;
  return {
    inputs: [{ path: POSTERIOR_DRAW_INPUT, base: 0.5, distribution: { type: 'uniform', min: 0, max: 1 } }],
    scalarOutputs: contract.scalarOutputs,
    seriesOutputs: contract.seriesOutputs,
    createWorkspace: () => ({ params: new Float64Array(K), contract: contract.createWorkspace() }),
    evaluate(params, ws, rng, scalars, series) {
      const draw = drawAt(cumulativeWeights, params[0]);
      ws.params.set(priorDraws.subarray(draw * K, (draw + 1) * K));
      evaluateContract(contract.plan, ws.params, ws.contract, rng, scalars, series, observed);
    },
  };
}

import type { CompiledModel } from '../../simulation/model.js';
import type { ContractModel } from '../contract-model.js';
import { createSummaryWorkspace, evaluateSummary, fastPathSupports, type SummaryWorkspace } from './summary-kernel.js';

/**
 * Gives a contract model its summary model (`CompiledModel.summaryModel`): the summary kernel when
 * it covers the contract, else the model itself. A copy of the model that evaluates differently
 * (its `evaluate` replaced, e.g. to start from an observed state) gets itself back, never the
 * summary kernel of the plain contract.
 */
export function withSummaryKernel<M extends ContractModel>(model: M): M {
  const fullEvaluate = model.evaluate;
  let summary: CompiledModel<SummaryWorkspace> | null = null;
  return Object.assign(model, {
    summaryModel(this: CompiledModel): CompiledModel {
      if (this.evaluate !== fullEvaluate || !fastPathSupports(model.plan)) return this;
      summary ??= contractSummaryModel(model);
      return summary as CompiledModel;
    },
  });
}

function contractSummaryModel(model: ContractModel): CompiledModel<SummaryWorkspace> {
  const plan = model.plan;
  return {
    inputs: model.inputs,
    scalarOutputs: model.scalarOutputs,
    seriesOutputs: model.seriesOutputs,
    createWorkspace: () => createSummaryWorkspace(plan),
    evaluate: (params, ws, rng, scalars, series) => evaluateSummary(plan, params, ws, rng, scalars, series),
  };
}

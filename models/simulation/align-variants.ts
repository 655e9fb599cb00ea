import { baseParams, summaryModelOf, type CompiledModel, type ModelInput, type OutputInfo } from './model.js';
import type { SimulationVariant } from './plan.js';

/**
 * Variants rarely have the same inputs: one contract pays per job start, its variant a share of
 * savings; one fund strategy has an outcome contract, another a grant layer. To run them on common
 * random numbers, every variant is given the union of all inputs (by path) and of all scalar
 * outputs (by name):
 * - an input a variant does not have is sampled like the others and ignored by it;
 * - an input uncertain in one variant gets the same uniforms in every variant that has it; where a
 *   variant has that path as a fixed number it keeps its number (the first uncertain version of a
 *   path sets the distribution that is sampled);
 * - an output a variant does not have is NaN in every iteration (left out of its statistics).
 * Variants that already agree are returned unchanged, so their evaluation costs nothing extra.
 */
export function alignVariants(variants: readonly SimulationVariant[]): SimulationVariant[] {
  if (variants.every((variant) => sameShape(variant.model, variants[0].model))) return [...variants];
  const models = variants.map((variant) => variant.model);

  const unionPaths: string[] = [];
  const unionIndex = new Map<string, number>();
  const unionUncertain: (ModelInput | null)[] = [];
  const unionBase: number[] = [];
  for (const model of models) {
    for (const input of model.inputs) {
      let u = unionIndex.get(input.path);
      if (u === undefined) {
        u = unionPaths.length;
        unionIndex.set(input.path, u);
        unionPaths.push(input.path);
        unionUncertain.push(null);
        unionBase.push(input.base);
      }
      if (unionUncertain[u] === null && isUncertain(input)) unionUncertain[u] = input;
    }
  }

  const outputNames: string[] = [];
  const outputInfo = new Map<string, OutputInfo>();
  for (const model of models) {
    for (const output of model.scalarOutputs) {
      if (outputInfo.has(output.name)) continue;
      outputInfo.set(output.name, output);
      outputNames.push(output.name);
    }
  }
  const scalarOutputs = outputNames.map((name) => ({ ...outputInfo.get(name)! }));

  return variants.map(({ name, model }) => {
    const own = new Map(model.inputs.map((input, i) => [input.path, i]));
    const inputMap = new Int32Array(unionPaths.length).fill(-1);
    const inputs: ModelInput[] = unionPaths.map((path, u) => {
      const i = own.get(path);
      const mine = i === undefined ? null : model.inputs[i];
      if (mine !== null && (isUncertain(mine) || unionUncertain[u] === null)) {
        inputMap[u] = i!;
        return mine;
      }
      const reference = unionUncertain[u];
      return { path, base: mine?.base ?? unionBase[u], distribution: reference?.distribution ?? null };
    });
    const ownOutput = new Map(model.scalarOutputs.map((output, k) => [output.name, k]));
    const outputMap = Int32Array.from(outputNames, (outputName) => ownOutput.get(outputName) ?? -1);
    // Aligned variants exist only for simulations, which read scalars and series: the summary model serves.
    const kernel = summaryModelOf(model);
    const aligned: CompiledModel<AlignedWorkspace> = {
      inputs,
      scalarOutputs,
      seriesOutputs: model.seriesOutputs,
      createWorkspace: () => ({
        params: baseParams(model),
        scalars: new Float64Array(model.scalarOutputs.length),
        inner: kernel.createWorkspace(),
      }),
      evaluate(params, ws, rng, scalars, series) {
        for (let u = 0; u < inputMap.length; u++) if (inputMap[u] >= 0) ws.params[inputMap[u]] = params[u];
        kernel.evaluate(ws.params, ws.inner, rng, ws.scalars, series);
        for (let k = 0; k < outputMap.length; k++) scalars[k] = outputMap[k] >= 0 ? ws.scalars[outputMap[k]] : Number.NaN;
      },
    };
    return { name, model: aligned as CompiledModel };
  });
}

interface AlignedWorkspace {
  /** The variant's own parameter vector: union entries it has are copied in each iteration. */
  params: Float64Array;
  scalars: Float64Array;
  inner: unknown;
}

function isUncertain(input: ModelInput): boolean {
  return input.distribution !== null && input.distribution.type !== 'fixed';
}

function sameShape(a: CompiledModel, b: CompiledModel): boolean {
  if (a.inputs.length !== b.inputs.length || a.scalarOutputs.length !== b.scalarOutputs.length) return false;
  for (let i = 0; i < a.inputs.length; i++) {
    if (a.inputs[i].path !== b.inputs[i].path || isUncertain(a.inputs[i]) !== isUncertain(b.inputs[i])) return false;
  }
  for (let k = 0; k < a.scalarOutputs.length; k++) if (a.scalarOutputs[k].name !== b.scalarOutputs[k].name) return false;
  return true;
}

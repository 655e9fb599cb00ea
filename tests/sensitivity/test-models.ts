import { compileDistribution, type Distribution } from '../../models/distributions/index.js';
import type { CompiledModel, ModelInput } from '../../models/simulation/model.js';

/**
 * Small hand-built models with textbook answers. Each is a CompiledModel like the contract and
 * portfolio models, so the sensitivity methods are tested exactly as the service runs them,
 * without depending on the Monte Carlo engine or the expression compiler.
 */

export interface TestInput {
  path: string;
  /** null: a plain number, with `base` as its value. */
  distribution: Distribution | null;
  base?: number;
}

export interface CountingModel extends CompiledModel<{ scratch: Float64Array }> {
  /** How many workspaces were created: a method should create one, however many runs it makes. */
  workspacesCreated: number;
  evaluations: number;
}

/**
 * A model computing scalar outputs from its inputs with `formula(inputs, outputs)`.
 * An input's base value is its distribution's mean (what the real models use) unless given.
 */
export function functionModel(
  inputs: TestInput[],
  outputNames: string[],
  formula: (inputs: Float64Array, outputs: Float64Array) => void,
): CountingModel {
  const modelInputs: ModelInput[] = inputs.map((input) => ({
    path: input.path,
    distribution: input.distribution,
    base: input.base ?? (input.distribution === null ? 0 : compileDistribution(input.distribution).mean),
  }));
  const model: CountingModel = {
    inputs: modelInputs,
    scalarOutputs: outputNames.map((name) => ({ name, unit: 'EUR', description: `test output ${name}` })),
    seriesOutputs: [],
    workspacesCreated: 0,
    evaluations: 0,
    createWorkspace() {
      model.workspacesCreated++;
      return { scratch: new Float64Array(1) };
    },
    evaluate(params, _workspace, _rng, scalars) {
      model.evaluations++;
      formula(params, scalars);
    },
  };
  return model;
}

export const uniform = (min: number, max: number): Distribution => ({ type: 'uniform', min, max });
export const normal = (mean: number, sd: number): Distribution => ({ type: 'normal', mean, sd });

/**
 * Ishigami & Homma (1990): y = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π), here with the
 * usual a = 7, b = 0.1. A standard test because x3 acts only through its interaction with x1.
 */
export function ishigamiModel(a = 7, b = 0.1): CountingModel {
  const range = uniform(-Math.PI, Math.PI);
  return functionModel(
    [
      { path: 'x1', distribution: range },
      { path: 'x2', distribution: range },
      { path: 'x3', distribution: range },
    ],
    ['y'],
    (x, y) => {
      const sin1 = Math.sin(x[0]);
      const sin2 = Math.sin(x[1]);
      y[0] = sin1 + a * sin2 * sin2 + b * x[2] ** 4 * sin1;
    },
  );
}

/** y = Σ b_i x_i over the given inputs. */
export function linearModel(coefficients: number[], inputs: TestInput[]): CountingModel {
  return functionModel(inputs, ['y'], (x, y) => {
    let sum = 0;
    for (let i = 0; i < coefficients.length; i++) sum += coefficients[i] * x[i];
    y[0] = sum;
  });
}

import { createContractModel } from '../models/contract/index.js';
import { createRng } from '../models/random/index.js';
import { seriesLength } from '../models/simulation/model.js';
import { benchContract } from './bench-contract.js';
import { formatRate, opsPerSecond } from './time.js';

/** Evaluations per second of the bench contract on one core: expected rates, and drawn persons. */
export function benchContractKernel(): Record<string, number> {
  const built = createContractModel(benchContract());
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const model = built.value;
  const params = Float64Array.from(model.inputs, (i) => i.base);
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const rng = createRng(42);
  const expected = opsPerSecond(() => model.evaluate(params, ws, null, scalars, series));
  const drawn = opsPerSecond(() => model.evaluate(params, ws, rng, scalars, series));
  console.log(`contract kernel, 200 participants x 60 months, expected rates: ${formatRate(expected)} evaluations/s`);
  console.log(`contract kernel, 200 participants x 60 months, drawn persons:  ${formatRate(drawn)} evaluations/s`);
  return { contractExpectedPerSecond: expected, contractDrawnPerSecond: drawn };
}

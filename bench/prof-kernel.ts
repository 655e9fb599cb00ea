import { createContractModel } from '../models/contract/index.js';
import { createRng } from '../models/random/index.js';
import { seriesLength } from '../models/simulation/model.js';
import { benchContract } from './bench-contract.js';
const drawn = process.argv[2] === 'drawn';
const built = createContractModel(benchContract());
if (!built.ok) throw new Error('x');
const model = built.value;
const params = Float64Array.from(model.inputs, (i) => i.base);
const ws = model.createWorkspace();
const scalars = new Float64Array(model.scalarOutputs.length);
const series = new Float64Array(seriesLength(model));
const rng = createRng(42);
const n = drawn ? 10000 : 20000;
const runs: number[] = [];
for (let r = 0; r < 9; r++) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) model.evaluate(params, ws, drawn ? rng : null, scalars, series);
  runs.push(((performance.now() - t0) * 1000) / n);
}
runs.sort((a, b) => a - b);
console.log(drawn ? 'drawn' : 'expected', 'min', runs[0].toFixed(2), 'median', runs[4].toFixed(2), 'us/eval');

import { createContractModel } from '../models/contract/index.js';
import { createRng } from '../models/random/index.js';
import { seriesLength, summaryModelOf } from '../models/simulation/model.js';
import { benchContract } from './bench-contract.js';
// Arguments: 'drawn' for drawn persons, 'summary' for the summary kernel simulations run (node --cpu-prof --import tsx bench/prof-kernel.ts drawn summary).
const drawn = process.argv.includes('drawn');
const summary = process.argv.includes('summary');
const built = createContractModel(benchContract());
if (!built.ok) throw new Error('x');
const model = summary ? summaryModelOf(built.value) : built.value;
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
console.log(summary ? 'summary kernel' : 'full kernel', drawn ? 'drawn' : 'expected', 'min', runs[0].toFixed(2), 'median', runs[4].toFixed(2), 'us/eval');

import { createContractModel } from '../models/contract/index.js';
import { runSimulation } from '../models/simulation/run-simulation.js';
import { SimulationSettingsSchema } from '../models/simulation/settings.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';
const draw = process.argv[2] === 'drawn';
const built = createContractModel(benchContractWithTenUncertainInputs());
if (!built.ok) throw new Error('x');
const settings = SimulationSettingsSchema.parse({ iterations: 20000, seed: 11, drawIndividualOutcomes: draw });
for (let r = 0; r < 3; r++) { const t = performance.now(); runSimulation(built.value, settings); console.log(draw, (performance.now() - t).toFixed(0), 'ms'); }

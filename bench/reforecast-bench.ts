import { performance } from 'node:perf_hooks';
import { ActualsSchema } from '../models/actuals/index.js';
import { evaluateContract } from '../models/contract/contract-model.js';
import { createContractModel } from '../models/contract/index.js';
import { createRng } from '../models/random/index.js';
import { InferenceSettingsSchema, reforecastContract } from '../models/reforecast/index.js';
import { seriesLength } from '../models/simulation/model.js';
import { SimulationSettingsSchema } from '../models/simulation/settings.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';

/**
 * Time of one re-forecast (POST /contracts/reforecast's work) of the 200-participant bench contract
 * with ten uncertain inputs, from 24 months of actuals (the contract's own drawn path at its base
 * values, pooled over its three profiles), at 10,000 iterations: the plan run, the weighting of
 * the prior draws, the re-forecast run and the plan-versus-actual band (1,000 draws).
 */
export function benchReforecast(iterations = 10_000, months = 24): Record<string, number> {
  const contract = benchContractWithTenUncertainInputs();
  const built = createContractModel(contract);
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const model = built.value;
  const ws = model.createWorkspace();
  const params = Float64Array.from(model.inputs, (input) => input.base);
  evaluateContract(model.plan, params, ws, createRng(2026, 16), new Float64Array(model.scalarOutputs.length), new Float64Array(seriesLength(model)));
  const actuals = ActualsSchema.parse({
    asOfMonth: months - 1,
    months: Array.from({ length: months }, (_, t) => ({
      month: t,
      intake: ws.intakeTotal[t],
      jobStarts: ws.programme.placements[t],
      fallbacks: ws.programme.fallbacks[t],
      otherExits: 0,
      payments: ws.payments[t],
    })),
  });
  // The kernel's other exits include those back on bijstand after work; the actuals count waiting participants' only, so none are recorded here.
  const start = performance.now();
  const result = reforecastContract(contract, actuals, SimulationSettingsSchema.parse({ iterations, seed: 16 }), InferenceSettingsSchema.parse({}));
  const seconds = (performance.now() - start) / 1_000;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const inference = result.value.inference;
  console.log(
    `re-forecast, 200-participant bench contract, ${months} months of actuals, ${iterations.toLocaleString('en-US')} iterations (plan, weighting of ${inference.priorDraws.toLocaleString('en-US')} prior draws, re-forecast, ${result.value.planVersusActual.planPathDraws.toLocaleString('en-US')}-draw plan band): ${seconds.toFixed(2)} s; effective sample size ${Math.round(inference.effectiveSampleSize).toLocaleString('en-US')}`,
  );
  return { reforecastSeconds: seconds, effectiveSampleSize: inference.effectiveSampleSize };
}

if (import.meta.url === `file://${process.argv[1]}`) benchReforecast();

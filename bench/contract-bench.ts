import { createContractModel, type ContractModel } from '../models/contract/index.js';
import { simulateWorld } from '../models/contract/population.js';
import { createRng, type Rng } from '../models/random/index.js';
import { seriesLength, summaryModelOf } from '../models/simulation/model.js';
import { runSimulation } from '../models/simulation/run-simulation.js';
import { SimulationSettingsSchema } from '../models/simulation/settings.js';
import { benchContract, benchContractWithTenUncertainInputs } from './bench-contract.js';
import { formatRate, median, medianOf, opsPerSecond, secondsOf } from './time.js';

/** Measurements repeated for each figure; the median is printed. */
const REPEATS = 3;
/** Uniforms per raw-generator fill. */
const RAW_FILL_LENGTH = 1 << 16;
/** Drawn evaluations over which the uniforms they consume are counted. */
const COUNTED_EVALUATIONS = 2_000;
/** Iterations of each end-to-end Monte Carlo run. */
const MONTE_CARLO_ITERATIONS = 20_000;

function buildModel(contract: Parameters<typeof createContractModel>[0]): ContractModel {
  const built = createContractModel(contract);
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

/** An Rng that counts the uniforms it hands out (for counting only: the extra class slows the kernel). */
class CountingRng implements Rng {
  count = 0;
  constructor(private readonly inner: Rng) {}
  nextDouble(): number {
    this.count++;
    return this.inner.nextDouble();
  }
}

/**
 * Throughput of the contract kernel and of the Monte Carlo loop around it, single thread:
 * (a) evaluations/s of the bench contract with expected rates and with drawn persons;
 * (b) the raw rate of the generator filling a Float64Array with uniforms;
 * (c) uniforms one drawn evaluation consumes, and drawn-evaluation time over the time to draw
 *     that many uniforms raw (the target: within 5x);
 * (d) end-to-end runSimulation iterations/s of the ten-uncertain-input contract, expected and drawn.
 */
export function benchContractKernel(): Record<string, number> {
  const model = buildModel(benchContract());
  const params = Float64Array.from(model.inputs, (i) => i.base);
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const rng = createRng(42);
  const expected = medianOf(REPEATS, () => opsPerSecond(() => model.evaluate(params, ws, null, scalars, series)));
  const drawn = medianOf(REPEATS, () => opsPerSecond(() => model.evaluate(params, ws, rng, scalars, series)));
  console.log(`contract kernel, 200 participants x 60 months, expected rates: ${formatRate(expected)} evaluations per CPU second`);
  console.log(`contract kernel, 200 participants x 60 months, drawn persons:  ${formatRate(drawn)} evaluations per CPU second`);
  // The summary kernel simulation and sensitivity runs evaluate (models/contract/fast-path/): the same scalars and yearly series, no monthly detail.
  const summary = summaryModelOf(model);
  const summaryWorkspace = summary.createWorkspace();
  const summaryExpected = medianOf(REPEATS, () => opsPerSecond(() => summary.evaluate(params, summaryWorkspace, null, scalars, series)));
  const summaryDrawn = medianOf(REPEATS, () => opsPerSecond(() => summary.evaluate(params, summaryWorkspace, rng, scalars, series)));
  console.log(
    `contract summary kernel (what simulations evaluate), expected rates: ${formatRate(summaryExpected)} evaluations per CPU second (${(summaryExpected / expected).toFixed(2)}x the full kernel)`,
  );
  console.log(
    `contract summary kernel (what simulations evaluate), drawn persons:  ${formatRate(summaryDrawn)} evaluations per CPU second (${(summaryDrawn / drawn).toFixed(2)}x the full kernel)`,
  );

  const raw = new Float64Array(RAW_FILL_LENGTH);
  const rawRng = createRng(7);
  const uniformsPerSecond = medianOf(REPEATS, () => opsPerSecond(() => rawRng.fill(raw))) * RAW_FILL_LENGTH;
  console.log(`xoshiro128** raw uniforms (createRng().fill of a Float64Array): ${formatRate(uniformsPerSecond)} uniforms per CPU second`);

  const counting = new CountingRng(createRng(43));
  for (let i = 0; i < COUNTED_EVALUATIONS; i++) model.evaluate(params, ws, counting, scalars, series);
  const uniformsPerEvaluation = counting.count / COUNTED_EVALUATIONS;
  const rawSecondsPerEvaluation = uniformsPerEvaluation / uniformsPerSecond;
  const ratio = 1 / drawn / rawSecondsPerEvaluation;
  console.log(
    `drawn evaluation: ${uniformsPerEvaluation.toFixed(1)} uniforms on average; its time is ${ratio.toFixed(1)}x the time to draw them raw`,
  );

  const breakdown = whereTheTimeGoes(model, params, rawSecondsPerEvaluation);

  const uncertainModel = buildModel(benchContractWithTenUncertainInputs());
  const monteCarlo = (drawIndividualOutcomes: boolean): number => {
    const settings = SimulationSettingsSchema.parse({ iterations: MONTE_CARLO_ITERATIONS, seed: 11, drawIndividualOutcomes });
    runSimulation(uncertainModel, { ...settings, iterations: 2_048 }); // warm-up
    return medianOf(REPEATS, () => MONTE_CARLO_ITERATIONS / secondsOf(() => runSimulation(uncertainModel, settings)));
  };
  const monteCarloExpected = monteCarlo(false);
  const monteCarloDrawn = monteCarlo(true);
  console.log(
    `monte carlo end to end, 10-input contract, ${formatRate(MONTE_CARLO_ITERATIONS)} iterations, one thread (runSimulation, summary included): ` +
      `${formatRate(monteCarloExpected)} iterations per CPU second expected rates, ${formatRate(monteCarloDrawn)} drawn persons`,
  );
  return {
    ...breakdown,
    contractExpectedPerSecond: expected,
    contractDrawnPerSecond: drawn,
    summaryExpectedPerSecond: summaryExpected,
    summaryDrawnPerSecond: summaryDrawn,
    rawUniformsPerSecond: uniformsPerSecond,
    uniformsPerDrawnEvaluation: uniformsPerEvaluation,
    drawnOverRawRatio: ratio,
    monteCarloExpectedPerSecond: monteCarloExpected,
    monteCarloDrawnPerSecond: monteCarloDrawn,
  };
}

/**
 * Where one evaluation's time goes: the two populations (programme and counterfactual world, the
 * part that grows with profiles x months, and with persons when drawn) against the rest (indices,
 * payment table, pool triggers, lag/threshold/caps, parties, discounting and the summary), which
 * does not depend on how outcomes are drawn. The expected-rate populations are timed alone, on a
 * workspace an evaluation has prepared; the drawn populations are the drawn evaluation less that
 * same rest. For the drawn-vs-raw target (within 5x of the raw draws) it prints the time per
 * drawn person the target would leave.
 */
function whereTheTimeGoes(
  model: ContractModel,
  params: Float64Array,
  rawDrawSeconds: number,
): Record<string, number> {
  const plan = model.plan;
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  model.evaluate(params, ws, null, scalars, series);
  // The whole evaluation (expected and drawn) and its populations timed in turn, so that the
  // differences are not the machine's drift between two moments (its speed moves by up to 40%
  // within minutes).
  const totals: number[] = [];
  const drawnTotals: number[] = [];
  const worlds: number[] = [];
  const rng = createRng(44);
  for (let turn = 0; turn < REPEATS; turn++) {
    totals.push(1 / opsPerSecond(() => model.evaluate(params, ws, null, scalars, series)));
    drawnTotals.push(1 / opsPerSecond(() => model.evaluate(params, ws, rng, scalars, series)));
    worlds.push(
      1 /
        opsPerSecond(() => {
          simulateWorld(plan, params, ws, null, ws.programme, true);
          simulateWorld(plan, params, ws, null, ws.counterfactual, false);
        }),
    );
  }
  model.evaluate(params, ws, null, scalars, series);
  const expectedWorlds = median(worlds);
  const expectedTotal = median(totals);
  const drawnTotal = median(drawnTotals);
  const rest = expectedTotal - expectedWorlds;
  const drawnWorlds = drawnTotal - rest;
  const profileMonths = 2 * plan.profiles.length * plan.horizon;
  const persons = 2 * scalars[model.scalarOutputs.findIndex((output) => output.name === 'participants')];
  const budgetPerPerson = (5 * rawDrawSeconds - rest) / persons;
  const us = (seconds: number) => (seconds * 1e6).toFixed(1);
  const ns = (seconds: number) => (seconds * 1e9).toFixed(0);
  console.log(
    `where the time goes, expected rates: ${us(expectedTotal)} us an evaluation = populations ${us(expectedWorlds)} us ` +
      `(${profileMonths} profile-months, ${ns(expectedWorlds / profileMonths)} ns each) + the rest ${us(rest)} us (payments, caps, parties, summary)`,
  );
  console.log(
    `where the time goes, drawn persons: ${us(drawnTotal)} us an evaluation = the same rest + populations ${us(drawnWorlds)} us ` +
      `(${persons} persons over both worlds, ${ns(drawnWorlds / persons)} ns each with their draws); the raw draws alone take ${us(rawDrawSeconds)} us ` +
      `and the rest alone is ${(rest / rawDrawSeconds).toFixed(1)}x that, so within 5x leaves ${ns(budgetPerPerson)} ns a person`,
  );
  // A floor for any kernel that keeps this model's monthly detail: the time to merely write as many
  // typed-array values as one evaluation fills, each a product of two numbers (independent
  // stores, so the loop runs at the machine's store throughput, not at an addition's latency).
  const monthlyValues = monthlyValuesFilled(ws, plan.horizon);
  const column = new Float64Array(monthlyValues);
  const passSeconds = 1 / medianOf(REPEATS, () => opsPerSecond(() => writeProducts(column, 1.5)));
  const valueNs = ((passSeconds / monthlyValues) * 1e9).toFixed(2);
  console.log(
    `floor: one evaluation fills ${monthlyValues.toLocaleString('en-US')} monthly values (counts and series of both worlds, payments, parties); ` +
      `a loop that only writes that many computed values takes ${us(passSeconds)} us (${valueNs} ns a value): at most ${formatRate(1 / passSeconds)} ` +
      `evaluations per CPU second for any kernel that keeps them; 2 million a second leaves 0.5 us an iteration`,
  );
  return {
    monthlyValuesPerEvaluation: monthlyValues,
    floorPassSeconds: passSeconds,
    expectedPopulationSeconds: expectedWorlds,
    drawnPopulationSeconds: drawnWorlds,
    restSeconds: rest,
    nanosecondsPerProfileMonth: (expectedWorlds / profileMonths) * 1e9,
  };
}

/** Writes scale x i into every entry: the cheapest loop that fills a typed array with computed values. */
function writeProducts(column: Float64Array, scale: number): void {
  for (let i = 0; i < column.length; i++) column[i] = scale * i;
}

/**
 * Values in the monthly arrays one evaluation fills: every Float64Array of the workspace, of both
 * worlds and of the per-profile counts whose length is a whole number of horizons (monthly, per
 * profile, per trigger or per payee by month).
 */
function monthlyValuesFilled(ws: ReturnType<ContractModel['createWorkspace']>, horizon: number): number {
  let values = 0;
  for (const holder of [ws, ws.programme, ws.counterfactual, ws.population.counts] as object[]) {
    for (const value of Object.values(holder)) {
      if (value instanceof Float64Array && value.length >= horizon && value.length % horizon === 0) values += value.length;
    }
  }
  return values;
}

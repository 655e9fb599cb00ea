import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { ActualsSchema, checkActuals } from '../../models/actuals/index.js';
import { evaluateContract } from '../../models/contract/contract-model.js';
import { ContractSchema, createContractModel, type Contract } from '../../models/contract/index.js';
import { createRng } from '../../models/random/index.js';
import { InferenceSettingsSchema, likelihoodData, logLikelihood, personsAtRisk, reforecastContract, importanceWeights, weightedSummary } from '../../models/reforecast/index.js';
import { runSimulation } from '../../models/simulation/run-simulation.js';
import { SimulationSettingsSchema } from '../../models/simulation/settings.js';
import { seriesLength } from '../../models/simulation/model.js';

/**
 * Calibration over synthetic pilots drawn from the prior (a fixed set of seeds): the true
 * job-entry rate and fall-back hazard of each pilot are drawn from the contract's priors, its first
 * 12 months are simulated by the contract kernel with those rates, and the actuals are what it
 * produced. If the update is right, the posterior 90% interval contains the true rate in 90% of
 * pilots, and the re-forecast's 80% band (P10-P90) of total payments contains the realised total in
 * 80% of them.
 *
 * Tolerances: with S pilots the hit rate is binomial, sd sqrt(q (1 - q) / S); we allow 3 sd
 * (a false failure about 1 in 400 per check at a fixed seed set, so in practice the seeds either
 * pass or show a real bias). 200 pilots for the rate: 0.90 +- 0.064; 40 pilots for the payments
 * (each a whole re-forecast, bounded so the test stays well under a minute): 0.80 +- 0.19.
 * At these seeds: 170 of 200 (0.85) and 35 of 40 (0.875); 600 pilots at another seed gave 0.892.
 * The time limits are generous on purpose: the work is bounded, not the clock.
 */
const ALPHA = 3;
const BETA = 57; // job entry: mean 5% a month
const HAZARD_ALPHA = 2;
const HAZARD_BETA = 48; // fall-back: mean 4% a month

function pilotContract(): Contract {
  return ContractSchema.parse({
    name: 'Synthetic pilot',
    startMonth: '2026-01',
    horizonMonths: 36,
    programmeMonths: 24,
    intake: { cohorts: [{ month: 0, count: 30 }, { month: 3, count: 30 }] },
    profiles: [
      {
        id: 'all',
        share: 1,
        monthlyBenefit: 1300,
        programme: { monthlyJobEntryRate: { type: 'beta', alpha: ALPHA, beta: BETA }, monthlyOtherExitRate: 0 },
        counterfactual: { monthlyJobEntryRate: 0.01, monthlyOtherExitRate: 0 },
      },
    ],
    work: { fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: { type: 'beta', alpha: HAZARD_ALPHA, beta: HAZARD_BETA } }] },
    payment: {
      triggers: [
        { id: 'start', kind: 'jobStart', price: 2000 },
        { id: 'six', kind: 'sustained', months: 6, price: 3000 },
      ],
    },
  });
}

const OBSERVED_MONTHS = 12;

/** A pilot with rates drawn from the priors, simulated by the kernel: its actuals and its realised total payments. */
function syntheticPilot(contract: Contract, pilot: number) {
  const model = createContractModel(contract);
  if (!model.ok) throw new Error('contract');
  const { plan } = model.value;
  const rng = createRng(4242, pilot);
  const params = Float64Array.from(model.value.inputs, (i) => i.base);
  const trueRate = jStat.beta.inv(rng.nextDouble(), ALPHA, BETA);
  params[plan.profiles[0].programmeJobEntry] = trueRate;
  params[plan.hazardBandRates[0]] = jStat.beta.inv(rng.nextDouble(), HAZARD_ALPHA, HAZARD_BETA);
  const ws = model.value.createWorkspace();
  evaluateContract(plan, params, ws, rng, new Float64Array(model.value.scalarOutputs.length), new Float64Array(seriesLength(model.value)));
  const months = Array.from({ length: OBSERVED_MONTHS }, (_, t) => ({
    month: t,
    intake: ws.intakeTotal[t],
    jobStarts: ws.programme.placements[t],
    fallbacks: ws.programme.fallbacks[t],
    inWork: ws.programme.inWorkFullTime[t] + ws.programme.inWorkPartTime[t],
    payments: ws.payments[t],
  }));
  const realisedTotal = ws.payments.reduce((a, b) => a + b, 0);
  return { trueRate, actuals: ActualsSchema.parse({ asOfMonth: OBSERVED_MONTHS - 1, months }), realisedTotal };
}

describe('calibration over synthetic pilots drawn from the prior', () => {
  const contract = pilotContract();

  it('the posterior 90% interval of the job-entry rate contains the true rate in about 90% of 200 pilots', () => {
    const model = createContractModel(contract);
    if (!model.ok) throw new Error('contract');
    const { plan, inputs } = model.value;
    const N = 4_000;
    const prior = runSimulation(model.value, SimulationSettingsSchema.parse({ iterations: N, seed: 77, keepSamples: true }));
    if (!prior.ok) throw new Error('prior');
    const K = inputs.length;
    const draws = new Float64Array(N * K);
    for (let i = 0; i < N; i++) for (let k = 0; k < K; k++) draws[i * K + k] = inputs[k].base;
    for (const sampled of prior.value.samples!.inputs) {
      const k = inputs.findIndex((input) => input.path === sampled.path);
      sampled.values.forEach((v, i) => (draws[i * K + k] = v!));
    }
    const slot = plan.profiles[0].programmeJobEntry;
    const rates = Float64Array.from({ length: N }, (_, i) => draws[i * K + slot]);
    const pilots = 200;
    let inside = 0;
    for (let pilot = 0; pilot < pilots; pilot++) {
      const { trueRate, actuals } = syntheticPilot(contract, pilot);
      const checked = checkActuals(contract, actuals, [1]);
      if (!checked.ok) throw new Error(JSON.stringify(checked.error));
      const data = likelihoodData(checked.value, personsAtRisk(plan, checked.value.state), [1]);
      const logL = Float64Array.from({ length: N }, (_, i) => logLikelihood(plan, data, draws.subarray(i * K, (i + 1) * K)));
      const summary = weightedSummary(rates, importanceWeights(logL)!.weights);
      if (summary.p5 <= trueRate && trueRate <= summary.p95) inside++;
    }
    const sd = Math.sqrt((0.9 * 0.1) / pilots);
    expect(Math.abs(inside / pilots - 0.9)).toBeLessThan(3 * sd);
  }, 180_000);

  it('the re-forecast 80% band of total payments contains the realised total in about 80% of 40 pilots', () => {
    const pilots = 40;
    let inside = 0;
    for (let pilot = 0; pilot < pilots; pilot++) {
      const { actuals, realisedTotal } = syntheticPilot(contract, 1_000 + pilot);
      const result = reforecastContract(contract, actuals, SimulationSettingsSchema.parse({ iterations: 1_000, seed: pilot }), InferenceSettingsSchema.parse({ planPathDraws: 10, minimumEffectiveSampleSize: 100 }));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const total = result.value.forecast.outputs.find((o) => o.name === 'payerOutcomePayments')!.percentiles;
      if (total.p10! <= realisedTotal && realisedTotal <= total.p90!) inside++;
    }
    const sd = Math.sqrt((0.8 * 0.2) / pilots);
    expect(Math.abs(inside / pilots - 0.8)).toBeLessThan(3 * sd);
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import { ContractSchema, createContractModel, type Contract, type ContractInput } from '../../models/contract/index.js';
import { apportionWholePeople, spreadIntake } from '../../models/contract/spread-intake.js';
import { createRng } from '../../models/random/index.js';
import { runSimulation, SimulationSettingsSchema, type SimulationResult } from '../../models/simulation/index.js';
import { seriesLength } from '../../models/simulation/model.js';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { simpleContract } from './contract-fixtures.js';

/**
 * Intake is whole people, and every kind of run counts the same people. Before, 60 participants
 * spread over the Rotterdam-style preset's 24 monthly cohorts became 2.5 a month: expected-rate runs
 * counted 60 people, drawn runs rounded each cohort to 3 and simulated 72, so the headline (drawn)
 * net result and the tornado base (expected rates) described different contracts.
 */

describe('splitting a total into whole people', () => {
  it('spreads 60 over 24 months as 3 in the first 12 months and 2 in the last 12 (60 = 24 x 2 + 12)', () => {
    const cohorts = spreadIntake(60, 0, 24);
    expect(cohorts.map((c) => c.month)).toEqual(Array.from({ length: 24 }, (_, m) => m));
    expect(cohorts.map((c) => c.count)).toEqual([...new Array(12).fill(3), ...new Array(12).fill(2)]);
  });

  it('gives each cohort the whole part of its share and the rest to the largest fractional parts, ties early', () => {
    // 5 over weights 3:1 -> exact shares 3.75 and 1.25 -> 3 and 1, the one left to the .75.
    expect(apportionWholePeople([3, 1], 5)).toEqual([4, 1]);
    // 10 over three equal cohorts -> 3.33 each -> 3, 3, 3, the one left to the earliest.
    expect(apportionWholePeople([1, 1, 1], 10)).toEqual([4, 3, 3]);
    // 7 over 1:2:4 -> exactly 1, 2, 4.
    expect(apportionWholePeople([1, 2, 4], 7)).toEqual([1, 2, 4]);
    // All weights zero: an even spread.
    expect(apportionWholePeople([0, 0, 0, 0], 6)).toEqual([2, 2, 1, 1]);
  });

  it('always adds up to the total and stays within one person of every exact share', () => {
    let state = 12345;
    const next = (bound: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % bound);
    for (let trial = 0; trial < 500; trial++) {
      const weights = Array.from({ length: 1 + next(30) }, () => next(50));
      const total = next(2_000);
      const counts = apportionWholePeople(weights, total);
      const sum = weights.reduce((a, b) => a + b, 0);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      counts.forEach((count, i) => {
        expect(Number.isInteger(count)).toBe(true);
        const share = sum > 0 ? (total * weights[i]) / sum : total / weights.length;
        expect(Math.abs(count - share)).toBeLessThan(1);
      });
    }
  });
});

describe('the contract schema takes intake in whole people', () => {
  it('refuses a fractional cohort, naming intake.cohorts[i].count', () => {
    const parsed = ContractSchema.safeParse(simpleContract({ intake: { cohorts: [{ month: 0, count: 10 }, { month: 1, count: 1.5 }] } }));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path.join('.') === 'intake.cohorts.1.count');
    expect(issue?.message).toBe('must be a whole number of people');
  });

  it('refuses a distribution for a count: intake is fixed by the contract', () => {
    const input = simpleContract();
    (input.intake.cohorts[0] as { count: unknown }).count = { type: 'uniform', min: 8, max: 12 };
    const parsed = ContractSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path.join('.') === 'intake.cohorts.0.count');
    expect(issue?.message).toMatch(/intake is fixed by the contract/);
  });

  it('makes counts structure, not model inputs a run could vary (or round)', () => {
    const built = createContractModel(ContractSchema.parse(simpleContract()));
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    expect(built.value.inputs.some((input) => input.path.startsWith('intake.cohorts'))).toBe(false);
  });
});

/**
 * The Rotterdam-style preset (24 monthly cohorts of 10) with the web page's "Deelnemers" slider
 * set to 60: the contract the page sends. The page used to send 24 cohorts of 2.5.
 */
function rotterdamWithSixty(): Contract {
  const preset = CONTRACT_PRESETS.find((p) => p.id === 'rotterdam-prestatiecontract-werk')!;
  const input = structuredClone(preset.contract) as ContractInput;
  // 60 over the 24 months, as the web workbench's intake spread sends it (it calls spreadIntake itself).
  input.intake = { ...input.intake, cohorts: spreadIntake(60, 0, 24) };
  return ContractSchema.parse(input);
}

const scalar = (result: SimulationResult, name: string) => result.outputs.find((o) => o.name === name)!;

describe('expected and drawn runs count the same people (Rotterdam-style preset, 60 over 24 months)', () => {
  it('has 60 participants in every iteration, with expected rates and with drawn persons', () => {
    const built = createContractModel(rotterdamWithSixty());
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    for (const drawIndividualOutcomes of [false, true]) {
      const settings = SimulationSettingsSchema.parse({ seed: 5, iterations: 1_000, drawIndividualOutcomes });
      const run = runSimulation(built.value, settings);
      if (!run.ok) throw new Error(JSON.stringify(run.error));
      const participants = scalar(run.value, 'participants');
      // min = max = 60: every iteration counted exactly the 60 people of the contract (not 72).
      expect([participants.min, participants.max, participants.nanCount]).toEqual([60, 60, 0]);
    }
  });

  it('gives a drawn mean net result within 4 standard errors of the expected-rate one, at the base inputs', () => {
    const built = createContractModel(rotterdamWithSixty());
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const model = built.value;
    const params = Float64Array.from(model.inputs, (input) => input.base);
    const ws = model.createWorkspace();
    const scalars = new Float64Array(model.scalarOutputs.length);
    const series = new Float64Array(seriesLength(model));
    const net = model.scalarOutputs.findIndex((o) => o.name === 'payerNetResult');
    const participants = model.scalarOutputs.findIndex((o) => o.name === 'participants');
    model.evaluate(params, ws, null, scalars, series);
    const expected = scalars[net];
    expect(scalars[participants]).toBe(60);
    const rng = createRng(21, 0);
    const R = 4_000;
    let sum = 0;
    let sumSquares = 0;
    for (let r = 0; r < R; r++) {
      model.evaluate(params, ws, rng, scalars, series);
      expect(scalars[participants]).toBe(60);
      sum += scalars[net];
      sumSquares += scalars[net] ** 2;
    }
    const mean = sum / R;
    const standardError = Math.sqrt((sumSquares / R - mean * mean) / (R - 1));
    // Before, the drawn runs simulated 72 people (cohorts of 2.5 rounded to 3) against 60 expected.
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
  });
});

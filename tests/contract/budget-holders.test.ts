import { describe, expect, it } from 'vitest';
import {
  CONTRACT_SCALAR_OUTPUTS,
  CONTRACT_SERIES_OUTPUTS,
  ContractSchema,
  createContractModel,
  type ContractInput,
  type ContractModel,
} from '../../models/contract/index.js';
import { createRng } from '../../models/random/index.js';
import { baseParams, seriesLength } from '../../models/simulation/model.js';
import { rotterdamPrestatiecontractWerk } from '../../scenarios/rotterdam-prestatiecontract-werk.js';
import { evaluate, simpleContract, total } from './contract-fixtures.js';

/**
 * Who pays and who gains (issue 17). The accounting reads quantities the kernel already computes,
 * so these tests check it against the kernel's own outputs (a second route to the same totals)
 * and against hand sums of the monthly series.
 */
function modelOf(input: ContractInput): ContractModel {
  const built = createContractModel(ContractSchema.parse(input));
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

/** One evaluation: expected rates (seed null) or drawn persons with every input drawn from a fixed seed. */
function run(model: ContractModel, seed: number | null) {
  const params = baseParams(model);
  if (seed !== null) {
    // Vary every input a little, the same way for both models: an evaluation away from the base.
    const rng = createRng(seed, 1);
    for (let i = 0; i < params.length; i++) params[i] *= 0.9 + 0.2 * rng.nextDouble();
  }
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  model.evaluate(params, ws, seed === null ? null : createRng(seed, 0), scalars, series);
  return { scalars, series, params };
}

const named = (model: ContractModel, scalars: Float64Array, name: string): number => {
  const i = model.scalarOutputs.findIndex((o) => o.name === name);
  if (i < 0) throw new Error(`no output ${name}`);
  return scalars[i];
};

const rotterdam = rotterdamPrestatiecontractWerk.contract;
const withoutBudget: ContractInput = { ...rotterdam, budgetHolders: undefined, funding: undefined };

describe('one payer and only bijstand savings: every result is identical to today\'s', () => {
  const before = modelOf(withoutBudget);
  const after = modelOf({ ...withoutBudget, budgetHolders: { effects: [] } });

  it('keeps the inputs, in the same order', () => {
    expect(after.inputs.map((i) => i.path)).toEqual(before.inputs.map((i) => i.path));
  });

  it('adds outputs only after the contract\'s own, which keep their names and places', () => {
    expect(before.scalarOutputs.map((o) => o.name)).toEqual(CONTRACT_SCALAR_OUTPUTS.map(([name]) => name));
    expect(after.scalarOutputs.slice(0, CONTRACT_SCALAR_OUTPUTS.length)).toEqual(before.scalarOutputs);
    expect(after.seriesOutputs.slice(0, CONTRACT_SERIES_OUTPUTS.length)).toEqual(before.seriesOutputs);
  });

  for (const seed of [null, 7, 11]) {
    it(`gives bit-identical scalars and series (${seed === null ? 'expected rates' : `drawn, seed ${seed}`})`, () => {
      const a = run(before, seed);
      const b = run(after, seed);
      expect(Array.from(b.scalars.subarray(0, a.scalars.length))).toEqual(Array.from(a.scalars));
      expect(Array.from(b.series.subarray(0, a.series.length))).toEqual(Array.from(a.series));
    });
  }

  it('gives the same evaluation document apart from the added outputs and the who-gains table', () => {
    const a = evaluate(withoutBudget);
    const b = evaluate({ ...withoutBudget, budgetHolders: { effects: [] } });
    expect(a.whoGains).toBeUndefined();
    expect(b.monthly).toEqual(a.monthly);
    expect(b.paymentsDueByTrigger).toEqual(a.paymentsDueByTrigger);
    for (const [name, value] of Object.entries(a.summary)) expect(b.summary[name]).toBe(value);
  });
});

describe('costs and savings summed over budget holders equal the totals', () => {
  const model = modelOf(rotterdam);
  for (const seed of [null, 3]) {
    const { scalars } = run(model, seed);
    const at = (name: string) => named(model, scalars, name);
    const label = seed === null ? 'expected rates' : `drawn, seed ${seed}`;

    it(`municipal budgets add up to the payer's net result (${label})`, () => {
      // The budgets the kernel's payer result covers; debt counselling is a further municipal budget.
      const municipal = ['gemeenteInkomensdeel', 'gemeenteParticipatiebudget', 'gemeenteUitvoering'];
      const sum = municipal.reduce((s, h) => s + at(`budgetNet_${h}`), 0);
      expect(sum).toBeCloseTo(at('payerNetResult'), 6);
      expect(at('partyNet_gemeente')).toBeCloseTo(at('payerNetResult') + at('budgetNet_gemeenteSchuldhulpverlening'), 6);
      // The inkomensdeel is the benefit avoided minus LKS, both attributable: the kernel's own two outputs.
      const avoidedBenefit = at('avoidedCostsAttributable');
      expect(at('budgetNet_gemeenteInkomensdeel') + at('budgetNet_gemeenteUitvoering') + at('payerOwnCosts')).toBeCloseTo(
        avoidedBenefit - at('payerLksAttributable'),
        6,
      );
      expect(at('budgetNet_gemeenteParticipatiebudget')).toBeCloseTo(-at('payerOutcomePayments'), 6);
    });

    it(`every holder's gains minus costs is its net, and the holders add up to the total and to the parties (${label})`, () => {
      const holders = model.scalarOutputs.filter((o) => o.name.startsWith('budgetNet_')).map((o) => o.name.slice('budgetNet_'.length));
      expect(holders.length).toBeGreaterThan(5);
      let sum = 0;
      for (const h of holders) {
        expect(at(`budgetGains_${h}`) - at(`budgetCosts_${h}`)).toBeCloseTo(at(`budgetNet_${h}`), 6);
        sum += at(`budgetNet_${h}`);
      }
      expect(sum).toBeCloseTo(at('budgetNetTotal'), 6);
      const parties = model.scalarOutputs.filter((o) => o.name.startsWith('partyNet_')).map((o) => o.name);
      expect(parties.reduce((s, name) => s + at(name), 0)).toBeCloseTo(at('budgetNetTotal'), 6);
      // Flow-back shares divide the public savings: they add up to 1 without the participant.
      const shares = model.scalarOutputs.filter((o) => o.name.startsWith('partyFlowBackShare_') && !o.name.endsWith('deelnemer')).map((o) => at(o.name));
      expect(total(shares)).toBeCloseTo(1, 12);
      expect(at('partyFlowBackShare_gemeente')).toBeCloseTo(at('partySavings_gemeente') / (at('partySavings_gemeente') + at('partySavings_rijk') + at('partySavings_uwv') + at('partySavings_zorgverzekeraars')), 12);
      expect(at('partyFlowBackShare_deelnemer')).toBeNaN();
    });

    it(`society is the sum of the four perspectives, and equals savings minus provider and payer costs (${label})`, () => {
      const perspectives = ['participant', 'municipality', 'otherGovernment', 'others'].map((v) => at(`mkbaCash_${v}`));
      expect(total(perspectives)).toBeCloseTo(at('mkbaCash_society'), 6);
      expect(at('mkbaNonCash_society')).toBeCloseTo(at('mkbaNonCash_participant'), 6);
    });
  }

  it('society equals savings minus provider and payer costs (present values from the monthly series)', () => {
    const result = evaluate({ ...rotterdam, money: { discountRate: 0 } });
    const table = result.whoGains!;
    const savings = total(table.lines.filter((l) => l.cash && !l.contractFlow).map((l) => l.presentValue));
    const providerCosts = total(result.monthly.providerCosts);
    const ownCosts = total(result.monthly.payerOwnCosts);
    const society = table.perspectives.find((p) => p.perspective === 'society')!.cashPresentValue;
    expect(society).toBeCloseTo(savings - providerCosts - ownCosts, 4);
    // And the yearly rows of each holder add up to its net.
    for (const holder of table.holders) expect(total(holder.yearly)).toBeCloseTo(holder.net, 6);
  });
});

describe('an effect per month in work is the amount times the attributable months in work', () => {
  it('matches the hand sum of the monthly series', () => {
    const contract = simpleContract({
      budgetHolders: {
        effects: [
          { id: 'premies', holder: 'uwv', basis: 'monthInWorkFullTime', amount: 200 },
          { id: 'welzijn', holder: 'deelnemer', basis: 'monthInWork', amount: 500, cash: false },
          { id: 'start', holder: 'rijk', basis: 'placement', amount: -50 },
        ],
      },
    });
    const result = evaluate(contract);
    const months = total(result.monthly.inWorkFullTime) - total(result.monthly.counterfactualInWork);
    const starts = total(result.monthly.placements) - total(result.monthly.counterfactualPlacements);
    expect(months).toBeGreaterThan(100);
    expect(result.summary.budgetNet_uwv).toBeCloseTo(200 * months, 6);
    expect(result.summary.budgetNet_rijk).toBeCloseTo(-50 * starts, 6);
    // Non-cash: only in the MKBA view (discount rate 0 here, so present value = nominal).
    expect(result.summary.budgetNet_deelnemer).toBe(0);
    expect(result.summary.mkbaNonCash_participant).toBeCloseTo(500 * months, 6);
    expect(result.summary.mkbaCash_society! - result.summary.mkbaCash_otherGovernment! - result.summary.mkbaCash_municipality!).toBeCloseTo(
      result.summary.mkbaCash_others!,
      6,
    );
  });
});

describe('a month in work with part-time months weighted', () => {
  it('counts full-time months plus partTimeFactor times part-time months (hand sum, no counterfactual work)', () => {
    const result = evaluate(
      simpleContract({
        work: { partTimeShare: 0.3, fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: 0 }] },
        profiles: [
          {
            id: 'single',
            share: 1,
            monthlyBenefit: 1_000,
            administrationCostPerYear: 1_200,
            programme: { monthlyJobEntryRate: 0.1, monthlyOtherExitRate: 0 },
            counterfactual: { monthlyJobEntryRate: 0, monthlyOtherExitRate: 0 },
          },
        ],
        budgetHolders: { effects: [{ id: 'premies', holder: 'uwv', basis: 'monthInWork', partTimeFactor: 0.5, amount: 200 }] },
      }),
    );
    expect(total(result.monthly.counterfactualInWork)).toBe(0);
    const fullTime = total(result.monthly.inWorkFullTime);
    const partTime = total(result.monthly.inWorkPartTime);
    expect(partTime).toBeGreaterThan(0);
    expect(result.summary.budgetNet_uwv).toBeCloseTo(200 * (fullTime + 0.5 * partTime), 6);
  });
});

describe('several payers: co-funding shares sum to the payments', () => {
  const twoTriggers = simpleContract({
    payment: {
      triggers: [
        { id: 'start', kind: 'jobStart', price: 1_000 },
        { id: 'zesMaanden', kind: 'sustained', months: 6, price: 2_000, lagMonths: 2 },
      ],
      caps: { perYear: 150_000, carryForwardYearly: true },
    },
  });

  it('fixed shares: 60% and 40% of every payment, and the two add up to the payments per year', () => {
    const result = evaluate({
      ...twoTriggers,
      funding: {
        method: 'shares',
        payers: [
          { id: 'gemeente', holder: 'gemeenteParticipatiebudget', share: 0.6 },
          { id: 'provincie', holder: 'provincie', share: 0.4 },
        ],
      },
    });
    const paid = result.summary.payerOutcomePayments!;
    expect(paid).toBeGreaterThan(0);
    expect(result.summary.payerPays_gemeente).toBeCloseTo(0.6 * paid, 6);
    expect(result.summary.payerPays_provincie).toBeCloseTo(0.4 * paid, 6);
    result.years.forEach((_, y) =>
      expect(result.yearly.yearlyPayerPays_gemeente[y] + result.yearly.yearlyPayerPays_provincie[y]).toBeCloseTo(result.yearly.yearlyOutcomePayments[y], 6),
    );
    // The province gains nothing here, so it loses what it pays.
    expect(result.summary.payerNet_provincie).toBeCloseTo(-0.4 * paid, 6);
    expect(result.summary.payerLoses_provincie).toBe(1);
  });

  it('by trigger: each payer pays exactly its trigger when no cap moves money between months', () => {
    const result = evaluate({
      ...twoTriggers,
      payment: { ...twoTriggers.payment, caps: { carryForwardYearly: false } },
      funding: {
        payers: [
          { id: 'gemeente', holder: 'gemeenteParticipatiebudget', triggers: ['start'] },
          { id: 'fonds', holder: 'fonds', triggers: ['zesMaanden'] },
        ],
      },
    });
    const due = Object.fromEntries(result.paymentsDueByTrigger.map((t) => [t.trigger, t.monthly]));
    const horizon = result.months.length;
    // Paid within the horizon: job starts at once, the six-month payment two months later.
    const paidStart = total(due.start);
    const paidSix = total(due.zesMaanden.slice(0, horizon - 2));
    expect(result.summary.payerPays_gemeente).toBeCloseTo(paidStart, 6);
    expect(result.summary.payerPays_fonds).toBeCloseTo(paidSix, 6);
    expect(result.summary.payerPays_gemeente! + result.summary.payerPays_fonds!).toBeCloseTo(result.summary.payerOutcomePayments!, 6);
  });

  it('in proportion to gains: the split follows each payer party\'s savings', () => {
    const result = evaluate({
      ...twoTriggers,
      budgetHolders: { effects: [{ id: 'belasting', holder: 'rijk', basis: 'monthInWork', amount: 300 }] },
      funding: {
        method: 'gains',
        payers: [
          { id: 'gemeente', holder: 'gemeenteParticipatiebudget' },
          { id: 'rijk', holder: 'rijk' },
        ],
      },
    });
    const s = result.summary;
    const gemeente = s.partySavings_gemeente!;
    const rijk = s.partySavings_rijk!;
    expect(gemeente).toBeGreaterThan(0);
    expect(s.payerPays_gemeente! / s.payerOutcomePayments!).toBeCloseTo(gemeente / (gemeente + rijk), 9);
    expect(s.payerPays_gemeente! + s.payerPays_rijk!).toBeCloseTo(s.payerOutcomePayments!, 6);
  });

  it('refuses a trigger no payer funds, naming it', () => {
    const built = createContractModel(
      ContractSchema.parse({ ...twoTriggers, funding: { payers: [{ id: 'gemeente', holder: 'gemeenteParticipatiebudget', triggers: ['start'] }] } }),
    );
    expect(built.ok).toBe(false);
    if (!built.ok) expect(JSON.stringify(built.error)).toContain('zesMaanden');
  });
});

describe('who gains in a Monte Carlo run', () => {
  it('gives each payer a chance of loss: the mean of payerLoses equals the share of iterations with payerNet below zero', async () => {
    const { runSimulation } = await import('../../models/simulation/run-simulation.js');
    const { settings } = await import('../simulation/fixtures/expression-models.js');
    const { regionalContractProvince } = await import('../../scenarios/regional-contract-province.js');
    const model = modelOf(regionalContractProvince.contract);
    const result = runSimulation(
      model,
      settings({ iterations: 200, seed: 17, drawIndividualOutcomes: true, events: [{ name: 'gemeentenLose', expression: 'payerNet_gemeenten < 0' }] }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const output = (name: string) => result.value.outputs.find((o) => o.name === name)!;
    // The province gains no cash of its own, so it loses what it pays in every iteration.
    expect(output('payerLoses_provincie').mean).toBe(1);
    // The indicator's mean is the event's probability, computed by the engine from payerNet directly.
    const event = result.value.events.find((e) => e.name === 'gemeentenLose')!;
    expect(output('payerLoses_gemeenten').mean).toBeCloseTo(event.probability!, 12);
    // Uncertain budget-holder inputs are drawn: the UWV's gain varies between iterations.
    expect(output('budgetNet_uwv').sd!).toBeGreaterThan(0);
  });
});

describe('who gains in a sensitivity analysis', () => {
  it('a tornado of UWV\'s net result puts the UWV premium figure first, and the tax figure has no swing on it', async () => {
    const { runSensitivity, TornadoSettingsSchema } = await import('../../models/sensitivity/index.js');
    const model = modelOf(rotterdam);
    const result = runSensitivity(model, TornadoSettingsSchema.parse({ method: 'tornado', output: 'budgetNet_uwv' }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    if (result.value.method !== 'tornado') throw new Error('not a tornado');
    const bars = result.value.bars;
    const uwv = model.inputs.findIndex((i) => i.path.startsWith('budgetHolders.effects') && i.path.endsWith('amount'));
    expect(bars[0].path).toBe(model.inputs[uwv].path);
    // UWV's net is the premium figure times attributable months: the state's wage-tax figure does not move it.
    const taxPath = `budgetHolders.effects[2].amount`;
    expect(bars.find((b) => b.path === taxPath)!.swing).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { ContractSchema, createContractModel } from '../../models/contract/index.js';
import { createRng } from '../../models/random/index.js';
import { baseParams, seriesLength } from '../../models/simulation/model.js';
import { evaluate, simpleContract, total } from './contract-fixtures.js';

/**
 * Outcomes beyond work (issue 17, part 4). One cohort of N at month 0; a share e is eligible;
 * the first chance is in month 1; during the first A months of chances the programme rate p
 * applies, after that the counterfactual rate q; without the programme q throughout. Over a
 * horizon of H months (chances in months 1 .. H - 1), the closed forms are
 *   reached with the programme    N e (1 - (1 - p)^A (1 - q)^(H - 1 - A)),
 *   reached without               N e (1 - (1 - q)^(H - 1)),
 * and per month t >= 1 with the programme N e (1 - p)^(t - 1) p while t - 1 < A.
 */
const N = 100;
const e = 0.4;
const p = 0.08;
const q = 0.02;
const A = 12;
const H = 36;

const withOutcome = simpleContract({
  horizonMonths: H,
  programmeMonths: A,
  outcomes: [
    {
      id: 'schuldenOpgelost',
      label: 'Schulden opgelost',
      eligibleShare: e,
      programme: { monthlyRate: p },
      counterfactual: { monthlyRate: q },
      values: [
        { holder: 'gemeenteSchuldhulpverlening', once: 3_000 },
        { holder: 'deelnemer', perMonthAfter: 100, cash: false },
      ],
    },
  ],
  payment: {
    triggers: [
      { id: 'start', kind: 'jobStart', price: 1_000 },
      { id: 'schuld', kind: 'outcome', outcome: 'schuldenOpgelost', price: 500, basis: 'attributable' },
    ],
  },
});

const programmeReached = N * e * (1 - Math.pow(1 - p, A) * Math.pow(1 - q, H - 1 - A));
const counterfactualReached = N * e * (1 - Math.pow(1 - q, H - 1));

describe('an outcome beyond work with closed-form monthly rates', () => {
  const result = evaluate(withOutcome);

  it('reaches the closed-form number of outcomes with and without the programme', () => {
    expect(result.summary.outcomeReached_schuldenOpgelost).toBeCloseTo(programmeReached, 9);
    expect(result.summary.outcomeReachedCounterfactual_schuldenOpgelost).toBeCloseTo(counterfactualReached, 9);
  });

  it('pays an attributable outcome trigger the price times the highest cumulative excess', () => {
    // The excess grows while the programme rate applies (chances 1 .. A) and shrinks after, when
    // the counterfactual, with more people left, reaches more: its peak is at month A,
    // N e ((1 - q)^A - (1 - p)^A), and nothing is paid twice or clawed back.
    const due = result.paymentsDueByTrigger.find((t) => t.trigger === 'schuld')!;
    expect(due.total).toBeCloseTo(500 * N * e * (Math.pow(1 - q, A) - Math.pow(1 - p, A)), 6);
    // Month 1: N e p with the programme, N e q without.
    expect(due.monthly[1]).toBeCloseTo(500 * N * e * (p - q), 9);
  });

  it('values it per budget holder: once on the month reached, per month from then on (non-cash apart)', () => {
    expect(result.summary.budgetNet_gemeenteSchuldhulpverlening).toBeCloseTo(3_000 * (programmeReached - counterfactualReached), 6);
    // Person-months after reaching it: sum over t of those reached by t, programme minus counterfactual.
    let monthsAfter = 0;
    for (let t = 1; t < H; t++) {
      const ageChances = t; // chances in months 1 .. t
      const prog = N * e * (1 - Math.pow(1 - p, Math.min(ageChances, A)) * Math.pow(1 - q, Math.max(0, ageChances - A)));
      const cf = N * e * (1 - Math.pow(1 - q, ageChances));
      monthsAfter += prog - cf;
    }
    expect(result.summary.mkbaNonCash_participant).toBeCloseTo(100 * monthsAfter, 6);
    expect(result.summary.budgetNet_deelnemer).toBe(0);
  });

  it('leaves the work results as they are without it', () => {
    const plain = evaluate(simpleContract({ horizonMonths: H, programmeMonths: A }));
    expect(result.summary.placements).toBe(plain.summary.placements);
    expect(total(result.monthly.inWorkFullTime)).toBe(total(plain.monthly.inWorkFullTime));
  });

  it('with drawn persons, the mean over runs is the closed form (5 standard errors)', () => {
    const built = createContractModel(ContractSchema.parse(withOutcome));
    if (!built.ok) throw new Error('compile');
    const model = built.value;
    const index = model.scalarOutputs.findIndex((o) => o.name === 'outcomeReached_schuldenOpgelost');
    const params = baseParams(model);
    const ws = model.createWorkspace();
    const scalars = new Float64Array(model.scalarOutputs.length);
    const series = new Float64Array(seriesLength(model));
    const runs = 400;
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      model.evaluate(params, ws, createRng(99, r), scalars, series);
      sum += scalars[index];
    }
    // Each of N persons reaches it at most once: variance <= mean, so sd of the mean <= sqrt(mean / runs).
    expect(Math.abs(sum / runs - programmeReached)).toBeLessThan(5 * Math.sqrt(programmeReached / runs));
  });

  it('refuses an outcome trigger naming an unknown outcome', () => {
    const parsed = ContractSchema.safeParse({ ...withOutcome, outcomes: [] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain("unknown outcome 'schuldenOpgelost'");
  });
});

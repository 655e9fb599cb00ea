import { describe, expect, it } from 'vitest';
import { ContractSchema, evaluateContractExpected } from '../../models/contract/index.js';
import { runSimulation, SimulationSettingsSchema } from '../../models/simulation/index.js';
import '../../runtime/model-kinds.js';
import { compileModelDescription } from '../../runtime/model-registry.js';
import { evaluate, simpleContract } from './contract-fixtures.js';

/**
 * A custom payment rule whose amount is not a finite number whatever the contract does (issue 18,
 * item 8): `1e308^2` overflows to Infinity and `0/0` is NaN. Both were paid as 0 without a word;
 * they are refused as invalid input naming the rule's expression.
 */
describe('custom rules that can never give a finite amount', () => {
  it.each(['1e308^2', '0/0'])('refuses %s, naming payment.triggers[0].expression', (expression) => {
    const contract = ContractSchema.parse(simpleContract({ payment: { triggers: [{ id: 'rule', kind: 'custom', expression }] } }));
    const result = evaluateContractExpected(contract);
    if (result.ok || result.error.kind !== 'invalid-input') throw new Error(`expected invalid-input, got ${JSON.stringify(result.ok)}`);
    expect(result.error.problems[0].path).toEqual(['payment', 'triggers', 0, 'expression']);
    expect(result.error.problems[0].message).toMatch(/finite/);
  });

  it('still accepts a constant finite amount (1000 a month)', () => {
    const contract = ContractSchema.parse(simpleContract({ payment: { triggers: [{ id: 'rule', kind: 'custom', expression: '1000' }] } }));
    expect(evaluateContractExpected(contract).ok).toBe(true);
  });
});

/**
 * A custom rule whose amount is not finite only in some months (issue 18, item 8): `12000 / inWork`
 * when nobody is in work yet. It was paid as 0 there without a word; now the evaluation (and a
 * simulation, in the draw where it happens) stops with invalid input naming the rule's expression,
 * the month and the quantities it read. A rule that says what is paid then runs.
 */
describe('custom rules that are not finite in some months', () => {
  // One cohort joins in month 0 and finds work from month 1: inWork is 0 in month 0 in every draw.
  const perPersonInWork = (expression: string, count = 100) =>
    simpleContract({ intake: { cohorts: [{ month: 0, count }] }, payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }, { id: 'share', kind: 'custom', expression }] } });

  it('stops the expected evaluation at the first such month, naming payment.triggers[1].expression, the month and inWork = 0', () => {
    const result = evaluateContractExpected(ContractSchema.parse(perPersonInWork('12000 / inWork')));
    if (result.ok || result.error.kind !== 'invalid-input') throw new Error(`expected invalid-input, got ${JSON.stringify(result.ok)}`);
    expect(result.error.problems).toEqual([
      { path: ['payment', 'triggers', 1, 'expression'], message: expect.stringMatching(/^gives Infinity in month 0 \(inWork = 0\); a payment must be a finite number/) },
    ]);
  });

  it('names NaN as well: 0/0 when nothing was saved and nobody was placed', () => {
    const result = evaluateContractExpected(ContractSchema.parse(perPersonInWork('savingsAttributable / placements')));
    expect(!result.ok && result.error.kind === 'invalid-input' && result.error.problems[0].message).toMatch(/^gives NaN in month 0 \(placements = 0, savingsAttributable = 0\)/);
  });

  it('pays a rule that says what happens when nobody is in work: 12000 / inWork from month 1, 0 in month 0', () => {
    const evaluation = evaluate(perPersonInWork('inWork > 0 ? 12000 / inWork : 0'));
    const inWork = evaluation.monthly.inWorkFullTime.map((fullTime, t) => fullTime + evaluation.monthly.inWorkPartTime[t]);
    const due = evaluation.paymentsDueByTrigger[1].monthly;
    expect(due[0]).toBe(0);
    // The rule by hand, from the evaluation's own monthly counts.
    for (let t = 1; t < due.length; t++) expect(due[t]).toBeCloseTo(12_000 / inWork[t], 9);
  });

  it('fails a Monte Carlo run in the draw where nobody of a pilot of 5 is in work in month 1, though the expected evaluation pays', () => {
    // Expected: 0.5 persons in work in month 1, so the expected evaluation is finite. Drawn: none of
    // the 5 finds work in month 1 with chance 0.9^5 = 0.59, so some of 200 draws divide by 0.
    const contract = ContractSchema.parse(perPersonInWork('month > 0 ? 12000 / inWork : 0', 5));
    expect(evaluateContractExpected(contract).ok).toBe(true);
    const model = compileModelDescription({ kind: 'contract', definition: contract });
    if (!model.ok) throw new Error(JSON.stringify(model.error));
    const run = runSimulation(model.value, SimulationSettingsSchema.parse({ seed: 3, iterations: 200, drawIndividualOutcomes: true }));
    expect(!run.ok && run.error.kind === 'invalid-input' && run.error.problems).toEqual([
      { path: ['payment', 'triggers', 1, 'expression'], message: expect.stringMatching(/^gives Infinity in month 1 \(month = 1, inWork = 0\)/) },
    ]);
  });
});

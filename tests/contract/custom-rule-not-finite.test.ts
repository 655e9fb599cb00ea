import { describe, expect, it } from 'vitest';
import { ContractSchema, evaluateContractExpected } from '../../models/contract/index.js';
import { simpleContract } from './contract-fixtures.js';

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

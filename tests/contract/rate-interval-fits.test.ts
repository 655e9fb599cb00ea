import { describe, expect, it } from 'vitest';
import { compileContract } from '../../models/contract/compile-contract.js';
import { ContractSchema } from '../../models/contract/index.js';
import { simpleContract } from './contract-fixtures.js';

/** A contract whose programme job-entry rate is given as a 90% interval of the named shape. */
function withRateInterval(shape: string) {
  const contract = simpleContract();
  contract.profiles[0].programme.monthlyJobEntryRate = { type: 'interval90', low: 0.05, high: 0.15, shape } as never;
  return compileContract(ContractSchema.parse(contract));
}

describe('a contract rate given as a 90% interval', () => {
  it('compiles with a beta or logit-normal fit, and with a uniform fit that stays in [0, 1] ([0.05, 0.15] reaches 0.044 to 0.156)', () => {
    for (const shape of ['beta', 'logitNormal', 'uniform']) {
      const result = withRateInterval(shape);
      expect(result.ok, shape).toBe(true);
    }
  });

  it('is refused with a normal fit (unbounded), naming the field and the shapes that fit', () => {
    for (const shape of ['normal']) {
      const result = withRateInterval(shape);
      expect(result.ok).toBe(false);
      if (result.ok || result.error.kind !== 'invalid-input') continue;
      expect(result.error.problems[0].path).toEqual(['profiles', 0, 'programme', 'monthlyJobEntryRate']);
      expect(result.error.problems[0].message).toContain("'beta' or 'logitNormal'");
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ContractSchema, noEffectContract } from '../../models/contract/index.js';
import { evaluate, simpleContract } from './contract-fixtures.js';

/**
 * The "no effect" case the council report shows: the programme changes nothing, so the
 * municipality pays only for what would have happened anyway. Expected values by hand from the
 * model's stated timing (tests/contract/contract-arithmetic.test.ts): one cohort of N at month 0
 * with monthly job-entry rate p has N(1 − (1 − p)^(H − 1)) job starts within H months.
 */
const N = 100;
const H = 24;
const PRICE = 1_000;
const COUNTERFACTUAL_RATE = 0.05;

describe('the contract as if the programme had no effect', () => {
  it('with counterfactual rates: pays the job-start price for the job starts that happen anyway, and gains nothing', () => {
    const noEffect = evaluate(noEffectContract(ContractSchema.parse(simpleContract())));
    const jobStartsAnyway = N * (1 - Math.pow(1 - COUNTERFACTUAL_RATE, H - 1));
    expect(noEffect.summary.placements).toBeCloseTo(jobStartsAnyway, 9);
    expect(noEffect.summary.placementsAttributable).toBeCloseTo(0, 9);
    expect(noEffect.summary.payerOutcomePayments).toBeCloseTo(PRICE * jobStartsAnyway, 6);
    expect(noEffect.summary.avoidedCostsAttributable).toBeCloseTo(0, 6);
    // No own costs and no LKS in the simple contract: the net result is minus the payments.
    expect(noEffect.summary.payerNetResult).toBeCloseTo(-PRICE * jobStartsAnyway, 6);
  });

  it('with the deadweight method: deadweight 1, every job start paid for and none attributable', () => {
    const contract = ContractSchema.parse(simpleContract({ counterfactual: { method: 'deadweight', deadweightShare: 0.4 } }));
    const changed = noEffectContract(contract);
    expect(changed.counterfactual).toEqual({ method: 'deadweight', deadweightShare: 1 });
    const noEffect = evaluate(changed);
    // The programme's own rate (0.1) still drives the job starts; all of them would have happened anyway.
    const jobStarts = N * (1 - Math.pow(0.9, H - 1));
    expect(noEffect.summary.payerOutcomePayments).toBeCloseTo(PRICE * jobStarts, 6);
    expect(noEffect.summary.placementsAttributable).toBeCloseTo(0, 9);
    expect(noEffect.summary.avoidedCostsAttributable).toBeCloseTo(0, 6);
  });

  it('leaves the contract it was given unchanged', () => {
    const contract = ContractSchema.parse(simpleContract());
    const before = structuredClone(contract);
    noEffectContract(contract);
    expect(contract).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { benchContract } from '../../bench/bench-contract.js';
import { ContractSchema, createContractModel, type Contract } from '../../models/contract/index.js';
import { evaluateAtBase, summaryModelOf } from '../../models/simulation/model.js';

/**
 * A fall-back band that starts after the last month of the horizon never applies: nobody can be
 * in work that long within it. Such a contract (a 30-month pilot whose work follow-up has a band
 * from 36 months in work) must give what the same contract without that band gives. It did not
 * when per-month payments met a per-participant cap: the tenures tracked then ended at the horizon,
 * the late band's start was read beyond them, and every population output became NaN (found by the
 * fast-path agreement property at 3,000 random contracts).
 */
function shortPilot(withLateBand: boolean): Contract {
  const c = benchContract();
  return ContractSchema.parse({
    ...c,
    horizonMonths: 30,
    work: {
      ...c.work,
      fallbackHazard: [...c.work.fallbackHazard, ...(withLateBand ? [{ fromMonthsInWork: 36, monthlyRate: 0.01 }] : [])],
    },
    payment: {
      ...c.payment,
      triggers: [...c.payment.triggers, { id: 'perMonth', kind: 'perMonthOffBenefit', price: 150, basis: 'gross' }],
      caps: { ...c.payment.caps, perParticipant: 2_500 },
    },
  });
}

describe('a fall-back band starting beyond the horizon', () => {
  it('changes nothing, with per-month payments under a per-participant cap, in the full and the summary kernel', () => {
    const late = createContractModel(shortPilot(true));
    const plain = createContractModel(shortPilot(false));
    expect(late.ok && plain.ok).toBe(true);
    if (!late.ok || !plain.ok) return;
    for (const pick of [(m: typeof late.value) => m, (m: typeof late.value) => summaryModelOf(m)]) {
      const a = evaluateAtBase(pick(late.value));
      const b = evaluateAtBase(pick(plain.value));
      late.value.scalarOutputs.forEach((output, k) => {
        if (Number.isNaN(b.scalars[k])) expect(a.scalars[k], output.name).toBeNaN();
        else expect(a.scalars[k], output.name).toBeCloseTo(b.scalars[k], 6);
      });
      expect(Array.from(a.series).every(Number.isFinite)).toBe(true);
      // The pilot places people and pays for their months off benefit: the comparison is not of zeros.
      expect(a.scalars[late.value.scalarOutputs.findIndex((o) => o.name === 'payerOutcomePayments')]).toBeGreaterThan(0);
    }
  });
});

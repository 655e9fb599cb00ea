import { describe, expect, it } from 'vitest';
import { ContractSchema, evaluateContractExpected } from '../../models/contract/index.js';
import { evaluate, geometricSum, simpleContract, total } from './contract-fixtures.js';

/**
 * Expected values are written out from the model's stated timing: intake joins in its month on a
 * full benefit; from the next month on, a person on benefit starts work with the monthly rate and
 * is then in work (no benefit) from that month. One cohort of N at month 0 with rate p therefore
 * has N(1-p)^(t-1)p job starts in month t >= 1 and N(1-(1-p)^t) persons in work in month t.
 */
const N = 100;
const H = 24;
const benefit = 1_000;
const administrationMonthly = 1_200 / 12;

describe('one cohort with constant rates (closed form)', () => {
  const result = evaluate(simpleContract());
  const s = result.summary;

  it('counts job starts as N(1 - (1-p)^(H-1)) in the programme and the counterfactual', () => {
    expect(s.placements).toBeCloseTo(N * (1 - Math.pow(0.9, H - 1)), 9);
    expect(s.placementsCounterfactual).toBeCloseTo(N * (1 - Math.pow(0.95, H - 1)), 9);
    expect(result.monthly.placements[1]).toBeCloseTo(N * 0.1, 12);
    expect(result.monthly.placements[5]).toBeCloseTo(N * Math.pow(0.9, 4) * 0.1, 12);
  });

  it('avoids benefit and administration for every month in work', () => {
    // sum over t of N(1 - 0.9^t) = N(H - sum 0.9^t)
    const personMonthsInWork = N * (H - geometricSum(0.9, H));
    expect(s.avoidedBenefitGross).toBeCloseTo(benefit * personMonthsInWork, 6);
    expect(s.avoidedAdministrationGross).toBeCloseTo(administrationMonthly * personMonthsInWork, 6);
  });

  it('attributes only the savings beyond the counterfactual', () => {
    const extraPersonMonths = N * (geometricSum(0.95, H) - geometricSum(0.9, H));
    expect(s.avoidedCostsAttributable).toBeCloseTo((benefit + administrationMonthly) * extraPersonMonths, 6);
  });

  it('pays the job-start price per job start and nets it against attributable savings', () => {
    expect(s.payerOutcomePayments).toBeCloseTo(1_000 * s.placements!, 6);
    expect(s.payerNetResult).toBeCloseTo(s.avoidedCostsAttributable! - s.payerOutcomePayments!, 6);
  });

  it('keeps benefit accounting whole: paid plus avoided equals everyone on benefit all along', () => {
    const paid = total(result.monthly.benefitPaid);
    expect(paid + s.avoidedBenefitGross!).toBeCloseTo(N * benefit * H, 6);
  });
});

describe('fall-back and sustained employment', () => {
  it('pays a sustained-12 result for N(1-h)^12(1-(1-p)^(H-1-12)) persons', () => {
    const h = 0.02;
    const result = evaluate(
      simpleContract({
        work: { fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: h }] },
        payment: { triggers: [{ id: 'twelve', kind: 'sustained', months: 12, price: 2_000 }] },
      }),
    );
    const sustained = N * Math.pow(1 - h, 12) * (1 - Math.pow(0.9, H - 1 - 12));
    expect(result.summary.sustained12).toBeCloseTo(sustained, 9);
    expect(result.summary.payerOutcomePayments).toBeCloseTo(2_000 * sustained, 6);
  });

  it('applies the hazard of each band to the months in work it covers', () => {
    // Everyone starts work in month 1 (rate 1); survival to 6 months is (1-h1)^6, to 12 months (1-h1)^6 (1-h2)^6.
    const result = evaluate(
      simpleContract({
        profiles: [{ ...simpleContract().profiles[0], programme: { monthlyJobEntryRate: 1 } }],
        work: {
          fallbackHazard: [
            { fromMonthsInWork: 0, monthlyRate: 0.05 },
            { fromMonthsInWork: 6, monthlyRate: 0.01 },
          ],
        },
      }),
    );
    expect(result.summary.sustained6).toBeCloseTo(N * Math.pow(0.95, 6), 9);
    expect(result.summary.sustained12).toBeCloseTo(N * Math.pow(0.95, 6) * Math.pow(0.99, 6), 9);
  });
});

describe('caps', () => {
  // Everyone starts work in month 1 and each job start pays 1,000: 100,000 due in January 2026... spread by lag.
  const allStartInMonthOne = { ...simpleContract().profiles[0], programme: { monthlyJobEntryRate: 1 } };

  it('limits each calendar year to the yearly cap and lets the rest lapse', () => {
    const result = evaluate(
      simpleContract({
        profiles: [allStartInMonthOne],
        payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }], caps: { perYear: 30_000 } },
      }),
    );
    expect(result.yearly.yearlyOutcomePayments).toEqual([30_000, 0]);
    expect(result.summary.paymentsLapsedByCaps).toBeCloseTo(70_000, 9);
  });

  it('carries the excess over the yearly cap into the next year when asked', () => {
    const result = evaluate(
      simpleContract({
        profiles: [allStartInMonthOne],
        payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }], caps: { perYear: 30_000, carryForwardYearly: true } },
      }),
    );
    expect(result.yearly.yearlyOutcomePayments).toEqual([30_000, 30_000]);
    expect(result.summary.paymentsLapsedByCaps).toBeCloseTo(40_000, 9);
  });

  it('stops at the total budget', () => {
    const result = evaluate(
      simpleContract({ payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }], caps: { total: 50_000 } } }),
    );
    expect(result.summary.payerOutcomePayments).toBeCloseTo(50_000, 9);
    const due = N * (1 - Math.pow(0.9, H - 1)) * 1_000;
    expect(result.summary.paymentsLapsedByCaps).toBeCloseTo(due - 50_000, 6);
  });

  it('caps a participant by tenure order: job start first, the sustained payment gets what is left', () => {
    const result = evaluate(
      simpleContract({
        profiles: [allStartInMonthOne],
        payment: {
          triggers: [
            { id: 'start', kind: 'jobStart', price: 1_000 },
            { id: 'six', kind: 'sustained', months: 6, price: 2_000 },
          ],
          caps: { perParticipant: 2_500 },
        },
      }),
    );
    const byTrigger = Object.fromEntries(result.paymentsDueByTrigger.map((t) => [t.trigger, t.total]));
    expect(byTrigger.start).toBeCloseTo(N * 1_000, 9);
    expect(byTrigger.six).toBeCloseTo(N * 1_500, 9);
  });
});

describe('threshold against the counterfactual', () => {
  const threshold = { minimumImprovement: 0.1, metric: 'placements' as const };

  it('pays nothing and holds everything when the programme does no better than the counterfactual', () => {
    const same = { ...simpleContract().profiles[0], counterfactual: { monthlyJobEntryRate: 0.1 } };
    const result = evaluate(simpleContract({ profiles: [same], payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }], threshold } }));
    expect(result.summary.payerOutcomePayments).toBe(0);
    expect(result.summary.paymentsHeldByThreshold).toBeCloseTo(1_000 * N * (1 - Math.pow(0.9, H - 1)), 6);
    expect(result.summary.thresholdMetMonth).toBeNull();
  });

  it('pays as without a threshold once the improvement passes it', () => {
    // Programme 10% a month against 5%: cumulative job starts are about twice the counterfactual from month 1.
    const gated = evaluate(simpleContract({ payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }], threshold } }));
    const free = evaluate(simpleContract());
    expect(gated.summary.thresholdMetMonth).toBe(1);
    expect(gated.summary.payerOutcomePayments).toBeCloseTo(free.summary.payerOutcomePayments!, 6);
  });
});

describe('investor waterfall', () => {
  it('repays principal, then the return up to the cap, then the rest to the provider', () => {
    // Provider spends 100,000 in month 0 (fixed cost in the delivery period of one month), financed
    // by the investor. All 100 start work in month 1; 1,000 each paid 12 months later (month 13).
    // The capped claim at month 13 is 100,000 * 1.12^(13/12); the rest goes to the provider.
    const result = evaluate(
      simpleContract({
        programmeMonths: 1,
        profiles: [{ ...simpleContract().profiles[0], programme: { monthlyJobEntryRate: 1 } }],
        provider: { fixedCostPerMonth: 100_000 },
        investor: { commitment: 100_000, returnCap: 0.12, hurdleRate: 0.08 },
        payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_500, payee: 'investor', lagMonths: 12 }] },
      }),
    );
    const capped = 100_000 * Math.pow(1.12, 13 / 12);
    expect(result.summary.investorDrawn).toBeCloseTo(100_000, 9);
    expect(result.summary.investorReceived).toBeCloseTo(capped, 6);
    expect(result.summary.investorIrr).toBeCloseTo(0.12, 9);
    expect(result.summary.providerOutcomeIncome).toBeCloseTo(150_000 - capped, 6);
    expect(result.summary.investorNetPresentValue).toBeCloseTo(-100_000 + capped / Math.pow(1.08, 13 / 12), 6);
  });

  it('lets a first-loss guarantee cover the investor loss up to its amount', () => {
    const result = evaluate(
      simpleContract({
        programmeMonths: 1,
        provider: { fixedCostPerMonth: 100_000 },
        investor: { commitment: 100_000, firstLossGuarantee: { amount: 30_000, guarantor: 'payer' } },
        payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 100, payee: 'investor' }] },
      }),
    );
    const received = 100 * result.summary.placements!;
    expect(result.summary.guaranteePaid).toBeCloseTo(30_000, 9);
    expect(result.summary.investorLoss).toBeCloseTo(100_000 - received - 30_000, 6);
    expect(result.summary.payerOwnCosts).toBeCloseTo(30_000, 9);
  });
});

describe('money over time', () => {
  it('discounts a flow in month t by (1 + r)^(t/12): one year later is divided by 1 + r', () => {
    const result = evaluate(
      simpleContract({
        profiles: [{ ...simpleContract().profiles[0], programme: { monthlyJobEntryRate: 1 } }],
        payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000, lagMonths: 11 }] },
        money: { discountRate: 0.0225 },
      }),
    );
    expect(result.monthly.outcomePayments[12]).toBeCloseTo(100_000, 9);
    expect(result.summary.payerOutcomePaymentsPresentValue).toBeCloseTo(100_000 / 1.0225, 6);
  });

  it('indexes benefits each January after the start', () => {
    const result = evaluate(
      simpleContract({
        startMonth: '2026-07',
        profiles: [{ ...simpleContract().profiles[0], administrationCostPerYear: 0, programme: { monthlyJobEntryRate: 1 } }],
        money: { discountRate: 0, benefitIndexation: 0.1 },
      }),
    );
    // In work from month 1: July is month 0, so 2026 has months 1..5 in work, 2027 all 12 at 1,100.
    expect(result.monthly.avoidedCostsGross[5]).toBeCloseTo(100_000, 9);
    expect(result.monthly.avoidedCostsGross[6]).toBeCloseTo(110_000, 9);
    expect(result.years).toEqual(['2026', '2027', '2028']);
  });

  it('sums months into calendar years exactly and balances what the payer pays with what others receive', () => {
    const result = evaluate(
      simpleContract({
        provider: { costPerParticipantMonth: 100 },
        investor: { commitment: 50_000 },
        payment: {
          triggers: [
            { id: 'start', kind: 'jobStart', price: 800, payee: 'investor' },
            { id: 'six', kind: 'sustained', months: 6, price: 500 },
          ],
        },
      }),
    );
    const m = result.monthly;
    const perYear = [0, 0];
    m.outcomePayments.forEach((v, t) => (perYear[Math.floor(t / 12)] += v));
    expect(result.yearly.yearlyOutcomePayments[0]).toBe(perYear[0]);
    expect(result.yearly.yearlyOutcomePayments[1]).toBe(perYear[1]);
    const received = total(m.paidToProvider) + total(m.investorDistributions) + total(m.providerResidualFromWaterfall);
    expect(received).toBeCloseTo(result.summary.payerOutcomePayments!, 6);
  });
});

describe('work types and loonkostensubsidie', () => {
  it('saves only the unpaid share of a part-time benefit and charges LKS for subsidised workers', () => {
    const result = evaluate(
      simpleContract({
        profiles: [{ ...simpleContract().profiles[0], programme: { monthlyJobEntryRate: 1 }, counterfactual: { monthlyJobEntryRate: 0 } }],
        work: { partTimeShare: 0.5, partTimeBenefitShare: 0.4, lksShare: 0.2, lksMonthlyAmount: 500, fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: 0 }] },
      }),
    );
    // From month 1: 50 full-time save 1,000 + 100 admin each; 50 part-time save 600 and stay a case.
    expect(result.monthly.avoidedCostsGross[1]).toBeCloseTo(50 * 1_100 + 50 * 600, 9);
    expect(result.monthly.lks[1]).toBeCloseTo(20 * 500, 9);
    expect(result.summary.payerLksAttributable).toBeCloseTo(20 * 500 * (H - 1), 6);
  });
});

describe('counterfactual by deadweight', () => {
  it('attributes (1 - deadweight) of the savings through work', () => {
    const result = evaluate(simpleContract({ counterfactual: { method: 'deadweight', deadweightShare: 2 / 3 } }));
    expect(result.summary.avoidedCostsCounterfactual).toBeCloseTo((2 / 3) * result.summary.avoidedCostsGross!, 6);
    expect(result.summary.avoidedCostsAttributable).toBeCloseTo((1 / 3) * result.summary.avoidedCostsGross!, 6);
    expect(result.summary.placementsAttributable).toBeCloseTo((1 / 3) * result.summary.placements!, 9);
  });
});

describe('rate cards and custom rules', () => {
  it('prices each profile by the band of its months on bijstand', () => {
    const base = simpleContract().profiles[0];
    const result = evaluate(
      simpleContract({
        profiles: [
          { ...base, id: 'short', share: 1, monthsOnBenefitBeforeIntake: 6, programme: { monthlyJobEntryRate: 1 } },
          { ...base, id: 'long', share: 1, monthsOnBenefitBeforeIntake: 60, programme: { monthlyJobEntryRate: 1 } },
        ],
        payment: {
          triggers: [
            { id: 'start', kind: 'jobStart', price: { bands: [{ minMonthsOnBenefit: 0, price: 1_000 }, { minMonthsOnBenefit: 24, price: 3_000 }] } },
          ],
        },
      }),
    );
    expect(result.summary.payerOutcomePayments).toBeCloseTo(50 * 1_000 + 50 * 3_000, 9);
  });

  it('evaluates a custom mathjs rule over monthly quantities', () => {
    const custom = evaluate(simpleContract({ payment: { triggers: [{ id: 'rule', kind: 'custom', expression: '1000 * placements' }] } }));
    const rateCard = evaluate(simpleContract());
    expect(custom.summary.payerOutcomePayments).toBeCloseTo(rateCard.summary.payerOutcomePayments!, 9);
  });

  it('shares a fraction of attributable savings on a high-water mark', () => {
    const result = evaluate(simpleContract({ payment: { triggers: [{ id: 'share', kind: 'shareOfSavings', share: 0.4 }] } }));
    expect(result.summary.payerOutcomePayments).toBeCloseTo(0.4 * result.summary.avoidedCostsAttributable!, 6);
  });
});

describe('refusals with field paths', () => {
  it('refuses a custom rule with an unknown name, naming the field', () => {
    const contract = ContractSchema.parse(simpleContract({ payment: { triggers: [{ id: 'rule', kind: 'custom', expression: 'placments * 10' }] } }));
    const result = evaluateContractExpected(contract);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid-input') throw new Error('expected invalid-input');
    expect(result.error.problems[0].path).toEqual(['payment', 'triggers', 0, 'expression']);
    expect(result.error.problems[0].message).toMatch(/placments/);
  });

  it('refuses a rate above 1 with its path', () => {
    const bad = { ...simpleContract().profiles[0], programme: { monthlyJobEntryRate: 1.5 } };
    const result = evaluateContractExpected(ContractSchema.parse(simpleContract({ profiles: [bad] })));
    if (result.ok || result.error.kind !== 'invalid-input') throw new Error('expected invalid-input');
    expect(result.error.problems[0].path).toEqual(['profiles', 0, 'programme', 'monthlyJobEntryRate']);
  });

  it('refuses an investor payee without an investor', () => {
    const parsed = ContractSchema.safeParse(simpleContract({ payment: { triggers: [{ id: 'x', kind: 'jobStart', price: 1, payee: 'investor' }] } }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(['payment', 'triggers', 0, 'payee']);
  });
});

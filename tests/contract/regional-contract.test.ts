import { describe, expect, it } from 'vitest';
import { ContractSchema, createContractModel, type ContractInput } from '../../models/contract/index.js';
import { evaluate, total } from './contract-fixtures.js';

/**
 * A regional contract (issue 17, part 3): municipalities in one contract, each saving on and
 * paying for its own residents. Where they do not interact (no cap or threshold shared, intake
 * split exactly by the profile shares), a region of two must give each municipality what its own
 * contract gives it: the single contracts' payerNetResult is the independent reference.
 */
const profileA = {
  id: 'a',
  share: 2,
  monthlyBenefit: 1_283.83,
  administrationCostPerYear: 2_883,
  programme: { monthlyJobEntryRate: 0.06, monthlyOtherExitRate: 0.01 },
  counterfactual: { monthlyJobEntryRate: 0.02, monthlyOtherExitRate: 0.01 },
};
const profileB = {
  id: 'b',
  share: 1,
  monthlyBenefit: 1_834.04,
  administrationCostPerYear: 2_400,
  programme: { monthlyJobEntryRate: 0.04, monthlyOtherExitRate: 0.005 },
  counterfactual: { monthlyJobEntryRate: 0.01, monthlyOtherExitRate: 0.005 },
};

function contract(cohortCount: number, profiles: ContractInput['profiles'], ownCostsPerMonth: number, extra: Partial<ContractInput> = {}): ContractInput {
  return {
    name: 'regio',
    startMonth: '2026-01',
    horizonMonths: 36,
    programmeMonths: 12,
    intake: { cohorts: Array.from({ length: 6 }, (_, month) => ({ month, count: cohortCount })) },
    profiles,
    work: { partTimeShare: 0.3, partTimeBenefitShare: 0.5, lksShare: 0.2, lksMonthlyAmount: 900 },
    payment: {
      triggers: [
        { id: 'start', kind: 'jobStart', price: 1_500 },
        { id: 'jaar', kind: 'sustained', months: 12, price: { bands: [{ minMonthsOnBenefit: 0, price: 4_000 }] }, lagMonths: 2 },
      ],
    },
    payer: { ownCostsOneOff: 0, ownCostsPerMonth },
    money: { discountRate: 0.0225, benefitIndexation: 0.02 },
    ...extra,
  };
}

const municipalEffect = { id: 'schuld', holder: 'gemeenteSchuldhulpverlening' as const, basis: 'monthInWork' as const, amount: 15 };
const stateEffect = { id: 'belasting', holder: 'rijk' as const, basis: 'monthInWorkFullTime' as const, amount: 120 };

describe('a regional contract of two municipalities', () => {
  const region = evaluate(
    contract(15, [profileA, profileB], 300, {
      budgetHolders: {
        effects: [municipalEffect, stateEffect],
        municipalities: [
          { id: 'utrecht', profiles: ['a'] },
          { id: 'zeist', profiles: ['b'] },
        ],
      },
    }),
  );
  const single = (profile: typeof profileA, count: number, ownCosts: number) =>
    evaluate(contract(count, [{ ...profile, share: 1 }], ownCosts, { budgetHolders: { effects: [municipalEffect, stateEffect] } }));
  const utrecht = single(profileA, 10, 200);
  const zeist = single(profileB, 5, 100);

  it('gives each municipality the result of its own contract where they do not interact', () => {
    const s = region.summary;
    expect(s.municipalityParticipants_utrecht).toBeCloseTo(60, 9);
    expect(s.municipalityParticipants_zeist).toBeCloseTo(30, 9);
    expect(s.municipalityNet_utrecht).toBeCloseTo(utrecht.summary.partyNet_gemeente!, 4);
    expect(s.municipalityNet_zeist).toBeCloseTo(zeist.summary.partyNet_gemeente!, 4);
    expect(s.municipalityPays_utrecht).toBeCloseTo(utrecht.summary.payerOutcomePayments!, 4);
    expect(s.municipalityPays_zeist).toBeCloseTo(zeist.summary.payerOutcomePayments!, 4);
    region.years.forEach((_, y) => {
      expect(region.yearly.yearlyMunicipalityNet_utrecht[y]).toBeCloseTo(utrecht.yearly.yearlyPartyNet_gemeente[y], 4);
      expect(region.yearly.yearlyMunicipalityNet_zeist[y]).toBeCloseTo(zeist.yearly.yearlyPartyNet_gemeente[y], 4);
    });
  });

  it('adds up to the region: the municipalities\' nets are the municipal party\'s, and the region\'s equal the two contracts\' sums', () => {
    const s = region.summary;
    expect(s.municipalityNet_utrecht! + s.municipalityNet_zeist!).toBeCloseTo(s.partyNet_gemeente!, 6);
    expect(s.payerNetResult).toBeCloseTo(utrecht.summary.payerNetResult! + zeist.summary.payerNetResult!, 4);
    expect(s.partyNet_rijk).toBeCloseTo(utrecht.summary.partyNet_rijk! + zeist.summary.partyNet_rijk!, 4);
    const table = region.whoGains!.municipalities!;
    expect(total(table.map((m) => m.net))).toBeCloseTo(s.partyNet_gemeente!, 6);
  });

  it('shares a province\'s co-funding out of the payments before the municipalities pay theirs', () => {
    const cofunded = evaluate(
      contract(15, [profileA, profileB], 300, {
        budgetHolders: { municipalities: [{ id: 'utrecht', profiles: ['a'] }, { id: 'zeist', profiles: ['b'] }] },
        funding: {
          payers: [
            { id: 'gemeenten', holder: 'gemeenteParticipatiebudget', share: 0.75 },
            { id: 'provincie', holder: 'provincie', share: 0.25 },
          ],
        },
      }),
    );
    const s = cofunded.summary;
    expect(s.municipalityPays_utrecht! + s.municipalityPays_zeist!).toBeCloseTo(0.75 * s.payerOutcomePayments!, 6);
    expect(s.municipalityPays_utrecht).toBeCloseTo(0.75 * utrecht.summary.payerOutcomePayments!, 4);
    expect(s.municipalityNet_utrecht! + s.municipalityNet_zeist!).toBeCloseTo(s.partyNet_gemeente!, 6);
  });

  it('refuses a profile in two municipalities or in none, naming the field', () => {
    const built = createContractModel(
      ContractSchema.parse(
        contract(15, [profileA, profileB], 0, {
          budgetHolders: { municipalities: [{ id: 'utrecht', profiles: ['a'] }, { id: 'zeist', profiles: ['a'] }] },
        }),
      ),
    );
    expect(built.ok).toBe(false);
    if (!built.ok) {
      const text = JSON.stringify(built.error);
      expect(text).toContain("already belongs to municipality 'utrecht'");
      expect(text).toContain("profile 'b' belongs to no municipality");
    }
  });
});

describe('a regional contract with drawn persons', () => {
  it('still adds up: the municipalities\' nets are the municipal party\'s in every drawn evaluation', async () => {
    const { createRng } = await import('../../models/random/index.js');
    const { baseParams, seriesLength } = await import('../../models/simulation/model.js');
    const built = createContractModel(
      ContractSchema.parse(
        contract(15, [profileA, profileB], 300, {
          counterfactual: { method: 'deadweight', deadweightShare: 0.5 },
          payment: {
            triggers: [
              { id: 'start', kind: 'jobStart', price: 1_500 },
              { id: 'maanden', kind: 'perMonthOffBenefit', price: 200, basis: 'attributable' },
            ],
            caps: { perYear: 60_000, carryForwardYearly: true },
          },
          budgetHolders: {
            effects: [municipalEffect, { id: 'jaar', holder: 'gemeenteWmo', basis: 'sustained12', amount: 250 }],
            municipalities: [
              { id: 'utrecht', profiles: ['a'] },
              { id: 'zeist', profiles: ['b'] },
            ],
          },
        }),
      ),
    );
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const model = built.value;
    const at = (name: string) => model.scalarOutputs.findIndex((o) => o.name === name);
    const ws = model.createWorkspace();
    const scalars = new Float64Array(model.scalarOutputs.length);
    const series = new Float64Array(seriesLength(model));
    for (const seed of [1, 2, 3]) {
      model.evaluate(baseParams(model), ws, createRng(seed, 0), scalars, series);
      expect(scalars[at('municipalityNet_utrecht')] + scalars[at('municipalityNet_zeist')]).toBeCloseTo(scalars[at('partyNet_gemeente')], 6);
      expect(scalars[at('municipalityPays_utrecht')] + scalars[at('municipalityPays_zeist')]).toBeCloseTo(scalars[at('payerOutcomePayments')], 6);
      expect(scalars[at('municipalityParticipants_utrecht')] + scalars[at('municipalityParticipants_zeist')]).toBe(90);
    }
  });
});

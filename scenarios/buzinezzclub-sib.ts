import type { ContractPreset } from './preset.js';
import { ADMINISTRATION_PER_CASE_YEAR, cbsFallbackBands, NORM_SINGLE_2024, SOURCES, monthlyFromYearly } from './figures.js';

/**
 * A social impact bond in the style of the Buzinezzclub Rotterdam SIB (2013): investors
 * pre-finance a six-month programme for 160 young people; the municipality pays per month of
 * benefit saved beyond the counterfactual, and the investors' return is capped at 12% a year.
 */
export const buzinezzclubSib: ContractPreset = {
  id: 'buzinezzclub-sib',
  title: 'Social impact bond voor jongeren (Buzinezzclub-stijl): betaling per bespaarde uitkeringsmaand',
  summary:
    'Investeerders financieren EUR 680.000 voor 160 jongeren; de gemeente betaalt per uitkeringsmaand die boven de verwachte uitstroom wordt bespaard; het rendement is gemaximeerd op 12% per jaar.',
  assumptions:
    'Aangenomen: de prijs per bespaarde maand (70% van de norm), de kans op werk met en zonder programma (jongeren stromen sneller uit), en dat alle jongeren de norm voor alleenstaanden van 21 jaar en ouder krijgen. ' +
    'De werkelijke SIB rekende met bespaarde uitkeringsdagen tegen een benchmarkduur; hier is de tegenfeitelijke groep die benchmark.',
  sources: [SOURCES.buzinezzclub, SOURCES.norms, SOURCES.berenschot, SOURCES.cbsRetention, SOURCES.cbsOutflow, SOURCES.mkba],
  contract: {
    name: 'Social impact bond jongeren (Buzinezzclub-stijl)',
    startMonth: '2026-01',
    horizonMonths: 48,
    programmeMonths: 6,
    intake: { cohorts: Array.from({ length: 16 }, (_, month) => ({ month, count: 10 })) },
    profiles: [
      {
        id: 'jongeren',
        label: 'Jongeren 21 tot 27 jaar, alleenstaand',
        share: 1,
        monthlyBenefit: NORM_SINGLE_2024,
        administrationCostPerYear: ADMINISTRATION_PER_CASE_YEAR,
        programme: { monthlyJobEntryRate: monthlyFromYearly(0.75), monthlyOtherExitRate: 0.015 },
        counterfactual: { monthlyJobEntryRate: monthlyFromYearly(0.2), monthlyOtherExitRate: 0.015 },
      },
    ],
    work: {
      partTimeShare: 0.3,
      partTimeBenefitShare: 0.4,
      lksShare: 0,
      lksMonthlyAmount: 0,
      fallbackHazard: cbsFallbackBands(),
    },
    counterfactual: { method: 'rates' },
    payment: {
      triggers: [
        {
          id: 'bespaardeMaand',
          kind: 'perMonthOffBenefit',
          basis: 'attributable',
          price: 0.7 * NORM_SINGLE_2024,
          payee: 'investor',
          lagMonths: 3,
        },
      ],
      caps: { total: 1_000_000, carryForwardYearly: false },
    },
    payer: { ownCostsOneOff: 30_000, ownCostsPerMonth: 1_000 },
    // EUR 680,000 for 160 young people over a six-month programme: about EUR 708 per participant-month.
    provider: { costPerParticipantMonth: 680_000 / 160 / 6, costPerPlacement: 0, fixedCostPerMonth: 0 },
    investor: { commitment: 680_000, financedShare: 1, returnCap: 0.12, hurdleRate: 0.08 },
    money: { discountRate: 0.0225, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
  },
};

import type { ContractPreset } from './preset.js';
import {
  ADMINISTRATION_PER_CASE_YEAR,
  cbsFallbackBands,
  NORM_SINGLE_2024,
  NORM_COUPLE_2024,
  SOURCES,
  monthlyFromYearly,
} from './figures.js';

/**
 * An open rate card in the style of SIFR's Prestatiecontract Werk: any qualifying social
 * enterprise is paid once a worker from bijstand has been employed 12 months, more for people who
 * were on bijstand longer.
 */
const programmeRate = (shareInWorkWithinYear: number) => monthlyFromYearly(shareInWorkWithinYear);

export const rotterdamPrestatiecontractWerk: ContractPreset = {
  id: 'rotterdam-prestatiecontract-werk',
  title: 'Prestatiecontract Werk (Rotterdam-stijl): betaling na 12 maanden werk, gestaffeld naar bijstandsduur',
  summary:
    '240 bijstandsgerechtigden over twee jaar bij sociale ondernemingen; de gemeente betaalt per werknemer die 12 maanden in dienst is, hoger naarmate iemand langer in de bijstand zat.',
  assumptions:
    'Aangenomen (niet gepubliceerd): de prijzen per staffel, de kosten van de ondernemingen en de kans op werk per profiel. ' +
    'De kans op werk in het programma is zo gekozen dat gemiddeld ongeveer 47% binnen een jaar werkt (SIFR: 228 van 482); zonder programma 6% tot 14% per jaar (CBS).',
  sources: [SOURCES.sifr, SOURCES.norms, SOURCES.berenschot, SOURCES.cbsRetention, SOURCES.cbsOutflow, SOURCES.mkba],
  contract: {
    name: 'Prestatiecontract Werk (Rotterdam-stijl)',
    startMonth: '2026-01',
    horizonMonths: 60,
    programmeMonths: 12,
    intake: { cohorts: Array.from({ length: 24 }, (_, month) => ({ month, count: 10 })) },
    profiles: [
      {
        id: 'kort',
        label: 'Minder dan 2 jaar in de bijstand, alleenstaand',
        share: 0.4,
        monthlyBenefit: NORM_SINGLE_2024,
        monthsOnBenefitBeforeIntake: 12,
        administrationCostPerYear: ADMINISTRATION_PER_CASE_YEAR,
        programme: { monthlyJobEntryRate: programmeRate(0.6), monthlyOtherExitRate: 0.008 },
        counterfactual: { monthlyJobEntryRate: monthlyFromYearly(0.14), monthlyOtherExitRate: 0.008 },
      },
      {
        id: 'middel',
        label: '2 tot 5 jaar in de bijstand, alleenstaand',
        share: 0.35,
        monthlyBenefit: NORM_SINGLE_2024,
        monthsOnBenefitBeforeIntake: 36,
        administrationCostPerYear: ADMINISTRATION_PER_CASE_YEAR,
        programme: { monthlyJobEntryRate: programmeRate(0.45), monthlyOtherExitRate: 0.006 },
        counterfactual: { monthlyJobEntryRate: monthlyFromYearly(0.09), monthlyOtherExitRate: 0.006 },
      },
      {
        id: 'lang',
        label: 'Meer dan 5 jaar in de bijstand, paar',
        share: 0.25,
        monthlyBenefit: NORM_COUPLE_2024,
        monthsOnBenefitBeforeIntake: 84,
        administrationCostPerYear: ADMINISTRATION_PER_CASE_YEAR,
        programme: { monthlyJobEntryRate: programmeRate(0.3), monthlyOtherExitRate: 0.004 },
        counterfactual: { monthlyJobEntryRate: monthlyFromYearly(0.06), monthlyOtherExitRate: 0.004 },
      },
    ],
    work: {
      partTimeShare: 0.35,
      partTimeBenefitShare: 0.5,
      lksShare: 0.3,
      // Loonwaarde 60%: LKS is the 40% gap to the minimum wage (about EUR 2,070 a month in 2024) plus 23.5% employer costs.
      lksMonthlyAmount: 0.4 * 2_070 * 1.235,
      fallbackHazard: cbsFallbackBands(),
    },
    counterfactual: { method: 'rates' },
    payment: {
      triggers: [
        {
          id: 'twaalfMaandenWerk',
          kind: 'sustained',
          months: 12,
          price: {
            bands: [
              { minMonthsOnBenefit: 0, price: 5_000 },
              { minMonthsOnBenefit: 24, price: 7_500 },
              { minMonthsOnBenefit: 60, price: 10_000 },
            ],
          },
          payee: 'provider',
          lagMonths: 2,
        },
      ],
      caps: { perYear: 600_000, total: 1_500_000, carryForwardYearly: true },
    },
    payer: { ownCostsOneOff: 25_000, ownCostsPerMonth: 1_500 },
    // Assumed: extra coaching by the enterprise beyond what the worker's own production pays for.
    provider: { costPerParticipantMonth: 200, costPerPlacement: 500, fixedCostPerMonth: 2_000 },
    money: { discountRate: 0.0225, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
  },
};

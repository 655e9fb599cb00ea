import type { ContractPreset } from './preset.js';
import { ADMINISTRATION_PER_CASE_YEAR, NORM_SINGLE_2024, SOURCES, monthlyFromYearly } from './figures.js';

/**
 * A pilot of 20 people in a small municipality, paid as a share of realised savings (as in
 * Emmen), with a large deadweight (as found in the Werk na Detentie SIB): the case where chance
 * alone moves the result.
 */
export const smallMunicipalityPilot: ContractPreset = {
  id: 'small-municipality-pilot',
  title: 'Pilot kleine gemeente: 20 deelnemers, 45% van de besparing, veel deadweight',
  summary:
    'Een sociale onderneming begeleidt 20 bijstandsgerechtigden; de gemeente betaalt 45% van de toerekenbare besparing. Twee derde van de uitstroom naar werk zou ook zonder de pilot zijn gebeurd.',
  assumptions:
    'Aangenomen: de kans op werk in de pilot (35% binnen een jaar), de kosten van de onderneming en dat de besparing wordt gedeeld over vier jaar. De deadweight van twee derde komt uit Werk na Detentie; het aandeel 45% ligt in de Emmense bandbreedte.',
  sources: [SOURCES.emmen, SOURCES.werkNaDetentie, SOURCES.norms, SOURCES.berenschot, SOURCES.cbsRetention, SOURCES.mkba],
  contract: {
    name: 'Pilot kleine gemeente (besparingsdeling)',
    startMonth: '2026-03',
    horizonMonths: 48,
    programmeMonths: 12,
    intake: { cohorts: [{ month: 0, count: 10 }, { month: 6, count: 10 }] },
    profiles: [
      {
        id: 'alleenstaand',
        share: 1,
        monthlyBenefit: NORM_SINGLE_2024,
        monthsOnBenefitBeforeIntake: 24,
        administrationCostPerYear: ADMINISTRATION_PER_CASE_YEAR,
        programme: { monthlyJobEntryRate: monthlyFromYearly(0.35), monthlyOtherExitRate: 0.008 },
        counterfactual: { monthlyJobEntryRate: monthlyFromYearly(0.35 * (2 / 3)), monthlyOtherExitRate: 0.008 },
      },
    ],
    counterfactual: { method: 'deadweight', deadweightShare: 2 / 3 },
    payment: {
      triggers: [{ id: 'besparingsdeel', kind: 'shareOfSavings', share: 0.45, basis: 'attributable', payee: 'provider', lagMonths: 1 }],
      caps: { perYear: 60_000, carryForwardYearly: false },
    },
    payer: { ownCostsOneOff: 5_000, ownCostsPerMonth: 0 },
    provider: { costPerParticipantMonth: 350, costPerPlacement: 500, fixedCostPerMonth: 0 },
  },
};

import type { ContractPreset } from './preset.js';
import {
  administrationCostEstimate,
  cbsFallbackBandEstimates,
  deadweightEstimate,
  describeShareRange,
  estimate,
  monthlyRateFromYearly,
  NORM_SINGLE_2024,
  otherExitRateEstimate,
  SOURCES,
  type Range,
} from './figures.js';

/**
 * A pilot of 20 people in a small municipality, paid as a share of realised savings (as in
 * Emmen), with a large deadweight (as found in the Werk na Detentie SIB): the case where chance
 * alone moves the result. Fixed: the norm (law), the share, cap, intake, lag and programme length
 * (contract), the discount rate (policy). Everything else is an estimate with its source.
 */

/** Pure assumption: the pilot's job-entry chance within a year (SIFR's 47% is over a whole programme, not a year); the low end is CBS's outflow without a programme. */
const PROGRAMME_JOB_ENTRY_YEARLY: Range = { low: 0.1, likely: 0.35, high: 0.5 };
/** Werk na Detentie about two thirds, the Flemish evaluation about 85%; the low end is an assumption. */
const DEADWEIGHT: Range = { low: 0.4, likely: 2 / 3, high: 0.9 };
/** CBS 7% to 15% a year; two thirds of the pilot's 35% would be about 23%: the range spans both readings. */
const COUNTERFACTUAL_JOB_ENTRY_YEARLY: Range = { low: 0.07, likely: 0.15, high: 0.25 };
const OTHER_EXIT_YEARLY: Range = { low: 0.05, likely: 0.09, high: 0.15 };
const PART_TIME_SHARE: Range = { low: 0.2, likely: 0.35, high: 0.5 };
const PART_TIME_BENEFIT_SHARE: Range = { low: 0.3, likely: 0.5, high: 0.7 };

export const smallMunicipalityPilot: ContractPreset = {
  id: 'small-municipality-pilot',
  title: 'Pilot kleine gemeente: 20 deelnemers, 45% van de besparing, veel deadweight',
  summary:
    'Een sociale onderneming begeleidt 20 bijstandsgerechtigden; de gemeente betaalt 45% van de toerekenbare besparing. Naar schatting twee derde van de uitstroom naar werk zou ook zonder de pilot zijn gebeurd.',
  assumptions:
    'Vast: de bijstandsnorm voor alleenstaanden (wet), het aandeel van 45% in de Emmense bandbreedte, het plafond van EUR 60.000 per jaar, 2 groepen van 10 deelnemers, 12 maanden begeleiding en 1 maand betaaltermijn (contract) en de discontovoet van 2,25% (MKBA-beleid). ' +
    `Geschat, elk met bron en bandbreedte: de deadweight ${describeShareRange(DEADWEIGHT)} (Werk na Detentie circa twee derde, een Vlaamse evaluatie circa 85%), ` +
    `de kans op werk in de pilot ${describeShareRange(PROGRAMME_JOB_ENTRY_YEARLY)} binnen een jaar (aanname), uitstroom om andere redenen (Divosa en CBS), terugval uit werk (CBS 82% na 6 en 72% na 18 maanden), ` +
    'het deeltijdaandeel, de uitvoeringskosten (Berenschot, gemiddelde van 30 gemeenten) en de kosten van onderneming en gemeente, eenmalig en per maand (aannames). ' +
    'De vergelijking zonder pilot volgt uit de deadweight; na de 12 maanden begeleiding en na terugval gelden de kansen zonder programma (CBS 7% tot 15% per jaar naar werk, geschat 7% tot 25%). Geen loonkostensubsidie in deze pilot.',
  sources: [SOURCES.emmen, SOURCES.werkNaDetentie, SOURCES.flemishDeadweight, SOURCES.norms, SOURCES.berenschot, SOURCES.cbsRetention, SOURCES.cbsOutflow, SOURCES.divosa, SOURCES.mkba],
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
        administrationCostPerYear: administrationCostEstimate(),
        programme: {
          monthlyJobEntryRate: monthlyRateFromYearly(
            PROGRAMME_JOB_ENTRY_YEARLY,
            `Aanname: ${describeShareRange(PROGRAMME_JOB_ENTRY_YEARLY)} van de deelnemers vindt binnen een jaar werk. Ter vergelijking: SIFR bracht 228 van 482 getrainden naar betaald werk (47%, over het hele traject), ` +
              'CBS telt zonder programma 7% tot 15% per jaar; de ondergrens van 10% is een pilot die daar niets aan toevoegt. Een brede band omdat over deze pilot niets gemeten is.',
          ),
          monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY, 'alleenstaanden die twee jaar in de bijstand zitten'),
        },
        // With the deadweight method these rates apply after the programme months and after a fall-back, not to the comparison.
        counterfactual: {
          monthlyJobEntryRate: monthlyRateFromYearly(
            COUNTERFACTUAL_JOB_ENTRY_YEARLY,
            'CBS: 7% tot 15% van het bijstandsbestand vindt binnen een jaar werk; twee derde deadweight op de 35% van de pilot komt neer op circa 23%. ' +
              `Aangenomen ${describeShareRange(COUNTERFACTUAL_JOB_ENTRY_YEARLY)} per jaar, voor wie na de 12 maanden begeleiding of na terugval nog in de bijstand zit.`,
          ),
          monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY, 'alleenstaanden die twee jaar in de bijstand zitten'),
        },
      },
    ],
    work: {
      partTimeShare: estimate(PART_TIME_SHARE, `Aanname: ${describeShareRange(PART_TIME_SHARE)} van wie gaat werken, werkt in deeltijd; geen bron in onze referenties.`),
      partTimeBenefitShare: estimate(
        PART_TIME_BENEFIT_SHARE,
        `Aanname: een deeltijdwerker houdt ${describeShareRange(PART_TIME_BENEFIT_SHARE)} van de uitkering als aanvulling; de vrijlating van 25% van het loon (tot circa EUR 269 per maand, 2024) houdt een deel van de uitkering in stand.`,
      ),
      lksShare: 0,
      lksMonthlyAmount: 0,
      fallbackHazard: cbsFallbackBandEstimates(),
    },
    counterfactual: {
      method: 'deadweight',
      deadweightShare: deadweightEstimate(DEADWEIGHT, `Bandbreedte ${describeShareRange(DEADWEIGHT)}: de ondergrens is een aanname voor een groep die verder van werk staat.`, { citeSeo: true }),
    },
    payment: {
      triggers: [{ id: 'besparingsdeel', kind: 'shareOfSavings', share: 0.45, basis: 'attributable', payee: 'provider', lagMonths: 1 }],
      caps: { perYear: 60_000, carryForwardYearly: false },
    },
    payer: {
      ownCostsOneOff: estimate(
        { low: 5_000, likely: 10_000, high: 20_000 },
        'Aanname: opzet, inkoop en evaluatie van de pilot EUR 5.000 tot 20.000, meest waarschijnlijk 10.000; een evaluatie met een vergelijkingsgroep, nodig om de deadweight te meten, zit aan de bovenkant.',
      ),
      ownCostsPerMonth: estimate(
        { low: 100, likely: 300, high: 600 },
        'Aanname: contractbeheer, monitoring en de jaarlijkse verantwoording EUR 100 tot 600 per maand, meest waarschijnlijk 300, over de hele looptijd; een kleine pilot heeft naar verhouding veel vaste kosten (het Rotterdamse voorbeeld rekent EUR 1.500 per maand voor 240 deelnemers).',
      ),
    },
    provider: {
      costPerParticipantMonth: estimate(
        { low: 250, likely: 350, high: 500 },
        'Aanname: begeleiding door de onderneming EUR 250 tot 500 per deelnemer per maand, meest waarschijnlijk 350; niet gepubliceerd.',
      ),
      costPerPlacement: estimate(
        { low: 250, likely: 500, high: 1_000 },
        'Aanname: bemiddeling en nazorg bij de start van werk EUR 250 tot 1.000, meest waarschijnlijk 500; niet gepubliceerd.',
      ),
      fixedCostPerMonth: 0,
    },
    money: { discountRate: 0.0225, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
  },
};

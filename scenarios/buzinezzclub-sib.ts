import type { ContractPreset } from './preset.js';
import {
  administrationCostEstimate,
  cbsFallbackBandEstimates,
  describeShareRange,
  estimate,
  monthlyRateFromYearly,
  NORM_SINGLE_2024,
  otherExitRateEstimate,
  SOURCES,
  type Range,
} from './figures.js';

/**
 * A social impact bond in the style of the Buzinezzclub Rotterdam SIB (2013): investors
 * pre-finance a six-month programme for 160 young people; the municipality pays per month of
 * benefit saved beyond the counterfactual, and the investors' return is capped at 12% a year.
 * Fixed: the norm (law), price, cap, intake, lag, programme length, investment and return cap
 * (contract), the discount rate (policy). Everything else is an estimate with its source.
 */

/** EUR 680,000 for 160 young people in a six-month programme: EUR 708 per participant-month if it all went to the programme. */
const PUBLISHED_COST_PER_PARTICIPANT_MONTH = 680_000 / 160 / 6;
const PROGRAMME_JOB_ENTRY_YEARLY: Range = { low: 0.5, likely: 0.75, high: 0.85 };
const COUNTERFACTUAL_JOB_ENTRY_YEARLY: Range = { low: 0.12, likely: 0.2, high: 0.3 };
const OTHER_EXIT_YEARLY: Range = { low: 0.1, likely: 0.17, high: 0.25 };
const PART_TIME_SHARE: Range = { low: 0.15, likely: 0.3, high: 0.45 };
const PART_TIME_BENEFIT_SHARE: Range = { low: 0.25, likely: 0.4, high: 0.6 };
const YOUNG_PEOPLE = 'jongeren van 21 tot 27 jaar (zij stromen vaker uit voor opleiding)';

export const buzinezzclubSib: ContractPreset = {
  id: 'buzinezzclub-sib',
  title: 'Social impact bond voor jongeren (Buzinezzclub-stijl): betaling per bespaarde uitkeringsmaand',
  summary:
    'Investeerders financieren EUR 680.000 voor 160 jongeren; de gemeente betaalt per uitkeringsmaand die boven de verwachte uitstroom wordt bespaard; het rendement is gemaximeerd op 12% per jaar.',
  assumptions:
    'Vast: de bijstandsnorm voor alleenstaanden van 21 jaar en ouder (wet; alle jongeren krijgen hier die norm), de prijs per bespaarde maand (70% van de norm), het plafond van EUR 1 miljoen, 16 groepen van 10 jongeren, 6 maanden programma, 3 maanden betaaltermijn, ' +
    'de investering van EUR 680.000 en het rendementsplafond van 12% (contract) en de discontovoet van 2,25% (MKBA-beleid). ' +
    `Geschat, elk met bron en bandbreedte: de kans op werk met programma ${describeShareRange(PROGRAMME_JOB_ENTRY_YEARLY)} per jaar (aanname) en zonder ${describeShareRange(COUNTERFACTUAL_JOB_ENTRY_YEARLY)} (CBS 7% tot 15%, hoger voor jongeren), ` +
    'uitstroom om andere redenen (Divosa en CBS), terugval uit werk (CBS), het deeltijdaandeel, de uitvoeringskosten (Berenschot), de kosten van het programma (rond EUR 708 per deelnemer per maand uit het gepubliceerde bedrag) en de eigen kosten van de gemeente. ' +
    'De werkelijke SIB rekende met bespaarde uitkeringsdagen tegen een benchmarkduur; hier is de tegenfeitelijke groep die benchmark. Geen loonkostensubsidie: aangenomen is dat deze jongeren geen arbeidsbeperking hebben.',
  sources: [SOURCES.buzinezzclub, SOURCES.norms, SOURCES.berenschot, SOURCES.cbsRetention, SOURCES.cbsOutflow, SOURCES.divosa, SOURCES.mkba],
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
        administrationCostPerYear: administrationCostEstimate(),
        programme: {
          monthlyJobEntryRate: monthlyRateFromYearly(
            PROGRAMME_JOB_ENTRY_YEARLY,
            `Aanname: ${describeShareRange(PROGRAMME_JOB_ENTRY_YEARLY)} van de jongeren vindt binnen een jaar werk. De Buzinezzclub-SIB in Rotterdam werd afgesloten met de investeerders terugbetaald met rendement, dus het programma deed het ruim beter dan de benchmark; ` +
              'de cijfers per jaar zijn niet gepubliceerd. Ter vergelijking: SIFR bracht 228 van 482 getrainden naar betaald werk.',
          ),
          monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY, YOUNG_PEOPLE),
        },
        counterfactual: {
          monthlyJobEntryRate: monthlyRateFromYearly(
            COUNTERFACTUAL_JOB_ENTRY_YEARLY,
            `CBS: 7% tot 15% van het bijstandsbestand vindt binnen een jaar werk, hoger voor jongeren. Aangenomen voor deze jongeren zonder programma: ${describeShareRange(COUNTERFACTUAL_JOB_ENTRY_YEARLY)} per jaar.`,
          ),
          monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY, YOUNG_PEOPLE),
        },
      },
    ],
    work: {
      partTimeShare: estimate(PART_TIME_SHARE, `Aanname: ${describeShareRange(PART_TIME_SHARE)} van de plaatsingen is in deeltijd; geen bron in onze referenties.`),
      partTimeBenefitShare: estimate(
        PART_TIME_BENEFIT_SHARE,
        `Aanname: een jongere in deeltijd houdt ${describeShareRange(PART_TIME_BENEFIT_SHARE)} van de uitkering als aanvulling; de vrijlating van 25% van het loon (tot circa EUR 269 per maand, 2024) houdt een deel van de uitkering in stand.`,
      ),
      lksShare: 0,
      lksMonthlyAmount: 0,
      fallbackHazard: cbsFallbackBandEstimates(),
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
    payer: {
      ownCostsOneOff: estimate(
        { low: 20_000, likely: 30_000, high: 45_000 },
        'Aanname: opzet, juridische vormgeving van de SIB, inkoop en onafhankelijke meting EUR 20.000 tot 45.000, meest waarschijnlijk 30.000; niet gepubliceerd.',
      ),
      ownCostsPerMonth: estimate(
        { low: 600, likely: 1_000, high: 1_600 },
        'Aanname: contractbeheer en het vaststellen van de bespaarde maanden EUR 600 tot 1.600 per maand, meest waarschijnlijk 1.000; niet gepubliceerd.',
      ),
    },
    provider: {
      costPerParticipantMonth: estimate(
        { low: 550, likely: PUBLISHED_COST_PER_PARTICIPANT_MONTH, high: 850 },
        'Buzinezzclub Rotterdam SIB: EUR 680.000 voor 160 jongeren in een programma van 6 maanden, EUR 708 per deelnemer per maand als het hele bedrag naar het programma ging. ' +
          'Bandbreedte aangenomen: EUR 550 tot 850, want een deel van het bedrag kan marge of reserve zijn en een programma kan ook uitlopen.',
      ),
      costPerPlacement: 0,
      fixedCostPerMonth: 0,
    },
    investor: { commitment: 680_000, financedShare: 1, returnCap: 0.12, hurdleRate: 0.08 },
    money: { discountRate: 0.0225, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
  },
};

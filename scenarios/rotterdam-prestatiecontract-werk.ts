import type { ContractPreset } from './preset.js';
import {
  administrationCostEstimate,
  cbsFallbackBandEstimates,
  describeShareRange,
  estimate,
  lksMonthlyAmountEstimate,
  monthlyRateFromYearly,
  NORM_COUPLE_2024,
  NORM_SINGLE_2024,
  otherExitRateEstimate,
  SOURCES,
  type Range,
} from './figures.js';
import { BUDGET_SOURCES, defaultBudgetEffects } from './budget-holder-figures.js';

/**
 * An open rate card in the style of SIFR's Prestatiecontract Werk: any qualifying social
 * enterprise is paid once a worker from bijstand has been employed 12 months, more for people who
 * were on bijstand longer. Fixed: the norms (law), prices, caps, intake, lag and programme length
 * (contract), the discount rate (policy). Everything else is an estimate with its source.
 */

/** Yearly job-entry ranges per profile: weighted 0.4/0.35/0.25 the likely values give about 47% (SIFR: 228 of 482). */
const PROGRAMME_YEARLY: Record<'kort' | 'middel' | 'lang', Range> = {
  kort: { low: 0.4, likely: 0.6, high: 0.75 },
  middel: { low: 0.3, likely: 0.45, high: 0.6 },
  lang: { low: 0.15, likely: 0.3, high: 0.45 },
};
/** CBS: 7% to 15% of the stock a year into a job; split by duration (an assumption: longer on bijstand, lower chance). */
const COUNTERFACTUAL_YEARLY: Record<'kort' | 'middel' | 'lang', Range> = {
  kort: { low: 0.09, likely: 0.14, high: 0.2 },
  middel: { low: 0.05, likely: 0.09, high: 0.13 },
  lang: { low: 0.02, likely: 0.06, high: 0.09 },
};
const OTHER_EXIT_YEARLY: Record<'kort' | 'middel' | 'lang', Range> = {
  kort: { low: 0.05, likely: 0.09, high: 0.15 },
  middel: { low: 0.04, likely: 0.07, high: 0.12 },
  lang: { low: 0.02, likely: 0.05, high: 0.08 },
};
const GROUP: Record<'kort' | 'middel' | 'lang', string> = {
  kort: 'wie korter dan 2 jaar in de bijstand zit',
  middel: 'wie 2 tot 5 jaar in de bijstand zit',
  lang: 'wie langer dan 5 jaar in de bijstand zit',
};

const programmeRate = (id: keyof typeof PROGRAMME_YEARLY) =>
  monthlyRateFromYearly(
    PROGRAMME_YEARLY[id],
    `SIFR: 228 van 482 getrainden naar betaald werk (47%). Niet per duurgroep gepubliceerd: aangenomen dat ${GROUP[id]} ${describeShareRange(PROGRAMME_YEARLY[id])} binnen een jaar werk vindt, ` +
      'zo gekozen dat het gewogen gemiddelde van de drie groepen bij 47% uitkomt; de band weerspiegelt dat de SIFR-groep geselecteerd was en dat 47% over het hele traject telt, niet per jaar.',
  );
const counterfactualRate = (id: keyof typeof COUNTERFACTUAL_YEARLY) =>
  monthlyRateFromYearly(
    COUNTERFACTUAL_YEARLY[id],
    `CBS: 7% tot 15% van het bijstandsbestand stroomt binnen een jaar uit naar werk, afhankelijk van het jaar. Aangenomen voor ${GROUP[id]}: ${describeShareRange(COUNTERFACTUAL_YEARLY[id])} per jaar (hoe langer in de bijstand, hoe lager).`,
  );

export const rotterdamPrestatiecontractWerk: ContractPreset = {
  id: 'rotterdam-prestatiecontract-werk',
  title: 'Prestatiecontract Werk (Rotterdam-stijl): betaling na 12 maanden werk, gestaffeld naar bijstandsduur',
  summary:
    '240 bijstandsgerechtigden over twee jaar bij sociale ondernemingen; de gemeente betaalt per werknemer die 12 maanden in dienst is, hoger naarmate iemand langer in de bijstand zat.',
  assumptions:
    'Vast: de bijstandsnormen voor alleenstaanden en paren (wet); de prijzen per staffel (EUR 5.000, 7.500 en 10.000), de plafonds, 24 groepen van 10 deelnemers, 12 maanden begeleiding en 2 maanden betaaltermijn (contract; de prijzen zijn niet gepubliceerd, dit is een voorbeeld); de discontovoet van 2,25% (MKBA-beleid). ' +
    'Geschat, elk met bron en bandbreedte: de kans op werk in het programma per profiel (gewogen circa 47% per jaar, SIFR: 228 van 482) en zonder programma (CBS 7% tot 15% per jaar, lager naarmate iemand langer in de bijstand zit), ' +
    'uitstroom om andere redenen (Divosa en CBS), terugval uit werk (CBS 82% na 6 en 72% na 18 maanden), de uitvoeringskosten (Berenschot, gemiddelde van 30 gemeenten), ' +
    'het deeltijdaandeel en de resterende uitkering in deeltijd, het aandeel en de hoogte van de loonkostensubsidie (loonwaarde 50% tot 80%), de kosten van de ondernemingen en de eigen kosten van de gemeente (aannames, niet gepubliceerd). ' +
    'Wie wint: per maand werk de premies voor UWV en het Zorgverzekeringsfonds, de loonheffing en lagere toeslagen voor het Rijk, minder schuldhulp voor de gemeente en het netto inkomen en welzijn van de deelnemer (ruwe richtwaarden 2024 met bandbreedte, zie de bron bij elk cijfer).',
  sources: [
    SOURCES.sifr,
    SOURCES.norms,
    SOURCES.berenschot,
    SOURCES.cbsRetention,
    SOURCES.cbsOutflow,
    SOURCES.divosa,
    SOURCES.mkba,
    BUDGET_SOURCES.premies,
    BUDGET_SOURCES.belasting,
    BUDGET_SOURCES.wellby,
    BUDGET_SOURCES.leidraad,
  ],
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
        administrationCostPerYear: administrationCostEstimate(),
        programme: { monthlyJobEntryRate: programmeRate('kort'), monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY.kort, GROUP.kort) },
        counterfactual: { monthlyJobEntryRate: counterfactualRate('kort'), monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY.kort, GROUP.kort) },
      },
      {
        id: 'middel',
        label: '2 tot 5 jaar in de bijstand, alleenstaand',
        share: 0.35,
        monthlyBenefit: NORM_SINGLE_2024,
        monthsOnBenefitBeforeIntake: 36,
        administrationCostPerYear: administrationCostEstimate(),
        programme: { monthlyJobEntryRate: programmeRate('middel'), monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY.middel, GROUP.middel) },
        counterfactual: { monthlyJobEntryRate: counterfactualRate('middel'), monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY.middel, GROUP.middel) },
      },
      {
        id: 'lang',
        label: 'Meer dan 5 jaar in de bijstand, paar',
        share: 0.25,
        monthlyBenefit: NORM_COUPLE_2024,
        monthsOnBenefitBeforeIntake: 84,
        administrationCostPerYear: administrationCostEstimate(),
        programme: { monthlyJobEntryRate: programmeRate('lang'), monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY.lang, GROUP.lang) },
        counterfactual: { monthlyJobEntryRate: counterfactualRate('lang'), monthlyOtherExitRate: otherExitRateEstimate(OTHER_EXIT_YEARLY.lang, GROUP.lang) },
      },
    ],
    work: {
      partTimeShare: estimate(
        { low: 0.2, likely: 0.35, high: 0.5 },
        'Aanname: 20% tot 50% van de plaatsingen is in deeltijd, meest waarschijnlijk 35%; geen bron in onze referenties.',
      ),
      partTimeBenefitShare: estimate(
        { low: 0.3, likely: 0.5, high: 0.7 },
        'Aanname: een deeltijdwerker houdt 30% tot 70% van de uitkering als aanvulling, meest waarschijnlijk 50%; de vrijlating van 25% van het loon (tot circa EUR 269 per maand, 2024) houdt een deel van de uitkering in stand.',
      ),
      lksShare: estimate(
        { low: 0.15, likely: 0.3, high: 0.45 },
        'Aanname: 15% tot 45% van de werknemers heeft loonkostensubsidie nodig, meest waarschijnlijk 30%; sociale ondernemingen nemen mensen met een loonwaarde onder het minimumloon aan, maar hun aandeel is niet gepubliceerd.',
      ),
      lksMonthlyAmount: lksMonthlyAmountEstimate(),
      fallbackHazard: cbsFallbackBandEstimates(),
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
    payer: {
      ownCostsOneOff: estimate(
        { low: 15_000, likely: 25_000, high: 40_000 },
        'Aanname: opzet, inkoop en evaluatie EUR 15.000 tot 40.000, meest waarschijnlijk 25.000; niet gepubliceerd.',
      ),
      ownCostsPerMonth: estimate(
        { low: 1_000, likely: 1_500, high: 2_500 },
        'Aanname: contractbeheer, toetsing van de 12 maanden dienstverband en verantwoording EUR 1.000 tot 2.500 per maand, meest waarschijnlijk 1.500; niet gepubliceerd.',
      ),
    },
    provider: {
      costPerParticipantMonth: estimate(
        { low: 100, likely: 200, high: 350 },
        'Aanname: extra begeleiding door de onderneming, bovenop wat de eigen productie van de werknemer betaalt, EUR 100 tot 350 per deelnemer per maand, meest waarschijnlijk 200; niet gepubliceerd.',
      ),
      costPerPlacement: estimate(
        { low: 250, likely: 500, high: 1_000 },
        'Aanname: werving, inwerken en nazorg bij de start van werk EUR 250 tot 1.000, meest waarschijnlijk 500; niet gepubliceerd.',
      ),
      fixedCostPerMonth: estimate(
        { low: 1_000, likely: 2_000, high: 3_500 },
        'Aanname: vaste kosten van de deelnemende ondernemingen voor het programma (coördinatie, administratie) EUR 1.000 tot 3.500 per maand, meest waarschijnlijk 2.000; niet gepubliceerd.',
      ),
    },
    money: { discountRate: 0.0225, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
    // Who gains: the municipality's own budgets follow from the model; these add the state, UWV,
    // the health insurers, debt counselling and the participant (wellbeing apart, not cash).
    budgetHolders: { effects: defaultBudgetEffects() },
  },
};

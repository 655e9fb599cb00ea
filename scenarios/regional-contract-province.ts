import { BUDGET_SOURCES, defaultBudgetEffects } from './budget-holder-figures.js';
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
import type { ContractPreset } from './preset.js';

/**
 * A regional contract (issue 17): a centre municipality and a smaller neighbour buy one
 * programme together; each pays for and saves on its own residents, and the province co-funds
 * half of the payment for 12 months in work. Fixed: the norms (law), the prices, shares, intake,
 * lag and programme length (contract; an example, not a published contract), the discount rate
 * (policy). Everything else is an estimate with its source, as in the Rotterdam-style preset.
 */
const PROGRAMME_YEARLY: Record<'stad' | 'rand', Range> = {
  stad: { low: 0.25, likely: 0.4, high: 0.55 },
  rand: { low: 0.3, likely: 0.45, high: 0.6 },
};
const COUNTERFACTUAL_YEARLY: Record<'stad' | 'rand', Range> = {
  stad: { low: 0.05, likely: 0.09, high: 0.13 },
  rand: { low: 0.07, likely: 0.12, high: 0.17 },
};
const OTHER_EXIT_YEARLY: Range = { low: 0.04, likely: 0.08, high: 0.13 };
const GROUP = { stad: 'bijstandsgerechtigden in de centrumgemeente', rand: 'bijstandsgerechtigden in de randgemeente' } as const;

const programmeRate = (id: 'stad' | 'rand') =>
  monthlyRateFromYearly(
    PROGRAMME_YEARLY[id],
    `Aanname naar SIFR (228 van 482 getrainden naar betaald werk, 47% over het hele traject): voor ${GROUP[id]} ${describeShareRange(PROGRAMME_YEARLY[id])} binnen een jaar; ` +
      'in een kleinere gemeente met een kortere afstand tot werkgevers iets hoger (aanname).',
  );
const counterfactualRate = (id: 'stad' | 'rand') =>
  monthlyRateFromYearly(
    COUNTERFACTUAL_YEARLY[id],
    `CBS: 7% tot 15% van het bijstandsbestand stroomt binnen een jaar uit naar werk. Aangenomen voor ${GROUP[id]}: ${describeShareRange(COUNTERFACTUAL_YEARLY[id])} per jaar.`,
  );
const otherExit = (id: 'stad' | 'rand') => otherExitRateEstimate(OTHER_EXIT_YEARLY, GROUP[id]);

export const regionalContractProvince: ContractPreset = {
  id: 'regional-contract-province',
  title: 'Regionaal resultaatcontract: twee gemeenten, de provincie betaalt mee aan duurzaam werk',
  summary:
    'Een centrumgemeente en een randgemeente kopen samen één programma voor 180 bijstandsgerechtigden. Elke gemeente betaalt voor en bespaart op haar eigen inwoners; de provincie betaalt de helft van de premie voor 12 maanden werk.',
  assumptions:
    'Vast: de bijstandsnormen (wet); EUR 2.000 per start van werk en EUR 6.000 na 12 maanden werk, 15 groepen van 12 deelnemers (2 op 3 uit de centrumgemeente), 12 maanden begeleiding, 2 maanden betaaltermijn, het plafond van EUR 1,2 miljoen en de verdeling: de gemeenten betalen de starts, gemeenten en provincie elk de helft van de premie na 12 maanden (contract; een voorbeeld, geen gepubliceerd contract); de discontovoet van 2,25% (MKBA-beleid). ' +
    'Geschat, elk met bron en bandbreedte: de kans op werk met en zonder programma per gemeente, uitstroom om andere redenen (Divosa en CBS), terugval uit werk (CBS), uitvoeringskosten (Berenschot), deeltijd, loonkostensubsidie, de kosten van de aanbieder en van de gemeenten, ' +
    'en per maand werk wat het Rijk, UWV, het Zorgverzekeringsfonds, de schuldhulpverlening en de deelnemer winnen (ruwe richtwaarden 2024, zie de bron bij elk cijfer). Welzijn telt alleen in het MKBA-overzicht, niet in geld.',
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
    name: 'Regionaal resultaatcontract met provinciale cofinanciering',
    startMonth: '2026-01',
    horizonMonths: 48,
    programmeMonths: 12,
    intake: { cohorts: Array.from({ length: 15 }, (_, month) => ({ month, count: 12 })) },
    profiles: [
      {
        id: 'stadAlleenstaand',
        label: 'Centrumgemeente, alleenstaand',
        share: 27,
        monthlyBenefit: NORM_SINGLE_2024,
        monthsOnBenefitBeforeIntake: 36,
        administrationCostPerYear: administrationCostEstimate(),
        programme: { monthlyJobEntryRate: programmeRate('stad'), monthlyOtherExitRate: otherExit('stad') },
        counterfactual: { monthlyJobEntryRate: counterfactualRate('stad'), monthlyOtherExitRate: otherExit('stad') },
      },
      {
        id: 'stadPaar',
        label: 'Centrumgemeente, paar',
        share: 13,
        monthlyBenefit: NORM_COUPLE_2024,
        monthsOnBenefitBeforeIntake: 48,
        administrationCostPerYear: administrationCostEstimate(),
        programme: { monthlyJobEntryRate: programmeRate('stad'), monthlyOtherExitRate: otherExit('stad') },
        counterfactual: { monthlyJobEntryRate: counterfactualRate('stad'), monthlyOtherExitRate: otherExit('stad') },
      },
      {
        id: 'randAlleenstaand',
        label: 'Randgemeente, alleenstaand',
        share: 20,
        monthlyBenefit: NORM_SINGLE_2024,
        monthsOnBenefitBeforeIntake: 24,
        administrationCostPerYear: administrationCostEstimate(),
        programme: { monthlyJobEntryRate: programmeRate('rand'), monthlyOtherExitRate: otherExit('rand') },
        counterfactual: { monthlyJobEntryRate: counterfactualRate('rand'), monthlyOtherExitRate: otherExit('rand') },
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
        { low: 0.1, likely: 0.2, high: 0.35 },
        'Aanname: 10% tot 35% van de werknemers heeft loonkostensubsidie nodig, meest waarschijnlijk 20%; niet gepubliceerd voor zo\'n programma.',
      ),
      lksMonthlyAmount: lksMonthlyAmountEstimate(),
      fallbackHazard: cbsFallbackBandEstimates(),
    },
    counterfactual: { method: 'rates' },
    payment: {
      triggers: [
        { id: 'startWerk', kind: 'jobStart', price: 2_000, payee: 'provider', lagMonths: 2 },
        { id: 'twaalfMaanden', kind: 'sustained', months: 12, price: 6_000, payee: 'provider', lagMonths: 2 },
      ],
      caps: { total: 1_200_000, carryForwardYearly: false },
    },
    payer: {
      ownCostsOneOff: estimate(
        { low: 20_000, likely: 35_000, high: 60_000 },
        'Aanname: gezamenlijke inkoop, regionale afspraken en evaluatie EUR 20.000 tot 60.000, meest waarschijnlijk 35.000; niet gepubliceerd.',
      ),
      ownCostsPerMonth: estimate(
        { low: 1_000, likely: 2_000, high: 3_000 },
        'Aanname: contractbeheer en verantwoording voor twee gemeenten EUR 1.000 tot 3.000 per maand, meest waarschijnlijk 2.000; niet gepubliceerd.',
      ),
    },
    provider: {
      costPerParticipantMonth: estimate(
        { low: 150, likely: 250, high: 400 },
        'Aanname: begeleiding EUR 150 tot 400 per deelnemer per maand, meest waarschijnlijk 250; niet gepubliceerd.',
      ),
      costPerPlacement: estimate(
        { low: 250, likely: 500, high: 1_000 },
        'Aanname: werving, inwerken en nazorg bij de start van werk EUR 250 tot 1.000, meest waarschijnlijk 500; niet gepubliceerd.',
      ),
      fixedCostPerMonth: estimate(
        { low: 2_000, likely: 3_000, high: 5_000 },
        'Aanname: coördinatie over twee gemeenten EUR 2.000 tot 5.000 per maand, meest waarschijnlijk 3.000; niet gepubliceerd.',
      ),
    },
    money: { discountRate: 0.0225, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
    budgetHolders: {
      effects: defaultBudgetEffects(),
      municipalities: [
        { id: 'centrumgemeente', label: 'Centrumgemeente', profiles: ['stadAlleenstaand', 'stadPaar'] },
        { id: 'randgemeente', label: 'Randgemeente', profiles: ['randAlleenstaand'] },
      ],
    },
    funding: {
      method: 'shares',
      payers: [
        { id: 'gemeenten', label: 'De twee gemeenten (participatiebudget)', holder: 'gemeenteParticipatiebudget', share: 1 },
        { id: 'provincie', label: 'Provincie', holder: 'provincie', share: 1, triggers: ['twaalfMaanden'] },
      ],
    },
  },
};

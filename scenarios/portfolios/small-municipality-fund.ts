import type { PortfolioInput } from '../../models/portfolio/index.js';
import { administrationCostEstimate, deadweightEstimate, describeShareRange, type Range } from '../figures.js';
import {
  AVOIDED_COST_PER_WORKER_YEAR,
  avoidedBenefitEstimate,
  BASEL_CORRELATION_HIGH,
  BASEL_CORRELATION_LOW,
  BASEL_SME_REDUCTION,
  DEADWEIGHT_WERK_NA_DETENTIE,
  EMMEN_SAVINGS_SHARE,
  enterpriseCountText,
  extraCostPerWorkerEstimate,
  fundCostEstimate,
  otherFailureRateEstimate,
  PORTFOLIO_SOURCES,
  recoveryRateEstimate,
  regionalCorrelationEstimate,
  resultVolatilityEstimate,
  yearlyLeaveRateEstimate,
} from './portfolio-figures.js';
import type { PortfolioPreset } from './preset.js';
import { grantsInsteadOfLoans, withoutOutcomePayments } from './strategy-variants.js';

/**
 * The small-municipality variant: a fund of one million euros for five local enterprises. The
 * municipality's grant is the first cushion, a regional foundation and a local bank lend above
 * it, and the municipality shares its savings with the enterprises per worker-year, as Emmen
 * shares 40% to 50% of realised savings. With five enterprises, chance alone moves the result:
 * the Monte Carlo spread matters more than the expected value. Fixed: the layers, loans and the
 * price per worker-year (contract), the business plans (what the fund underwrites; their risk is
 * in resultVolatility and otherFailureRate) and the discount rate (policy). Everything else is an
 * estimate with its source.
 */

/** As in the small-municipality-pilot preset: Werk na Detentie about two thirds, a Flemish evaluation about 85%. */
const DEADWEIGHT: Range = { low: 0.4, likely: DEADWEIGHT_WERK_NA_DETENTIE, high: 0.9 };
const SHORT_NAMES = { kringloop: 'kringloopwinkels', groen: 'groenbedrijven' };

/** Emmen-style: 45% of the attributable saving of one worker-year, with two thirds deadweight (Werk na Detentie): the contract's price, fixed once agreed. */
const SAVINGS_SHARE_PER_WORKER_YEAR = EMMEN_SAVINGS_SHARE * AVOIDED_COST_PER_WORKER_YEAR * (1 - DEADWEIGHT_WERK_NA_DETENTIE);
const besparingsdeling = { pricePerWorkerYear: Math.round(SAVINGS_SHARE_PER_WORKER_YEAR), paidBy: 'municipality' as const };

const portfolio: PortfolioInput = {
  name: 'Regiofonds kleine gemeente',
  description:
    'Een klein lokaal fonds (EUR 1 miljoen) leent in drie jaar aan vijf sociale ondernemingen; de gemeente deelt per gewerkt jaar van een werknemer uit de bijstand 45% van de toerekenbare besparing.',
  startYear: 2026,
  horizonYears: 8,
  fund: {
    investmentPeriodYears: 3,
    revolving: false,
    layers: [
      { id: 'gemeenteSchenking', provider: 'Gemeente (schenking)', kind: 'grant', amount: 250_000, fromMunicipality: true },
      { id: 'regiofonds', provider: 'Regionaal vermogensfonds', kind: 'junior', amount: 350_000, targetReturn: 0 },
      { id: 'lokaleBank', provider: 'Lokale bank', kind: 'senior', amount: 400_000, targetReturn: 0.03 },
    ],
    costs: {
      fixedPerYear: fundCostEstimate({ low: 10_000, likely: 15_000, high: 25_000 }, 'beheer en bedrijfsvoering van het fonds'),
      perEnterpriseYear: fundCostEstimate({ low: 1_000, likely: 1_500, high: 2_500 }, 'ondersteuning en monitoring per onderneming'),
      managementFeeRate: 0,
    },
  },
  enterprises: [
    {
      id: 'kringloop',
      label: 'Kringloopwinkel met leerwerkplekken',
      count: 3,
      intake: { firstYear: 0, perYear: 1 },
      business: {
        startupCosts: 90_000,
        ownCash: 10_000,
        revenue: 300_000,
        revenueGrowth: 0.03,
        costs: 255_000,
        costGrowth: 0.02,
        resultVolatility: resultVolatilityEstimate({ low: 0.05, likely: 0.08, high: 0.12 }, 'een kringloopwinkel'),
        otherFailureRate: otherFailureRateEstimate(),
      },
      jobs: {
        positions: 6,
        rampUpYears: 1,
        yearlyLeaveRate: yearlyLeaveRateEstimate(),
        extraCostPerWorkerYear: extraCostPerWorkerEstimate({ low: 2_500, likely: 4_000, high: 6_000 }),
      },
      loan: { amount: 80_000, rate: 0.04, termYears: 5, graceYears: 1, amortisation: 'annuity', recoveryRate: recoveryRateEstimate({ low: 0, likely: 0.1, high: 0.3 }) },
      outcomeContract: besparingsdeling,
    },
    {
      id: 'groen',
      label: 'Groenonderhoud voor gemeente en woningcorporatie',
      count: 2,
      intake: { firstYear: 0, perYear: 2 },
      business: {
        startupCosts: 120_000,
        ownCash: 15_000,
        revenue: 420_000,
        revenueGrowth: 0.02,
        costs: 350_000,
        costGrowth: 0.02,
        resultVolatility: resultVolatilityEstimate({ low: 0.04, likely: 0.07, high: 0.1 }, 'een groenbedrijf'),
        otherFailureRate: otherFailureRateEstimate(),
      },
      jobs: {
        positions: 8,
        rampUpYears: 0,
        yearlyLeaveRate: yearlyLeaveRateEstimate(),
        extraCostPerWorkerYear: extraCostPerWorkerEstimate({ low: 3_000, likely: 4_500, high: 7_000 }),
      },
      loan: { amount: 110_000, rate: 0.045, termYears: 6, graceYears: 0, amortisation: 'linear', recoveryRate: recoveryRateEstimate({ low: 0.05, likely: 0.2, high: 0.4 }) },
      outcomeContract: besparingsdeling,
    },
  ],
  risk: {
    regionalCorrelation: regionalCorrelationEstimate(
      { low: BASEL_CORRELATION_LOW - BASEL_SME_REDUCTION, likely: BASEL_CORRELATION_LOW + BASEL_SME_REDUCTION, high: BASEL_CORRELATION_HIGH },
      'Meest waarschijnlijk 16%, hoger gekozen dan voor een grote stad omdat alle ondernemingen op één kleine arbeidsmarkt werken.',
    ),
  },
  impact: {
    avoidedBenefitPerWorkerYear: avoidedBenefitEstimate(),
    administrationCostPerWorkerYear: administrationCostEstimate(),
    deadweight: deadweightEstimate(DEADWEIGHT, `Bandbreedte ${describeShareRange(DEADWEIGHT)}: de ondergrens is een aanname voor ondernemingen die zelf banen scheppen.`, { citeSeo: true }),
    lksPerWorkerYear: 0,
  },
  municipality: {
    name: 'Gemeente',
    ownCostsPerYear: fundCostEstimate({ low: 6_000, likely: 10_000, high: 16_000 }, 'contractbeheer, toetsing van de gewerkte jaren en verantwoording door de gemeente'),
  },
  money: { discountRate: 0.0225 },
};

export const smallMunicipalityFund: PortfolioPreset = {
  id: 'small-municipality-fund',
  title: 'Regiofonds kleine gemeente: EUR 1 miljoen, vijf ondernemingen, besparingsdeling',
  summary:
    `De gemeente legt EUR 250.000 als schenking onder een lening van een regionaal fonds en een lokale bank; het fonds leent in drie jaar aan ${enterpriseCountText(portfolio.enterprises, SHORT_NAMES)}. ` +
    `De gemeente betaalt per gewerkt jaar van een werknemer uit de bijstand EUR ${besparingsdeling.pricePerWorkerYear.toLocaleString('nl-NL')}: 45% van de toerekenbare besparing (Emmen 40% tot 50%).`,
  assumptions:
    'Vast: de kapitaallagen en hun vereiste rendement, de leningen en de prijs per gewerkt jaar (contract; afgeleid van 45% van de besparing bij twee derde deadweight), ' +
    'de ondernemingsplannen (startkosten, eigen geld, omzet, kosten, groei en banen: wat het fonds financiert; hun risico zit in de volatiliteit en de kans op stoppen) en de discontovoet van 2,25% (MKBA-beleid). ' +
    `Geschat, elk met bron en bandbreedte: de deadweight ${describeShareRange(DEADWEIGHT)} (Werk na Detentie circa twee derde, een Vlaamse evaluatie circa 85%), ` +
    'de regionale correlatie van 8% tot 24%, meest waarschijnlijk 16% (Basel II-bandbreedte, hoger gekozen omdat alle ondernemingen op één kleine arbeidsmarkt werken), ' +
    'de vermeden uitkering (Berenschot circa EUR 14.000 per jaar) en uitvoeringskosten (Berenschot), het vertrek van werknemers (CBS), ' +
    'en als aannames de volatiliteit en de kans op stoppen van de ondernemingen, de extra kosten per werknemer, wat bij een faillissement terugkomt en de kosten van fonds en gemeente. Geen loonkostensubsidie in dit voorbeeld.',
  sources: [
    PORTFOLIO_SOURCES.emmen,
    PORTFOLIO_SOURCES.werkNaDetentie,
    PORTFOLIO_SOURCES.flemishDeadweight,
    PORTFOLIO_SOURCES.berenschotAverage,
    PORTFOLIO_SOURCES.berenschot,
    PORTFOLIO_SOURCES.cbsRetention,
    PORTFOLIO_SOURCES.basel,
    PORTFOLIO_SOURCES.mkba,
  ],
  portfolio,
  strategies: [
    {
      name: 'Zonder besparingsdeling',
      description: 'Dezelfde ondernemingen en leningen, zonder betaling per gewerkt jaar.',
      portfolio: withoutOutcomePayments(portfolio, 'Regiofonds kleine gemeente zonder besparingsdeling'),
    },
    {
      name: 'Schenkingen in plaats van leningen',
      description: 'Elke lening wordt een schenking van hetzelfde bedrag; de besparingsdeling blijft.',
      portfolio: grantsInsteadOfLoans(portfolio, 'Regiofonds kleine gemeente met schenkingen'),
    },
  ],
};

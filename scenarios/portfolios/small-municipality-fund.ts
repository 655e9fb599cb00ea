import type { PortfolioInput } from '../../models/portfolio/index.js';
import { ADMINISTRATION_PER_CASE_YEAR } from '../figures.js';
import {
  AVERAGE_BENEFIT_PER_YEAR,
  AVOIDED_COST_PER_WORKER_YEAR,
  BASEL_CORRELATION_HIGH,
  BASEL_CORRELATION_LOW,
  BASEL_SME_REDUCTION,
  DEADWEIGHT_WERK_NA_DETENTIE,
  EMMEN_SAVINGS_SHARE,
  PORTFOLIO_SOURCES,
} from './portfolio-figures.js';
import type { PortfolioPreset } from './preset.js';
import { grantsInsteadOfLoans, withoutOutcomePayments } from './strategy-variants.js';

/**
 * The small-municipality variant: a fund of one million euros for five local enterprises. The
 * municipality's grant is the first cushion, a regional foundation and a local bank lend above
 * it, and the municipality shares its savings with the enterprises per worker-year, as Emmen
 * shares 40% to 50% of realised savings. With five enterprises, chance alone moves the result:
 * the Monte Carlo spread matters more than the expected value.
 */

/** Emmen-style: 45% of the attributable saving of one worker-year, with two thirds deadweight (Werk na Detentie). */
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
    costs: { fixedPerYear: 15_000, perEnterpriseYear: 1_500, managementFeeRate: 0 },
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
        resultVolatility: { type: 'pert', min: 0.05, mode: 0.08, max: 0.12 },
        otherFailureRate: 0.01,
      },
      jobs: { positions: 6, rampUpYears: 1, extraCostPerWorkerYear: 4_000 },
      loan: { amount: 80_000, rate: 0.04, termYears: 5, graceYears: 1, amortisation: 'annuity', recoveryRate: 0.1 },
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
        resultVolatility: { type: 'pert', min: 0.04, mode: 0.07, max: 0.1 },
        otherFailureRate: 0.01,
      },
      jobs: { positions: 8, rampUpYears: 0, extraCostPerWorkerYear: 4_500 },
      loan: { amount: 110_000, rate: 0.045, termYears: 6, graceYears: 0, amortisation: 'linear', recoveryRate: 0.2 },
      outcomeContract: besparingsdeling,
    },
  ],
  risk: {
    regionalCorrelation: { type: 'pert', min: BASEL_CORRELATION_LOW - BASEL_SME_REDUCTION, mode: BASEL_CORRELATION_LOW + BASEL_SME_REDUCTION, max: BASEL_CORRELATION_HIGH },
  },
  impact: {
    avoidedBenefitPerWorkerYear: AVERAGE_BENEFIT_PER_YEAR,
    administrationCostPerWorkerYear: ADMINISTRATION_PER_CASE_YEAR,
    deadweight: DEADWEIGHT_WERK_NA_DETENTIE,
    lksPerWorkerYear: 0,
  },
  municipality: { name: 'Gemeente', ownCostsPerYear: 10_000 },
  money: { discountRate: 0.0225 },
};

export const smallMunicipalityFund: PortfolioPreset = {
  id: 'small-municipality-fund',
  title: 'Regiofonds kleine gemeente: EUR 1 miljoen, vijf ondernemingen, besparingsdeling',
  summary:
    'De gemeente legt EUR 250.000 als schenking onder een lening van een regionaal fonds en een lokale bank; het fonds leent in drie jaar aan drie kringloopwinkels en twee groenbedrijven. ' +
    `De gemeente betaalt per gewerkt jaar van een werknemer uit de bijstand EUR ${besparingsdeling.pricePerWorkerYear.toLocaleString('nl-NL')}: 45% van de toerekenbare besparing (Emmen 40% tot 50%).`,
  assumptions:
    'Aangenomen: de omvang en opbouw van het fonds, de fondskosten, omzet, kosten en volatiliteit van de ondernemingen en de leningen; ' +
    'de deadweight van twee derde komt uit Werk na Detentie en de regionale correlatie (8% tot 24%, meest waarschijnlijk 16%) uit de Basel II-bandbreedte, hoger gekozen omdat alle ondernemingen op één kleine arbeidsmarkt werken.',
  sources: [
    PORTFOLIO_SOURCES.emmen,
    PORTFOLIO_SOURCES.werkNaDetentie,
    PORTFOLIO_SOURCES.berenschotAverage,
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

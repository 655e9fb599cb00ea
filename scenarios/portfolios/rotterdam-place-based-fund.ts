import type { PortfolioInput } from '../../models/portfolio/index.js';
import { ADMINISTRATION_PER_CASE_YEAR } from '../figures.js';
import {
  AVERAGE_BENEFIT_PER_YEAR,
  BASEL_CORRELATION_HIGH,
  BASEL_CORRELATION_LOW,
  BASEL_SME_REDUCTION,
  DEADWEIGHT_WERK_NA_DETENTIE,
  LKS_PER_YEAR_AT_60_PERCENT,
  PORTFOLIO_SOURCES,
  SIFR_FOUNDATION_CAPITAL,
  SIFR_MUNICIPAL_CAPITAL,
  SIFR_MUNICIPAL_EXPECTED_RETURN,
  SIFR_MUNICIPAL_YEARS,
} from './portfolio-figures.js';
import type { PortfolioPreset } from './preset.js';
import { grantsInsteadOfLoans, withoutOutcomePayments } from './strategy-variants.js';

/**
 * A place-based impact fund in the style of Social Impact Fonds Rotterdam: six foundations and
 * the municipality put capital in layers, the fund lends to (and takes a few stakes in) social
 * enterprises in one area, and the municipality pays each enterprise per worker from bijstand
 * who has been employed 12 months, as in SIFR's Prestatiecontract Werk.
 */

/** Assumed split of the foundations' EUR 5 million over three layers (not published). */
const FOUNDATION_GRANT = 1_000_000;
const FOUNDATION_FIRST_LOSS = 1_500_000;
const FOUNDATION_JUNIOR = SIFR_FOUNDATION_CAPITAL - FOUNDATION_GRANT - FOUNDATION_FIRST_LOSS;

/** Assumed fee per sustained placement: the middle band of the rotterdam-prestatiecontract-werk preset. */
const PRESTATIECONTRACT_FEE = 7_500;
const prestatiecontractWerk = { pricePerSustainedPlacement: PRESTATIECONTRACT_FEE, paidBy: 'municipality' as const };

/** Assumed: three in ten workers need LKS at loonwaarde 60%. */
const LKS_SHARE_OF_WORKERS = 0.3;

const portfolio: PortfolioInput = {
  name: 'Place-based fonds Rotterdam-Zuid (SIFR-stijl)',
  description:
    'Een lokaal impactfonds met kapitaal van zes vermogensfondsen en de gemeente, dat vijf jaar investeert in sociale ondernemingen in een gebied en herbelegt wat terugkomt; de gemeente betaalt per werknemer uit de bijstand die 12 maanden in dienst is.',
  startYear: 2026,
  horizonYears: SIFR_MUNICIPAL_YEARS,
  fund: {
    investmentPeriodYears: 5,
    revolving: true,
    layers: [
      { id: 'schenking', provider: 'Zes vermogensfondsen (schenking)', kind: 'grant', amount: FOUNDATION_GRANT },
      { id: 'eersteVerlies', provider: 'Zes vermogensfondsen (achtergesteld)', kind: 'firstLoss', amount: FOUNDATION_FIRST_LOSS, targetReturn: 0 },
      { id: 'junior', provider: 'Zes vermogensfondsen', kind: 'junior', amount: FOUNDATION_JUNIOR, targetReturn: 0.01 },
      {
        id: 'gemeente',
        provider: 'Gemeente Rotterdam',
        kind: 'senior',
        amount: SIFR_MUNICIPAL_CAPITAL,
        targetReturn: SIFR_MUNICIPAL_EXPECTED_RETURN,
        fromMunicipality: true,
      },
    ],
    costs: { fixedPerYear: 40_000, perEnterpriseYear: 2_500, managementFeeRate: 0.005 },
  },
  enterprises: [
    {
      id: 'horeca',
      label: 'Lunchroom en catering met leerwerkplekken',
      count: 10,
      intake: { firstYear: 0, perYear: 2 },
      business: {
        startupCosts: 200_000,
        ownCash: 30_000,
        revenue: 650_000,
        revenueGrowth: 0.04,
        costs: 570_000,
        costGrowth: 0.02,
        resultVolatility: { type: 'pert', min: 0.05, mode: 0.08, max: 0.12 },
        otherFailureRate: 0.01,
      },
      jobs: { positions: 12, rampUpYears: 2, extraCostPerWorkerYear: 5_000 },
      loan: { amount: 200_000, rate: 0.045, termYears: 7, graceYears: 1, amortisation: 'annuity', recoveryRate: 0.1 },
      outcomeContract: prestatiecontractWerk,
    },
    {
      id: 'schoonmaak',
      label: 'Schoonmaak en facilitaire diensten',
      count: 8,
      intake: { firstYear: 1, perYear: 2 },
      business: {
        startupCosts: 120_000,
        ownCash: 15_000,
        revenue: 900_000,
        revenueGrowth: 0.03,
        costs: 810_000,
        costGrowth: 0.02,
        resultVolatility: { type: 'pert', min: 0.04, mode: 0.06, max: 0.09 },
        otherFailureRate: 0.01,
      },
      jobs: { positions: 18, rampUpYears: 1, extraCostPerWorkerYear: 3_500 },
      loan: { amount: 150_000, rate: 0.04, termYears: 5, graceYears: 0, amortisation: 'linear', recoveryRate: 0.2 },
      outcomeContract: prestatiecontractWerk,
    },
    {
      id: 'circulair',
      label: 'Circulaire maakindustrie (hout, textiel, fietsen)',
      count: 5,
      intake: { firstYear: 0, perYear: 1 },
      business: {
        startupCosts: 400_000,
        ownCash: 30_000,
        revenue: 450_000,
        revenueGrowth: 0.1,
        costs: 420_000,
        costGrowth: 0.04,
        resultVolatility: { type: 'pert', min: 0.08, mode: 0.12, max: 0.2 },
        otherFailureRate: 0.01,
      },
      jobs: { positions: 8, rampUpYears: 2, extraCostPerWorkerYear: 6_000 },
      loan: { amount: 150_000, rate: 0.05, termYears: 8, graceYears: 2, amortisation: 'annuity', recoveryRate: 0.1 },
      equity: { amount: 250_000, stake: 0.3, exitAfterYears: 7, exitMultiple: { type: 'triangular', min: 2, mode: 4, max: 6 } },
      outcomeContract: prestatiecontractWerk,
    },
  ],
  risk: {
    regionalCorrelation: { type: 'pert', min: BASEL_CORRELATION_LOW - BASEL_SME_REDUCTION, mode: BASEL_CORRELATION_LOW, max: BASEL_CORRELATION_HIGH },
  },
  impact: {
    avoidedBenefitPerWorkerYear: AVERAGE_BENEFIT_PER_YEAR,
    administrationCostPerWorkerYear: ADMINISTRATION_PER_CASE_YEAR,
    deadweight: { type: 'pert', min: 1 / 3, mode: 0.5, max: DEADWEIGHT_WERK_NA_DETENTIE },
    lksPerWorkerYear: LKS_SHARE_OF_WORKERS * LKS_PER_YEAR_AT_60_PERCENT,
  },
  municipality: { name: 'Gemeente Rotterdam', ownCostsPerYear: 18_000 },
  money: { discountRate: 0.0225 },
};

export const rotterdamPlaceBasedFund: PortfolioPreset = {
  id: 'rotterdam-place-based-fund',
  title: 'Place-based impactfonds Rotterdam-Zuid (SIFR-stijl) met Prestatiecontract Werk',
  summary:
    `Zes vermogensfondsen (EUR ${SIFR_FOUNDATION_CAPITAL / 1e6} miljoen in drie lagen) en de gemeente (EUR ${SIFR_MUNICIPAL_CAPITAL / 1e6} miljoen, senior, ${SIFR_MUNICIPAL_EXPECTED_RETURN * 100}% verwacht, ${SIFR_MUNICIPAL_YEARS} jaar) ` +
    'financieren in vijf jaar 18 sociale ondernemingen (8 horeca, 6 schoonmaak, 4 circulair); het fonds herbelegt aflossingen. ' +
    `De gemeente betaalt EUR ${PRESTATIECONTRACT_FEE.toLocaleString('nl-NL')} per werknemer uit de bijstand die 12 maanden in dienst is.`,
  assumptions:
    'Aangenomen (niet gepubliceerd): de verdeling van het fondsenkapitaal over schenking, eerste verlies en junior, de fondskosten, de omzet, kosten en volatiliteit van de drie soorten ondernemingen, ' +
    'de leningen en de deelneming, de vergoeding per plaatsing en dat 30% van de werknemers loonkostensubsidie krijgt. ' +
    'De deadweight loopt van een derde tot twee derde (Werk na Detentie) en de regionale correlatie van 8% tot 24% (Basel II voor mkb).',
  sources: [
    PORTFOLIO_SOURCES.sifrFund,
    PORTFOLIO_SOURCES.sifr,
    PORTFOLIO_SOURCES.lunchBunch,
    PORTFOLIO_SOURCES.berenschotAverage,
    PORTFOLIO_SOURCES.cbsRetention,
    PORTFOLIO_SOURCES.werkNaDetentie,
    PORTFOLIO_SOURCES.basel,
    PORTFOLIO_SOURCES.mkba,
  ],
  portfolio,
  strategies: [
    {
      name: 'Zonder prestatiecontract',
      description: 'Dezelfde ondernemingen en leningen, maar de gemeente betaalt niets per plaatsing.',
      portfolio: withoutOutcomePayments(portfolio, 'Place-based fonds Rotterdam-Zuid zonder prestatiecontract'),
    },
    {
      name: 'Schenkingen in plaats van leningen',
      description: 'Elke lening wordt een schenking van hetzelfde bedrag; het prestatiecontract blijft.',
      portfolio: grantsInsteadOfLoans(portfolio, 'Place-based fonds Rotterdam-Zuid met schenkingen'),
    },
  ],
};

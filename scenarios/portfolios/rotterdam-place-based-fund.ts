import type { PortfolioInput } from '../../models/portfolio/index.js';
import { administrationCostEstimate, deadweightEstimate, describeShareRange, type Range } from '../figures.js';
import {
  avoidedBenefitEstimate,
  BASEL_CORRELATION_HIGH,
  BASEL_CORRELATION_LOW,
  BASEL_SME_REDUCTION,
  enterpriseCountText,
  extraCostPerWorkerEstimate,
  fundCostEstimate,
  lksPerWorkerYearEstimate,
  otherFailureRateEstimate,
  PORTFOLIO_SOURCES,
  recoveryRateEstimate,
  regionalCorrelationEstimate,
  resultVolatilityEstimate,
  SIFR_FOUNDATION_CAPITAL,
  SIFR_MUNICIPAL_CAPITAL,
  SIFR_MUNICIPAL_EXPECTED_RETURN,
  SIFR_MUNICIPAL_YEARS,
  yearlyLeaveRateEstimate,
} from './portfolio-figures.js';
import type { PortfolioPreset } from './preset.js';
import { grantsInsteadOfLoans, withoutOutcomePayments } from './strategy-variants.js';

/**
 * A place-based impact fund in the style of Social Impact Fonds Rotterdam: six foundations and
 * the municipality put capital in layers, the fund lends to (and takes a few stakes in) social
 * enterprises in one area, and the municipality pays each enterprise per worker from bijstand
 * who has been employed 12 months, as in SIFR's Prestatiecontract Werk. Fixed: the capital layers,
 * fee, loans, stake and outcome price (contract), the business plans (revenue, costs, growth,
 * start-up costs, own cash, jobs: what the fund underwrites; their risk is in resultVolatility and
 * otherFailureRate) and the discount rate (policy). Everything else is an estimate with its source.
 */

/** Assumed split of the foundations' EUR 5 million over three layers (not published). */
const FOUNDATION_GRANT = 1_000_000;
const FOUNDATION_FIRST_LOSS = 1_500_000;
const FOUNDATION_JUNIOR = SIFR_FOUNDATION_CAPITAL - FOUNDATION_GRANT - FOUNDATION_FIRST_LOSS;

/** Assumed fee per sustained placement: the middle band of the rotterdam-prestatiecontract-werk preset. */
const PRESTATIECONTRACT_FEE = 7_500;
const prestatiecontractWerk = { pricePerSustainedPlacement: PRESTATIECONTRACT_FEE, paidBy: 'municipality' as const };

/** Assumed: 15% to 45% of workers need LKS, most likely three in ten (as in the rotterdam-prestatiecontract-werk preset). */
const LKS_SHARE_OF_WORKERS: Range = { low: 0.15, likely: 0.3, high: 0.45 };
/** Werk na Detentie about two thirds, the Flemish evaluation about 85%; enterprises that create jobs may do better: likely one half. */
const DEADWEIGHT: Range = { low: 1 / 3, likely: 0.5, high: 0.85 };
/** Short names of the archetypes for the summary's count. */
const SHORT_NAMES = { horeca: 'horeca', schoonmaak: 'schoonmaak', circulair: 'circulair' };

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
    costs: {
      fixedPerYear: fundCostEstimate({ low: 30_000, likely: 40_000, high: 60_000 }, 'beheer en bedrijfsvoering van het fonds'),
      perEnterpriseYear: fundCostEstimate({ low: 1_500, likely: 2_500, high: 4_000 }, 'ondersteuning en monitoring per onderneming'),
      managementFeeRate: 0.005,
    },
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
        resultVolatility: resultVolatilityEstimate({ low: 0.05, likely: 0.08, high: 0.12 }, 'een lunchroom met catering'),
        otherFailureRate: otherFailureRateEstimate(),
      },
      jobs: {
        positions: 12,
        rampUpYears: 2,
        yearlyLeaveRate: yearlyLeaveRateEstimate(),
        extraCostPerWorkerYear: extraCostPerWorkerEstimate({ low: 3_000, likely: 5_000, high: 8_000 }),
      },
      loan: { amount: 200_000, rate: 0.045, termYears: 7, graceYears: 1, amortisation: 'annuity', recoveryRate: recoveryRateEstimate({ low: 0, likely: 0.1, high: 0.3 }) },
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
        resultVolatility: resultVolatilityEstimate({ low: 0.04, likely: 0.06, high: 0.09 }, 'een schoonmaakbedrijf'),
        otherFailureRate: otherFailureRateEstimate(),
      },
      jobs: {
        positions: 18,
        rampUpYears: 1,
        yearlyLeaveRate: yearlyLeaveRateEstimate(),
        extraCostPerWorkerYear: extraCostPerWorkerEstimate({ low: 2_000, likely: 3_500, high: 5_500 }),
      },
      loan: { amount: 150_000, rate: 0.04, termYears: 5, graceYears: 0, amortisation: 'linear', recoveryRate: recoveryRateEstimate({ low: 0.05, likely: 0.2, high: 0.4 }) },
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
        resultVolatility: resultVolatilityEstimate({ low: 0.08, likely: 0.12, high: 0.2 }, 'een circulaire maakindustrie'),
        otherFailureRate: otherFailureRateEstimate(),
      },
      jobs: {
        positions: 8,
        rampUpYears: 2,
        yearlyLeaveRate: yearlyLeaveRateEstimate(),
        extraCostPerWorkerYear: extraCostPerWorkerEstimate({ low: 4_000, likely: 6_000, high: 9_000 }),
      },
      loan: { amount: 150_000, rate: 0.05, termYears: 8, graceYears: 2, amortisation: 'annuity', recoveryRate: recoveryRateEstimate({ low: 0, likely: 0.1, high: 0.3 }) },
      equity: {
        amount: 250_000,
        stake: 0.3,
        exitAfterYears: 7,
        exitMultiple: {
          type: 'triangular',
          min: 2,
          mode: 4,
          max: 6,
          source: 'Aanname: bij verkoop na 7 jaar is de onderneming 2 tot 6 keer haar bedrijfsresultaat van dat jaar waard, meest waarschijnlijk 4 (een lage waardering voor een kleine onderneming); geen bron in onze referenties.',
        },
      },
      outcomeContract: prestatiecontractWerk,
    },
  ],
  risk: {
    regionalCorrelation: regionalCorrelationEstimate(
      { low: BASEL_CORRELATION_LOW - BASEL_SME_REDUCTION, likely: BASEL_CORRELATION_LOW, high: BASEL_CORRELATION_HIGH },
      'Meest waarschijnlijk 12%, de waarde voor bedrijven met een hoge kans op wanbetaling.',
    ),
  },
  impact: {
    avoidedBenefitPerWorkerYear: avoidedBenefitEstimate(),
    administrationCostPerWorkerYear: administrationCostEstimate(),
    deadweight: deadweightEstimate(
      DEADWEIGHT,
      `Aangenomen ${describeShareRange(DEADWEIGHT)}: ondernemingen die zelf banen scheppen voor mensen ver van de arbeidsmarkt kunnen minder deadweight hebben dan een re-integratieprogramma.`,
      { citeSeo: false },
    ),
    lksPerWorkerYear: lksPerWorkerYearEstimate(LKS_SHARE_OF_WORKERS),
  },
  municipality: {
    name: 'Gemeente Rotterdam',
    ownCostsPerYear: fundCostEstimate({ low: 12_000, likely: 18_000, high: 30_000 }, 'contractbeheer, toetsing van de plaatsingen en verantwoording door de gemeente'),
  },
  money: { discountRate: 0.0225 },
};

export const rotterdamPlaceBasedFund: PortfolioPreset = {
  id: 'rotterdam-place-based-fund',
  title: 'Place-based impactfonds Rotterdam-Zuid (SIFR-stijl) met Prestatiecontract Werk',
  summary:
    `Zes vermogensfondsen (EUR ${(SIFR_FOUNDATION_CAPITAL / 1e6).toLocaleString('nl-NL')} miljoen in drie lagen) en de gemeente (EUR ${(SIFR_MUNICIPAL_CAPITAL / 1e6).toLocaleString('nl-NL')} miljoen, senior, ${(SIFR_MUNICIPAL_EXPECTED_RETURN * 100).toLocaleString('nl-NL')}% verwacht, ${SIFR_MUNICIPAL_YEARS} jaar) ` +
    `financieren in vijf jaar ${enterpriseCountText(portfolio.enterprises, SHORT_NAMES)}; het fonds herbelegt aflossingen. ` +
    `De gemeente betaalt EUR ${PRESTATIECONTRACT_FEE.toLocaleString('nl-NL')} per werknemer uit de bijstand die 12 maanden in dienst is.`,
  assumptions:
    'Vast: de kapitaallagen en hun vereiste rendement, de beheervergoeding, de leningen, de deelneming en de vergoeding per plaatsing (contract; de verdeling van het fondsenkapitaal over schenking, eerste verlies en junior is niet gepubliceerd, dit is een voorbeeld), ' +
    'de ondernemingsplannen (startkosten, eigen geld, omzet, kosten, groei en banen: wat het fonds financiert; hun risico zit in de volatiliteit en de kans op stoppen) en de discontovoet van 2,25% (MKBA-beleid). ' +
    `Geschat, elk met bron en bandbreedte: de deadweight ${describeShareRange(DEADWEIGHT)} (Werk na Detentie circa twee derde, een Vlaamse evaluatie circa 85%), de regionale correlatie van 8% tot 24% (Basel II voor mkb), ` +
    'de vermeden uitkering (Berenschot circa EUR 14.000 per jaar) en uitvoeringskosten (Berenschot, gemiddelde van 30 gemeenten), het vertrek van werknemers (CBS), de loonkostensubsidie (15% tot 45% van de werknemers), ' +
    'en als aannames de volatiliteit en de kans op stoppen van de ondernemingen, de extra kosten per werknemer, wat bij een faillissement terugkomt, de verkoopwaarde van de deelneming en de kosten van fonds en gemeente.',
  sources: [
    PORTFOLIO_SOURCES.sifrFund,
    PORTFOLIO_SOURCES.sifr,
    PORTFOLIO_SOURCES.lunchBunch,
    PORTFOLIO_SOURCES.berenschotAverage,
    PORTFOLIO_SOURCES.cbsRetention,
    PORTFOLIO_SOURCES.werkNaDetentie,
    PORTFOLIO_SOURCES.flemishDeadweight,
    PORTFOLIO_SOURCES.berenschot,
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

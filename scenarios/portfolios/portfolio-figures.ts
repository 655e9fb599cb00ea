import { ADMINISTRATION_PER_CASE_YEAR, SOURCES } from '../figures.js';

/**
 * Figures the portfolio presets need beyond ../figures.ts, each with its source (see
 * ../../shared/domain.md). Shared figures (norms, administration cost, CBS retention) are
 * imported from ../figures.ts, not copied.
 */

/** Berenschot 2018: average bijstand benefit over all household types, about EUR 14,000 a year. */
export const AVERAGE_BENEFIT_PER_YEAR = 14_000;

/** Benefit plus administration avoided per year someone from bijstand works (Berenschot 2018). */
export const AVOIDED_COST_PER_WORKER_YEAR = AVERAGE_BENEFIT_PER_YEAR + ADMINISTRATION_PER_CASE_YEAR;

/** SIFR (2019): about EUR 5 million from six foundations. */
export const SIFR_FOUNDATION_CAPITAL = 5_000_000;
/** SIFR (2019): Rotterdam adds EUR 2.5 million over 10 years ... */
export const SIFR_MUNICIPAL_CAPITAL = 2_500_000;
/** ... expecting a return of 2% to 3%: the middle. */
export const SIFR_MUNICIPAL_EXPECTED_RETURN = 0.025;
/** Rotterdam's commitment runs 10 years. */
export const SIFR_MUNICIPAL_YEARS = 10;

/** Werk na Detentie SIB (2016): about two thirds of those in work would have found work anyway. */
export const DEADWEIGHT_WERK_NA_DETENTIE = 2 / 3;
/** Emmen (2017): the foundation receives 40% to 50% of the realised savings; the middle. */
export const EMMEN_SAVINGS_SHARE = 0.45;

/**
 * LKS for a worker with loonwaarde 60%: the 40% gap to the minimum wage (about EUR 2,070 a month
 * in 2024) plus 23.5% for employer costs, 12 months; as in the rotterdam-prestatiecontract-werk
 * preset (an assumption there as here).
 */
export const LKS_PER_YEAR_AT_60_PERCENT = 0.4 * 2_070 * 1.235 * 12;

/** Basel II IRB asset correlation for corporates: 12% (high default probability) to 24%, up to 4 points lower for small firms. */
export const BASEL_CORRELATION_LOW = 0.12;
export const BASEL_CORRELATION_HIGH = 0.24;
export const BASEL_SME_REDUCTION = 0.04;

export const PORTFOLIO_SOURCES = {
  ...SOURCES,
  berenschotAverage: { label: 'Berenschot (2018): gemiddelde bijstandsuitkering circa EUR 14.000 per jaar, uitvoeringskosten EUR 2.883 per jaar' },
  sifrFund: {
    label: 'Social Impact Fonds Rotterdam (2019): circa EUR 5 miljoen van zes vermogensfondsen; gemeente Rotterdam EUR 2,5 miljoen over 10 jaar met een verwacht rendement van 2% tot 3%',
  },
  lunchBunch: { label: 'SIFR-voorbeeldonderneming Lunch Bunch: 23 banen, circa EUR 417.000 aan uitkeringen bespaard' },
  basel: {
    label: 'Basel Committee on Banking Supervision (2005), An Explanatory Note on the Basel II IRB Risk Weight Functions: activacorrelatie 12% tot 24%, tot 4 punten lager voor mkb',
  },
} as const;

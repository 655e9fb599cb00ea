import { PORTFOLIO_DEFAULTS } from '../../models/portfolio/defaults.js';
import {
  ADMINISTRATION_PER_CASE_YEAR,
  describeShareRange,
  estimate,
  lksMonthlyAtLoonwaarde,
  LOONWAARDE_RANGE,
  SOURCES,
  type PertEstimate,
  type Range,
} from '../figures.js';

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

/*
 * Estimates shared by the fund presets: each a distribution with its source (see ../figures.ts).
 * The business plans (start-up costs, own cash, revenue, costs and their growth, jobs) stay plain
 * numbers: they are what the fund underwrites, and their risk is carried by resultVolatility and
 * otherFailureRate, so varying revenue and costs on their own as well would count it twice.
 */

/** Berenschot's average, the single norm a year and part-time top-ups: the avoided benefit per worker-year. */
export const avoidedBenefitEstimate = (): PertEstimate =>
  estimate(
    { low: 10_000, likely: AVERAGE_BENEFIT_PER_YEAR, high: 17_000 },
    'Berenschot (2018): gemiddelde bijstandsuitkering circa EUR 14.000 per jaar over alle huishoudtypen; de netto norm 2024 is circa EUR 15.400 per jaar voor een alleenstaande en 22.000 voor een paar. ' +
      'Aangenomen EUR 10.000 tot 17.000: lager als werknemers in deeltijd werken en een aanvulling houden (vrijlating van 25% van het loon), hoger als er meer paren werken.',
  );

/** CBS retention, as a yearly share of workers who leave (and are replaced from bijstand). */
export const yearlyLeaveRateEstimate = (): PertEstimate =>
  estimate(
    { low: 0.15, likely: PORTFOLIO_DEFAULTS.yearlyLeaveRate, high: 0.35 },
    'CBS, cohort 2021: 82% van wie de bijstand verliet voor werk werkt na 6 maanden nog, 72% na 18 maanden: circa 77% na 12 maanden, dus 23% vertrekt per jaar. ' +
      'Bandbreedte aangenomen: 15% tot 35%; een plek bij een sociale onderneming kan mensen langer houden, mensen ver van de arbeidsmarkt kunnen sneller vertrekken.',
  );

/** Pure assumption: stopping for reasons outside the cash model. */
export const otherFailureRateEstimate = (): PertEstimate =>
  estimate(
    { low: 0.005, likely: 0.01, high: 0.03 },
    'Aanname: 0,5% tot 3% kans per jaar dat een onderneming stopt om redenen buiten het kasmodel (de ondernemer vertrekt, een grote klant valt weg), meest waarschijnlijk 1%; geen bron in onze referenties.',
  );

/** Pure assumption around the business plan's figure for supervision and coaching per worker. */
export function extraCostPerWorkerEstimate(range: Range): PertEstimate {
  return estimate(
    range,
    `Aanname: begeleiding, werkleiding en productiviteitsverlies per werknemer uit de bijstand EUR ${range.low.toLocaleString('nl-NL')} tot ${range.high.toLocaleString('nl-NL')} per jaar, ` +
      `meest waarschijnlijk ${range.likely.toLocaleString('nl-NL')}; niet gepubliceerd.`,
  );
}

/** What a failed enterprise still repays: small enterprises have few assets to sell. */
export function recoveryRateEstimate(range: Range): PertEstimate {
  return estimate(
    range,
    `Aanname: bij een faillissement komt ${describeShareRange(range)} van de uitstaande lening terug; kleine sociale ondernemingen hebben weinig activa om te verkopen. ` +
      'Geen bron in onze referenties; het model rekent zonder opgave voorzichtig met 0%.',
  );
}

/** How large a bad year is, as a share of revenue: pure assumption per kind of enterprise. */
export function resultVolatilityEstimate(range: Range, kind: string): PertEstimate {
  return estimate(
    range,
    `Aanname: de standaardafwijking van het bedrijfsresultaat van ${kind} is ${describeShareRange(range)} van de omzet; hoe groter, hoe vaker een slecht jaar de kas leegmaakt. Geen bron in onze referenties.`,
  );
}

/** Basel II asset correlation for SMEs as the range of the regional correlation. */
export function regionalCorrelationEstimate(range: Range, reasoning: string): PertEstimate {
  return estimate(
    range,
    'Basel II (BCBS 2005): activacorrelatie 12% tot 24% voor bedrijfsleningen, tot 4 punten lager voor het mkb, dus 8% tot 24%. ' + reasoning,
  );
}

/** LKS per worker-year as an average over workers: a share of them at a loonwaarde below the minimum wage. */
export function lksPerWorkerYearEstimate(share: Range): PertEstimate {
  const perYear = (loonwaarde: number) => lksMonthlyAtLoonwaarde(loonwaarde) * 12;
  return estimate(
    { low: share.low * perYear(LOONWAARDE_RANGE.high), likely: share.likely * perYear(LOONWAARDE_RANGE.likely), high: share.high * perYear(LOONWAARDE_RANGE.low) },
    `Aanname: ${describeShareRange(share)} van de werknemers krijgt loonkostensubsidie (het verschil tussen loonwaarde en minimumloon, circa EUR 2.070 per maand in 2024, plus 23,5% werkgeverslasten), ` +
      'bij een loonwaarde van 50% tot 80%, meest waarschijnlijk 60%: gemiddeld over alle werknemers per jaar.',
  );
}

/** The fund's own running costs: assumed around the preset's budget. */
export function fundCostEstimate(range: Range, what: string): PertEstimate {
  return estimate(
    range,
    `Aanname: ${what} EUR ${range.low.toLocaleString('nl-NL')} tot ${range.high.toLocaleString('nl-NL')} per jaar, meest waarschijnlijk ${range.likely.toLocaleString('nl-NL')}; niet gepubliceerd.`,
  );
}

/** "23 sociale ondernemingen (10 horeca, 8 schoonmaak, 5 circulair)": counted from the data, so the text cannot drift from it. */
export function enterpriseCountText(enterprises: ReadonlyArray<{ id: string; count?: number }>, shortNames: Readonly<Record<string, string>>): string {
  const countOf = (e: { count?: number }) => e.count ?? 1;
  const total = enterprises.reduce((sum, e) => sum + countOf(e), 0);
  const parts = enterprises.map((e) => `${countOf(e)} ${shortNames[e.id] ?? e.id}`);
  return `${total} sociale ondernemingen (${parts.join(', ')})`;
}

/**
 * Reference figures shared by the presets, each with its source (see ../shared/domain.md).
 * Amounts are euros; monthly rates are derived from the published yearly or cumulative figures.
 */

/** Net bijstand norm incl. holiday pay, 1 Jan 2024, single person aged 21 to state pension (Rijksoverheid). */
export const NORM_SINGLE_2024 = 1_283.83;
/** Same, couple. */
export const NORM_COUPLE_2024 = 1_834.04;
/** Berenschot 2018, 30 municipalities: administration (uitvoeringskosten) per case per year. */
export const ADMINISTRATION_PER_CASE_YEAR = 2_883;

/**
 * CBS, 2021 outflow cohort: 82% still employed 6 months after leaving bijstand for work, 72%
 * after 18 months. A constant hazard over months 0-5 gives (1 - h)^6 = 0.82; over months 6-17,
 * (1 - h)^12 = 0.72 / 0.82.
 */
export const FALLBACK_FIRST_SIX_MONTHS = 1 - Math.pow(0.82, 1 / 6);
export const FALLBACK_AFTER_SIX_MONTHS = 1 - Math.pow(0.72 / 0.82, 1 / 12);

/** The two CBS bands above as a contract's `work.fallbackHazard`; a fresh array per call so presets never share one. */
export const cbsFallbackBands = () => [
  { fromMonthsInWork: 0, monthlyRate: FALLBACK_FIRST_SIX_MONTHS },
  { fromMonthsInWork: 6, monthlyRate: FALLBACK_AFTER_SIX_MONTHS },
];

/** Monthly rate equivalent to a share p reaching the event within one year: 1 - (1 - p)^(1/12). */
export const monthlyFromYearly = (yearlyShare: number): number => 1 - Math.pow(1 - yearlyShare, 1 / 12);

export const SOURCES = {
  norms: { label: 'Rijksoverheid, bijstandsnormen 1 januari 2024 (netto, incl. vakantiegeld)' },
  berenschot: { label: 'Berenschot (2018), uitvoeringskosten bijstand, steekproef 30 gemeenten' },
  cbsRetention: { label: 'CBS, uitstroom uit de bijstand naar werk, cohort 2021: 82% na 6 maanden, 72% na 18 maanden aan het werk' },
  cbsOutflow: { label: 'CBS, uitstroom uit bijstand naar werk binnen een jaar: circa 7% tot 15% van het bestand' },
  divosa: { label: 'Divosa benchmark: uitstroom uit de bijstand 26% (2022), 23,4% (2023)' },
  mkba: { label: 'Werkgroep discontovoet (2020): reële discontovoet 2,25% voor MKBA\'s' },
  sifr: { label: 'Social Impact Fonds Rotterdam: Prestatiecontract Werk (482 getraind, 228 naar betaald werk, 15 ondernemingen)' },
  buzinezzclub: { label: 'Buzinezzclub Rotterdam SIB (2013): EUR 680.000, 160 jongeren, rendement gemaximeerd op 12% per jaar' },
  werkNaDetentie: { label: 'Werk na Detentie SIB (2016): circa twee derde van de uitstroom zou ook zonder programma zijn gebeurd' },
  emmen: { label: 'Emmen (2017): stichting ontvangt 40% tot 50% van de gerealiseerde besparing' },
} as const;

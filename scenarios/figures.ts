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
  flemishDeadweight: { label: 'Vlaamse evaluatie: circa 85% deadweight; SEO: re-integratie verhoogt de kans op werk met enkele procentpunten' },
  emmen: { label: 'Emmen (2017): stichting ontvangt 40% tot 50% van de gerealiseerde besparing' },
} as const;

/*
 * Estimates: every figure a preset does not fix by law, contract or policy is a distribution
 * carrying its own `source` (the citation and the reasoning for its range), so the contract JSON
 * keeps its citations when it is exported, saved or imported, and the report's inputs table shows
 * them. The helpers below build those distributions so the five presets share one wording.
 */

/** A three-point range: lowest plausible, most likely, highest plausible. */
export interface Range {
  low: number;
  likely: number;
  high: number;
}

/** A classic PERT (lambda 4) as a preset writes it, with its source. */
export interface PertEstimate {
  type: 'pert';
  min: number;
  mode: number;
  max: number;
  source: string;
}

/**
 * A PERT over a share or an amount: smooth, bounded to [low, high] (so a rate stays in [0, 1] and
 * an amount is never negative), most weight near the likely value.
 */
export function estimate(range: Range, source: string): PertEstimate {
  return { type: 'pert', min: range.low, mode: range.likely, max: range.high, source };
}

/**
 * A monthly rate whose yearly equivalent lies in `yearly` (shares reaching the event within a
 * year): each of the three points goes through monthlyFromYearly, so the range is the one the
 * source states per year.
 */
export function monthlyRateFromYearly(yearly: Range, source: string): PertEstimate {
  return estimate(
    { low: monthlyFromYearly(yearly.low), likely: monthlyFromYearly(yearly.likely), high: monthlyFromYearly(yearly.high) },
    source,
  );
}

/** Percentages as Dutch text, e.g. 0.35 -> "35%", 2/3 -> "67%". */
const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "van 20% tot 50%, meest waarschijnlijk 35%" for a range of shares. */
export function describeShareRange(range: Range): string {
  return `van ${percent(range.low)} tot ${percent(range.high)}, meest waarschijnlijk ${percent(range.likely)}`;
}

/**
 * Deadweight as an estimate: the evidence every preset cites (domain.md: about two thirds in the
 * Werk na Detentie SIB, about 85% in a Flemish evaluation, and, where the preset weighs it, SEO's
 * few percentage points), then the preset's own reasoning for its range.
 */
export function deadweightEstimate(range: Range, reasoning: string, { citeSeo }: { citeSeo: boolean }): PertEstimate {
  const evidence =
    'Werk na Detentie SIB (2016): circa twee derde van wie werk vond, had dat ook zonder programma gedaan; een Vlaamse evaluatie vond circa 85%' +
    (citeSeo ? '; SEO: re-integratie verhoogt de kans op werk met enkele procentpunten' : '');
  return estimate(range, `${evidence}. ${reasoning}`);
}

/** CBS retention as a range: 82% after 6 months is the cohort's point figure; the range is an assumption. */
export const RETAINED_AFTER_SIX_MONTHS: Range = { low: 0.7, likely: 0.82, high: 0.9 };
/** CBS: 72% after 18 months of the 82% after 6, i.e. 0.72 / 0.82 = 88% stay 12 more months; range assumed. */
export const RETAINED_MONTHS_SIX_TO_EIGHTEEN: Range = { low: 0.8, likely: 0.72 / 0.82, high: 0.94 };

/** Monthly hazard h with (1 - h)^months = retained, for each point of a retention range (high retention = low hazard). */
function hazardRange(retained: Range, months: number): Range {
  const hazard = (share: number) => 1 - Math.pow(share, 1 / months);
  return { low: hazard(retained.high), likely: hazard(retained.likely), high: hazard(retained.low) };
}

/**
 * The two CBS fall-back bands as estimates: the cohort figures give the most likely hazards
 * (FALLBACK_FIRST_SIX_MONTHS, FALLBACK_AFTER_SIX_MONTHS); the range covers a programme group that
 * is further from work (falls back faster) or coached in work (slower). A fresh array per call.
 */
export function cbsFallbackBandEstimates(): { fromMonthsInWork: number; monthlyRate: PertEstimate }[] {
  return [
    {
      fromMonthsInWork: 0,
      monthlyRate: estimate(
        hazardRange(RETAINED_AFTER_SIX_MONTHS, 6),
        'CBS, cohort 2021: 82% van wie de bijstand verliet voor werk werkt na 6 maanden nog; dat geeft de meest waarschijnlijke maandkans op terugval in de eerste 6 maanden. ' +
          'Bandbreedte aangenomen: 70% tot 90% nog aan het werk na 6 maanden, omdat deelnemers verder van de arbeidsmarkt sneller kunnen terugvallen en begeleiding op het werk terugval kan remmen.',
      ),
    },
    {
      fromMonthsInWork: 6,
      monthlyRate: estimate(
        hazardRange(RETAINED_MONTHS_SIX_TO_EIGHTEEN, 12),
        'CBS, cohort 2021: 72% werkt na 18 maanden nog, tegen 82% na 6 maanden, dus 88% van wie 6 maanden werkt houdt het 12 maanden langer vol; dat geeft de meest waarschijnlijke maandkans na 6 maanden. ' +
          'Bandbreedte aangenomen: 80% tot 94%.',
      ),
    },
  ];
}

/**
 * Berenschot's EUR 2,883 is an average over 30 municipalities and an average cost, while a case
 * fewer saves the marginal cost, which is likely lower: a range skewed down from the average.
 */
export const ADMINISTRATION_RANGE: Range = { low: 1_500, likely: ADMINISTRATION_PER_CASE_YEAR, high: 3_500 };
export const administrationCostEstimate = (): PertEstimate =>
  estimate(
    ADMINISTRATION_RANGE,
    'Berenschot (2018): uitvoeringskosten gemiddeld EUR 2.883 per bijstandsdossier per jaar, het gemiddelde van 30 gemeenten. ' +
      'Bandbreedte aangenomen: EUR 1.500 tot 3.500, scheef naar beneden omdat een dossier minder de marginale kosten bespaart, die lager liggen dan de gemiddelde, en gemeenten onderling verschillen.',
  );

/**
 * Leaving bijstand for reasons other than work (moving, a partner's income, education): Divosa
 * counts 23.4% to 26% leaving a year for all reasons, CBS 7% to 15% into a job, so roughly 8% to
 * 19% a year for other reasons across the whole stock.
 */
export function otherExitRateEstimate(yearly: Range, group: string): PertEstimate {
  return monthlyRateFromYearly(
    yearly,
    'Divosa: 23,4% tot 26% verlaat de bijstand per jaar om alle redenen; CBS: 7% tot 15% naar werk; dus ruwweg 8% tot 19% per jaar om andere redenen (verhuizing, inkomen partner, opleiding). ' +
      `Voor ${group} aangenomen: ${describeShareRange(yearly)} per jaar. De kans met en zonder programma wordt apart getrokken; wie ze gelijk wil houden, geeft ze in de simulatie een rangcorrelatie.`,
  );
}

/**
 * Loonkostensubsidie is by law the gap between loonwaarde and the minimum wage (about EUR 2,070
 * a month in 2024), at most 70% of it, plus 23.5% for employer costs; the loonwaarde of the
 * workers is the estimate.
 */
const MINIMUM_WAGE_MONTH_2024 = 2_070;
const EMPLOYER_COST_SURCHARGE = 1.235;
export const lksMonthlyAtLoonwaarde = (loonwaarde: number): number => (1 - loonwaarde) * MINIMUM_WAGE_MONTH_2024 * EMPLOYER_COST_SURCHARGE;
export const LOONWAARDE_RANGE: Range = { low: 0.5, likely: 0.6, high: 0.8 };
export const lksMonthlyAmountEstimate = (): PertEstimate =>
  estimate(
    { low: lksMonthlyAtLoonwaarde(LOONWAARDE_RANGE.high), likely: lksMonthlyAtLoonwaarde(LOONWAARDE_RANGE.likely), high: lksMonthlyAtLoonwaarde(LOONWAARDE_RANGE.low) },
    'Loonkostensubsidie: het verschil tussen loonwaarde en minimumloon (circa EUR 2.070 per maand in 2024) plus 23,5% werkgeverslasten. ' +
      'Aangenomen loonwaarde 50% tot 80%, meest waarschijnlijk 60%: EUR 511 tot 1.278 per maand, meest waarschijnlijk 1.023.',
  );

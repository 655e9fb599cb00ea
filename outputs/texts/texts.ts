import type { LayerKind } from '../../models/portfolio/portfolio-schema.js';
import type { LayerMetricName, PortfolioOutputName } from '../../models/portfolio/portfolio-outputs.js';
import type { FundReportTexts } from './fund-report-texts.js';

/**
 * Every sentence, heading and label that the downloads (workbook, CSV labels, report, charts)
 * show, in one interface with one file per language. Code never holds a user-facing string;
 * it asks the texts of the request's language.
 */

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Dutch unless the request asks for English: the users are Dutch councils. */
export const DEFAULT_LANGUAGE: Language = 'nl';

export type PartyKey = 'payer' | 'provider' | 'investor' | 'counts' | 'other';

/** Values the report's contract description needs, already formatted. */
export interface TriggerWords {
  kind: 'jobStart' | 'sustained' | 'perMonthOffBenefit' | 'shareOfSavings' | 'custom' | 'outcome';
  /** Formatted price ("€ 1.000") or price range of a rate card ("€ 2.000 tot € 6.000"). */
  price: string | null;
  rateCard: boolean;
  /** Formatted share ("45%") for shareOfSavings. */
  share: string | null;
  months: number | null;
  basis: 'gross' | 'attributable' | null;
  payee: 'provider' | 'investor';
  lagMonths: number;
  /** The custom rule's expression, or the outcome's id for an outcome trigger. */
  expression: string | null;
}

export interface ContractWords {
  name: string;
  participants: string;
  firstIntake: string;
  lastIntake: string;
  startMonth: string;
  horizonMonths: number;
  programmeMonths: number;
  triggers: TriggerWords[];
  capPerYear: string | null;
  capTotal: string | null;
  capPerParticipant: string | null;
  threshold: string | null;
  counterfactual: { method: 'rates'; programmeRate: string; counterfactualRate: string } | { method: 'deadweight'; share: string };
  providerCostPerParticipantMonth: string | null;
  providerCostPerPlacement: string | null;
  providerFixedCostPerMonth: string | null;
  investor: { commitment: string; returnCap: string } | null;
}

/** What the report says about the provider, formatted. */
export interface ProviderWords {
  marginMean: string;
  marginP10: string;
  marginP90: string;
  /** Formatted chance of a loss ("27%"), and the raw chance for the words around it; null when not computed. */
  lossChance: string | null;
  lossProbability: number | null;
  hasInvestor: boolean;
  /** False when every input was entered as a fixed number. */
  anyUncertainInput: boolean;
}

/** The price basis of the report's amounts, formatted. */
export interface PriceBasisWords {
  startYear: string;
  startMonth: string;
  /** Yearly indexation of benefits, prices and costs; null when all are zero (constant prices). */
  indexation: { benefit: string; price: string; cost: string } | null;
  discountRate: string;
}

/** One break-even row, formatted. */
export interface BreakEvenWords {
  kind: 'price' | 'jobEntryRate';
  input: string;
  now: string;
  value: string | null;
  /** For a monthly job-entry rate: the same as a chance within a year. */
  valueWithinYear: string | null;
  low: string;
  high: string;
  outputAtLow: string;
  outputAtHigh: string;
  /** When not found: whether the net result stays above zero over the whole range. */
  staysPositive: boolean;
  /** A price not found while the contract caps its payments: the caps may be why. */
  capped: boolean;
}

/** The "no effect" scenario, formatted. */
export interface NoEffectWords {
  method: 'rates' | 'deadweight';
  payments: string;
  paysNothing: boolean;
  expectedPayments: string;
  netResult: string;
}

/** One "what could go wrong" finding, with its figures formatted. */
export type RiskFinding =
  | { kind: 'lossChance'; lossChance: string; p10: string }
  | { kind: 'driver'; input: string; direction: 'lower' | 'higher'; value: string; base: string; drop: string; result: string; turnsNegative: boolean }
  | { kind: 'capsBind'; lapsed: string }
  | { kind: 'providerLoses'; chance: string; medianMargin: string }
  | { kind: 'investorLoses'; chance: string; meanLoss: string }
  | { kind: 'fewParticipants'; participants: string };

export interface Texts {
  language: Language;
  /** BCP 47 tag for number formatting. */
  locale: string;
  /** Decimal and thousands separators for the charts' number formats. */
  decimal: string;
  thousands: string;
  currencyPrefix: string;
  currencySuffix: string;

  parties: Record<PartyKey, string>;
  statistics: {
    mean: string;
    sd: string;
    standardError: string;
    min: string;
    max: string;
    count: string;
    nanCount: string;
    base: string;
    percentile: (p: number) => string;
  };
  units: Record<string, string>;
  /** Labels of the contract's scalar and series outputs, by output name. */
  outputs: Record<string, string>;
  /** The words of a fund (portfolio) result. */
  fund: {
    /**
     * Labels of every fixed output of the portfolio model (scalars and yearly series), by name.
     * Some names (outcomePayments, avoidedCostsGross, ...) are also contract outputs; a fund's
     * tables use these labels for them.
     */
    outputs: Record<PortfolioOutputName, string>;
    /** Labels of the per-layer outputs (`layer` + layer id + metric), given the layer's name. */
    layerOutputs: Record<LayerMetricName | 'NetFlow', (layer: string) => string>;
    /** The kinds of capital layer, as the layers sheet and the CSV show them. */
    layerKinds: Record<LayerKind, string>;
  };
  /**
   * Labels of contract inputs by path template (indices replaced by []); `{profile}`,
   * `{trigger}`, `{n}` and `{band}` are filled in from the contract.
   */
  inputs: Record<string, string>;
  distribution: {
    fixed: string;
    describe: (type: string, parameters: string) => string;
    names: Record<string, string>;
    parameters: Record<string, string>;
  };
  /** Source labels of the reference figures, by key of scenarios/figures.ts SOURCES. */
  sources: Record<string, string>;
  assumedSource: string;
  defaultSource: string;

  workbook: {
    sheets: {
      about: string;
      inputs: string;
      summary: string;
      yearly: string;
      monthly: string;
      triggers: string;
      events: string;
      risk: string;
      histograms: string;
      convergence: string;
      sensitivity: string;
      differences: string;
      grid: string;
      layers: string;
      layerFlows: string;
    };
    /** Column headers of a fund's capital layers. */
    layers: {
      layer: string;
      provider: string;
      kind: string;
      fromMunicipality: string;
      committed: string;
      paidIn: string;
      received: string;
      irr: string;
      multiple: string;
      loss: string;
      calls: string;
      distributions: string;
      netFlow: string;
    };
    columns: {
      label: string;
      name: string;
      path: string;
      value: string;
      unit: string;
      description: string;
      party: string;
      series: string;
      statistic: string;
      month: string;
      distribution: string;
      source: string;
      uncertain: string;
      trigger: string;
      total: string;
      variant: string;
      probability: string;
      expression: string;
      undefinedCount: string;
      level: string;
      valueAtRisk: string;
      expectedShortfall: string;
      binFrom: string;
      binTo: string;
      iterations: string;
      low: string;
      high: string;
      outputAtLow: string;
      outputAtHigh: string;
      swing: string;
      rangeFrom: string;
      quantile: string;
      inputValue: string;
      output: string;
      firstOrder: string;
      totalOrder: string;
      intervalLow: string;
      intervalHigh: string;
      mu: string;
      muStar: string;
      muStandardError: string;
      muStarConfidence: string;
      sigma: string;
      spearman: string;
      prcc: string;
      evppi: string;
      item: string;
    };
    about: {
      title: string;
      contract: string;
      softwareVersion: string;
      generatedAt: string;
      seed: string;
      iterations: string;
      sampling: string;
      drawIndividualOutcomes: string;
      percentileMethod: string;
      method: string;
      output: string;
      modelRuns: string;
      note: string;
      yes: string;
      no: string;
      sources: string;
      assumptions: string;
      found: string;
      breakEvenValue: string;
      outputAtValue: string;
      searchRange: string;
      notFound: string;
      evpi: string;
      expectedOutput: string;
      probabilityPositive: string;
      sumOfFirstOrder: string;
      baseOutput: string;
    };
    rangeFrom: { quantiles: string; given: string };
  };

  charts: {
    netResultTitle: string;
    netResultAxis: string;
    shareOfRuns: string;
    loss: string;
    gain: string;
    meanLabel: (value: string) => string;
    fanTitle: string;
    fanAxis: string;
    year: string;
    band: string;
    /** Lines under the fan chart's title. */
    fanSubtitle: string[];
    median: string;
    tornadoTitle: (output: string) => string;
    tornadoAxis: string;
    lowEnd: string;
    highEnd: string;
    /** The text beside a tornado bar: which end of the input's range and its value, so print needs no colour. */
    lowValue: (value: string) => string;
    highValue: (value: string) => string;
    baseLabel: (value: string) => string;
    yearlyTitle: string;
    yearlySubtitle: string[];
    yearlyAxis: string;
    yearlyMeasures: { payments: string; avoidedCosts: string; netResult: string };
  };

  /** The fund (place-based portfolio) report: outputs/texts/fund-report-nl.ts and fund-report-en.ts. */
  fundReport: FundReportTexts;
  report: {
    documentTitle: (contract: string) => string;
    subtitle: string;
    madeOn: (date: string, version: string) => string;
    contractHeading: string;
    contractInWords: (words: ContractWords) => string[];
    aboutScenario: string;
    keyFiguresHeading: string;
    keyFiguresIntro: (iterations: string) => string;
    expectedNet: string;
    expectedNetDetail: (p10: string, p90: string, base: string) => string;
    chancePaysOff: string;
    chancePaysOffDetail: string;
    budgetP90: string;
    budgetP90Detail: string;
    budgetPerYear: string;
    toProvider: string;
    toProviderDetail: (p10: string, p90: string, margin: string) => string;
    investorHeading: string;
    investorDetail: (received: string, drawn: string, loss: string) => string;
    chartsHeading: string;
    netResultCaption: string;
    fanCaption: string;
    tornadoCaption: (range: string) => string;
    risksHeading: string;
    risksIntro: string;
    risk: (finding: RiskFinding) => string;
    noRisks: string;
    assumptionsHeading: string;
    assumptionsIntro: string;
    scenarioAssumptions: string;
    scenarioSources: string;
    reproductionHeading: string;
    reproductionIntro: string;
    yearColumn: string;
    budgetColumn: string;
    notAvailable: string;
    simulationId: string;
    between: (low: string, high: string) => string;
    monthName: (isoMonth: string) => string;
    sensitivityRange: (relative: string, low: string, high: string) => string;
    /** The tornado's range when only uncertain inputs move (the default). */
    sensitivityUncertainOnly: (low: string, high: string) => string;
    /** A year the contract covers only in part: "2026 (mrt–dec, 10 mnd)". */
    partialYear: (year: string, from: string, to: string, months: number) => string;
    monthShort: (month: number) => string;
    /** A chance in words a council member reads at a glance ("in ongeveer 3 van de 10 uitkomsten"). */
    chanceInWords: (probability: number) => string;
    noUncertainty: string;
    noTornado: string;
    presentValue: string;
    presentValueDetail: (rate: string, p10: string, p90: string) => string;
    priceBasisHeading: string;
    priceBasis: (words: PriceBasisWords) => string;
    yearlyHeading: string;
    yearlyIntro: string;
    yearlyColumns: { year: string; payments: string; avoidedCosts: string; netResult: string };
    yearlyTotal: string;
    yearlyCaption: string;
    breakEvenHeading: string;
    breakEvenIntro: (base: string) => string;
    breakEvenColumns: { input: string; now: string; breakEven: string };
    breakEvenRow: (words: BreakEvenWords) => string;
    breakEvenNone: string;
    /** The row that moves every band's price, or every profile's job-entry rate, by one factor. */
    breakEvenTogether: (kind: 'price' | 'jobEntryRate') => string;
    /** A common factor as the break-even value: "185% van de huidige waarden". */
    breakEvenFactor: (factor: string) => string;
    noEffectHeading: string;
    noEffect: (words: NoEffectWords) => string;
    providerHeading: string;
    providerKeeps: string;
    providerInWords: (words: ProviderWords) => string;
    providerLossLabel: string;
    inputDownload: string;
    inputDownloadNote: string;
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

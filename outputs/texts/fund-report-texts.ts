/**
 * The words of the fund (place-based portfolio) report, one file per language
 * (fund-report-nl.ts, fund-report-en.ts), wired into `Texts` as `fundReport`.
 */

/** The figures compared per strategy, in the order the comparison table shows them. */
export const FUND_FIGURES = [
  'capitalDeployed',
  'capitalRecycled',
  'fundIrr',
  'fundMultiple',
  'failures',
  'workerYears',
  'hiresFromBijstand',
  'sustainedPlacements',
  'avoidedCostsAttributable',
  'avoidedCostsPerEuroInvested',
  'outcomePayments',
  'municipalityNetPosition',
  'municipalityNetPresentValue',
] as const;
export type FundFigure = (typeof FUND_FIGURES)[number];

/** A fund's facts, formatted, for the sentences that describe it. */
export interface FundWords {
  name: string;
  startYear: number;
  horizonYears: number;
  lastYear: number;
  investmentPeriodYears: number;
  revolving: boolean;
  committed: string;
  layerCount: number;
  enterprises: string;
  archetypes: number;
  fixedCostsPerYear: string;
  perEnterpriseYear: string;
  managementFee: string;
  municipality: string;
  discountRate: string;
}

/** An enterprise (archetype) row's instruments, formatted. */
export interface InstrumentWords {
  loan: { amount: string; rate: string; termYears: number } | null;
  equity: { amount: string; stake: string; exitAfterYears: number } | null;
  grant: { amount: string } | null;
}

export interface FundReportTexts {
  documentTitle: (fund: string) => string;
  subtitle: string;
  madeOn: (date: string, version: string) => string;

  fundHeading: string;
  fundInWords: (words: FundWords) => string[];
  priceBasis: (startYear: number) => string;
  priceBasisLabel: string;
  layersHeading: string;
  layersIntro: string;
  layerColumns: { layer: string; kind: string; amount: string; targetReturn: string; fromMunicipality: string };
  enterprisesHeading: string;
  enterprisesIntro: string;
  enterpriseColumns: { enterprise: string; count: string; intake: string; instruments: string; jobs: string; outcomeContract: string };
  intakeYears: (first: number, last: number) => string;
  instruments: (words: InstrumentWords) => string;
  jobsPerEnterprise: (positions: string) => string;
  outcomeContract: (perPlacement: string | null, perWorkerYear: string | null, paidBy: 'municipality' | 'fund') => string;
  none: string;

  keyFiguresHeading: string;
  keyFiguresIntro: (strategy: string, iterations: string) => string;
  /** Under a key figure: the band in which 80% of the runs fall. */
  band: (p10: string, p90: string) => string;
  lossChancesCard: string;
  lossChanceLine: (layer: string, chance: string) => string;
  strategiesHeading: string;
  strategiesIntro: (count: number, iterations: string) => string;
  onlyOneStrategy: string;
  strategyColumn: string;
  figureLabels: Record<FundFigure, string>;
  figureNote: string;

  layersResultHeading: string;
  layersResultIntro: string;
  lossChanceRow: string;
  multipleRow: string;
  irrRow: string;
  lossRow: string;
  /** An IRR that no run could compute. */
  irrNotAvailable: string;
  /** Why: nothing came back to the layer (a grant, or a total loss), so return and outlay never change sign. */
  irrNotAvailableReason: string;
  /** An IRR computed in some runs only. */
  irrPartly: (share: string) => string;

  distributionHeading: string;
  distributionIntro: string;
  percentileColumns: { figure: string; p10: string; p50: string; p90: string; mean: string };

  chartsHeading: string;
  lossChartTitle: string;
  lossChartAxis: string;
  lossChartCaption: string;
  impactChartTitle: string;
  impactChartAxis: string;
  impactChartCaption: string;

  assumptionsHeading: string;
  assumptionsIntro: string;
  otherStrategiesInputs: string;
  /** Under the inputs table: fixed inputs at zero (unused options such as a price per worker-year) are left out; the workbook lists them. */
  zeroInputsOmitted: (count: number) => string;
  /** Beside an amount in the fund's description that is an estimate (the mean of its distribution). */
  expected: string;
  strategiesLabel: string;
  sampling: { monteCarlo: string; latinHypercube: string };
  inputLabels: Record<string, string>;
  /** Sources of the portfolio model's defaults that the shared `sources` do not name. */
  fundSources: { werkNaDetentie: string; baselCorrelation: string };

  reproductionHeading: string;
  reproductionIntro: string;
  compareEndpoint: string;

  /** Sheet names and headers of the fund workbooks. */
  sheets: { sideBySide: string; layersSideBySide: string; expected: string; strategies: string; fund: string; enterprises: string };
  columns: { statistic: string; strategy: string; description: string; layer: string; metric: string };
}

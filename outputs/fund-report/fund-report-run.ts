import type { Portfolio, PortfolioComparison, PortfolioEvaluation } from '../../models/portfolio/index.js';
import type { ModelInput } from '../../models/simulation/model.js';
import type { SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import type { ScenarioContext } from '../report/report-run.js';
import type { Provenance } from '../tables/about-table.js';
import type { Language } from '../texts/index.js';

/** One strategy of a fund report: its portfolio, its expected evaluation and its Monte Carlo result. */
export interface FundReportStrategyRun {
  name: string;
  description: string | undefined;
  portfolio: Portfolio;
  /** The deterministic evaluation (POST /portfolios/evaluate): the fund's description reads its layers and enterprises. */
  evaluation: PortfolioEvaluation;
  /** This strategy's part of the comparison on common random numbers (or the one simulation). */
  result: SimulationResult;
}

/**
 * A fund report's run: every figure in the report is read from these results, the same ones
 * POST /portfolios/compare gives for the same strategies and settings.
 */
export interface FundReportRun {
  language: Language;
  strategies: FundReportStrategyRun[];
  /** The strategies' expected results side by side, as POST /portfolios/compare's `expected` (null with one strategy). */
  expected: PortfolioComparison | null;
  /** Paired differences against the first strategy (empty with one strategy). */
  differences: VariantComparisonResult['differences'];
  /** The first strategy's model inputs (paths, base values, distributions) as the engine saw them. */
  inputs: ReadonlyArray<ModelInput>;
  simulationId: string | null;
  context: ScenarioContext | undefined;
  provenance: Provenance;
}

export * from './portfolio-schema.js';
export { PORTFOLIO_LIMITS } from './limits.js';
export { PORTFOLIO_DEFAULTS } from './defaults.js';
export { createPortfolioModel, evaluatePortfolio, type PortfolioModel } from './portfolio-model.js';
export {
  evaluatePortfolioExpected,
  PortfolioEvaluationSchema,
  PortfolioLayerResultSchema,
  PortfolioEnterpriseResultSchema,
  type PortfolioEvaluation,
} from './portfolio-evaluation.js';
export {
  createPortfolioVariants,
  comparePortfoliosExpected,
  evaluationsSideBySide,
  PortfolioStrategySchema,
  PortfolioStrategiesSchema,
  PortfolioComparisonSchema,
  type PortfolioStrategy,
  type PortfolioComparison,
} from './portfolio-comparison.js';
export { PORTFOLIO_SCALAR_OUTPUTS, PORTFOLIO_SERIES_OUTPUTS, PORTFOLIO_LEVEL_SERIES, LAYER_METRICS, layerOutputPrefix } from './portfolio-outputs.js';
export { loanSchedule, fillLoanSchedule, type Amortisation, type LoanSchedule } from './loan-schedule.js';
export { callCapital, distributeTopDown, accrueRequiredReturns } from './capital-layers.js';
export { conditionalFailureProbability, failureThreshold } from './regional-factor.js';
export { yearlyIrr } from './yearly-irr.js';

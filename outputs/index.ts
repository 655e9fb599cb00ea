/**
 * Outputs people use: workbooks, CSV, the report (HTML and PDF) and the chart specs the web
 * page shares with it. Pure functions from results to files, except `pdf/`, which drives a browser.
 */
export * from './texts/index.js';
export { numberFormatter, type NumberFormatter } from './format-numbers.js';
export { inputRows, type InputRow } from './inputs/input-rows.js';
export type { Provenance } from './tables/about-table.js';
export { evaluationWorkbook, portfolioComparisonWorkbook, portfolioWorkbook, simulationWorkbook, sensitivityWorkbook } from './workbook/workbooks.js';
export { writeCsv, type Fact } from './csv/facts.js';
export { evaluationFacts, portfolioFacts, simulationFacts, sensitivityFacts } from './csv/result-facts.js';
export { buildReport } from './report/build-report.js';
export { renderReportHtml } from './report/render-report-html.js';
export { reportWorkbook, reportCsv } from './report/report-downloads.js';
export { ReportDocumentSchema, type ReportDocument } from './report/report-document.js';
export { KeyFiguresSchema, type KeyFigures } from './report/key-figures.js';
export type { ReportRun, ScenarioContext } from './report/report-run.js';
export { reportSimulationSettings, reportTornadoSettings, REPORT_EVENTS, REPORT_OUTPUT, DEFAULT_SENSITIVITY_RANGE } from './report/report-analyses.js';

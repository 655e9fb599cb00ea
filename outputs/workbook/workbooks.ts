import type { Contract, ContractEvaluation } from '../../models/contract/index.js';
import type { PortfolioComparison, PortfolioEvaluation } from '../../models/portfolio/index.js';
import type { SensitivityResult } from '../../models/sensitivity/index.js';
import type { SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import type { InputRow } from '../inputs/input-rows.js';
import { aboutTable, provenanceEntries, type AboutEntry, type Provenance } from '../tables/about-table.js';
import {
  evaluationMonthlyTable,
  evaluationSummaryTable,
  evaluationTriggersTable,
  evaluationYearlyTable,
  inputsTable,
} from '../tables/evaluation-tables.js';
import { expectedComparisonTable, fundComparisonTables } from '../tables/fund-comparison-tables.js';
import type { NamedLayer } from '../tables/layer-names.js';
import { portfolioLayerFlowsTable, portfolioLayersTable, portfolioSummaryTable, portfolioYearlyTable } from '../tables/portfolio-tables.js';
import { sensitivityAboutEntries, sensitivityTable } from '../tables/sensitivity-tables.js';
import { comparisonTables, simulationAboutEntries, simulationTables } from '../tables/simulation-tables.js';
import type { Table } from '../tables/table.js';
import { simulationFigures, whoGainsTables } from '../tables/who-gains-tables.js';
import type { Texts } from '../texts/index.js';
import { writeWorkbook } from './write-workbook.js';

/** The workbook of each kind of result: an about sheet first, then the result's tables. */

export function evaluationTables(evaluation: ContractEvaluation, inputs: InputRow[], texts: Texts, provenance: Provenance): Table[] {
  return [
    aboutTable(texts, [{ label: texts.workbook.about.contract, value: evaluation.contract }, ...provenanceEntries(texts, provenance)]),
    inputsTable(inputs, texts),
    evaluationSummaryTable(evaluation, texts),
    evaluationYearlyTable(evaluation, texts),
    evaluationMonthlyTable(evaluation, texts),
    evaluationTriggersTable(evaluation, texts),
    ...whoGainsTables(evaluation, simulationFigures(null), texts),
  ];
}

export function evaluationWorkbook(evaluation: ContractEvaluation, inputs: InputRow[], texts: Texts, provenance: Provenance): Promise<Buffer> {
  return writeWorkbook(evaluationTables(evaluation, inputs, texts, provenance), provenance);
}

/** A fund's expected result: inputs, summary, yearly series, capital layers and their yearly flows. */
export function portfolioWorkbook(evaluation: PortfolioEvaluation, inputs: InputRow[], texts: Texts, provenance: Provenance): Promise<Buffer> {
  return writeWorkbook(
    [
      aboutTable(texts, [{ label: texts.fundReport.fundHeading, value: evaluation.portfolio }, ...provenanceEntries(texts, provenance)]),
      inputsTable(inputs, texts),
      portfolioSummaryTable(evaluation, texts),
      portfolioYearlyTable(evaluation, texts),
      portfolioLayersTable(evaluation, texts),
      portfolioLayerFlowsTable(evaluation, texts),
    ],
    provenance,
  );
}

/**
 * Fund strategies compared (POST /portfolios/compare): the expected results side by side, and,
 * when the Monte Carlo comparison ran, its statistics, the layers and the differences side by side.
 */
export function portfolioComparisonWorkbook(
  expected: PortfolioComparison,
  simulation: VariantComparisonResult | null,
  layers: NamedLayer[],
  texts: Texts,
  provenance: Provenance,
): Promise<Buffer> {
  const about: AboutEntry[] = [
    { label: texts.fundReport.strategiesLabel, value: expected.strategies.join(' · ') },
    ...(simulation === null ? [] : simulationAboutEntries(simulation.variants[0].result, texts)),
    ...provenanceEntries(texts, provenance),
  ];
  return writeWorkbook(
    [aboutTable(texts, about), expectedComparisonTable(expected, texts, layers), ...(simulation === null ? [] : fundComparisonTables(simulation, texts, layers))],
    provenance,
  );
}

export function isComparison(result: SimulationResult | VariantComparisonResult): result is VariantComparisonResult {
  return 'variants' in result;
}

export function simulationWorkbook(result: SimulationResult | VariantComparisonResult, texts: Texts, provenance: Provenance): Promise<Buffer> {
  const about: AboutEntry[] = isComparison(result)
    ? simulationAboutEntries(result.variants[0].result, texts)
    : simulationAboutEntries(result, texts);
  const tables = isComparison(result) ? comparisonTables(result, texts) : simulationTables(result, texts);
  return writeWorkbook([aboutTable(texts, [...about, ...provenanceEntries(texts, provenance)]), ...tables], provenance);
}

export function sensitivityWorkbook(result: SensitivityResult, contract: Contract | undefined, texts: Texts, provenance: Provenance): Promise<Buffer> {
  const about = aboutTable(texts, [
    ...(contract ? [{ label: texts.workbook.about.contract, value: contract.name }] : []),
    ...sensitivityAboutEntries(result, texts),
    ...provenanceEntries(texts, provenance),
  ]);
  const table = sensitivityTable(result, contract, texts);
  return writeWorkbook(table === null ? [about] : [about, table], provenance);
}

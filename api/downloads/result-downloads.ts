import type { Response } from 'express';
import type { Contract, ContractEvaluation } from '../../models/contract/index.js';
import type { Portfolio, PortfolioComparison, PortfolioEvaluation } from '../../models/portfolio/index.js';
import { compileModelSpec, type ModelSpec } from '../../models/model-spec.js';
import type { SensitivityResult } from '../../models/sensitivity/index.js';
import type { SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import {
  evaluationFacts,
  evaluationWorkbook,
  inputRows,
  portfolioComparisonWorkbook,
  portfolioFacts,
  portfolioWorkbook,
  sensitivityFacts,
  sensitivityWorkbook,
  simulationFacts,
  simulationWorkbook,
  textsFor,
  writeCsv,
  type Language,
} from '../../outputs/index.js';
import { unwrapOrThrow } from '../validate.js';
import type { DownloadFormat } from './negotiate.js';
import { fileName, provenanceNow, sendDownload } from './send-download.js';

/**
 * The xlsx and CSV answers of the result endpoints: each route negotiates the format, computes
 * its JSON result as always, and hands it here when a file was asked for.
 */

export type FileFormat = Extract<DownloadFormat, 'xlsx' | 'csv'>;

export async function sendEvaluationFile(res: Response, format: FileFormat, contract: Contract, evaluation: ContractEvaluation, language: Language): Promise<void> {
  const texts = textsFor(language);
  const model = unwrapOrThrow(compileModelSpec({ kind: 'contract', contract }));
  const inputs = inputRows(model.inputs, contract, texts);
  const name = fileName(contract.name, language === 'en' ? 'evaluation' : 'doorrekening', format);
  if (format === 'csv') return sendDownload(res, 'csv', writeCsv(evaluationFacts(evaluation, inputs, texts)), name);
  sendDownload(res, 'xlsx', await evaluationWorkbook(evaluation, inputs, texts, provenanceNow()), name);
}

export async function sendPortfolioFile(res: Response, format: FileFormat, portfolio: Portfolio, evaluation: PortfolioEvaluation, language: Language): Promise<void> {
  const texts = textsFor(language);
  const model = unwrapOrThrow(compileModelSpec({ kind: 'portfolio', portfolio }));
  const inputs = inputRows(model.inputs, undefined, texts);
  const name = fileName(evaluation.portfolio, language === 'en' ? 'fund' : 'fonds', format);
  if (format === 'csv') return sendDownload(res, 'csv', writeCsv(portfolioFacts(evaluation, inputs, texts)), name);
  sendDownload(res, 'xlsx', await portfolioWorkbook(evaluation, inputs, texts, provenanceNow()), name);
}

/**
 * POST /portfolios/compare as a file: the expected results side by side and, when the Monte Carlo
 * comparison finished, its statistics side by side. CSV keeps machine-readable facts: the
 * expected values per strategy, then the comparison's facts as the simulation's CSV gives them.
 */
export async function sendPortfolioComparisonFile(
  res: Response,
  format: FileFormat,
  strategies: ReadonlyArray<{ name: string; portfolio: Portfolio }>,
  expected: PortfolioComparison,
  simulation: VariantComparisonResult | null,
  language: Language,
): Promise<void> {
  const texts = textsFor(language);
  const name = fileName(strategies[0].portfolio.name, language === 'en' ? 'strategies' : 'strategieen', format);
  if (format === 'csv') {
    const facts = expected.outputs.flatMap((output) =>
      expected.strategies.map((variant, s) => ({ section: 'expected', variant, name: output.name, statistic: 'value', value: output.values[s], unit: output.unit })),
    );
    return sendDownload(res, 'csv', writeCsv([...facts, ...(simulation === null ? [] : simulationFacts(simulation, texts))]), name);
  }
  const layers = strategies.flatMap((s) => s.portfolio.fund.layers).filter((layer, i, all) => all.findIndex((other) => other.id === layer.id) === i);
  sendDownload(res, 'xlsx', await portfolioComparisonWorkbook(expected, simulation, layers, texts, provenanceNow()), name);
}

export async function sendSimulationFile(
  res: Response,
  format: FileFormat,
  id: string,
  result: SimulationResult | VariantComparisonResult,
  language: Language,
): Promise<void> {
  const texts = textsFor(language);
  const name = fileName(`simulation-${id}`, language === 'en' ? 'result' : 'resultaat', format);
  if (format === 'csv') return sendDownload(res, 'csv', writeCsv(simulationFacts(result, texts)), name);
  sendDownload(res, 'xlsx', await simulationWorkbook(result, texts, provenanceNow()), name);
}

export async function sendSensitivityFile(res: Response, format: FileFormat, model: ModelSpec, result: SensitivityResult, language: Language): Promise<void> {
  const texts = textsFor(language);
  const contract = model.kind === 'contract' ? model.contract : undefined;
  const name = fileName(contract?.name ?? result.output.name, `${language === 'en' ? 'sensitivity' : 'gevoeligheid'}-${result.method}`, format);
  if (format === 'csv') return sendDownload(res, 'csv', writeCsv(sensitivityFacts(result, contract, texts)), name);
  sendDownload(res, 'xlsx', await sensitivityWorkbook(result, contract, texts, provenanceNow()), name);
}

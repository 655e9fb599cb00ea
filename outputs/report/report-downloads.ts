import { writeCsv } from '../csv/facts.js';
import { simulationFigures, whoGainsTables } from '../tables/who-gains-tables.js';
import { evaluationFacts, sensitivityFacts, simulationFacts } from '../csv/result-facts.js';
import type { InputRow } from '../inputs/input-rows.js';
import { aboutTable, provenanceEntries, reportRunEntries, type AboutEntry } from '../tables/about-table.js';
import { breakEvenSheet, councilYearlyTable } from '../tables/council-tables.js';
import { evaluationMonthlyTable, inputsTable } from '../tables/evaluation-tables.js';
import { sensitivityTable } from '../tables/sensitivity-tables.js';
import { eventsTable, simulationAboutEntries, simulationSummaryTable, simulationYearlyTable } from '../tables/simulation-tables.js';
import type { Table } from '../tables/table.js';
import { textsFor } from '../texts/index.js';
import { writeWorkbook } from '../workbook/write-workbook.js';
import type { ReportDocument } from './report-document.js';
import type { ReportRun } from './report-run.js';

/**
 * The report's numbers as a workbook for finance staff: inputs with their distributions and
 * sources, yearly cash flows per party (P10, P50, P90, mean and the deterministic base),
 * summary statistics beside the base value, the tornado, the events and the monthly base flows.
 */
export function reportTables(run: ReportRun, report: ReportDocument): Table[] {
  const texts = textsFor(run.language);
  const a = texts.workbook.about;
  const about: AboutEntry[] = [
    { label: a.contract, value: run.contract.name },
    ...simulationAboutEntries(run.simulation, texts),
    run.sensitivityRange === null
      ? { label: texts.workbook.sheets.sensitivity, value: texts.report.sensitivityUncertainOnly(texts.statistics.percentile(10), texts.statistics.percentile(90)) }
      : { label: texts.workbook.sheets.sensitivity, value: run.sensitivityRange, format: 'percent' },
    {
      label: `${texts.report.noEffectHeading}: ${texts.report.yearlyColumns.payments.toLowerCase()}`,
      value: report.keyFigures.noEffect.outcomePayments,
      format: 'euro',
    },
    ...provenanceEntries(texts, run.provenance),
    ...reportRunEntries(texts, run.simulationId, run.context),
  ];
  const tornado = sensitivityTable(run.sensitivity, run.contract, texts);
  return [
    aboutTable(texts, about),
    inputsTable(report.inputs as InputRow[], texts),
    councilYearlyTable(report.keyFigures, texts),
    ...whoGainsTables(run.evaluation, simulationFigures(run.simulation.outputs), texts),
    breakEvenSheet(report.keyFigures, run.contract, texts),
    simulationYearlyTable(run.simulation, texts, run.evaluation.yearly),
    simulationSummaryTable(run.simulation.outputs, texts, { base: run.evaluation.summary }),
    ...(tornado === null ? [] : [tornado]),
    eventsTable(run.simulation, texts),
    evaluationMonthlyTable(run.evaluation, texts),
  ];
}

export function reportWorkbook(run: ReportRun, report: ReportDocument): Promise<Buffer> {
  return writeWorkbook(reportTables(run, report), run.provenance);
}

export function reportCsv(run: ReportRun, report: ReportDocument): string {
  const texts = textsFor(run.language);
  return writeCsv([
    ...evaluationFacts(run.evaluation, report.inputs as InputRow[], texts),
    ...simulationFacts(run.simulation, texts),
    ...sensitivityFacts(run.sensitivity, run.contract, texts),
  ]);
}

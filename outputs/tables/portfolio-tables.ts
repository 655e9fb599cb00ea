import { PORTFOLIO_LEVEL_SERIES, PORTFOLIO_SERIES_OUTPUTS, type PortfolioEvaluation } from '../../models/portfolio/index.js';
import type { Texts } from '../texts/index.js';
import { fundCellFormat } from './fund-comparison-tables.js';
import { layerNames } from './layer-names.js';
import { layerKindLabel, portfolioOutputLabel, unitLabel } from './output-labels.js';
import { finiteOrNull, type Table } from './table.js';
import { yearlySeriesTable } from './yearly-series-table.js';

/**
 * Tables of a fund's expected result (POST /portfolios/evaluate): the summary outputs, the fund's
 * yearly series, one line per capital layer and each layer's calls and distributions per year.
 * Every label comes from the texts of the request's language (texts.fund): the fund's outputs,
 * its per-layer outputs and the layers themselves (named by their providers, see layer-names.ts)
 * and the kinds of layer.
 */

const SERIES_UNITS = new Map<string, string>(PORTFOLIO_SERIES_OUTPUTS.map(([name, unit]) => [name, unit]));
const seriesUnit = (name: string) => SERIES_UNITS.get(name) ?? 'EUR';

export function portfolioSummaryTable(evaluation: PortfolioEvaluation, texts: Texts): Table {
  const c = texts.workbook.columns;
  return {
    sheet: texts.workbook.sheets.summary,
    columns: [
      { header: c.label, format: 'text', width: 60 },
      { header: c.name, format: 'text', width: 34 },
      { header: c.value, format: 'row', width: 18 },
      { header: c.unit, format: 'text', width: 12 },
    ],
    rows: evaluation.outputs.map((output) => [
      portfolioOutputLabel(output.name, texts, evaluation.layers),
      output.name,
      finiteOrNull(evaluation.summary[output.name]),
      unitLabel(output.unit, texts),
    ]),
    rowFormats: evaluation.outputs.map((output) => fundCellFormat(output.name, output.unit)),
    frozenColumns: 1,
  };
}

export function portfolioYearlyTable(evaluation: PortfolioEvaluation, texts: Texts): Table {
  const series = Object.entries(evaluation.yearly).map(([name, values]) => ({
    label: portfolioOutputLabel(name, texts, evaluation.layers),
    name,
    unit: seriesUnit(name),
    values,
    isLevel: PORTFOLIO_LEVEL_SERIES.has(name),
  }));
  return yearlySeriesTable(evaluation.years, series, texts, { withParty: false });
}

export function portfolioLayersTable(evaluation: PortfolioEvaluation, texts: Texts): Table {
  const l = texts.workbook.layers;
  const a = texts.workbook.about;
  const names = layerNames(evaluation.layers, texts);
  return {
    sheet: texts.workbook.sheets.layers,
    columns: [
      { header: l.layer, format: 'text', width: 36 },
      { header: l.kind, format: 'text', width: 30 },
      { header: l.fromMunicipality, format: 'text', width: 12 },
      { header: l.committed, format: 'euro', width: 16 },
      { header: l.paidIn, format: 'euro', width: 16 },
      { header: l.received, format: 'euro', width: 16 },
      { header: l.irr, format: 'percent', width: 14 },
      { header: l.multiple, format: 'ratio', width: 12 },
      { header: l.loss, format: 'euro', width: 16 },
    ],
    rows: evaluation.layers.map((layer) => [
      names.get(layer.id) ?? layer.id,
      layerKindLabel(layer.kind, texts),
      layer.fromMunicipality ? a.yes : a.no,
      layer.committed,
      layer.paidIn,
      layer.received,
      finiteOrNull(layer.irr),
      finiteOrNull(layer.multiple),
      layer.loss,
    ]),
    frozenColumns: 1,
  };
}

/** Per layer three rows (calls, distributions, net flow), one column per fund year. */
export function portfolioLayerFlowsTable(evaluation: PortfolioEvaluation, texts: Texts): Table {
  const l = texts.workbook.layers;
  const kinds = [
    ['calls', l.calls],
    ['distributions', l.distributions],
    ['netFlow', l.netFlow],
  ] as const;
  const names = layerNames(evaluation.layers, texts);
  return {
    sheet: texts.workbook.sheets.layerFlows,
    columns: [
      { header: l.layer, format: 'text', width: 36 },
      { header: texts.workbook.columns.series, format: 'text', width: 20 },
      ...evaluation.years.map((year) => ({ header: year, format: 'euro' as const, width: 14 })),
    ],
    rows: evaluation.layers.flatMap((layer) => kinds.map(([key, label]) => [names.get(layer.id) ?? layer.id, label, ...layer[key]])),
    frozenColumns: 2,
  };
}

import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, chartConfig, EURO_AXIS_FORMAT, GAIN_COLOUR, LOSS_COLOUR, NEUTRAL_COLOUR, SHARE_AXIS_FORMAT } from '../charts/chart-config.js';
import { WRAPPED_LABEL_EXPR, wrapLabel } from '../charts/chart-specs.js';
import type { NumberFormatter } from '../format-numbers.js';
import type { Texts } from '../texts/index.js';
import type { FundStatistic } from './fund-report-document.js';

/**
 * The fund report's two charts as Vega-Lite specs (rendered to SVG for the report, as the
 * contract report's charts are). Strategies are named in text on the axis, never by colour
 * alone, so a black-and-white print reads.
 */

const STRATEGY_LABEL_LINE = 28;

/** The strategies down the y axis in their order, each name on the lines wrapLabel made of it. */
function strategyAxis(strategies: string[]) {
  return {
    field: 'strategy',
    type: 'nominal' as const,
    title: null,
    sort: strategies,
    axis: { labelExpr: WRAPPED_LABEL_EXPR, labelLimit: 0, labelFontSize: 10.5 },
  };
}

/** Chance of loss per capital layer: one panel per layer, one labelled bar per strategy. */
export function lossChanceSpec(
  rows: ReadonlyArray<{ layer: string; strategy: string; lossChance: number | null }>,
  texts: Texts,
  format: NumberFormatter,
): TopLevelSpec | null {
  const values = rows
    .filter((row) => row.lossChance !== null)
    .map((row) => ({ layer: row.layer, strategy: wrapLabel(row.strategy, STRATEGY_LABEL_LINE), chance: row.lossChance, text: format.chance(row.lossChance) }));
  if (values.length === 0) return null;
  const layers = [...new Set(values.map((v) => v.layer))];
  const y = strategyAxis([...new Set(values.map((v) => v.strategy))]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: texts.fundReport.lossChartTitle,
    config: chartConfig(texts),
    data: { values },
    facet: { row: { field: 'layer', type: 'nominal', title: null, sort: layers, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelLimit: 0, labelFontSize: 11.5, labelPadding: 4 } } },
    spec: {
      width: CHART_WIDTH - 240,
      height: { step: 30 },
      layer: [
        {
          mark: { type: 'bar', color: LOSS_COLOUR, stroke: '#000', strokeWidth: 0.5 },
          encoding: { y, x: { field: 'chance', type: 'quantitative', title: texts.fundReport.lossChartAxis, scale: { domain: [0, 1.15] }, axis: { format: SHARE_AXIS_FORMAT, values: [0, 0.25, 0.5, 0.75, 1] } } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3, baseline: 'middle', fontSize: 10.5 },
          encoding: { y, x: { field: 'chance', type: 'quantitative' }, text: { field: 'text' } },
        },
      ],
    },
  } as TopLevelSpec;
}

/** Attributable avoided costs per strategy: P10-P90 line, P25-P75 box, median dot. */
export function impactSpec(rows: ReadonlyArray<{ strategy: string; statistic: FundStatistic }>, texts: Texts): TopLevelSpec | null {
  const values = rows
    .filter((row) => row.statistic.p10 !== null && row.statistic.p90 !== null)
    .map((row) => ({ strategy: wrapLabel(row.strategy, STRATEGY_LABEL_LINE), ...row.statistic }));
  if (values.length === 0) return null;
  const y = strategyAxis(values.map((v) => v.strategy));
  const x = (field: string, title: string | null = null) => ({
    field,
    type: 'quantitative' as const,
    title,
    ...(title === null ? {} : { axis: { format: EURO_AXIS_FORMAT, labelOverlap: true, tickCount: 5 }, scale: { zero: false } }),
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: texts.fundReport.impactChartTitle,
    width: CHART_WIDTH - 220,
    height: { step: 34 },
    config: chartConfig(texts),
    data: { values },
    layer: [
      { mark: { type: 'rule', color: NEUTRAL_COLOUR, strokeWidth: 1.5 }, encoding: { y, x: x('p10', texts.fundReport.impactChartAxis), x2: { field: 'p90' } } },
      { mark: { type: 'bar', color: GAIN_COLOUR, opacity: 0.45, stroke: '#000', strokeWidth: 0.5, height: 14 }, encoding: { y, x: x('p25'), x2: { field: 'p75' } } },
      { mark: { type: 'point', filled: true, color: '#000', size: 50 }, encoding: { y, x: x('p50') } },
    ],
  } as TopLevelSpec;
}

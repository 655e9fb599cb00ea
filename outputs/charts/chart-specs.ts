import type { TopLevelSpec } from 'vega-lite';
import type { OutputSummary, SimulationResult } from '../../models/simulation/index.js';
import type { TornadoResult } from '../../models/sensitivity/tornado.js';
import type { NumberFormatter } from '../format-numbers.js';
import type { PartyKey, Texts } from '../texts/index.js';
import {
  CHART_WIDTH,
  chartConfig,
  EURO_AXIS_FORMAT,
  GAIN_COLOUR,
  HIGH_END_COLOUR,
  LOSS_COLOUR,
  LOW_END_COLOUR,
  NEUTRAL_COLOUR,
  SHARE_AXIS_FORMAT,
} from './chart-config.js';

/**
 * Vega-Lite specifications of the report's three charts, built from the run's results. The same
 * specs are rendered to SVG for the report and embedded by the web page, so both show one picture.
 * Every distinction that colour makes is also made in text or shape, so a black-and-white print reads.
 */

/** Head room above the tallest bar, as a multiple of its height, where the marker labels go. */
const HISTOGRAM_HEAD_ROOM = 1.5;

/**
 * The histogram of the net result with the zero line, P10, P90 and the mean. Loss and gain are
 * told apart by the zero line and its arrows (colour repeats it); the markers are dashed (P10,
 * P90) or solid (mean) and labelled above the bars, where no bar hides their text.
 */
export function netResultDistributionSpec(output: OutputSummary, texts: Texts, format: NumberFormatter): TopLevelSpec | null {
  const histogram = output.histogram;
  if (histogram === null || output.count === 0) return null;
  const bins = histogram.counts.map((count, k) => {
    const from = histogram.edges[k];
    const to = histogram.edges[k + 1];
    return { from, to, share: count / output.count, side: (from + to) / 2 < 0 ? texts.charts.loss : texts.charts.gain };
  });
  const topShare = Math.max(...bins.map((b) => b.share));
  const top = topShare * HISTOGRAM_HEAD_ROOM;
  const markers = [
    { value: output.percentiles.p10, label: texts.statistics.percentile(10), dash: [4, 3] },
    { value: output.percentiles.p90, label: texts.statistics.percentile(90), dash: [4, 3] },
    { value: output.mean, label: texts.charts.meanLabel(format.euro(output.mean)), dash: [1, 0] },
  ].filter((m) => m.value !== null);
  const lowest = histogram.edges[0];
  const highest = histogram.edges[histogram.edges.length - 1];
  const sides = [
    ...(lowest < 0 ? [{ x: 0, text: `← ${texts.charts.loss}`, align: 'right' as const, dx: -4 }] : []),
    ...(highest > 0 ? [{ x: 0, text: `${texts.charts.gain} →`, align: 'left' as const, dx: 4 }] : []),
  ];
  const x = (title: string | null = null) => ({ field: 'x', type: 'quantitative' as const, title });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: texts.charts.netResultTitle,
    width: CHART_WIDTH,
    height: 260,
    config: chartConfig(texts),
    layer: [
      {
        data: { values: bins },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'from', type: 'quantitative', title: texts.charts.netResultAxis, axis: { format: EURO_AXIS_FORMAT, labelOverlap: true } },
          x2: { field: 'to' },
          y: { field: 'share', type: 'quantitative', title: texts.charts.shareOfRuns, axis: { format: SHARE_AXIS_FORMAT }, scale: { domain: [0, top], nice: false } },
          color: {
            field: 'side',
            type: 'nominal',
            legend: null,
            scale: { domain: [texts.charts.loss, texts.charts.gain], range: [LOSS_COLOUR, GAIN_COLOUR] },
          },
        },
      },
      { data: { values: [{ x: 0 }] }, mark: { type: 'rule', color: NEUTRAL_COLOUR, strokeWidth: 1.5 }, encoding: { x: x() } },
      ...sides.map((side) => ({
        data: { values: [{ ...side, y: top }] },
        mark: { type: 'text' as const, align: side.align, dx: side.dx, dy: 2, baseline: 'top' as const, fontWeight: 'bold' as const },
        encoding: { x: x(), y: { field: 'y', type: 'quantitative' as const }, text: { field: 'text' } },
      })),
      ...markers.map((marker, k) => ({
        data: { values: [{ x: marker.value, label: marker.label, y: topShare * (1.32 - 0.1 * k) }] },
        layer: [
          { mark: { type: 'rule' as const, color: '#000', strokeDash: marker.dash }, encoding: { x: x() } },
          {
            mark: { type: 'text' as const, align: 'left' as const, dx: 3, baseline: 'middle' as const },
            encoding: { x: x(), y: { field: 'y', type: 'quantitative' as const }, text: { field: 'label' } },
          },
        ],
      })),
    ],
  } as TopLevelSpec;
}

/** The yearly net cash flow of each party as a fan: P10–P90 band and the median, one panel per party. */
export function cashFlowFanSpec(
  result: SimulationResult,
  parties: ReadonlyArray<{ party: PartyKey; series: string }>,
  texts: Texts,
  /** How a year is printed: partial years with their months (the report); default the bare label. */
  yearLabel: (year: string) => string = (year) => year,
): TopLevelSpec | null {
  const rows: { party: string; year: string; p10: number | null; p50: number | null; p90: number | null }[] = [];
  const order: string[] = [];
  for (const { party, series: name } of parties) {
    const series = result.series.find((s) => s.name === name);
    if (series === undefined) continue;
    order.push(texts.parties[party]);
    series.labels.forEach((year, k) =>
      rows.push({ party: texts.parties[party], year: yearLabel(year).replace(' (', `${LINE_BREAK}(`), p10: series.fan.p10[k], p50: series.fan.p50[k], p90: series.fan.p90[k] }),
    );
  }
  if (rows.length === 0) return null;
  const years = [...new Set(rows.map((row) => row.year))];
  const x = { field: 'year', type: 'ordinal' as const, title: texts.charts.year, sort: years, axis: { labelAngle: 0, labelExpr: `split(datum.label, '${LINE_BREAK}')`, labelLimit: 0 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: texts.charts.fanTitle, subtitle: texts.charts.fanSubtitle },
    config: chartConfig(texts),
    data: { values: rows },
    facet: { row: { field: 'party', type: 'nominal', title: null, sort: order } },
    spec: {
      width: CHART_WIDTH - 60,
      height: 140,
      layer: [
        {
          mark: { type: 'area', opacity: 0.25, color: GAIN_COLOUR },
          encoding: { x, y: { field: 'p10', type: 'quantitative', title: null, axis: { format: EURO_AXIS_FORMAT, tickCount: 4 } }, y2: { field: 'p90' } },
        },
        {
          mark: { type: 'line', color: '#000', point: { filled: true, color: '#000' } },
          encoding: { x, y: { field: 'p50', type: 'quantitative' } },
        },
        { mark: { type: 'rule', color: NEUTRAL_COLOUR, strokeDash: [2, 2] }, encoding: { y: { datum: 0 } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

/** Axis labels longer than this many characters wrap onto more lines (Vega splits them on LINE_BREAK). */
const TORNADO_LABEL_LINE = 34;
/** Room on each side of the bars for their value labels, as a share of the bars' span. */
const TORNADO_LABEL_ROOM = 0.35;
const LINE_BREAK = '|';
/** The axis labelExpr that draws a label wrapLabel wrapped as its lines. */
export const WRAPPED_LABEL_EXPR = `split(datum.label, '${LINE_BREAK}')`;

/** Breaks a label between words into lines of at most `width` characters, joined by LINE_BREAK. */
export function wrapLabel(label: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.replaceAll(LINE_BREAK, '/').split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines.join(LINE_BREAK);
}

/** One tornado bar as the chart draws it: the input's label and how its low and high values read. */
export interface TornadoBarLabel {
  path: string;
  label: string;
  lowText: string;
  highText: string;
}

/** Bars from the base output to the output at each end of the input's range, widest first. */
export function tornadoSpec(tornado: TornadoResult, labels: TornadoBarLabel[], outputLabel: string, texts: Texts, format: NumberFormatter, maxBars: number): TopLevelSpec | null {
  const base = tornado.baseOutput;
  if (base === null) return null;
  const bars = tornado.bars.filter((bar) => bar.swing !== null && bar.swing > 0).slice(0, maxBars);
  if (bars.length === 0) return null;
  const byPath = new Map(labels.map((l) => [l.path, l]));
  const rows = bars.flatMap((bar, rank) => {
    const label = byPath.get(bar.path);
    const input = wrapLabel(label?.label ?? bar.path, TORNADO_LABEL_LINE);
    return [
      { input, rank, end: texts.charts.lowEnd, from: base, to: bar.outputAtLow ?? base, text: texts.charts.lowValue(label?.lowText ?? String(bar.low)) },
      { input, rank, end: texts.charts.highEnd, from: base, to: bar.outputAtHigh ?? base, text: texts.charts.highValue(label?.highText ?? String(bar.high)) },
    ];
  });
  const ends = rows.map((row) => row.to);
  const spread = Math.max(...ends, base) - Math.min(...ends, base) || Math.abs(base) || 1;
  const domain = [Math.min(...ends, base) - TORNADO_LABEL_ROOM * spread, Math.max(...ends, base) + TORNADO_LABEL_ROOM * spread];
  const y = {
    field: 'input',
    type: 'nominal' as const,
    title: null,
    sort: { field: 'rank', order: 'ascending' as const },
    axis: { labelExpr: `split(datum.label, '${LINE_BREAK}')`, labelLimit: 0, labelFontSize: 10.5 },
  };
  const yOffset = { field: 'end', type: 'nominal' as const, sort: [texts.charts.lowEnd, texts.charts.highEnd] };
  const text = (align: 'left' | 'right', dx: number, test: string) => ({
    transform: [{ filter: test }],
    mark: { type: 'text' as const, align, dx, baseline: 'middle' as const, fontSize: 10 },
    encoding: { x: { field: 'to', type: 'quantitative' as const }, y, yOffset, text: { field: 'text' } },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: texts.charts.tornadoTitle(outputLabel),
    width: CHART_WIDTH - 220,
    height: { step: 30 },
    config: chartConfig(texts),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 }, stroke: '#000', strokeWidth: 0.5 },
        encoding: {
          y,
          yOffset,
          x: { field: 'from', type: 'quantitative', title: texts.charts.tornadoAxis, axis: { format: EURO_AXIS_FORMAT, labelOverlap: true, tickCount: 5 }, scale: { domain, zero: false, nice: true } },
          x2: { field: 'to' },
          color: { field: 'end', type: 'nominal', title: null, scale: { domain: [texts.charts.lowEnd, texts.charts.highEnd], range: [LOW_END_COLOUR, HIGH_END_COLOUR] } },
        },
      },
      text('left', 3, 'datum.to >= datum.from'),
      text('right', -3, 'datum.to < datum.from'),
      {
        data: { values: [{ x: base, label: texts.charts.baseLabel(format.euro(base)) }] },
        layer: [
          { mark: { type: 'rule', color: '#000' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          { mark: { type: 'text', baseline: 'bottom', dy: -2, align: 'center' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
        ],
      },
    ],
  } as TopLevelSpec;
}

/** One calendar year's mean and P10–P90 of one measure, as the yearly chart draws it. */
export interface YearlyBar {
  /** The year as printed, partial years with their months ("2026 (mrt–dec, 10 mnd)"). */
  year: string;
  measure: 'payments' | 'avoidedCosts' | 'netResult';
  mean: number | null;
  p10: number | null;
  p90: number | null;
}

/**
 * Per calendar year, grouped bars of the mean outcome payments, avoided costs and the
 * municipality's net result, each with a rule from P10 to P90. The measures are named in the
 * legend and told apart by position within the group, so a grey print reads too; partial
 * years carry their months in the axis label (split over two lines).
 */
export function yearlyFiguresSpec(bars: ReadonlyArray<YearlyBar>, texts: Texts): TopLevelSpec | null {
  const rows = bars
    .filter((bar) => bar.mean !== null)
    .map((bar) => ({ ...bar, year: bar.year.replace(' (', `${LINE_BREAK}(`), measure: texts.charts.yearlyMeasures[bar.measure] }));
  if (rows.length === 0) return null;
  const measures = [texts.charts.yearlyMeasures.payments, texts.charts.yearlyMeasures.avoidedCosts, texts.charts.yearlyMeasures.netResult];
  const years = [...new Set(rows.map((row) => row.year))];
  const x = {
    field: 'year',
    type: 'ordinal' as const,
    title: texts.charts.year,
    sort: years,
    axis: { labelAngle: 0, labelExpr: `split(datum.label, '${LINE_BREAK}')`, labelLimit: 0 },
  };
  const xOffset = { field: 'measure', type: 'nominal' as const, sort: measures };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: texts.charts.yearlyTitle, subtitle: texts.charts.yearlySubtitle },
    width: CHART_WIDTH,
    height: 240,
    config: chartConfig(texts),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', stroke: '#000', strokeWidth: 0.5 },
        encoding: {
          x,
          xOffset,
          y: { field: 'mean', type: 'quantitative', title: texts.charts.yearlyAxis, axis: { format: EURO_AXIS_FORMAT, tickCount: 5 } },
          color: {
            field: 'measure',
            type: 'nominal',
            title: null,
            sort: measures,
            scale: { domain: measures, range: [LOSS_COLOUR, GAIN_COLOUR, NEUTRAL_COLOUR] },
            legend: { labelLimit: 0 },
          },
        },
      },
      {
        mark: { type: 'rule', color: '#000', strokeWidth: 1.2 },
        encoding: { x, xOffset, y: { field: 'p10', type: 'quantitative' }, y2: { field: 'p90' } },
      },
      { mark: { type: 'rule', color: NEUTRAL_COLOUR }, encoding: { y: { datum: 0 } } },
    ],
  } as TopLevelSpec;
}

import { chartConfig, EURO_AXIS_FORMAT, GAIN_COLOUR, NEUTRAL_COLOUR, LOSS_COLOUR } from '../../../../outputs/charts/chart-config.js';
import { netResultDistributionSpec } from '../../../../outputs/charts/chart-specs.js';
import { numberFormatter } from '../../../../outputs/format-numbers.js';
import { calendarYearCoverage, yearLabelOf } from '../../../../outputs/report/calendar-years.js';
import { textsFor } from '../../../../outputs/texts/index.js';
import type { OutputSummary } from '../../../../models/simulation/index.js';
import type { Language } from '../../numbers/locale.js';
import { outputOf, type SimulationResult } from './key-figure-values.js';

/**
 * The Results screen's charts, built from the finished job's result. The distribution of the
 * municipality's net result is the report's own chart (outputs/charts/chart-specs.ts), so page
 * and report show one picture; the yearly budget fan is the page's: per calendar year the
 * outcome payments' P10, median and P90, with a year the contract only partly covers labelled
 * with its months as the report does (outputs/report/calendar-years.ts), and the yearly budget
 * as a dashed line when one is given.
 */

type Spec = Record<string, unknown>;

/** Split point for two-line axis labels ("2026|(mrt–dec, 10 mnd)"). */
const LINE_BREAK = '|';

export interface YearlyFanRow {
  /** The year as the report prints it. */
  year: string;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

/** Per calendar year: P10, median, P90 and mean of the outcome payments (series yearlyOutcomePayments). */
export function yearlyFanRows(result: SimulationResult, contract: { startMonth?: string; horizonMonths?: number }, language: Language): YearlyFanRow[] {
  const series = result.series.find((s) => s.name === 'yearlyOutcomePayments');
  if (series === undefined) return [];
  const coverage = contract.startMonth !== undefined && contract.horizonMonths !== undefined ? calendarYearCoverage(contract.startMonth, contract.horizonMonths, textsFor(language)) : [];
  return series.labels.map((label, k) => ({
    year: yearLabelOf(coverage, label),
    p10: series.fan.p10[k] ?? null,
    p50: series.fan.p50[k] ?? null,
    p90: series.fan.p90[k] ?? null,
    mean: series.mean[k] ?? null,
  }));
}

export interface FanTexts {
  title: string;
  year: string;
  axis: string;
  band: string;
  median: string;
  budget: (amount: string) => string;
}

export function yearlyFanSpec(rows: ReadonlyArray<YearlyFanRow>, budget: number | null, language: Language, words: FanTexts): Spec | null {
  const shown = rows.filter((r) => r.p50 !== null);
  if (shown.length === 0) return null;
  const texts = textsFor(language);
  const format = numberFormatter(texts);
  const data = shown.map((r) => ({ year: r.year.replace(' (', `${LINE_BREAK}(`), p10: r.p10, p50: r.p50, p90: r.p90 }));
  const x = { field: 'year', type: 'ordinal', title: words.year, sort: data.map((d) => d.year), axis: { labelAngle: 0, labelExpr: `split(datum.label, '${LINE_BREAK}')`, labelLimit: 0 } };
  const layers: Spec[] = [
    // The band from P10 to P90: 8 in 10 runs pay an amount within it that year.
    { mark: { type: 'bar', color: GAIN_COLOUR, opacity: 0.35, stroke: GAIN_COLOUR, strokeWidth: 1 }, encoding: { x, y: { field: 'p10', type: 'quantitative', title: words.axis, axis: { format: EURO_AXIS_FORMAT, tickCount: 5 } }, y2: { field: 'p90' } } },
    { mark: { type: 'tick', color: '#000', thickness: 3 }, encoding: { x, y: { field: 'p50', type: 'quantitative' } } },
  ];
  if (budget !== null) {
    layers.push({
      data: { values: [{ budget, label: words.budget(format.euro(budget)) }] },
      layer: [
        { mark: { type: 'rule', color: LOSS_COLOUR, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { field: 'budget', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, x: 4, color: LOSS_COLOUR }, encoding: { y: { field: 'budget', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: words.title, subtitle: `${words.band} · ${words.median}` },
    height: 240,
    config: chartConfig(texts),
    data: { values: data },
    layer: [...layers, { mark: { type: 'rule', color: NEUTRAL_COLOUR }, encoding: { y: { datum: 0 } } }],
  };
}

/** The report's histogram of the municipality's net result (P10, P90, mean, loss and gain marked). */
export function netResultSpec(result: SimulationResult, language: Language): Spec | null {
  const output = outputOf(result, 'payerNetResult');
  if (output === undefined) return null;
  const texts = textsFor(language);
  return netResultDistributionSpec(output as OutputSummary, texts, numberFormatter(texts)) as Spec | null;
}

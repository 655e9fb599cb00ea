import type { Language } from '../../numbers/locale.js';
import { chartFrame } from '../drivers/driver-charts.js';
import type { PairedSummary } from './variant-changes.js';

/** Vega-Lite specs of the comparison: base and variant side by side, and their paired difference (euros, P10–P90 as a line). */

type Spec = Record<string, unknown>;

const frame = (language: Language, rows: number, wide: boolean): Spec => chartFrame(language, Math.max(120, rows * 44), wide);

export function comparisonSpec(summaries: PairedSummary[], label: (name: string) => string, names: { base: string; variant: string }, language: Language, wide = false): Spec {
  const values = summaries.flatMap((s) => [
    { output: label(s.name), series: names.base, mean: s.base.mean, p10: s.base.p10, p90: s.base.p90 },
    { output: label(s.name), series: names.variant, mean: s.variant.mean, p10: s.variant.p10, p90: s.variant.p90 },
  ]);
  return {
    ...frame(language, summaries.length, wide),
    data: { values },
    encoding: {
      y: { field: 'output', type: 'nominal', title: null, sort: summaries.map((s) => label(s.name)) },
      yOffset: { field: 'series', type: 'nominal', sort: [names.base, names.variant] },
      color: { field: 'series', type: 'nominal', title: null, sort: [names.base, names.variant], scale: { range: ['#7f8c99', '#2166ac'] }, legend: { orient: 'bottom' } },
    },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'p10', type: 'quantitative', title: 'EUR', axis: { format: '$,.0f', labelOverlap: true } }, x2: { field: 'p90' } } },
      { mark: { type: 'point', filled: true, size: 80, tooltip: true }, encoding: { x: { field: 'mean', type: 'quantitative' } } },
    ],
  };
}

export function differenceSpec(summaries: PairedSummary[], label: (name: string) => string, title: string, language: Language, wide = false): Spec {
  const values = summaries.map((s) => ({ output: label(s.name), mean: s.difference.mean, p10: s.difference.p10, p90: s.difference.p90 }));
  // The zero line spans the chart: it has no output, so the y encoding sits on the other layers only.
  const y = { field: 'output', type: 'nominal', title: null, sort: values.map((v) => v.output) };
  return {
    ...frame(language, summaries.length * 0.7, wide),
    data: { values },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2, color: '#2166ac' }, encoding: { y, x: { field: 'p10', type: 'quantitative', title, axis: { format: '$,.0f', labelOverlap: true } }, x2: { field: 'p90' } } },
      { mark: { type: 'point', filled: true, size: 90, color: '#2166ac', tooltip: true }, encoding: { y, x: { field: 'mean', type: 'quantitative' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  };
}

import type { Language } from '../../numbers/locale.js';
import { axisFormat, vegaLocale } from './chart-locale.js';

/**
 * Vega-Lite specs of the screen's four analyses. Inputs are named by their labels (the caller
 * gives them), values formatted with the page's locale; the Chart component adds the width,
 * minimum font sizes, text alternative and data table.
 */

type Spec = Record<string, unknown>;

/**
 * Room for the inputs' labels on the y axis: wide on a wide screen (the qualifier at the end of a
 * label, "(alleenstaand)", tells bars apart), narrower on a phone so the bars keep their room.
 */
export const labelRoom = (wide: boolean): number => (wide ? 320 : 140);

export const chartFrame = (language: Language, height: number, wide = false): Spec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  height,
  config: { locale: vegaLocale(language), axis: { labelLimit: labelRoom(wide), titleLimit: wide ? 400 : 240 }, view: { stroke: null } },
});

export interface TornadoRow {
  input: string;
  side: string;
  output: number;
  base: number;
  swing: number;
}

/** Bars from the base result to the result at each end, widest swing on top. */
export function tornadoSpec(rows: TornadoRow[], unit: string, titles: { output: string; input: string; sides: [string, string] }, language: Language, wide = false): Spec {
  const order = [...new Set(rows.map((r) => r.input))];
  return {
    ...chartFrame(language, Math.max(120, order.length * 26), wide),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'input', type: 'nominal', sort: order, title: null },
          // Not from zero: the bars show the swing around the base result.
          x: { field: 'output', type: 'quantitative', title: titles.output, scale: { zero: false }, axis: { format: axisFormat(unit), labelOverlap: true } },
          x2: { field: 'base' },
          color: { field: 'side', type: 'nominal', title: null, scale: { domain: titles.sides, range: ['#b2182b', '#2166ac'] }, legend: { orient: 'bottom' } },
        },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { field: 'base', type: 'quantitative', aggregate: 'min' } } },
    ],
  };
}

export interface BreakEvenPoint {
  search: string;
  what: string;
  /** Share of today's value (1 = today). */
  factor: number;
}

/** Each search on one scale, share of today's value: the searched range, today and the break-even point. */
export function breakEvenSpec(points: BreakEvenPoint[], ranges: { search: string; low: number; high: number }[], title: string, language: Language, wide = false): Spec {
  const searches = [...new Set(ranges.map((r) => r.search))];
  return {
    ...chartFrame(language, Math.max(80, searches.length * 50), wide),
    layer: [
      {
        data: { values: ranges },
        mark: { type: 'rule', strokeWidth: 3, color: '#c9ced6' },
        encoding: {
          y: { field: 'search', type: 'nominal', sort: searches, title: null },
          x: { field: 'low', type: 'quantitative', title, axis: { format: '.0%' } },
          x2: { field: 'high' },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 120, tooltip: true },
        encoding: {
          y: { field: 'search', type: 'nominal', sort: searches, title: null },
          x: { field: 'factor', type: 'quantitative' },
          shape: { field: 'what', type: 'nominal', title: null, legend: { orient: 'bottom' } },
          color: { field: 'what', type: 'nominal', title: null, scale: { range: ['#555', '#d6604d'] } },
        },
      },
    ],
  };
}

export interface HeatCell {
  x: string;
  y: string;
  xi: number;
  yi: number;
  output: number | null;
}

/** The output on the grid of two inputs, coloured around zero (red below, blue above). */
export function twoWaySpec(cells: HeatCell[], unit: string, titles: { x: string; y: string; output: string }, language: Language, wide = false): Spec {
  const xs = [...new Map(cells.map((c) => [c.xi, c.x])).entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  const ys = [...new Map(cells.map((c) => [c.yi, c.y])).entries()].sort((a, b) => b[0] - a[0]).map((e) => e[1]);
  const values = cells.map((c) => c.output).filter((v): v is number => v !== null);
  const crossesZero = values.some((v) => v < 0) && values.some((v) => v > 0);
  return {
    ...chartFrame(language, Math.max(160, ys.length * 26), wide),
    data: { values: cells },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: { field: 'x', type: 'ordinal', sort: xs, title: titles.x, axis: { labelAngle: -45, labelOverlap: true } },
      y: { field: 'y', type: 'ordinal', sort: ys, title: titles.y },
      color: {
        field: 'output',
        type: 'quantitative',
        title: titles.output,
        scale: crossesZero ? { scheme: 'redblue', domainMid: 0 } : { scheme: 'blues' },
        legend: { orient: 'bottom', format: axisFormat(unit), direction: 'horizontal', gradientLength: 200 },
      },
    },
  };
}

export interface SobolRow {
  input: string;
  order: string;
  estimate: number;
  low: number | null;
  high: number | null;
}

/** First-order and total indices side by side per input, with their confidence intervals. */
export function sobolSpec(rows: SobolRow[], title: string, language: Language, wide = false): Spec {
  const inputs = [...new Set(rows.map((r) => r.input))];
  return {
    ...chartFrame(language, Math.max(120, inputs.length * 34), wide),
    data: { values: rows },
    encoding: {
      y: { field: 'input', type: 'nominal', sort: inputs, title: null },
      yOffset: { field: 'order', type: 'nominal' },
      color: { field: 'order', type: 'nominal', title: null, scale: { range: ['#4393c3', '#053061'] }, legend: { orient: 'bottom' } },
    },
    layer: [
      { mark: { type: 'bar', tooltip: true }, encoding: { x: { field: 'estimate', type: 'quantitative', title, axis: { format: '.0%' } } } },
      { mark: { type: 'rule', color: '#222' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
    ],
  };
}

import type { Config } from 'vega-lite';
import type { Texts } from '../texts/index.js';

/**
 * Shared look of every chart: a print-friendly font and sizes, and number formats in the
 * reader's language (Dutch: € 12.345). Euro axes use the `$` format with this locale.
 */

export const CHART_WIDTH = 600;
export const EURO_AXIS_FORMAT = '$,.0f';
export const SHARE_AXIS_FORMAT = '.0%';
/** Colour-blind safe pair (Okabe-Ito) for the two sides of a chart; text labels carry the same meaning. */
export const LOSS_COLOUR = '#D55E00';
export const GAIN_COLOUR = '#0072B2';
export const NEUTRAL_COLOUR = '#444444';
/** The tornado's two ends: light and dark of one hue, told apart in grey print too, and labelled with the input's value. */
export const LOW_END_COLOUR = '#9ecae1';
export const HIGH_END_COLOUR = '#08519c';

export function chartConfig(texts: Texts): Config {
  return {
    font: 'Liberation Sans, Arial, Helvetica, sans-serif',
    locale: {
      number: { decimal: texts.decimal, thousands: texts.thousands, grouping: [3], currency: [texts.currencyPrefix, texts.currencySuffix] },
    },
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', grid: true, gridColor: '#e4e4e4', labelColor: '#222', titleColor: '#222' },
    header: { labelFontSize: 12, labelFontWeight: 'bold', labelAnchor: 'start' },
    legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
    title: { fontSize: 14, anchor: 'start', fontWeight: 'bold' },
    text: { fontSize: 11 },
  };
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/i18n.js';

/**
 * A Vega-Lite chart (vega-embed, loaded as a global from /vendor/ by index.html) with a visible
 * title (the spec's own, drawn as HTML so it wraps, else the `title` prop), role="img" and an aria-label, and the figures behind it in a table for screen readers
 * and for reading exact values. The chart fills its container's width (width "container"), and
 * its fonts are fixed sizes of at least 10 px, so at 400 px the text stays readable rather than
 * shrinking with a scaled-down SVG.
 */

type Spec = Record<string, unknown>;
interface EmbedResult {
  finalize(): void;
}
declare global {
  interface Window {
    vegaEmbed?: (element: HTMLElement, spec: Spec, options: Record<string, unknown>) => Promise<EmbedResult>;
  }
}

/**
 * Number formats of chart axes and labels per language (d3-format locale definitions, as Vega
 * takes them): without one, Vega writes American numbers ("1,200.5", "1.2k") on a Dutch page.
 * vega-embed sets it as Vega's default before each chart is drawn, so a language switch applies
 * to the next drawing.
 */
export const CHART_NUMBER_LOCALES = {
  nl: { decimal: ',', thousands: '.', grouping: [3], currency: ['€\u00a0', ''] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
} as const;

/** Smallest font size any chart text gets, in pixels. */
export const MIN_CHART_FONT_PX = 10;

const FONT_CONFIG = {
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 13, subtitleFontSize: 11 },
  text: { fontSize: 11 },
};

/**
 * The spec made responsive: no font below MIN_CHART_FONT_PX, and the width of its container.
 * A single or layered view takes width "container" (it follows resizing); a faceted one cannot
 * (Vega-Lite does not size facets to a container), so its panels get the container's width at
 * drawing time, less room for the axis.
 */
export function responsiveSpec(spec: Spec, containerWidth: number): Spec {
  const config = (spec.config ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const merged: Record<string, unknown> = { ...config };
  for (const [key, sizes] of Object.entries(FONT_CONFIG)) merged[key] = { ...(config[key] ?? {}), ...sizes };
  const narrow = containerWidth < 600;
  if (narrow) merged.legend = { ...(merged.legend as object), orient: 'bottom' };
  const { title: _title, ...untitled } = raiseFontSizes(spec, narrow) as Spec;
  const raised = untitled as Spec;
  if ('facet' in raised && raised.spec !== null && typeof raised.spec === 'object') {
    const inner = raised.spec as Spec;
    return { ...raised, spec: { ...inner, width: Math.max(160, Math.round(containerWidth) - 110) }, config: merged };
  }
  return { ...raised, width: 'container', autosize: { type: 'fit-x', contains: 'padding' }, config: merged };
}

/**
 * Any fontSize below the minimum inside the spec (marks, text layers) raised to it; on a narrow
 * container, legends placed left or right move below the chart, where they do not widen it.
 */
function raiseFontSizes(node: unknown, narrow: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => raiseFontSizes(n, narrow));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (/fontSize$/i.test(k) && typeof v === 'number') out[k] = Math.max(v, MIN_CHART_FONT_PX);
    else if (narrow && k === 'orient' && (v === 'right' || v === 'left') && 'symbolType' in node === false && isLegendLike(node)) out[k] = 'bottom';
    else out[k] = raiseFontSizes(v, narrow);
  }
  return out;
}

/** A legend definition (not an axis, whose orient left/right must stay). */
function isLegendLike(node: object): boolean {
  return 'title' in node || 'direction' in node || 'columns' in node || 'labelLimit' in node ? !('grid' in node || 'ticks' in node || 'tickCount' in node) : false;
}

/** The spec's own title and subtitle, shown as HTML (it wraps on a phone; an SVG title does not). */
export function titleOf(spec: Spec): { text: string | null; subtitle: string | null } {
  const title = spec.title;
  const join = (v: unknown) => (Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : null);
  if (typeof title === 'string' || Array.isArray(title)) return { text: join(title), subtitle: null };
  if (title !== null && typeof title === 'object') return { text: join((title as { text?: unknown }).text), subtitle: join((title as { subtitle?: unknown }).subtitle) };
  return { text: null, subtitle: null };
}

/** The rows of the first inline data set with more than one row (the chart's main data). */
export function tableOf(spec: Spec): Record<string, unknown>[] {
  const sets: Record<string, unknown>[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const values = (node as { data?: { values?: unknown } }).data?.values;
      if (Array.isArray(values)) sets.push(values as Record<string, unknown>[]);
      Object.values(node).forEach(walk);
    }
  };
  walk(spec);
  return sets.find((s) => s.length > 1) ?? sets[0] ?? [];
}

export interface ChartProps {
  id: string;
  title: string;
  spec: Spec | null;
  /** Cell text for the data table; defaults to the value as is. */
  formatCell?: (column: string, value: unknown) => string;
  /** Column heading of the data table for a data field; defaults to the field's name. */
  columnLabel?: (column: string) => string;
  /** What the chart shows, in words, for screen readers (the aria-label); defaults to the title. */
  description?: string;
}

export function Chart({ id, title, spec, formatCell, columnLabel, description }: ChartProps) {
  const { t, language } = useT();
  const target = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // Draw again when the container's width changes (a phone turned, a window resized): faceted
  // charts get a fixed width at drawing time, and a chart drawn wide must not overflow a narrow page.
  useEffect(() => {
    const element = target.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(Math.round(element.clientWidth / 8) * 8));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const label = description ? `${title}. ${description}` : title;
  useEffect(() => {
    const element = target.current;
    if (spec === null || element === null || window.vegaEmbed === undefined || width === 0) return;
    let result: EmbedResult | null = null;
    let cancelled = false;
    void window.vegaEmbed(element, responsiveSpec(spec, width), { actions: false, renderer: 'svg', formatLocale: CHART_NUMBER_LOCALES[language] }).then((r) => {
      if (cancelled) r.finalize();
      else result = r;
      // The container is the image (role="img" with the title as its label); the SVG inside is its drawing.
      element.querySelector('svg')?.setAttribute('aria-hidden', 'true');
      // Vega sets the container's role to graphics-document and its aria-label to the spec's
      // description (or removes it): give the container its role and text alternative back.
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', label);
      element.removeAttribute('aria-roledescription');
    });
    return () => {
      cancelled = true;
      result?.finalize();
    };
  }, [spec, width, label, language]);
  if (spec === null) return null;
  const own = titleOf(spec);
  const caption = own.text ?? title;
  const rows = tableOf(spec).slice(0, 200);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = formatCell ?? ((_c: string, v: unknown) => (typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v ?? '')));
  return (
    <figure class="chart" id={id}>
      <figcaption>{title}</figcaption>
      <div class="chart-canvas" ref={target} role="img" aria-label={label} />
      {rows.length ? (
        <details class="chart-data">
          <summary>{t.results.dataTable}</summary>
          <div class="table-scroll">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th scope="col" key={c}>
                      {columnLabel ? columnLabel(c) : c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c}>{cell(c, r[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/i18n.js';

/**
 * A Vega-Lite chart (vega-embed, loaded as a global from /vendor/ by index.html) with a visible
 * title, role="img" and an aria-label, and the figures behind it in a table for screen readers
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
  const raised = raiseFontSizes(spec) as Spec;
  if ('facet' in raised && raised.spec !== null && typeof raised.spec === 'object') {
    const inner = raised.spec as Spec;
    return { ...raised, spec: { ...inner, width: Math.max(160, Math.round(containerWidth) - 110) }, config: merged };
  }
  return { ...raised, width: 'container', autosize: { type: 'fit-x', contains: 'padding' }, config: merged };
}

/** Any fontSize below the minimum inside the spec (marks, text layers) raised to it. */
function raiseFontSizes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(raiseFontSizes);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = /fontSize$/i.test(k) && typeof v === 'number' ? Math.max(v, MIN_CHART_FONT_PX) : raiseFontSizes(v);
  return out;
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
}

export function Chart({ id, title, spec, formatCell }: ChartProps) {
  const { t } = useT();
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (spec === null || target.current === null || window.vegaEmbed === undefined) return;
    let result: EmbedResult | null = null;
    let cancelled = false;
    void window.vegaEmbed(target.current, responsiveSpec(spec, target.current.clientWidth || 320), { actions: false, renderer: 'svg' }).then((r) => {
      if (cancelled) r.finalize();
      else result = r;
    });
    return () => {
      cancelled = true;
      result?.finalize();
    };
  }, [spec]);
  if (spec === null) return null;
  const rows = tableOf(spec).slice(0, 200);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = formatCell ?? ((_c: string, v: unknown) => (typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v ?? '')));
  return (
    <figure class="chart" id={id}>
      <figcaption>{title}</figcaption>
      <div class="chart-canvas" ref={target} role="img" aria-label={title} />
      {rows.length ? (
        <details class="chart-data">
          <summary>{t.results.dataTable}</summary>
          <div class="table-scroll">
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
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

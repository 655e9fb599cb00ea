import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../charts/render-svg.js';
import type { NumberFormatter } from '../format-numbers.js';
import type { Texts } from '../texts/index.js';
import { escapeHtml as esc } from './html-escape.js';
import type { ScenarioContext } from './report-run.js';

/**
 * The parts the contract report and the fund report print alike: the page around the sections,
 * its header, a section, a chart in a figure, the scenario's own words, the inputs table and the
 * reproduction list. One place, so both reports keep one look.
 */

/** One row of the inputs table: an input with its value, distribution and source. */
export interface InputTableRow {
  path: string;
  label: string;
  unit: string;
  base: number;
  distribution: string;
  source: string;
}

export function htmlPage(page: { language: string; title: string; softwareVersion: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="resultaatfinanciering ${esc(page.softwareVersion)}">
<title>${esc(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}

/** The page header: the kind of report, its title, and when and with which version it was made (Dutch time). */
export function pageHeader(
  texts: Texts,
  header: { kicker: string; title: string; generatedAt: string; softwareVersion: string; madeOn: (date: string, version: string) => string },
): string {
  const made = new Intl.DateTimeFormat(texts.locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(header.generatedAt));
  return `<header>
<p class="kicker">${esc(header.kicker)}</p>
<h1>${esc(header.title)}</h1>
<p class="meta">${esc(header.madeOn(made, header.softwareVersion))}</p>
</header>`;
}

export async function chartSvg(spec: Record<string, unknown> | null, description: string): Promise<string | null> {
  return spec === null ? null : renderSvg(spec as unknown as TopLevelSpec, description);
}

export function section(id: string, heading: string, content: string): string {
  return `<section id="${id}">\n<h2>${esc(heading)}</h2>\n${content}\n</section>`;
}

export function figure(svg: string | null, caption: string): string {
  return svg === null ? '' : `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

/** The scenario's title and summary under a heading; nothing when the caller gave neither. */
export function scenarioAbout(context: ScenarioContext | null, texts: Texts): string {
  if (context === null || (context.title === undefined && context.summary === undefined)) return '';
  return `<h3>${esc(texts.report.aboutScenario)}</h3>
<p>${context.title ? `<strong>${esc(context.title)}</strong>. ` : ''}${esc(context.summary ?? '')}</p>`;
}

/** The scenario's assumptions and sources in the caller's words, each under its heading when given. */
export function scenarioAssumptionsAndSources(context: ScenarioContext | null, texts: Texts): string {
  const assumptions = context?.assumptions ? `<h3>${esc(texts.report.scenarioAssumptions)}</h3><p>${esc(context.assumptions)}</p>` : '';
  const sources =
    context?.sources && context.sources.length > 0
      ? `<h3>${esc(texts.report.scenarioSources)}</h3><ul>${context.sources.map((s) => `<li>${esc(s.label)}${s.url ? ` (<a href="${esc(s.url)}">${esc(s.url)}</a>)` : ''}</li>`).join('')}</ul>`
      : '';
  return `${assumptions}\n${sources}`;
}

/** Every input with its value (exact in `data-value`), distribution and source. */
export function inputsTable(rows: readonly InputTableRow[], texts: Texts, format: NumberFormatter): string {
  const c = texts.workbook.columns;
  const body = rows
    .map(
      (input) =>
        `<tr><td>${esc(input.label)}</td><td class="number" data-path="${esc(input.path)}" data-value="${input.base}">${esc(format.byUnit(input.base, input.unit))}</td><td>${esc(input.distribution)}</td><td>${esc(input.source)}</td></tr>`,
    )
    .join('\n');
  return `<table class="inputs">
<thead><tr><th>${esc(c.label)}</th><th class="number">${esc(c.value)}</th><th>${esc(c.distribution)}</th><th>${esc(c.source)}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

/** What it takes to run the report again: [key, label, value] entries, the key in `data-reproduction`. */
export function reproductionList(intro: string, entries: readonly [string, string, string][]): string {
  return `<p>${esc(intro)}</p>
<dl class="reproduction">
${entries.map(([key, label, value]) => `<dt>${esc(label)}</dt><dd data-reproduction="${key}">${esc(value)}</dd>`).join('\n')}
</dl>`;
}

import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../charts/render-svg.js';
import { numberFormatter, type NumberFormatter } from '../format-numbers.js';
import { textsFor, type Texts } from '../texts/index.js';
import { escapeHtml as esc } from './html-escape.js';
import type { ReportDocument } from './report-document.js';
import { REPORT_CSS } from './report-styles.js';

/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG, no scripts and
 * no links to fetch, so it can be attached to a council proposal and printed as it is. Each key
 * figure carries its exact value in `data-value` (and its name in `data-figure`), so a reader's
 * tool, or a test, can hold the printed figure against the run.
 */
export async function renderReportHtml(report: ReportDocument): Promise<string> {
  const texts = textsFor(report.language);
  const format = numberFormatter(texts);
  const [netResultSvg, cashFlowsSvg, tornadoSvg] = await Promise.all([
    chart(report.charts.netResult, texts.charts.netResultTitle),
    chart(report.charts.cashFlows, texts.charts.fanTitle),
    chart(report.charts.tornado, texts.charts.tornadoTitle(texts.outputs.payerNetResult)),
  ]);
  const r = texts.report;
  const body = [
    header(report, texts),
    section('contract', r.contractHeading, [...report.contractInWords.map((s) => `<p>${esc(s)}</p>`), scenario(report, texts)].join('\n')),
    section('key-figures', r.keyFiguresHeading, keyFigures(report, texts, format)),
    section(
      'charts',
      r.chartsHeading,
      [
        figure(netResultSvg, r.netResultCaption),
        figure(cashFlowsSvg, r.fanCaption),
        figure(tornadoSvg, r.tornadoCaption(tornadoRange(report, texts, format))),
      ].join('\n'),
    ),
    section('risks', r.risksHeading, findings(report, texts)),
    section('assumptions', r.assumptionsHeading, assumptions(report, texts, format)),
    section('reproduction', r.reproductionHeading, reproduction(report, texts, format)),
    `<section id="appendix" class="appendix"><h2>${esc(r.appendixHeading)}</h2><pre class="contract">${esc(JSON.stringify(report.contract, null, 2))}</pre></section>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="resultaatfinanciering ${esc(report.reproduction.softwareVersion)}">
<title>${esc(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

async function chart(spec: Record<string, unknown> | null, description: string): Promise<string | null> {
  return spec === null ? null : renderSvg(spec as unknown as TopLevelSpec, description);
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}">\n<h2>${esc(heading)}</h2>\n${content}\n</section>`;
}

function header(report: ReportDocument, texts: Texts): string {
  const made = new Intl.DateTimeFormat(texts.locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(report.reproduction.generatedAt));
  return `<header>
<p class="kicker">${esc(texts.report.subtitle)}</p>
<h1>${esc(report.title)}</h1>
<p class="meta">${esc(texts.report.madeOn(made, report.reproduction.softwareVersion))}</p>
</header>`;
}

function scenario(report: ReportDocument, texts: Texts): string {
  const context = report.context;
  if (context === null || (context.title === undefined && context.summary === undefined)) return '';
  return `<h3>${esc(texts.report.aboutScenario)}</h3>
<p>${context.title ? `<strong>${esc(context.title)}</strong>. ` : ''}${esc(context.summary ?? '')}</p>`;
}

/** A figure card; `value` is the exact number behind the formatted text. */
function card(name: string, value: number | null, label: string, shown: string, detail: string, wide = false): string {
  return `<div class="figure${wide ? ' wide' : ''}" data-figure="${name}" data-value="${value === null ? '' : String(value)}">
<div class="figure-label">${esc(label)}</div>
<div class="figure-value">${esc(shown)}</div>
<div class="figure-detail">${detail}</div>
</div>`;
}

function keyFigures(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const k = report.keyFigures;
  const r = texts.report;
  const budgetRows = k.budgetP90ByYear
    .map((b) => `<tr><td>${esc(b.year)}</td><td class="number" data-figure="budgetP90:${esc(b.year)}" data-value="${b.amount ?? ''}">${esc(format.euro(b.amount))}</td></tr>`)
    .join('');
  const budgetTable = `<p class="figure-detail" style="margin-top:6px">${esc(r.budgetPerYear)}</p><table class="budget"><thead><tr><th>${esc(r.yearColumn)}</th><th class="number">${esc(r.budgetColumn)}</th></tr></thead><tbody>${budgetRows}</tbody></table>`;
  const cards = [
    card('expectedNetResult', k.expectedNetResult, r.expectedNet, format.euro(k.expectedNetResult), esc(r.expectedNetDetail(format.euro(k.netResultP10), format.euro(k.netResultP90), format.euro(k.baseNetResult)))),
    card('chancePaysOff', k.chancePaysOff, r.chancePaysOff, format.chance(k.chancePaysOff), esc(r.chancePaysOffDetail)),
    card('peakAnnualPaymentP90', k.peakAnnualPaymentP90, r.budgetP90, format.euro(k.peakAnnualPaymentP90), `${esc(r.budgetP90Detail)}${budgetTable}`),
    card(
      'providerIncomeMean',
      k.providerIncomeMean,
      r.toProvider,
      format.euro(k.providerIncomeMean),
      esc(r.toProviderDetail(format.euro(k.providerIncomeP10), format.euro(k.providerIncomeP90), format.euro(k.providerMarginMean))),
    ),
  ];
  if (k.investor !== null)
    cards.push(
      card(
        'investorReceivedMean',
        k.investor.receivedMean,
        r.investorHeading,
        format.euro(k.investor.receivedMean),
        esc(r.investorDetail(format.euro(k.investor.receivedMean), format.euro(k.investor.drawnMean), format.euro(k.investor.lossMean))),
        true,
      ),
    );
  return `<p>${esc(r.keyFiguresIntro(format.count(report.reproduction.iterations, 0)))}</p>
<div class="figures">
${cards.join('\n')}
</div>`;
}

function figure(svg: string | null, caption: string): string {
  if (svg === null) return '';
  return `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

function tornadoRange(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const s = report.sensitivity;
  return texts.report.sensitivityRange(
    format.percent(report.reproduction.sensitivityRange),
    texts.statistics.percentile(Math.round(s.lowQuantile * 100)),
    texts.statistics.percentile(Math.round(s.highQuantile * 100)),
  );
}

function findings(report: ReportDocument, texts: Texts): string {
  if (report.findings.length === 0) return `<p>${esc(texts.report.noRisks)}</p>`;
  return `<p>${esc(texts.report.risksIntro)}</p>
<ul class="findings">
${report.findings.map((f) => `<li data-finding="${esc(f.kind)}">${esc(f.text)}</li>`).join('\n')}
</ul>`;
}

function assumptions(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const c = texts.workbook.columns;
  const rows = report.inputs
    .map(
      (input) =>
        `<tr><td>${esc(input.label)}</td><td class="number" data-path="${esc(input.path)}" data-value="${input.base}">${esc(format.byUnit(input.base, input.unit))}</td><td>${esc(input.distribution)}</td><td>${esc(input.source)}</td></tr>`,
    )
    .join('\n');
  const context = report.context;
  const scenarioAssumptions = context?.assumptions ? `<h3>${esc(texts.report.scenarioAssumptions)}</h3><p>${esc(context.assumptions)}</p>` : '';
  const scenarioSources =
    context?.sources && context.sources.length > 0
      ? `<h3>${esc(texts.report.scenarioSources)}</h3><ul>${context.sources
          .map((s) => `<li>${esc(s.label)}${s.url ? ` (<a href="${esc(s.url)}">${esc(s.url)}</a>)` : ''}</li>`)
          .join('')}</ul>`
      : '';
  return `<p>${esc(texts.report.assumptionsIntro)}</p>
${scenarioAssumptions}
${scenarioSources}
<table class="inputs">
<thead><tr><th>${esc(c.label)}</th><th class="number">${esc(c.value)}</th><th>${esc(c.distribution)}</th><th>${esc(c.source)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function reproduction(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const a = texts.workbook.about;
  const p = report.reproduction;
  const entries: [string, string, string][] = [
    ['seed', a.seed, String(p.seed)],
    ['iterations', a.iterations, format.count(p.iterations, 0)],
    ['sampling', a.sampling, p.sampling],
    ['drawIndividualOutcomes', a.drawIndividualOutcomes, p.drawIndividualOutcomes ? a.yes : a.no],
    ['sensitivityRange', texts.workbook.sheets.sensitivity, tornadoRange(report, texts, format)],
    ['softwareVersion', a.softwareVersion, p.softwareVersion],
    ['generatedAt', a.generatedAt, p.generatedAt],
  ];
  if (p.simulationId !== null) entries.push(['simulationId', texts.report.simulationId, `/simulations/${p.simulationId}`]);
  return `<p>${esc(texts.report.reproductionIntro)}</p>
<dl class="reproduction">
${entries.map(([key, label, value]) => `<dt>${esc(label)}</dt><dd data-reproduction="${key}">${esc(value)}</dd>`).join('\n')}
</dl>`;
}

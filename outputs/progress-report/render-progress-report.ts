import type { TopLevelSpec } from 'vega-lite';
import type { Contract } from '../../models/contract/index.js';
import type { ReforecastResult } from '../../models/reforecast/index.js';
import { chartConfig, CHART_WIDTH, EURO_AXIS_FORMAT, GAIN_COLOUR, NEUTRAL_COLOUR } from '../charts/chart-config.js';
import { renderSvg } from '../charts/render-svg.js';
import { numberFormatter, type NumberFormatter } from '../format-numbers.js';
import { inputLabel } from '../inputs/input-labels.js';
import { escapeHtml as esc } from '../report/html-escape.js';
import { htmlPage, pageHeader, section } from '../report/report-html-parts.js';
import { REPORT_CSS } from '../report/report-styles.js';
import { textsFor, type Language } from '../texts/index.js';
import { PROGRESS_REPORT_TEXTS, type ProgressReportTexts } from './progress-report-texts.js';

/**
 * The yearly progress report (voortgangsrapportage) for the council: what was agreed, what
 * happened, the updated estimates, the updated forecast, what changed and why, and how to
 * reproduce it. Every figure is one of the re-forecast's (`ReforecastResult`), formatted with the
 * contract report's number formats, so the HTML, its PDF and POST /contracts/reforecast agree.
 */
export interface ProgressReportProvenance {
  generatedAt: string;
  softwareVersion: string;
  seed: number;
  iterations: number;
}

export async function renderProgressReportHtml(contract: Contract, result: ReforecastResult, language: Language, provenance: ProgressReportProvenance): Promise<string> {
  const texts = textsFor(language);
  const words = PROGRESS_REPORT_TEXTS[language];
  const format = numberFormatter(texts);
  const asOf = result.asOfLabel ?? contract.startMonth;
  const participants = contract.intake.cohorts.reduce((sum, c) => sum + c.count, 0);
  const mean = (name: string) => result.plan.outputs.find((o) => o.name === name)?.mean ?? null;

  const agreed = [
    `<p>${esc(words.agreed({ start: contract.startMonth, months: contract.horizonMonths, participants, programmeMonths: contract.programmeMonths }))}</p>`,
    `<p>${esc(words.agreedPlan({ payments: format.euro(mean('payerOutcomePayments')), placements: format.count(mean('placements')), net: format.euro(mean('payerNetResult')) }))}</p>`,
    `<p>${esc(words.triggersLabel)}: ${esc(contract.payment.triggers.map((t) => t.id).join(', '))}; ${esc(words.capsLabel({ perYear: result.caps.perYear === null ? null : format.euro(result.caps.perYear), total: result.caps.total === null ? null : format.euro(result.caps.total) }))}.</p>`,
  ].join('\n');

  const summary = result.actualsSummary;
  const pva = result.planVersusActual;
  const happened = summary
    ? [
        `<p>${esc(words.happened({ asOf, participants: format.count(summary.participants, 0), starts: format.count(summary.jobStarts, 0), inWork: format.count(summary.inWork, 0), fallbacks: format.count(summary.fallbacks, 0), paid: format.euro(summary.paymentsMade) }))}</p>`,
        `<p>${esc(words.outsideBand(pva.monthsOutsideBand, pva.months.length))}</p>`,
        await inWorkChart(result, words, texts, format),
        yearTable(result, words, format),
      ].join('\n')
    : '';

  const estimates = [
    `<p>${esc(words.estimatesIntro({ draws: format.count(result.inference.priorDraws, 0), ess: format.count(result.inference.effectiveSampleSize, 0) }))}</p>`,
    estimatesTable(result, contract, words, format, texts),
    `<p class="caveat">${esc(result.inference.counterfactualInformed ? words.counterfactualInformed : words.counterfactualNote)}</p>`,
  ].join('\n');

  const forecast = [
    forecastTable(result, words, format),
    `<p>${esc(words.capsChance({ plan: format.chance(result.caps.chanceCapsBindPlan), forecast: format.chance(result.caps.chanceCapsBindForecast) }))}</p>`,
    netTable(result, words, format),
    await paymentsChart(result, words, texts),
  ].join('\n');

  const changed = `<ul class="findings">${changeSentences(result, contract, words, format, texts)
    .map((s) => `<li>${esc(s)}</li>`)
    .join('\n')}</ul>`;

  const reproduction = `<dl class="reproduction">
<dt>${esc(words.reproduction.seed)}</dt><dd>${provenance.seed}</dd>
<dt>${esc(words.reproduction.iterations)}</dt><dd>${format.count(provenance.iterations, 0)}</dd>
<dt>${esc(words.reproduction.priorDraws)}</dt><dd>${format.count(result.inference.priorDraws, 0)}</dd>
<dt>${esc(words.reproduction.ess)}</dt><dd>${format.count(result.inference.effectiveSampleSize, 0)}</dd>
<dt>${esc(words.reproduction.asOf)}</dt><dd>${esc(asOf)}</dd>
<dt>${esc(words.reproduction.software)}</dt><dd>${esc(provenance.softwareVersion)}</dd>
</dl>`;

  const body = [
    pageHeader(texts, { kicker: words.kicker, title: words.title(contract.name, asOf), generatedAt: provenance.generatedAt, softwareVersion: provenance.softwareVersion, madeOn: words.madeOn }),
    section('agreed', words.agreedHeading, agreed),
    summary ? section('happened', words.happenedHeading, happened) : '',
    section('estimates', words.estimatesHeading, estimates),
    section('forecast', words.forecastHeading, forecast),
    section('changed', words.changedHeading, changed),
    section('reproduction', words.reproductionHeading, reproduction),
  ].join('\n');
  return htmlPage({ language, title: words.title(contract.name, asOf), softwareVersion: provenance.softwareVersion, css: REPORT_CSS, body });
}

type Texts = ReturnType<typeof textsFor>;

const td = (text: string, number = false) => `<td${number ? ' class="number"' : ''}>${esc(text)}</td>`;
const th = (text: string, number = false) => `<th${number ? ' class="number"' : ''}>${esc(text)}</th>`;

function yearTable(result: ReforecastResult, words: ProgressReportTexts, format: NumberFormatter): string {
  const years = result.planVersusActual.years;
  if (years.length === 0) return `<p>${esc(words.noCompleteYear)}</p>`;
  const w = words.yearTable;
  const rows = years.flatMap((y) =>
    (
      [
        [w.jobStarts, y.jobStarts, (v: number | null) => format.count(v, 0)],
        [w.fallbacks, y.fallbacks, (v: number | null) => format.count(v, 0)],
        [w.payments, y.payments, (v: number | null) => format.euro(v)],
      ] as const
    ).map(([label, e, f]) => `<tr>${td(y.year)}${td(label)}${td(f(e.actual), true)}${td(f(e.planMean), true)}${td(`${f(e.planP10)} – ${f(e.planP90)}`, true)}${td(e.outsideBand ? w.yes : w.no)}</tr>`),
  );
  return `<table><thead><tr>${th(w.year)}${th(w.measure)}${th(w.actual, true)}${th(w.plan, true)}${th(w.band, true)}${th(w.outside)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function estimatesTable(result: ReforecastResult, contract: Contract, words: ProgressReportTexts, format: NumberFormatter, texts: Texts): string {
  const w = words.estimatesTable;
  const pct = (v: number) => format.percent(v, 2);
  const rows = result.updatedInputs.map(
    (u) =>
      `<tr>${td(inputLabel(u.path, contract, texts))}${td(`${pct(u.prior.mean)} (${pct(u.prior.p5)} – ${pct(u.prior.p95)})`, true)}${td(`${pct(u.posterior.mean)} (${pct(u.posterior.p5)} – ${pct(u.posterior.p95)})`, true)}${td(format.number(u.shiftInPriorSds, 2), true)}${td(format.number(u.intervalWidthRatio, 2), true)}${td(u.informedBy)}</tr>`,
  );
  return `<table><thead><tr>${th(w.input)}${th(w.prior, true)}${th(w.posterior, true)}${th(w.shift, true)}${th(w.width, true)}${th(w.informedBy)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function forecastTable(result: ReforecastResult, words: ProgressReportTexts, format: NumberFormatter): string {
  const w = words.forecastTable;
  const triple = (b: { p10: number | null; p50: number | null; p90: number | null }) => `${format.euro(b.p10)} / ${format.euro(b.p50)} / ${format.euro(b.p90)}`;
  const rows = result.yearly.map((y) => `<tr>${td(y.year)}${td(y.budget === null ? '–' : format.euro(y.budget), true)}${td(format.euro(y.paidSoFar), true)}${td(triple(y.plan), true)}${td(triple(y.forecast), true)}</tr>`);
  return `<table class="yearly"><thead><tr>${th(w.year)}${th(w.budget, true)}${th(w.paid, true)}${th(w.plan, true)}${th(w.forecast, true)}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function netTable(result: ReforecastResult, words: ProgressReportTexts, format: NumberFormatter): string {
  const w = words.netTable;
  const n = result.netResult;
  const signed = (v: number | null, f: (x: number | null) => string) => (v !== null && v > 0 ? `+${f(v)}` : f(v));
  const row = (label: string, e: { plan: number | null; forecast: number | null; change: number | null }, f: (x: number | null) => string) =>
    `<tr>${td(label)}${td(f(e.plan), true)}${td(f(e.forecast), true)}${td(signed(e.change, f), true)}</tr>`;
  const count = (v: number | null) => format.count(v);
  return `<table><thead><tr>${th(w.measure)}${th(w.plan, true)}${th(w.forecast, true)}${th(w.change, true)}</tr></thead><tbody>${[
    row(w.municipality, n.municipality, format.euro),
    row(w.provider, n.provider, format.euro),
    row(w.payments, n.outcomePayments, format.euro),
    row(w.placements, n.placements, count),
  ].join('')}</tbody></table>`;
}

/** Plain sentences: job starts against the plan, the rates that moved most, and the net effect. */
function changeSentences(result: ReforecastResult, contract: Contract, words: ProgressReportTexts, format: NumberFormatter, texts: Texts): string[] {
  const sentences: string[] = [];
  const months = result.planVersusActual.months;
  if (months.length > 0) {
    let actual = 0;
    let planMean = 0;
    for (const m of months) {
      actual += m.jobStarts.actual ?? 0;
      planMean += m.jobStarts.planMean;
    }
    sentences.push(
      words.changedStarts({
        actual: format.count(actual, 0),
        planMean: format.count(planMean),
        low: format.count(months.reduce((s, m) => s + m.jobStarts.planP10, 0)),
        high: format.count(months.reduce((s, m) => s + m.jobStarts.planP90, 0)),
      }),
    );
  }
  const moved = [...result.updatedInputs].filter((u) => u.shiftInPriorSds !== null).sort((a, b) => Math.abs(b.shiftInPriorSds!) - Math.abs(a.shiftInPriorSds!)).slice(0, 2);
  for (const u of moved)
    sentences.push(
      words.changedRate({
        input: inputLabel(u.path, contract, texts).toLowerCase(),
        prior: format.percent(u.prior.mean, 2),
        posterior: format.percent(u.posterior.mean, 2),
        shift: format.number(u.shiftInPriorSds, 2),
      }),
    );
  const net = result.netResult.municipality;
  const signed = (v: number | null) => (v !== null && v > 0 ? `+${format.euro(v)}` : format.euro(v));
  sentences.push(words.changedPayments({ plan: format.euro(result.netResult.outcomePayments.plan), forecast: format.euro(result.netResult.outcomePayments.forecast), change: signed(result.netResult.outcomePayments.change) }));
  sentences.push(words.changedNet({ plan: format.euro(net.plan), forecast: format.euro(net.forecast), change: signed(net.change) }));
  return sentences;
}

async function inWorkChart(result: ReforecastResult, words: ProgressReportTexts, texts: Texts, _format: NumberFormatter): Promise<string> {
  const values = result.planVersusActual.months.map((m) => ({ label: m.label, actual: m.inWork.actual, mean: m.inWork.planMean, low: m.inWork.planP10, high: m.inWork.planP90 }));
  if (values.length === 0) return '';
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(texts),
    width: CHART_WIDTH,
    height: 220,
    title: words.inWorkChartTitle,
    data: { values },
    encoding: { x: { field: 'label', type: 'ordinal', title: null, axis: { labelAngle: -45 } } },
    layer: [
      { mark: { type: 'area', color: GAIN_COLOUR, opacity: 0.2 }, encoding: { y: { field: 'low', type: 'quantitative', title: null }, y2: { field: 'high' } } },
      { mark: { type: 'line', color: GAIN_COLOUR, strokeDash: [4, 3] }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
      { mark: { type: 'line', color: NEUTRAL_COLOUR, point: true }, encoding: { y: { field: 'actual', type: 'quantitative' } } },
    ],
  } as unknown as TopLevelSpec;
  const svg = await renderSvg(spec, words.planVsActualCaption);
  return `<figure>${svg}<figcaption>${esc(words.planVsActualCaption)} ${esc(words.planBand)}: ${esc(texts.locale === 'nl-NL' ? 'lichte band' : 'light band')}; ${esc(words.actual)}: ${esc(texts.locale === 'nl-NL' ? 'donkere lijn' : 'dark line')}.</figcaption></figure>`;
}

async function paymentsChart(result: ReforecastResult, words: ProgressReportTexts, texts: Texts): Promise<string> {
  const values = result.yearly.flatMap((y) => [
    { year: y.year, which: words.planLabel, p10: y.plan.p10, p50: y.plan.p50, p90: y.plan.p90 },
    { year: y.year, which: words.forecastLabel, p10: y.forecast.p10, p50: y.forecast.p50, p90: y.forecast.p90 },
  ]);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(texts),
    width: CHART_WIDTH,
    height: 220,
    title: words.paymentsChartTitle,
    data: { values },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null },
      xOffset: { field: 'which' },
      color: { field: 'which', type: 'nominal', title: null, scale: { range: [NEUTRAL_COLOUR, GAIN_COLOUR] } },
    },
    layer: [
      { mark: { type: 'rule' }, encoding: { y: { field: 'p10', type: 'quantitative', title: null, axis: { format: EURO_AXIS_FORMAT } }, y2: { field: 'p90' } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { y: { field: 'p50', type: 'quantitative' } } },
    ],
  } as unknown as TopLevelSpec;
  const svg = await renderSvg(spec, words.paymentsChartTitle);
  return `<figure>${svg}<figcaption>${esc(words.paymentsChartTitle)}</figcaption></figure>`;
}

import type { Contract } from '../../models/contract/index.js';
import { capitalise, inputLabel, inputUnit } from '../inputs/input-labels.js';
import { numberFormatter, type NumberFormatter } from '../format-numbers.js';
import { textsFor, type Texts } from '../texts/index.js';
import { escapeHtml as esc } from './html-escape.js';
import type { ReportDocument } from './report-document.js';
import {
  chartSvg as chart,
  figure,
  htmlPage,
  inputsTable,
  pageHeader,
  reproductionList,
  scenarioAbout,
  scenarioAssumptionsAndSources,
  section,
} from './report-html-parts.js';
import { REPORT_CSS } from './report-styles.js';
import { whoGainsHtml } from './who-gains-html.js';
import { whoGainsTexts } from '../texts/who-gains-texts.js';

/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG, no scripts and
 * no links to fetch, so it can be attached to a council proposal and printed as it is. Each key
 * figure carries its exact value in `data-value` (and its name in `data-figure`), so a reader's
 * tool, or a test, can hold the printed figure against the run.
 */
export async function renderReportHtml(report: ReportDocument): Promise<string> {
  const texts = textsFor(report.language);
  const format = numberFormatter(texts);
  const [netResultSvg, cashFlowsSvg, yearlySvg, tornadoSvg] = await Promise.all([
    chart(report.charts.netResult, texts.charts.netResultTitle),
    chart(report.charts.cashFlows, texts.charts.fanTitle),
    chart(report.charts.yearly, texts.charts.yearlyTitle),
    chart(report.charts.tornado, texts.charts.tornadoTitle(texts.outputs.payerNetResult)),
  ]);
  const r = texts.report;
  const body = [
    header(report, texts),
    section('contract', r.contractHeading, [...report.contractInWords.map((s) => `<p>${esc(s)}</p>`), scenarioAbout(report.context, texts)].join('\n')),
    section('key-figures', r.keyFiguresHeading, keyFigures(report, texts, format)),
    section('yearly', r.yearlyHeading, yearlyTable(report, texts, format) + figure(yearlySvg, r.yearlyCaption)),
    section('break-even', r.breakEvenHeading, breakEvenTable(report, texts, format)),
    section('no-effect', r.noEffectHeading, noEffect(report, texts, format)),
    section('provider', r.providerHeading, `<p data-figure="providerInWords">${esc(report.providerInWords)}</p>`),
    whoGainsSection(report, texts, format),
    section(
      'charts',
      r.chartsHeading,
      [
        figure(netResultSvg, r.netResultCaption),
        figure(cashFlowsSvg, r.fanCaption),
        tornadoSvg === null && report.keyFigures.uncertainInputs === 0
          ? `<p>${esc(r.noTornado)}</p>`
          : figure(tornadoSvg, r.tornadoCaption(tornadoRange(report, texts, format))),
      ].join('\n'),
    ),
    section('risks', r.risksHeading, findings(report, texts)),
    section('assumptions', r.assumptionsHeading, assumptions(report, texts, format)),
    section('reproduction', r.reproductionHeading, reproduction(report, texts, format)),
  ].join('\n');
  return htmlPage({ language: report.language, title: report.title, softwareVersion: report.reproduction.softwareVersion, css: REPORT_CSS, body });
}

/** Who pays and who gains (issue 17): only for a contract with budget holders or several payers. */
function whoGainsSection(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const content = whoGainsHtml(report, texts, format);
  return content === null ? '' : section('who-gains', whoGainsTexts(texts.language).heading, content);
}

function header(report: ReportDocument, texts: Texts): string {
  const p = report.reproduction;
  return pageHeader(texts, { kicker: texts.report.subtitle, title: report.title, generatedAt: p.generatedAt, softwareVersion: p.softwareVersion, madeOn: texts.report.madeOn });
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
    .map((b) => `<tr><td>${esc(b.label)}</td><td class="number" data-figure="budgetP90:${esc(b.year)}" data-value="${b.amount ?? ''}">${esc(format.euro(b.amount))}</td></tr>`)
    .join('');
  const budgetTable = `<p class="figure-detail" style="margin-top:6px">${esc(r.budgetPerYear)}</p><table class="budget"><thead><tr><th>${esc(r.yearColumn)}</th><th class="number">${esc(r.budgetColumn)}</th></tr></thead><tbody>${budgetRows}</tbody></table>`;
  const cards = [
    card('expectedNetResult', k.expectedNetResult, r.expectedNet, format.euro(k.expectedNetResult), esc(r.expectedNetDetail(format.euro(k.netResultP10), format.euro(k.netResultP90), format.euro(k.baseNetResult)))),
    card('chancePaysOff', k.chancePaysOff, r.chancePaysOff, format.chance(k.chancePaysOff), esc(k.uncertainInputs === 0 ? r.noUncertainty : r.chancePaysOffDetail)),
    card(
      'presentValueMean',
      k.presentValue.mean,
      r.presentValue,
      format.euro(k.presentValue.mean),
      esc(r.presentValueDetail(format.percent(k.discountRate, 2), format.euro(k.presentValue.p10), format.euro(k.presentValue.p90))),
    ),
    card('peakAnnualPaymentP90', k.peakAnnualPaymentP90, r.budgetP90, format.euro(k.peakAnnualPaymentP90), `${esc(r.budgetP90Detail)}${budgetTable}`),
    card(
      'providerIncomeMean',
      k.providerIncomeMean,
      r.toProvider,
      format.euro(k.providerIncomeMean),
      esc(r.toProviderDetail(format.euro(k.providerIncomeP10), format.euro(k.providerIncomeP90), format.euro(k.providerMarginMean))),
    ),
  ];
  cards.push(
    card(
      'providerMarginMean',
      k.providerMarginMean,
      r.providerKeeps,
      format.euro(k.providerMarginMean),
      esc(`${texts.statistics.percentile(10)}–${texts.statistics.percentile(90)}: ${r.between(format.euro(k.providerMarginP10), format.euro(k.providerMarginP90))}. `) +
        `<span data-figure="providerLossChance" data-value="${k.providerLossChance ?? ''}">${esc(lossChanceLine(k.providerLossChance, texts, format))}</span>`,
    ),
  );
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
  const caveat = k.uncertainInputs === 0 ? `<p class="caveat">${esc(r.noUncertainty)}</p>` : '';
  return `<p>${esc(r.keyFiguresIntro(format.count(report.reproduction.iterations, 0)))}</p>
${caveat}
<div class="figures">
${cards.join('\n')}
</div>
<h3>${esc(r.priceBasisHeading)}</h3>
<p data-figure="priceBasis">${esc(r.priceBasis(priceBasisWords(report, texts, format)))}</p>`;
}

function lossChanceLine(chance: number | null, texts: Texts, format: NumberFormatter): string {
  if (chance === null) return '';
  return `${texts.report.providerLossLabel}: ${format.chance(chance)} (${texts.report.chanceInWords(chance)}).`;
}

function priceBasisWords(report: ReportDocument, texts: Texts, format: NumberFormatter) {
  const base = (path: string) => report.evaluation.inputs.find((input) => input.path === path)?.base ?? 0;
  const benefit = base('money.benefitIndexation');
  const price = base('money.priceIndexation');
  const cost = base('money.costIndexation');
  const startMonth = String((report.contract as { startMonth?: unknown }).startMonth ?? report.evaluation.months[0] ?? '');
  return {
    startYear: startMonth.slice(0, 4),
    startMonth: texts.report.monthName(startMonth),
    indexation: benefit === 0 && price === 0 && cost === 0 ? null : { benefit: format.percent(benefit, 1), price: format.percent(price, 1), cost: format.percent(cost, 1) },
    discountRate: format.percent(report.keyFigures.discountRate, 2),
  };
}

/** Mean over a P10–P90 band in one cell, with the mean's exact value for a reader's tool. */
function bandCell(name: string, band: { mean: number | null; p10: number | null; p90: number | null }, format: NumberFormatter): string {
  return `<td class="number" data-figure="${esc(name)}" data-value="${band.mean ?? ''}">${esc(format.euro(band.mean))}<br><span class="band">${esc(format.euro(band.p10))} – ${esc(format.euro(band.p90))}</span></td>`;
}

function yearlyTable(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const c = texts.report.yearlyColumns;
  const rows = report.keyFigures.yearly.map(
    (y) =>
      `<tr><td>${esc(y.label)}</td>${bandCell(`yearly:${y.year}:payments`, y.payments, format)}${bandCell(`yearly:${y.year}:avoidedCosts`, y.avoidedCosts, format)}${bandCell(`yearly:${y.year}:netResult`, y.netResult, format)}</tr>`,
  );
  const total = (name: string) => {
    const o = report.simulation.outputs.find((output) => output.name === name);
    return { mean: o?.mean ?? null, p10: o?.percentiles.p10 ?? null, p90: o?.percentiles.p90 ?? null };
  };
  rows.push(
    `<tr class="total"><td>${esc(texts.report.yearlyTotal)}</td>${bandCell('total:payments', total('payerOutcomePayments'), format)}${bandCell('total:avoidedCosts', total('avoidedCostsAttributable'), format)}${bandCell('total:netResult', total('payerNetResult'), format)}</tr>`,
  );
  return `<p>${esc(texts.report.yearlyIntro)}</p>
<table class="yearly">
<thead><tr><th>${esc(c.year)}</th><th class="number">${esc(c.payments)}</th><th class="number">${esc(c.avoidedCosts)}</th><th class="number">${esc(c.netResult)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function breakEvenTable(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const r = texts.report;
  const rows = report.keyFigures.breakEven;
  if (rows.length === 0) return `<p>${esc(r.breakEvenNone)}</p>`;
  const contract = report.contract as unknown as Contract;
  const body = rows
    .map((row) => {
      const unit = inputUnit(row.path);
      const together = row.together.length > 0;
      // A row moving several inputs by one factor states the factor; a row of one input its value.
      const byUnit = (value: number | null) => (together ? format.percent(value === null ? null : value / row.base) : format.byUnit(value, unit));
      const withinYear = (monthly: number | null) => (row.kind === 'jobEntryRate' && !together && monthly !== null ? format.percent(1 - Math.pow(1 - monthly, 12)) : null);
      const text = r.breakEvenRow({
        kind: row.kind,
        input: inputLabel(row.path, contract, texts),
        now: byUnit(row.base),
        value: row.found ? (together ? r.breakEvenFactor(byUnit(row.value)) : byUnit(row.value)) : null,
        valueWithinYear: row.found ? withinYear(row.value) : null,
        low: byUnit(row.low),
        high: byUnit(row.high),
        outputAtLow: format.euro(row.outputAtLow),
        outputAtHigh: format.euro(row.outputAtHigh),
        staysPositive: row.outputAtLow !== null && row.outputAtLow > 0,
        capped: row.kind === 'price' && !row.found && hasCaps(contract),
      });
      const now = row.kind === 'jobEntryRate' && !together ? r.breakEvenRow({ kind: row.kind, input: '', now: '', value: byUnit(row.base), valueWithinYear: withinYear(row.base), low: '', high: '', outputAtLow: '', outputAtHigh: '', staysPositive: false, capped: false }) : byUnit(row.base);
      const label = together ? r.breakEvenTogether(row.kind) : capitalise(inputLabel(row.path, contract, texts));
      const name = `breakEven:${row.path}${together ? ':together' : ''}`;
      return `<tr><td>${esc(label)}</td><td class="number">${esc(now)}</td><td data-figure="${esc(name)}" data-value="${row.value ?? ''}">${esc(text)}</td></tr>`;
    })
    .join('\n');
  const c = r.breakEvenColumns;
  return `<p>${esc(r.breakEvenIntro(format.euro(report.keyFigures.baseNetResult)))}</p>
<table class="break-even">
<thead><tr><th>${esc(c.input)}</th><th class="number">${esc(c.now)}</th><th>${esc(c.breakEven)}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function hasCaps(contract: Contract): boolean {
  const caps = contract.payment.caps;
  return caps.perYear !== undefined || caps.total !== undefined || caps.perParticipant !== undefined;
}

function noEffect(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const k = report.keyFigures;
  const method = (report.contract as unknown as Contract).counterfactual.method;
  const payments = k.noEffect.outcomePayments;
  return `<p data-figure="noEffectPayments" data-value="${payments ?? ''}">${esc(
    texts.report.noEffect({
      method,
      payments: format.euro(payments),
      paysNothing: payments !== null && Math.abs(payments) < 0.5,
      expectedPayments: format.euro(report.evaluation.summary.payerOutcomePayments ?? null),
      netResult: format.euro(k.noEffect.netResult),
    }),
  )}</p>`;
}

function tornadoRange(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  const s = report.sensitivity;
  const low = texts.statistics.percentile(Math.round(s.lowQuantile * 100));
  const high = texts.statistics.percentile(Math.round(s.highQuantile * 100));
  const relative = report.reproduction.sensitivityRange;
  return relative === null ? texts.report.sensitivityUncertainOnly(low, high) : texts.report.sensitivityRange(format.percent(relative), low, high);
}

function findings(report: ReportDocument, texts: Texts): string {
  if (report.findings.length === 0) return `<p>${esc(texts.report.noRisks)}</p>`;
  return `<p>${esc(texts.report.risksIntro)}</p>
<ul class="findings">
${report.findings.map((f) => `<li data-finding="${esc(f.kind)}">${esc(f.text)}</li>`).join('\n')}
</ul>`;
}

function assumptions(report: ReportDocument, texts: Texts, format: NumberFormatter): string {
  return `<p>${esc(texts.report.assumptionsIntro)}</p>
<p class="download"><a download="${esc(inputFileName(report))}" href="${inputDataUri(report)}">${esc(texts.report.inputDownload)}</a></p>
<p class="download-note">${esc(texts.report.inputDownloadNote)}</p>
${scenarioAssumptionsAndSources(report.context, texts)}
${inputsTable(report.inputs, texts, format)}`;
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
  return reproductionList(texts.report.reproductionIntro, entries);
}

/**
 * The full input of the report as a POST /reports body (the contract as calculated, defaults
 * filled in, and the run's settings), embedded as a data: URI so the self-contained page offers
 * it as a download without a server. The PDF prints only the note saying where to find it.
 */
export function reportInput(report: ReportDocument): Record<string, unknown> {
  const p = report.reproduction;
  return {
    model: { kind: 'contract', contract: report.contract },
    settings: { seed: p.seed, iterations: p.iterations, sampling: p.sampling, drawIndividualOutcomes: p.drawIndividualOutcomes },
    language: report.language,
    ...(p.sensitivityRange === null ? {} : { sensitivityRange: p.sensitivityRange }),
    ...(report.context === null ? {} : { about: report.context }),
  };
}

function inputDataUri(report: ReportDocument): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(reportInput(report), null, 2))}`;
}

function inputFileName(report: ReportDocument): string {
  const name = String((report.contract as { name?: unknown }).name ?? 'contract')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${name || 'contract'}-${report.language === 'nl' ? 'invoer' : 'input'}.json`;
}

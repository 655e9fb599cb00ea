import { PORTFOLIO_SCALAR_OUTPUTS } from '../../models/portfolio/index.js';
import { numberFormatter, type NumberFormatter } from '../format-numbers.js';
import { escapeHtml as esc } from '../report/html-escape.js';
import {
  chartSvg,
  figure,
  htmlPage,
  inputsTable,
  pageHeader,
  reproductionList,
  scenarioAbout,
  scenarioAssumptionsAndSources,
  section,
} from '../report/report-html-parts.js';
import { REPORT_CSS } from '../report/report-styles.js';
import { textsFor, type Texts } from '../texts/index.js';
import { FUND_FIGURES, type FundFigure } from '../texts/fund-report-texts.js';
import type { FundReportDocument, FundStatistic } from './fund-report-document.js';

/**
 * The fund report as one self-contained HTML page in the contract report's look (its stylesheet,
 * inline SVG charts, no scripts). Every figure carries its exact value in `data-value` and what
 * it is in `data-figure` (`<strategy index>:<output name>`), so a tool or a test can hold the
 * printed text against the run.
 */

const UNITS = new Map<string, string>(PORTFOLIO_SCALAR_OUTPUTS.map(([name, unit]) => [name, unit]));
/** The outcomes whose spread (P10, P50, P90) the report tabulates per strategy. */
const SPREAD_FIGURES: readonly FundFigure[] = ['avoidedCostsAttributable', 'sustainedPlacements', 'workerYears', 'capitalRecycled', 'fundIrr', 'municipalityNetPosition'];

const FUND_CSS = `
table.side { table-layout: fixed; }
table.side th.strategy { white-space: normal; text-align: right; }
table.side td.label { width: 36%; }
tr.group td { background: #f6f7f9; font-weight: bold; }
p.price-basis { border-left: 4px solid #0072B2; padding: 4px 8px; background: #f3f7fa; }
p.note, li.note { font-size: 9pt; color: #333; }
span.note { display: block; font-size: 8pt; color: #444; white-space: normal; }
ul.loss-chances { margin: 4px 0 0; padding-left: 16px; font-size: 9.5pt; }
`;

export async function renderFundReportHtml(report: FundReportDocument): Promise<string> {
  const texts = textsFor(report.language);
  const format = numberFormatter(texts);
  const t = texts.fundReport;
  const [lossSvg, impactSvg] = await Promise.all([chartSvg(report.charts.lossChance, t.lossChartTitle), chartSvg(report.charts.impact, t.impactChartTitle)]);
  const body = [
    header(report, texts),
    section('key-figures', t.keyFiguresHeading, keyFigures(report, texts, format)),
    section('fund', t.fundHeading, fund(report, texts, format)),
    section('strategies', t.strategiesHeading, strategies(report, texts, format)),
    section('layers', t.layersResultHeading, layerResults(report, texts, format)),
    section('spread', t.distributionHeading, spread(report, texts, format)),
    section('charts', t.chartsHeading, [figure(lossSvg, t.lossChartCaption), figure(impactSvg, t.impactChartCaption)].join('\n')),
    section('assumptions', t.assumptionsHeading, assumptions(report, texts, format)),
    section('reproduction', t.reproductionHeading, reproduction(report, texts, format)),
  ].join('\n');
  return htmlPage({ language: report.language, title: report.title, softwareVersion: report.reproduction.softwareVersion, css: REPORT_CSS + FUND_CSS, body });
}

function header(report: FundReportDocument, texts: Texts): string {
  const p = report.reproduction;
  return pageHeader(texts, { kicker: texts.fundReport.subtitle, title: report.title, generatedAt: p.generatedAt, softwareVersion: p.softwareVersion, madeOn: texts.fundReport.madeOn });
}

/** A figure in its unit: euros, whole counts, rates and chances as percentages, multiples with two decimals. */
function shown(name: string, value: number | null, format: NumberFormatter): string {
  const unit = UNITS.get(name) ?? 'number';
  if (unit === 'count') return format.count(value, 0);
  if (unit === 'rate') return format.percent(value, 1);
  return format.byUnit(value, unit);
}

/** Four cards for the fund as proposed (the first strategy): placements, avoided costs, the municipality's result, and each layer's chance of loss. */
function keyFigures(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const t = texts.fundReport;
  const first = report.strategies[0];
  const card = (name: FundFigure) => {
    const statistic = first.figures[name];
    return `<div class="figure" data-figure="0:${name}" data-value="${statistic.mean ?? ''}">
<div class="figure-label">${esc(t.figureLabels[name])}</div>
<div class="figure-value">${esc(shown(name, statistic.mean, format))}</div>
<div class="figure-detail">${esc(t.band(shown(name, statistic.p10, format), shown(name, statistic.p90, format)))}</div>
</div>`;
  };
  const losses = first.layers
    .map((layer) => `<li data-figure="0:layer:${esc(layer.id)}:lossChance" data-value="${layer.lossChance ?? ''}">${esc(t.lossChanceLine(layer.name, format.chance(layer.lossChance)))}</li>`)
    .join('');
  return `<p>${esc(t.keyFiguresIntro(first.name, format.count(report.reproduction.iterations, 0)))}</p>
<div class="figures">
${card('sustainedPlacements')}
${card('avoidedCostsAttributable')}
${card('municipalityNetPosition')}
<div class="figure"><div class="figure-label">${esc(t.lossChancesCard)}</div><ul class="loss-chances">${losses}</ul></div>
</div>`;
}

function fund(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const t = texts.fundReport;
  const a = texts.workbook.about;
  const c = t.layerColumns;
  const layerRows = report.layers
    .map(
      (layer) =>
        `<tr data-layer="${esc(layer.id)}"><td>${esc(layer.name)}</td><td>${esc(layer.kindLabel)}</td><td class="number" data-value="${layer.committed}">${esc(format.euro(layer.committed))}</td><td class="number">${esc(layer.targetReturn === null ? '–' : format.percent(layer.targetReturn, 1))}</td><td>${esc(layer.fromMunicipality ? a.yes : a.no)}</td></tr>`,
    )
    .join('\n');
  const e = t.enterpriseColumns;
  const enterpriseRows = report.enterprises
    .map(
      (enterprise) =>
        `<tr><td>${esc(enterprise.label)}</td><td class="number">${enterprise.count}</td><td>${esc(enterprise.intake)}</td><td>${esc(enterprise.instruments)}</td><td>${esc(enterprise.jobs)}</td><td>${esc(enterprise.outcomeContract)}</td></tr>`,
    )
    .join('\n');
  return `${report.fundInWords.map((sentence) => `<p>${esc(sentence)}</p>`).join('\n')}
<p class="price-basis" data-price-basis>${esc(report.priceBasis)}</p>
${scenarioAbout(report.context, texts)}
<h3>${esc(t.layersHeading)}</h3>
<p>${esc(t.layersIntro)}</p>
<table class="layers"><thead><tr><th>${esc(c.layer)}</th><th>${esc(c.kind)}</th><th class="number">${esc(c.amount)}</th><th class="number">${esc(c.targetReturn)}</th><th>${esc(c.fromMunicipality)}</th></tr></thead>
<tbody>
${layerRows}
</tbody></table>
<h3>${esc(t.enterprisesHeading)}</h3>
<p>${esc(t.enterprisesIntro)}</p>
<table class="enterprises"><thead><tr><th>${esc(e.enterprise)}</th><th class="number">${esc(e.count)}</th><th>${esc(e.intake)}</th><th>${esc(e.instruments)}</th><th>${esc(e.jobs)}</th><th>${esc(e.outcomeContract)}</th></tr></thead>
<tbody>
${enterpriseRows}
</tbody></table>`;
}

function strategyHeads(report: FundReportDocument): string {
  return report.strategies.map((s, i) => `<th class="number strategy" data-strategy="${i}">${esc(s.name)}</th>`).join('');
}

function cell(key: string, value: number | null, text: string, note = ''): string {
  return `<td class="number" data-figure="${esc(key)}" data-value="${value === null ? '' : String(value)}">${esc(text)}${note === '' ? '' : `<span class="note">${esc(note)}</span>`}</td>`;
}

function strategies(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const t = texts.fundReport;
  const descriptions = report.strategies
    .map((s) => `<li><strong>${esc(s.name)}</strong>${s.description ? `: ${esc(s.description)}` : ''}</li>`)
    .join('\n');
  const rows = FUND_FIGURES.map((name) => {
    const cells = report.strategies.map((s, i) => {
      const mean = s.figures[name]?.mean ?? null;
      return cell(`${i}:${name}`, mean, shown(name, mean, format));
    });
    return `<tr><td class="label">${esc(t.figureLabels[name])}</td>${cells.join('')}</tr>`;
  }).join('\n');
  const intro = report.strategies.length > 1 ? t.strategiesIntro(report.strategies.length, format.count(report.reproduction.iterations, 0)) : t.onlyOneStrategy;
  return `<p>${esc(intro)}</p>
<ul>${descriptions}</ul>
<table class="side"><thead><tr><th></th>${strategyHeads(report)}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="note">${esc(t.figureNote)}</p>`;
}

/** An IRR as the median of the runs that have one; "n.v.t." with a footnote when no run has one. */
function irrText(irr: FundStatistic, texts: Texts, format: NumberFormatter): { text: string; note: string } {
  const t = texts.fundReport;
  const runs = irr.count + irr.nanCount;
  // The median of the runs that have an IRR says little when most runs have none (nothing came back).
  if (irr.count === 0 || irr.p50 === null) return { text: `${t.irrNotAvailable} *`, note: '' };
  if (irr.nanCount > irr.count) return { text: `${t.irrNotAvailable} *`, note: t.irrPartly(format.chance(irr.nanCount / runs)) };
  return { text: format.percent(irr.p50, 1), note: irr.nanCount > 0 ? t.irrPartly(format.chance(irr.nanCount / runs)) : '' };
}

function layerResults(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const t = texts.fundReport;
  const ids = [...new Set(report.strategies.flatMap((s) => s.layers.map((l) => l.id)))];
  let anyMissingIrr = false;
  const groups = ids.map((id) => {
    const name = report.strategies.flatMap((s) => s.layers).find((l) => l.id === id)?.name ?? id;
    const layerOf = (i: number) => report.strategies[i].layers.find((l) => l.id === id);
    const row = (label: string, render: (i: number) => string) => `<tr><td class="label">${esc(label)}</td>${report.strategies.map((_, i) => render(i)).join('')}</tr>`;
    const missing = '<td class="number">–</td>';
    return [
      `<tr class="group" data-layer="${esc(id)}"><td colspan="${report.strategies.length + 1}">${esc(name)}</td></tr>`,
      row(t.lossChanceRow, (i) => {
        const layer = layerOf(i);
        return layer === undefined ? missing : cell(`${i}:layer:${id}:lossChance`, layer.lossChance, format.chance(layer.lossChance));
      }),
      row(t.multipleRow, (i) => {
        const layer = layerOf(i);
        return layer === undefined ? missing : cell(`${i}:layer:${id}:multiple`, layer.multiple.mean, format.number(layer.multiple.mean, 2));
      }),
      row(t.irrRow, (i) => {
        const layer = layerOf(i);
        if (layer === undefined) return missing;
        const irr = irrText(layer.irr, texts, format);
        if (irr.text.startsWith(t.irrNotAvailable)) anyMissingIrr = true;
        return cell(`${i}:layer:${id}:irr`, layer.irr.count === 0 || layer.irr.nanCount > layer.irr.count ? null : layer.irr.p50, irr.text, irr.note);
      }),
      row(t.lossRow, (i) => {
        const layer = layerOf(i);
        return layer === undefined ? missing : cell(`${i}:layer:${id}:loss`, layer.loss.mean, format.euro(layer.loss.mean));
      }),
    ].join('\n');
  });
  return `<p>${esc(t.layersResultIntro)}</p>
<table class="side"><thead><tr><th></th>${strategyHeads(report)}</tr></thead>
<tbody>
${groups.join('\n')}
</tbody></table>
${anyMissingIrr ? `<p class="note">* ${esc(t.irrNotAvailableReason)}</p>` : ''}`;
}

function spread(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const t = texts.fundReport;
  const c = t.percentileColumns;
  const rows = SPREAD_FIGURES.flatMap((name) =>
    report.strategies.map((s, i) => {
      const statistic = s.figures[name];
      const label = i === 0 ? esc(t.figureLabels[name]) : '';
      return `<tr><td class="label">${label}</td><td>${esc(s.name)}</td>${cell(`${i}:${name}:p10`, statistic.p10, shown(name, statistic.p10, format))}${cell(`${i}:${name}:p50`, statistic.p50, shown(name, statistic.p50, format))}${cell(`${i}:${name}:p90`, statistic.p90, shown(name, statistic.p90, format))}</tr>`;
    }),
  );
  return `<p>${esc(t.distributionIntro)}</p>
<table class="spread"><thead><tr><th>${esc(c.figure)}</th><th>${esc(t.strategyColumn)}</th><th class="number">${esc(c.p10)}</th><th class="number">${esc(c.p50)}</th><th class="number">${esc(c.p90)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function assumptions(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const t = texts.fundReport;
  // Inputs fixed at 0 are options the fund does not use; the workbook keeps them, the page says how many it leaves out.
  const shownInputs = report.inputs.filter((input) => input.uncertain || input.base !== 0);
  const omitted = report.inputs.length - shownInputs.length;
  return `<p>${esc(t.assumptionsIntro)}${report.strategies.length > 1 ? ` ${esc(t.otherStrategiesInputs)}` : ''}</p>
<p class="price-basis">${esc(report.priceBasis)}</p>
${scenarioAssumptionsAndSources(report.context, texts)}
${inputsTable(shownInputs, texts, format)}
${omitted > 0 ? `<p class="note">${esc(t.zeroInputsOmitted(omitted))}</p>` : ''}`;
}

function reproduction(report: FundReportDocument, texts: Texts, format: NumberFormatter): string {
  const a = texts.workbook.about;
  const p = report.reproduction;
  const entries: [string, string, string][] = [
    ['seed', a.seed, String(p.seed)],
    ['iterations', a.iterations, format.count(p.iterations, 0)],
    ['sampling', a.sampling, p.sampling === 'latinHypercube' || p.sampling === 'monteCarlo' ? texts.fundReport.sampling[p.sampling] : p.sampling],
    ['strategies', texts.fundReport.strategiesLabel, report.strategies.map((s) => s.name).join(' · ')],
    ['softwareVersion', a.softwareVersion, p.softwareVersion],
    ['generatedAt', a.generatedAt, p.generatedAt],
  ];
  if (p.simulationId !== null) entries.push(['simulationId', texts.report.simulationId, `/simulations/${p.simulationId}`]);
  return reproductionList(texts.fundReport.reproductionIntro, entries);
}

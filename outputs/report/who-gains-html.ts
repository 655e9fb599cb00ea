import type { NumberFormatter } from '../format-numbers.js';
import { simulationFigures, type WhoGainsFigures } from '../tables/who-gains-tables.js';
import type { Texts } from '../texts/index.js';
import { whoGainsTexts } from '../texts/who-gains-texts.js';
import { escapeHtml as esc } from './html-escape.js';
import type { ReportDocument } from './report-document.js';

/**
 * The report's who-gains section (issue 17): who gains and who pays per budget and party, the
 * payers with their chance of loss, the municipalities of a regional contract, and the MKBA view
 * with non-cash values in their own column. Every figure carries its exact value in `data-value`.
 * Empty when the contract has no budget holders or payers.
 */
export function whoGainsHtml(report: ReportDocument, texts: Texts, format: NumberFormatter): string | null {
  const table = report.evaluation.whoGains;
  if (!table) return null;
  const w = whoGainsTexts(texts.language);
  const c = w.columns;
  const figures: WhoGainsFigures = simulationFigures(report.simulation.outputs);
  const cell = (figure: string, value: number | null | undefined, shown = format.euro(value)) =>
    `<td class="number" data-figure="${esc(figure)}" data-value="${value ?? ''}">${esc(shown)}</td>`;
  const mean = (name: string) => figures.output(name)?.mean ?? null;
  const p10 = (name: string) => figures.output(name)?.percentiles.p10 ?? null;
  const p90 = (name: string) => figures.output(name)?.percentiles.p90 ?? null;
  const head = (...names: string[]) => `<thead><tr>${names.map((n, i) => `<th${i > 0 ? ' class="number"' : ''}>${esc(n)}</th>`).join('')}</tr></thead>`;
  const flowBack = new Map(table.parties.map((p) => [p.party, p.flowBackShare]));

  const budgets = `<table class="who-gains">${head(c.budget, c.gains, c.costs, c.net, c.netMean, `${c.netP10} – ${c.netP90}`)}<tbody>
${table.holders
  .map(
    (h) =>
      `<tr><td>${esc(w.holders[h.holder] ?? h.holder)}</td>${cell(`budgetGains:${h.holder}`, h.gains)}${cell(`budgetCosts:${h.holder}`, h.costs)}${cell(`budgetNet:${h.holder}`, h.net)}${cell(`budgetNetMean:${h.holder}`, mean(`budgetNet_${h.holder}`))}<td class="number">${esc(`${format.euro(p10(`budgetNet_${h.holder}`))} – ${format.euro(p90(`budgetNet_${h.holder}`))}`)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;

  const parties = `<table class="who-gains">${head(c.party, c.savings, c.net, c.netMean, c.flowBack)}<tbody>
${table.parties
  .map((p) => {
    const share = flowBack.get(p.party) ?? null;
    return `<tr><td>${esc(w.parties[p.party] ?? p.party)}</td>${cell(`partySavings:${p.party}`, p.savings)}${cell(`partyNet:${p.party}`, p.net)}${cell(`partyNetMean:${p.party}`, mean(`partyNet_${p.party}`))}${cell(`flowBack:${p.party}`, share, share === null ? '–' : format.percent(share))}</tr>`;
  })
  .join('\n')}
</tbody></table>
<p>${esc(w.flowBackNote)}</p>`;

  const payers = `<h3>${esc(w.payersHeading)}</h3>
<table class="who-gains">${head(c.payer, c.pays, c.peakYear, c.payerNet, c.lossChance)}<tbody>
${table.payers
  .map((p) => {
    const loss = mean(`payerLoses_${p.id}`);
    return `<tr><td>${esc(p.label)}</td>${cell(`payerPays:${p.id}`, p.pays)}${cell(`payerPeakYear:${p.id}`, p.peakYear)}${cell(`payerNet:${p.id}`, p.net)}${cell(`payerLossChance:${p.id}`, loss, loss === null ? '–' : format.chance(loss))}</tr>`;
  })
  .join('\n')}
</tbody></table>`;

  const municipalities = table.municipalities
    ? `<h3>${esc(w.municipalitiesHeading)}</h3>
<table class="who-gains">${head(c.municipality, c.participants, c.savings, c.pays, c.net, c.netMean)}<tbody>
${table.municipalities
  .map(
    (m) =>
      `<tr><td>${esc(m.label)}</td>${cell(`municipalityParticipants:${m.id}`, m.participants, format.count(m.participants))}${cell(`municipalitySavings:${m.id}`, m.savings)}${cell(`municipalityPays:${m.id}`, m.pays)}${cell(`municipalityNet:${m.id}`, m.net)}${cell(`municipalityNetMean:${m.id}`, mean(`municipalityNet_${m.id}`))}</tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '';

  const mkba = `<h3>${esc(w.mkbaHeading)}</h3>
<table class="who-gains">${head(c.perspective, c.cash, c.cashMean, c.nonCash)}<tbody>
${table.perspectives
  .map(
    (v) =>
      `<tr><td>${esc(w.perspectives[v.perspective] ?? v.perspective)}</td>${cell(`mkbaCash:${v.perspective}`, v.cashPresentValue)}${cell(`mkbaCashMean:${v.perspective}`, mean(`mkbaCash_${v.perspective}`))}${cell(`mkbaNonCash:${v.perspective}`, v.nonCashPresentValue)}</tr>`,
  )
  .join('\n')}
</tbody></table>
<p>${esc(w.mkbaNote)}</p>`;

  return [`<p>${esc(w.intro)}</p>`, budgets, parties, payers, municipalities, mkba].join('\n');
}

import type { ContractEvaluation } from '../../models/contract/index.js';
import type { OutputSummary } from '../../models/simulation/index.js';
import type { Texts } from '../texts/index.js';
import { whoGainsTexts, type WhoGainsTexts } from '../texts/who-gains-texts.js';
import type { WhoGains } from '../../models/contract/budget-holders/index.js';
import type { Table } from './table.js';

/**
 * The who-gains views as sheets (issue 17): per budget, per payer, per municipality of a regional
 * contract and the MKBA view per perspective. Expected values come from the evaluation's
 * whoGains table; where a simulation ran, its mean and P10/P90 of the same outputs, and each
 * payer's chance of loss (the mean of payerLoses_<payer>). Nothing when the contract has no
 * budget holders or payers.
 */
export interface WhoGainsFigures {
  /** Simulation summary of an output by name, when a simulation ran. */
  output(name: string): OutputSummary | undefined;
}

export function simulationFigures(outputs: OutputSummary[] | null): WhoGainsFigures {
  const byName = new Map((outputs ?? []).map((o) => [o.name, o]));
  return { output: (name) => byName.get(name) };
}

export function whoGainsTables(evaluation: ContractEvaluation, figures: WhoGainsFigures, texts: Texts): Table[] {
  const table = evaluation.whoGains;
  if (!table) return [];
  const w = whoGainsTexts(texts.language);
  const c = w.columns;
  const stat = (name: string, pick: (o: OutputSummary) => number | null) => {
    const o = figures.output(name);
    return o === undefined ? null : pick(o);
  };
  const flowBack = new Map(table.parties.map((p) => [p.party, p.flowBackShare]));
  const tables: Table[] = [
    {
      sheet: w.sheets.budgets,
      columns: [
        { header: c.budget, format: 'text', width: 52 },
        { header: c.party, format: 'text', width: 16 },
        { header: c.gains, format: 'euro', width: 16 },
        { header: c.costs, format: 'euro', width: 16 },
        { header: c.net, format: 'euro', width: 16 },
        { header: c.netMean, format: 'euro', width: 16 },
        { header: c.netP10, format: 'euro', width: 16 },
        { header: c.netP90, format: 'euro', width: 16 },
        { header: c.flowBack, format: 'percent', width: 14 },
        ...evaluation.years.map((year) => ({ header: year, format: 'euro' as const, width: 14 })),
      ],
      rows: [
        ...table.holders.map((h) => [
          w.holders[h.holder] ?? h.holder,
          w.parties[h.party] ?? h.party,
          h.gains,
          h.costs,
          h.net,
          stat(`budgetNet_${h.holder}`, (o) => o.mean),
          stat(`budgetNet_${h.holder}`, (o) => o.percentiles.p10),
          stat(`budgetNet_${h.holder}`, (o) => o.percentiles.p90),
          null,
          ...h.yearly,
        ]),
        ...table.parties.map((p) => [
          `${c.total}: ${w.parties[p.party] ?? p.party}`,
          w.parties[p.party] ?? p.party,
          null,
          null,
          p.net,
          stat(`partyNet_${p.party}`, (o) => o.mean),
          stat(`partyNet_${p.party}`, (o) => o.percentiles.p10),
          stat(`partyNet_${p.party}`, (o) => o.percentiles.p90),
          flowBack.get(p.party) ?? null,
          ...p.yearly,
        ]),
      ],
      frozenColumns: 1,
    },
    {
      sheet: w.sheets.lines,
      columns: [
        { header: c.line, format: 'text', width: 52 },
        { header: c.budget, format: 'text', width: 40 },
        { header: c.cash, format: 'text', width: 10 },
        { header: c.total, format: 'euro', width: 16 },
        ...evaluation.years.map((year) => ({ header: year, format: 'euro' as const, width: 14 })),
      ],
      rows: table.lines.map((l) => [lineLabel(l, table.payers, w), w.holders[l.holder] ?? l.holder, l.cash ? '✓' : '–', l.total, ...l.yearly]),
      frozenColumns: 1,
    },
    {
      sheet: w.sheets.payers,
      columns: [
        { header: c.payer, format: 'text', width: 36 },
        { header: c.budget, format: 'text', width: 40 },
        { header: c.pays, format: 'euro', width: 18 },
        { header: c.payerNet, format: 'euro', width: 18 },
        { header: c.peakYear, format: 'euro', width: 18 },
        { header: c.lossChance, format: 'percent', width: 14 },
        ...evaluation.years.map((year) => ({ header: year, format: 'euro' as const, width: 14 })),
      ],
      rows: table.payers.map((p) => [
        p.label,
        w.holders[p.holder] ?? p.holder,
        p.pays,
        p.net,
        p.peakYear,
        stat(`payerLoses_${p.id}`, (o) => o.mean),
        ...p.yearly,
      ]),
      frozenColumns: 1,
    },
  ];
  if (table.municipalities)
    tables.push({
      sheet: w.sheets.municipalities,
      columns: [
        { header: c.municipality, format: 'text', width: 28 },
        { header: c.participants, format: 'count', width: 14 },
        { header: c.savings, format: 'euro', width: 16 },
        { header: c.pays, format: 'euro', width: 18 },
        { header: c.net, format: 'euro', width: 16 },
        { header: c.netMean, format: 'euro', width: 16 },
        { header: c.netP10, format: 'euro', width: 16 },
        { header: c.netP90, format: 'euro', width: 16 },
        ...evaluation.years.map((year) => ({ header: year, format: 'euro' as const, width: 14 })),
      ],
      rows: table.municipalities.map((m) => [
        m.label,
        m.participants,
        m.savings,
        m.pays,
        m.net,
        stat(`municipalityNet_${m.id}`, (o) => o.mean),
        stat(`municipalityNet_${m.id}`, (o) => o.percentiles.p10),
        stat(`municipalityNet_${m.id}`, (o) => o.percentiles.p90),
        ...m.yearly,
      ]),
      frozenColumns: 1,
    });
  tables.push({
    sheet: w.sheets.mkba,
    columns: [
      { header: c.perspective, format: 'text', width: 40 },
      { header: c.cash, format: 'euro', width: 22 },
      { header: c.cashMean, format: 'euro', width: 22 },
      { header: c.nonCash, format: 'euro', width: 22 },
    ],
    rows: table.perspectives.map((v) => [
      w.perspectives[v.perspective] ?? v.perspective,
      v.cashPresentValue,
      stat(`mkbaCash_${v.perspective}`, (o) => o.mean),
      v.nonCashPresentValue,
    ]),
    frozenColumns: 1,
  });
  return tables;
}

/** The model's own lines in the page's language; effects and outcomes keep the label the contract gives them. */
function lineLabel(line: WhoGains['lines'][number], payers: WhoGains['payers'], w: WhoGainsTexts): string {
  switch (line.kind) {
    case 'avoidedBenefit':
    case 'loonkostensubsidie':
    case 'avoidedAdministration':
    case 'payerOwnCosts':
      return w.lines[line.kind];
    case 'payments':
      return w.lines.payments(payers.find((p) => p.id === line.payer)?.label ?? line.payer ?? '');
    default:
      return line.label;
  }
}

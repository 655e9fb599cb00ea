import { z } from 'zod';
import { partyOf, perspectiveOf, PERSPECTIVES } from './budget-holder-schema.js';
import type { BudgetOutputLayout } from './budget-holder-outputs.js';
import type { BudgetPlan } from './compile-budget-holders.js';
import type { BudgetWorkspace } from './settle-budget-holders.js';

/**
 * The who-gains table of one evaluation, read from the buffers the accounting filled: every line
 * with its budget, party and MKBA perspective, and the totals per budget, party, payer and
 * perspective. Numbers are those of the scalar and series outputs of the same run.
 */
const amount = z.number().nullable();
const yearly = z.array(z.number());

export const WhoGainsSchema = z
  .object({
    lines: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        holder: z.string(),
        party: z.string(),
        perspective: z.string(),
        cash: z.boolean(),
        contractFlow: z.boolean().describe('Outcome payments and the payer\'s own costs: the contract\'s flows rather than effects of the programme.'),
        kind: z
          .enum(['avoidedBenefit', 'loonkostensubsidie', 'avoidedAdministration', 'payerOwnCosts', 'effect', 'payments', 'outcome'])
          .describe('Where the line comes from: the model\'s own quantities, an effect, a payer\'s payments or an outcome beyond work.'),
        payer: z.string().optional().describe('For payment lines: the payer\'s id.'),
        total: z.number(),
        presentValue: z.number(),
        yearly,
      }),
    ),
    holders: z.array(z.object({ holder: z.string(), party: z.string(), perspective: z.string(), gains: z.number(), costs: z.number(), net: z.number(), yearly })),
    parties: z.array(z.object({ party: z.string(), savings: z.number(), net: z.number(), flowBackShare: amount, yearly })),
    payers: z.array(z.object({ id: z.string(), label: z.string(), holder: z.string(), party: z.string(), pays: z.number(), net: z.number(), peakYear: z.number(), yearly })),
    perspectives: z.array(z.object({ perspective: z.string(), cashPresentValue: z.number(), nonCashPresentValue: z.number() })),
    netTotal: z.number().describe('Cash net result summed over every budget; equals the sum of the holders\' nets.'),
    municipalities: z
      .array(z.object({ id: z.string(), label: z.string(), participants: z.number(), savings: z.number(), pays: z.number(), net: z.number(), yearly }))
      .optional()
      .describe('A regional contract: each municipality on its own residents; their nets add up to the municipal party\'s.'),
  })
  .meta({ id: 'WhoGains', description: 'Who pays and who gains: cash per budget, party and payer (nominal, attributable), and the MKBA view per perspective (present values; non-cash apart).' });

export type WhoGains = z.infer<typeof WhoGainsSchema>;

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function whoGainsTable(
  budget: BudgetPlan,
  layout: BudgetOutputLayout,
  bws: BudgetWorkspace,
  years: number,
  scalars: Float64Array,
  scalarOffset: number,
  series: Float64Array,
  seriesOffset: number,
): WhoGains {
  const scalar = (index: number) => scalars[scalarOffset + index];
  const row = (index: number) => Array.from(series.subarray(seriesOffset + index * years, seriesOffset + (index + 1) * years));
  const at = layout.at;
  return {
    lines: budget.lines.map((line, l) => ({
      id: line.id,
      label: line.label,
      holder: line.holder,
      party: partyOf(line.holder),
      perspective: perspectiveOf(line.holder),
      cash: line.cash,
      contractFlow: line.contractFlow,
      kind: line.source.kind,
      ...(line.source.kind === 'payments' ? { payer: budget.payers[line.source.payer].id } : {}),
      total: bws.lineTotal[l],
      presentValue: bws.linePresentValue[l],
      yearly: Array.from(bws.lineYear.subarray(l * years, (l + 1) * years)),
    })),
    holders: budget.holders.map((holder, h) => ({
      holder,
      party: partyOf(holder),
      perspective: perspectiveOf(holder),
      gains: scalar(at.holderGains + h),
      costs: scalar(at.holderCosts + h),
      net: scalar(at.holderNet + h),
      yearly: row(layout.seriesAt.holderNet + h),
    })),
    parties: budget.parties.map((party, p) => ({
      party,
      savings: scalar(at.partySavings + p),
      net: scalar(at.partyNet + p),
      flowBackShare: finiteOrNull(scalar(at.partyFlowBack + p)),
      yearly: row(layout.seriesAt.partyNet + p),
    })),
    payers: budget.payers.map((payer, i) => ({
      id: payer.id,
      label: payer.label,
      holder: payer.holder,
      party: payer.party,
      pays: scalar(at.payerPays + i),
      net: scalar(at.payerNet + i),
      peakYear: scalar(at.payerPeakYear + i),
      yearly: row(layout.seriesAt.payerPays + i),
    })),
    perspectives: PERSPECTIVES.map((perspective, v) => ({
      perspective,
      cashPresentValue: scalar(at.perspectiveCash + v),
      nonCashPresentValue: scalar(at.perspectiveNonCash + v),
    })),
    netTotal: scalar(at.netTotal),
    ...(budget.regional
      ? {
          municipalities: budget.regional.ids.map((id, m) => ({
            id,
            label: budget.regional!.labels[m],
            participants: scalar(at.municipalityParticipants + m),
            savings: scalar(at.municipalitySavings + m),
            pays: scalar(at.municipalityPays + m),
            net: scalar(at.municipalityNet + m),
            yearly: row(layout.seriesAt.municipalityNet + m),
          })),
        }
      : {}),
  };
}

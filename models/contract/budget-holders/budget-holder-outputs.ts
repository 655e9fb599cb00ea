import type { OutputInfo } from '../../simulation/model.js';
import { PERSPECTIVES } from './budget-holder-schema.js';
import type { BudgetPlan } from './compile-budget-holders.js';

/**
 * The outputs a contract with budget holders or several payers adds after the contract's own
 * (names are stable API: `payerNet_provincie < 0` is an event a simulation can count). A contract
 * without them has none of these, so its outputs are exactly those it had before.
 *
 * Cash amounts are nominal euros over the horizon, attributable (programme minus counterfactual),
 * positive when the budget gains; the MKBA view is present value at the contract's discount rate.
 */
export interface BudgetOutputLayout {
  scalars: OutputInfo[];
  series: OutputInfo[];
  /** First index of each group in the budget outputs (added to the contract's own count). */
  at: {
    holderNet: number;
    holderGains: number;
    holderCosts: number;
    netTotal: number;
    partyNet: number;
    partySavings: number;
    partyFlowBack: number;
    payerPays: number;
    payerNet: number;
    payerLoses: number;
    payerPeakYear: number;
    perspectiveCash: number;
    perspectiveNonCash: number;
    municipalityNet: number;
    municipalitySavings: number;
    municipalityPays: number;
    municipalityParticipants: number;
    outcomeReached: number;
    outcomeReachedCounterfactual: number;
  };
  seriesAt: { holderNet: number; partyNet: number; payerPays: number; municipalityNet: number };
}

export function budgetOutputLayout(budget: BudgetPlan): BudgetOutputLayout {
  const municipalities = budget.regional?.ids ?? [];
  const scalars: OutputInfo[] = [];
  const series: OutputInfo[] = [];
  const group = (make: () => void): number => {
    const start = scalars.length;
    make();
    return start;
  };
  const eur = (name: string, description: string) => scalars.push({ name, unit: 'EUR', description });
  const at = {
    holderNet: group(() => budget.holders.forEach((h) => eur(`budgetNet_${h}`, `Cash gains minus costs of budget ${h} (attributable, nominal).`))),
    holderGains: group(() => budget.holders.forEach((h) => eur(`budgetGains_${h}`, `What budget ${h} gains: the sum of its lines that are positive over the horizon.`))),
    holderCosts: group(() => budget.holders.forEach((h) => eur(`budgetCosts_${h}`, `What budget ${h} pays: minus the sum of its lines that are negative over the horizon.`))),
    netTotal: group(() => eur('budgetNetTotal', 'Cash net result summed over every budget holder.')),
    partyNet: group(() => budget.parties.forEach((p) => eur(`partyNet_${p}`, `Cash net result of party ${p} over all its budgets, outcome payments and own costs included.`))),
    partySavings: group(() =>
      budget.parties.forEach((p) => eur(`partySavings_${p}`, `What the programme saves or earns party ${p} before outcome payments and own costs.`)),
    ),
    partyFlowBack: group(() =>
      budget.parties.forEach((p) =>
        scalars.push({
          name: `partyFlowBackShare_${p}`,
          unit: 'ratio',
          description:
            p === 'deelnemer'
              ? 'Always NaN: the participant\'s income is not public money, so it takes no part in the flow-back shares.'
              : `Share of the public cash savings (all parties but the participant) that flows back to ${p}: partySavings_${p} / their sum; NaN when the sum is not positive.`,
        }),
      ),
    ),
    payerPays: group(() => budget.payers.forEach((p) => eur(`payerPays_${p.id}`, `Outcome payments funded by payer ${p.id}.`))),
    payerNet: group(() =>
      budget.payers.forEach((p) => eur(`payerNet_${p.id}`, `Net result of payer ${p.id}: the cash net result of its party (${p.party}).`)),
    ),
    payerLoses: group(() =>
      budget.payers.forEach((p) =>
        scalars.push({ name: `payerLoses_${p.id}`, unit: 'probability', description: `1 when payer ${p.id} ends with a net loss, else 0: its mean over iterations is the chance of loss.` }),
      ),
    ),
    payerPeakYear: group(() => budget.payers.forEach((p) => eur(`payerPeakYear_${p.id}`, `Largest outcome payment payer ${p.id} funds in one calendar year (its budget line).`))),
    perspectiveCash: group(() =>
      PERSPECTIVES.forEach((v) => eur(`mkbaCash_${v}`, `MKBA view, perspective ${v}: present value of cash effects (transfers between perspectives cancel in society).`)),
    ),
    perspectiveNonCash: group(() =>
      PERSPECTIVES.forEach((v) => eur(`mkbaNonCash_${v}`, `MKBA view, perspective ${v}: present value of non-cash values (wellbeing), never part of a cash result.`)),
    ),
    municipalityNet: group(() =>
      municipalities.forEach((m) => eur(`municipalityNet_${m}`, `Regional contract: cash net result of municipality ${m} on its own residents (its municipal budgets, its part of the municipal outcome payments and own costs).`)),
    ),
    municipalitySavings: group(() =>
      municipalities.forEach((m) => eur(`municipalitySavings_${m}`, `Regional contract: what the programme saves municipality ${m} on its residents before outcome payments and own costs.`)),
    ),
    municipalityPays: group(() =>
      municipalities.forEach((m) => eur(`municipalityPays_${m}`, `Regional contract: the outcome payments for residents of ${m} that the municipal payers fund.`)),
    ),
    municipalityParticipants: group(() =>
      municipalities.forEach((m) => scalars.push({ name: `municipalityParticipants_${m}`, unit: 'count', description: `Regional contract: participants living in ${m}.` })),
    ),
    outcomeReached: group(() =>
      budget.outcomeIds.forEach((o) => scalars.push({ name: `outcomeReached_${o}`, unit: 'count', description: `Participants reaching outcome ${o} within the horizon (programme).` })),
    ),
    outcomeReachedCounterfactual: group(() =>
      budget.outcomeIds.forEach((o) =>
        scalars.push({ name: `outcomeReachedCounterfactual_${o}`, unit: 'count', description: `Participants reaching outcome ${o} within the horizon without the programme.` }),
      ),
    ),
  };
  const seriesGroup = (make: () => void): number => {
    const start = series.length;
    make();
    return start;
  };
  const seriesAt = {
    holderNet: seriesGroup(() => budget.holders.forEach((h) => series.push({ name: `yearlyBudgetNet_${h}`, unit: 'EUR', description: `Cash net result of budget ${h} per year.` }))),
    partyNet: seriesGroup(() => budget.parties.forEach((p) => series.push({ name: `yearlyPartyNet_${p}`, unit: 'EUR', description: `Cash net result of party ${p} per year.` }))),
    payerPays: seriesGroup(() =>
      budget.payers.forEach((p) => series.push({ name: `yearlyPayerPays_${p.id}`, unit: 'EUR', description: `Outcome payments funded by payer ${p.id} per year.` })),
    ),
    municipalityNet: seriesGroup(() =>
      municipalities.forEach((m) => series.push({ name: `yearlyMunicipalityNet_${m}`, unit: 'EUR', description: `Regional contract: cash net result of municipality ${m} per year.` })),
    ),
  };
  return { scalars, series, at, seriesAt };
}

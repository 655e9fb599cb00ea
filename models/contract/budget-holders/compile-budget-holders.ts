import type { FieldPath } from '../../errors.js';
import type { InputSlots } from '../../simulation/input-slots.js';
import {
  BUDGET_HOLDER_IDS,
  partyOf,
  perspectiveOf,
  type BudgetHolderId,
  type BudgetHolders,
  type EffectBasis,
  type Funding,
  type PartyId,
  type Perspective,
} from './budget-holder-schema.js';
import type { Outcome } from '../outcomes/outcome-schema.js';

/**
 * The budget-holder accounting as plain indices and parameter slots. Every line is one source of
 * money for one budget: the kernel's own quantities (benefit, loonkostensubsidie, administration,
 * the payer's own costs), each user effect, and each payer's share of the outcome payments.
 */
export type LineSource =
  | { kind: 'avoidedBenefit' }
  | { kind: 'loonkostensubsidie' }
  | { kind: 'avoidedAdministration' }
  | { kind: 'payerOwnCosts' }
  | { kind: 'effect'; basis: EffectBasis; amount: number; byBenefitIndex: boolean; milestone: number; unitsRow: number; partTimeFactor: number }
  | { kind: 'payments'; payer: number }
  | { kind: 'outcome'; outcome: number; once: number; perMonthAfter: number; byBenefitIndex: false };

export interface BudgetLine {
  id: string;
  label: string;
  holder: BudgetHolderId;
  cash: boolean;
  /** true for outcome payments and the payer's own costs: the contract's flows, not the savings it causes. */
  contractFlow: boolean;
  source: LineSource;
}

export interface PayerPlan {
  id: string;
  label: string;
  holder: BudgetHolderId;
  party: PartyId;
  share: number;
  /** Per trigger: whether this payer funds it. */
  funds: boolean[];
}

export interface BudgetPlan {
  lines: BudgetLine[];
  /** Holders with at least one line, in the canonical order; parties likewise. */
  holders: BudgetHolderId[];
  parties: PartyId[];
  holderIndexOfLine: Int32Array;
  partyIndexOfLine: Int32Array;
  perspectiveOfLine: Perspective[];
  method: 'shares' | 'gains';
  payers: PayerPlan[];
  /** A regional contract: its municipalities and the municipality of each profile; null for one municipality. */
  regional: null | { ids: string[]; labels: string[]; municipalityOfProfile: Int32Array };
  /** Ids of the outcomes beyond work, in the contract's order. */
  outcomeIds: string[];
}

/** The municipality pays from its participatiebudget when the contract names no payers. */
export const DEFAULT_PAYER_HOLDER: BudgetHolderId = 'gemeenteParticipatiebudget';

export function compileBudgetHolders(
  budget: BudgetHolders | undefined,
  funding: Funding | undefined,
  triggerIds: string[],
  milestones: number[],
  profileIds: string[],
  slots: InputSlots,
  outcomes: Outcome[] = [],
): BudgetPlan | null {
  if (!budget && !funding && outcomes.length === 0) return null;
  const lines: BudgetLine[] = [
    { id: 'bijstand', label: 'Bijstand avoided (attributable)', holder: 'gemeenteInkomensdeel', cash: true, contractFlow: false, source: { kind: 'avoidedBenefit' } },
    { id: 'loonkostensubsidie', label: 'Loonkostensubsidie (attributable)', holder: 'gemeenteInkomensdeel', cash: true, contractFlow: false, source: { kind: 'loonkostensubsidie' } },
    { id: 'uitvoeringskosten', label: 'Administration avoided (attributable)', holder: 'gemeenteUitvoering', cash: true, contractFlow: false, source: { kind: 'avoidedAdministration' } },
    { id: 'eigenKosten', label: "The payer's own costs", holder: 'gemeenteUitvoering', cash: true, contractFlow: true, source: { kind: 'payerOwnCosts' } },
  ];
  (budget?.effects ?? []).forEach((effect, i) => {
    const at: FieldPath = ['budgetHolders', 'effects', i];
    const milestoneMonths = effect.basis.startsWith('sustained') ? Number(effect.basis.slice('sustained'.length)) : -1;
    const milestone = milestoneMonths < 0 ? -1 : milestones.indexOf(milestoneMonths);
    if (milestoneMonths >= 0 && milestone < 0)
      slots.problems.push({ path: [...at, 'basis'], message: `${effect.basis} needs a horizon longer than ${milestoneMonths} months` });
    lines.push({
      id: effect.id,
      label: effect.label ?? effect.id,
      holder: effect.holder,
      cash: effect.cash,
      contractFlow: false,
      source: {
        kind: 'effect',
        basis: effect.basis,
        amount: slots.add(effect.amount, [...at, 'amount'], 'any'),
        byBenefitIndex: effect.indexedWith === 'benefits',
        milestone,
        unitsRow: unitsRowOf(effect.basis, milestone),
        partTimeFactor: effect.basis === 'monthInWork' ? effect.partTimeFactor : 1,
      },
    });
  });

  // Outcomes beyond work: each value is a line of its budget (indexed with costs).
  outcomes.forEach((outcome, o) =>
    outcome.values.forEach((value, v) => {
      const at: FieldPath = ['outcomes', o, 'values', v];
      lines.push({
        id: `${outcome.id}${v === 0 ? '' : v + 1}`,
        label: outcome.label ?? outcome.id,
        holder: value.holder,
        cash: value.cash,
        contractFlow: false,
        source: {
          kind: 'outcome',
          outcome: o,
          once: slots.add(value.once, [...at, 'once'], 'any'),
          perMonthAfter: slots.add(value.perMonthAfter, [...at, 'perMonthAfter'], 'any'),
          byBenefitIndex: false,
        },
      });
    }),
  );
  const payers: PayerPlan[] = (funding?.payers ?? [{ id: 'gemeente', holder: DEFAULT_PAYER_HOLDER, share: 1, triggers: undefined, label: undefined }]).map(
    (payer, i) => ({
      id: payer.id,
      label: payer.label ?? payer.id,
      holder: payer.holder,
      party: partyOf(payer.holder),
      share: funding ? slots.add(payer.share, ['funding', 'payers', i, 'share'], 'nonNegative') : -1,
      funds: triggerIds.map((id) => payer.triggers === undefined || payer.triggers.includes(id)),
    }),
  );
  payers.forEach((payer, p) =>
    lines.push({
      id: `betaling${payer.id[0].toUpperCase()}${payer.id.slice(1)}`,
      label: `Outcome payments funded by ${payer.label}`,
      holder: payer.holder,
      cash: true,
      contractFlow: true,
      source: { kind: 'payments', payer: p },
    }),
  );

  checkIds(budget, funding, triggerIds, slots);
  const holders = BUDGET_HOLDER_IDS.filter((h) => lines.some((line) => line.holder === h));
  const parties = [...new Set(holders.map(partyOf))];
  return {
    lines,
    holders,
    parties,
    holderIndexOfLine: Int32Array.from(lines, (line) => holders.indexOf(line.holder)),
    partyIndexOfLine: Int32Array.from(lines, (line) => parties.indexOf(partyOf(line.holder))),
    perspectiveOfLine: lines.map((line) => perspectiveOf(line.holder)),
    method: funding?.method ?? 'shares',
    payers,
    regional: compileRegional(budget, profileIds, slots),
    outcomeIds: outcomes.map((o) => o.id),
  };
}

/** Each profile in exactly one municipality. */
function compileRegional(budget: BudgetHolders | undefined, profileIds: string[], slots: InputSlots): BudgetPlan['regional'] {
  const municipalities = budget?.municipalities;
  if (!municipalities) return null;
  const municipalityOfProfile = new Int32Array(profileIds.length).fill(-1);
  const ids = new Set<string>();
  municipalities.forEach((m, i) => {
    const at: FieldPath = ['budgetHolders', 'municipalities', i];
    if (ids.has(m.id)) slots.problems.push({ path: [...at, 'id'], message: `duplicate municipality id '${m.id}'` });
    ids.add(m.id);
    m.profiles.forEach((id, k) => {
      const p = profileIds.indexOf(id);
      if (p < 0) slots.problems.push({ path: [...at, 'profiles', k], message: `unknown profile '${id}'; the contract has: ${profileIds.join(', ')}` });
      else if (municipalityOfProfile[p] >= 0)
        slots.problems.push({ path: [...at, 'profiles', k], message: `profile '${id}' already belongs to municipality '${municipalities[municipalityOfProfile[p]].id}'` });
      else municipalityOfProfile[p] = i;
    });
  });
  profileIds.forEach((id, p) => {
    if (municipalityOfProfile[p] < 0)
      slots.problems.push({ path: ['budgetHolders', 'municipalities'], message: `profile '${id}' belongs to no municipality` });
  });
  return { ids: municipalities.map((m) => m.id), labels: municipalities.map((m) => m.label ?? m.id), municipalityOfProfile };
}

/** Ids become parts of output names, so they must be unique; every trigger needs a payer. */
function checkIds(budget: BudgetHolders | undefined, funding: Funding | undefined, triggerIds: string[], slots: InputSlots): void {
  const effectIds = new Set<string>();
  (budget?.effects ?? []).forEach((effect, i) => {
    if (effectIds.has(effect.id)) slots.problems.push({ path: ['budgetHolders', 'effects', i, 'id'], message: `duplicate effect id '${effect.id}'` });
    effectIds.add(effect.id);
  });
  if (!funding) return;
  const payerIds = new Set<string>();
  funding.payers.forEach((payer, i) => {
    if (payerIds.has(payer.id)) slots.problems.push({ path: ['funding', 'payers', i, 'id'], message: `duplicate payer id '${payer.id}'` });
    payerIds.add(payer.id);
    (payer.triggers ?? []).forEach((id, k) => {
      if (!triggerIds.includes(id))
        slots.problems.push({ path: ['funding', 'payers', i, 'triggers', k], message: `unknown trigger '${id}'; the contract has: ${triggerIds.join(', ')}` });
    });
    if (funding.method === 'gains' && payer.triggers !== undefined)
      slots.problems.push({ path: ['funding', 'payers', i, 'triggers'], message: 'method gains splits every payment by gains: leave triggers out' });
  });
  if (funding.method === 'shares')
    triggerIds.forEach((id, k) => {
      if (!funding.payers.some((payer) => payer.triggers === undefined || payer.triggers.includes(id)))
        slots.problems.push({ path: ['payment', 'triggers', k, 'id'], message: `no payer in funding.payers funds trigger '${id}'` });
    });
}

/**
 * Row of an effect's basis in the accounting's table of attributable units per month: the six
 * monthly counts first, then one row per tracked milestone (a milestone not tracked has none: -1).
 */
export const UNIT_ROWS_BEFORE_MILESTONES = 6;
const UNIT_ROW: Partial<Record<EffectBasis, number>> = {
  monthInWork: 0,
  monthInWorkFullTime: 1,
  monthInWorkPartTime: 2,
  monthInWorkWithLks: 3,
  monthOnBenefit: 4,
  placement: 5,
};
function unitsRowOf(basis: EffectBasis, milestone: number): number {
  const row = UNIT_ROW[basis];
  if (row !== undefined) return row;
  return milestone < 0 ? -1 : UNIT_ROWS_BEFORE_MILESTONES + milestone;
}

import type { Uncertain } from '../distributions/schema.js';
import type { DomainError, FieldPath } from '../errors.js';
import type { ModelInput } from '../simulation/model.js';
import { InputSlots } from '../simulation/input-slots.js';
import { fail, ok, type Result } from '../result.js';
import { buildCalendar, type Calendar } from './calendar.js';
import type { Contract, Price, Trigger } from './contract-schema.js';
import { CONTRACT_LIMITS } from './limits.js';
import { CUSTOM_QUANTITY_NAMES } from './custom-quantities.js';
import { parseExpression, type CompiledExpression } from '../expressions/index.js';
import { compileBudgetHolders, type BudgetPlan } from './budget-holders/compile-budget-holders.js';
import { compileOutcomes, type OutcomePlan } from './outcomes/compile-outcomes.js';

/**
 * Turns a validated contract into a plan the kernel can run without looking at JSON again:
 * every numeric field becomes a slot in one parameter vector (so the Monte Carlo engine can
 * replace it by a draw), and structure (months, ids, trigger kinds) becomes plain indices.
 */

/** Sustained-employment milestones always reported, whatever the triggers: 6, 12 and 24 months (CBS uses 6 and 18; contracts 12 and 24). */
export const REPORTED_MILESTONES = [6, 12, 24] as const;

export interface ProfilePlan {
  id: string;
  share: number;
  monthlyBenefit: number;
  administrationCostPerYear: number;
  programmeJobEntry: number;
  programmeOtherExit: number;
  counterfactualJobEntry: number;
  counterfactualOtherExit: number;
}

export type TriggerPlan =
  | { kind: 'jobStart' | 'sustained'; id: string; payee: Payee; lag: number; tenure: number; workTypes: number; priceByProfile: Int32Array }
  | { kind: 'perMonthOffBenefit'; id: string; payee: Payee; lag: number; basis: 'gross' | 'attributable'; priceByProfile: Int32Array }
  | { kind: 'shareOfSavings'; id: string; payee: Payee; lag: number; basis: 'gross' | 'attributable'; share: number }
  | { kind: 'custom'; id: string; payee: Payee; lag: number; expression: CompiledExpression }
  | { kind: 'outcome'; id: string; payee: Payee; lag: number; basis: 'gross' | 'attributable'; outcome: number; price: number };

export type Payee = 0 | 1;
export const PAYEE_PROVIDER: Payee = 0;
export const PAYEE_INVESTOR: Payee = 1;

/** Work types as bit flags: a trigger pays for the types whose bit is set. */
export const WORK_FULL_TIME = 1;
export const WORK_PART_TIME = 2;

export interface ContractPlan {
  calendar: Calendar;
  horizon: number;
  programmeMonths: number;
  /** Tenure buckets tracked per work type; the last one holds everyone with at least `tenureBuckets - 1` months. */
  tenureBuckets: number;
  /** Milestones (months in work) whose reaching is counted: reported ones, trigger and threshold months. */
  milestones: number[];
  profiles: ProfilePlan[];
  cohortMonths: Int32Array;
  /** People entering in each cohort (whole numbers, not slots). */
  cohortCounts: Int32Array;
  delayMonths: number;
  partTimeShare: number;
  partTimeBenefitShare: number;
  lksShare: number;
  lksMonthlyAmount: number;
  hazardBandStarts: Int32Array;
  hazardBandRates: Int32Array;
  counterfactual: { method: 'rates' } | { method: 'deadweight'; deadweightShare: number };
  triggers: TriggerPlan[];
  caps: { perParticipant: number; perYear: number; total: number; carryForwardYearly: boolean };
  threshold: null | { minimumImprovement: number; metric: 'placements' | 'sustained' | 'benefitMonthsSaved'; milestoneIndex: number; assessFromMonth: number };
  payerOwnCostsOneOff: number;
  payerOwnCostsPerMonth: number;
  provider: { costPerParticipantMonth: number; costPerPlacement: number; fixedCostPerMonth: number };
  investor: null | {
    commitment: number;
    financedShare: number;
    returnCap: number;
    hurdleRate: number;
    guarantee: null | { amount: number; byPayer: boolean };
  };
  money: { discountRate: number; benefitIndexation: number; priceIndexation: number; costIndexation: number };
  /** Outcomes beyond work; the key is present only when the contract has some. */
  outcomes?: OutcomePlan[];
  /** Who pays and who gains (budget holders, several payers); null when the contract has neither, and then nothing of it runs. */
  budget: BudgetPlan | null;
}

/** Slot index meaning "not given" (an absent cap). */
export const ABSENT = -1;

export interface CompiledPlan {
  plan: ContractPlan;
  inputs: ModelInput[];
}

export function compileContract(contract: Contract): Result<CompiledPlan, DomainError> {
  const slots = new InputSlots();
  const horizon = contract.horizonMonths;
  const calendar = buildCalendar(contract.startMonth, horizon);

  const profiles: ProfilePlan[] = contract.profiles.map((p, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['profiles', i, ...rest];
    return {
      id: p.id,
      share: slots.add(p.share, at('share'), 'nonNegative'),
      monthlyBenefit: slots.add(p.monthlyBenefit, at('monthlyBenefit'), 'nonNegative'),
      administrationCostPerYear: slots.add(p.administrationCostPerYear, at('administrationCostPerYear'), 'nonNegative'),
      programmeJobEntry: slots.add(p.programme.monthlyJobEntryRate, at('programme', 'monthlyJobEntryRate'), 'probability'),
      programmeOtherExit: slots.add(p.programme.monthlyOtherExitRate, at('programme', 'monthlyOtherExitRate'), 'probability'),
      counterfactualJobEntry: slots.add(p.counterfactual.monthlyJobEntryRate, at('counterfactual', 'monthlyJobEntryRate'), 'probability'),
      counterfactualOtherExit: slots.add(p.counterfactual.monthlyOtherExitRate, at('counterfactual', 'monthlyOtherExitRate'), 'probability'),
    };
  });
  const profileMonthsOnBenefit = contract.profiles.map((p) => p.monthsOnBenefitBeforeIntake);

  const cohortMonths = Int32Array.from(contract.intake.cohorts.map((c) => c.month));
  const participants = contract.intake.cohorts.reduce((sum, c) => sum + c.count, 0);
  if (participants > CONTRACT_LIMITS.maxParticipants)
    return fail({
      kind: 'limit-exceeded',
      problems: [{ path: ['intake', 'cohorts'], message: `takes in ${participants} participants; at most ${CONTRACT_LIMITS.maxParticipants} are allowed` }],
      limit: 'maxParticipants',
      requested: participants,
      allowed: CONTRACT_LIMITS.maxParticipants,
    });
  // Whole people fixed by the contract (the schema refuses fractions and distributions): structure,
  // not a model input, so no run varies or rounds them.
  const cohortCounts = Int32Array.from(contract.intake.cohorts.map((c) => c.count));
  const delayMonths = slots.add(contract.intake.delayMonths, ['intake', 'delayMonths'], 'nonNegative');

  const work = contract.work;
  const partTimeShare = slots.add(work.partTimeShare, ['work', 'partTimeShare'], 'probability');
  const partTimeBenefitShare = slots.add(work.partTimeBenefitShare, ['work', 'partTimeBenefitShare'], 'probability');
  const lksShare = slots.add(work.lksShare, ['work', 'lksShare'], 'probability');
  const lksMonthlyAmount = slots.add(work.lksMonthlyAmount, ['work', 'lksMonthlyAmount'], 'nonNegative');
  const hazardBandStarts = Int32Array.from(work.fallbackHazard.map((b) => b.fromMonthsInWork));
  const hazardBandRates = Int32Array.from(
    work.fallbackHazard.map((b, i) => slots.add(b.monthlyRate, ['work', 'fallbackHazard', i, 'monthlyRate'], 'probability')),
  );

  const counterfactual: ContractPlan['counterfactual'] =
    contract.counterfactual.method === 'rates'
      ? { method: 'rates' }
      : {
          method: 'deadweight',
          deadweightShare: slots.add(contract.counterfactual.deadweightShare, ['counterfactual', 'deadweightShare'], 'probability'),
        };

  const milestoneSet = new Set<number>(REPORTED_MILESTONES.filter((m) => m < horizon));
  for (const t of contract.payment.triggers) if (t.kind === 'sustained') milestoneSet.add(t.months);
  const threshold = contract.payment.threshold;
  if (threshold?.metric === 'sustained') {
    if (threshold.months >= horizon)
      slots.problems.push({ path: ['payment', 'threshold', 'months'], message: `must be shorter than the horizon (${horizon} months)` });
    else milestoneSet.add(threshold.months);
  }
  const milestones = [...milestoneSet].sort((a, b) => a - b);

  const triggers: TriggerPlan[] = [];
  contract.payment.triggers.forEach((t, i) => {
    const at: FieldPath = ['payment', 'triggers', i];
    const common = { id: t.id, payee: t.payee === 'investor' ? PAYEE_INVESTOR : PAYEE_PROVIDER, lag: t.lagMonths } as const;
    switch (t.kind) {
      case 'jobStart':
      case 'sustained':
        triggers.push({
          ...common,
          kind: t.kind,
          tenure: t.kind === 'jobStart' ? 0 : t.months,
          workTypes: workTypeFlags(t.workType),
          priceByProfile: priceSlots(t.price, [...at, 'price'], profileMonthsOnBenefit, slots),
        });
        break;
      case 'perMonthOffBenefit':
        triggers.push({ ...common, kind: t.kind, basis: t.basis, priceByProfile: priceSlots(t.price, [...at, 'price'], profileMonthsOnBenefit, slots) });
        break;
      case 'shareOfSavings':
        triggers.push({ ...common, kind: t.kind, basis: t.basis, share: slots.add(t.share, [...at, 'share'], 'probability') });
        break;
      case 'outcome':
        triggers.push({
          ...common,
          kind: 'outcome',
          basis: t.basis,
          outcome: (contract.outcomes ?? []).findIndex((o) => o.id === t.outcome),
          price: slots.add(t.price, [...at, 'price'], 'nonNegative'),
        });
        break;
      case 'custom': {
        const parsed = parseExpression(t.expression, CUSTOM_QUANTITY_NAMES, [...at, 'expression']);
        if (!parsed.ok) {
          if (parsed.error.kind === 'invalid-input') slots.problems.push(...parsed.error.problems);
          else return;
        } else if (parsed.value.referencedNames.length === 0 && !Number.isFinite(parsed.value.evaluate(new Float64Array(CUSTOM_QUANTITY_NAMES.length)))) {
          // A rule that reads no quantity has one amount for every month; when that is Infinity or NaN
          // (1e308^2, 0/0) it would be paid as 0 every month without a word, so it is refused here.
          // A rule whose amount is non-finite only in some months stops the evaluation there (payments.ts).
          slots.problems.push({ path: [...at, 'expression'], message: 'never gives a finite amount (its value is Infinity or NaN)' });
        } else triggers.push({ ...common, kind: 'custom', expression: parsed.value });
        break;
      }
    }
  });

  const caps = contract.payment.caps;
  const capSlot = (value: Uncertain | undefined, name: string): number =>
    value === undefined ? ABSENT : slots.add(value, ['payment', 'caps', name], 'nonNegative');

  const perMonthWithParticipantCap =
    caps.perParticipant !== undefined && triggers.some((t) => t.kind === 'perMonthOffBenefit' && t.basis === 'gross');
  const lastBandStart = hazardBandStarts[hazardBandStarts.length - 1];
  // The last bucket lumps long tenures together, so it must lie beyond every milestone and every
  // band start; when per-month payments meet a per-participant cap, each tenure pays differently
  // and the whole horizon is tracked as well (a band may start beyond the horizon: then it never
  // applies, but its start is still read).
  const beyondBandsAndMilestones = Math.max(lastBandStart, milestones.length ? milestones[milestones.length - 1] : 0) + 2;
  const tenureBuckets = perMonthWithParticipantCap ? Math.max(horizon + 1, beyondBandsAndMilestones) : beyondBandsAndMilestones;

  const investor = contract.investor;
  const plan: ContractPlan = {
    calendar,
    horizon,
    programmeMonths: contract.programmeMonths,
    tenureBuckets,
    milestones,
    profiles,
    cohortMonths,
    cohortCounts,
    delayMonths,
    partTimeShare,
    partTimeBenefitShare,
    lksShare,
    lksMonthlyAmount,
    hazardBandStarts,
    hazardBandRates,
    counterfactual,
    triggers,
    caps: {
      perParticipant: capSlot(caps.perParticipant, 'perParticipant'),
      perYear: capSlot(caps.perYear, 'perYear'),
      total: capSlot(caps.total, 'total'),
      carryForwardYearly: caps.carryForwardYearly,
    },
    threshold: threshold
      ? {
          minimumImprovement: slots.add(threshold.minimumImprovement, ['payment', 'threshold', 'minimumImprovement'], 'any'),
          metric: threshold.metric,
          milestoneIndex: threshold.metric === 'sustained' ? milestones.indexOf(threshold.months) : -1,
          assessFromMonth: threshold.assessFromMonth,
        }
      : null,
    payerOwnCostsOneOff: slots.add(contract.payer.ownCostsOneOff, ['payer', 'ownCostsOneOff'], 'nonNegative'),
    payerOwnCostsPerMonth: slots.add(contract.payer.ownCostsPerMonth, ['payer', 'ownCostsPerMonth'], 'nonNegative'),
    provider: {
      costPerParticipantMonth: slots.add(contract.provider.costPerParticipantMonth, ['provider', 'costPerParticipantMonth'], 'nonNegative'),
      costPerPlacement: slots.add(contract.provider.costPerPlacement, ['provider', 'costPerPlacement'], 'nonNegative'),
      fixedCostPerMonth: slots.add(contract.provider.fixedCostPerMonth, ['provider', 'fixedCostPerMonth'], 'nonNegative'),
    },
    investor: investor
      ? {
          commitment: slots.add(investor.commitment, ['investor', 'commitment'], 'nonNegative'),
          financedShare: slots.add(investor.financedShare, ['investor', 'financedShare'], 'probability'),
          returnCap: slots.add(investor.returnCap, ['investor', 'returnCap'], 'nonNegative'),
          hurdleRate: slots.add(investor.hurdleRate, ['investor', 'hurdleRate'], 'any'),
          guarantee: investor.firstLossGuarantee
            ? {
                amount: slots.add(investor.firstLossGuarantee.amount, ['investor', 'firstLossGuarantee', 'amount'], 'nonNegative'),
                byPayer: investor.firstLossGuarantee.guarantor === 'payer',
              }
            : null,
        }
      : null,
    money: {
      discountRate: slots.add(contract.money.discountRate, ['money', 'discountRate'], 'any'),
      benefitIndexation: slots.add(contract.money.benefitIndexation, ['money', 'benefitIndexation'], 'any'),
      priceIndexation: slots.add(contract.money.priceIndexation, ['money', 'priceIndexation'], 'any'),
      costIndexation: slots.add(contract.money.costIndexation, ['money', 'costIndexation'], 'any'),
    },
    budget: null,
  };
  // Added after every other slot, so a contract without these sections keeps its inputs and draws.
  if (contract.outcomes && contract.outcomes.length > 0) plan.outcomes = compileOutcomes(contract.outcomes, slots);
  plan.budget = compileBudgetHolders(
    contract.budgetHolders,
    contract.funding,
    triggers.map((t) => t.id),
    milestones,
    contract.profiles.map((p) => p.id),
    slots,
    contract.outcomes ?? [],
  );

  if (slots.problems.length) return fail({ kind: 'invalid-input', problems: slots.problems });
  return ok({ plan, inputs: slots.inputs });
}

function workTypeFlags(workType: 'any' | 'fullTime' | 'partTime'): number {
  if (workType === 'fullTime') return WORK_FULL_TIME;
  if (workType === 'partTime') return WORK_PART_TIME;
  return WORK_FULL_TIME | WORK_PART_TIME;
}

/**
 * One price slot per profile. A rate card by band resolves at compile time: the band with the
 * highest `minMonthsOnBenefit` not above the profile's months on bijstand. A profile below every
 * band has no price for this trigger (slot ABSENT: it pays nothing).
 */
function priceSlots(price: Price, path: FieldPath, monthsOnBenefit: number[], slots: InputSlots): Int32Array {
  if (typeof price === 'number' || !('bands' in price)) {
    const slot = slots.add(price, path, 'nonNegative');
    return Int32Array.from(monthsOnBenefit, () => slot);
  }
  const bandSlots = price.bands.map((b, i) => slots.add(b.price, [...path, 'bands', i, 'price'], 'nonNegative'));
  return Int32Array.from(monthsOnBenefit, (months) => {
    let chosen = ABSENT;
    let chosenMin = -1;
    price.bands.forEach((b, i) => {
      if (b.minMonthsOnBenefit <= months && b.minMonthsOnBenefit > chosenMin) {
        chosen = bandSlots[i];
        chosenMin = b.minMonthsOnBenefit;
      }
    });
    return chosen;
  });
}

export type { Trigger };

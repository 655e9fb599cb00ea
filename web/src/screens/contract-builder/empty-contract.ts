import type { Contract } from '../../api/client.js';
import { CONTRACT_DEFAULTS } from '../../../../models/contract/defaults.js';

/**
 * A new contract to build from nothing: the structure and the service's own defaults (so every
 * field shows what the API would use: discount rate 2.25%, administration cost 2,883 a year,
 * fall-back hazard from CBS 2021), and blanks where only the user can know: the intake, the
 * target group's benefit and rates, and the payment triggers. The API names each blank left.
 */
export function emptyContract(): Contract {
  const draft = {
    name: 'Nieuw contract',
    startMonth: CONTRACT_DEFAULTS.startMonth,
    horizonMonths: CONTRACT_DEFAULTS.horizonMonths,
    programmeMonths: 12,
    money: { discountRate: CONTRACT_DEFAULTS.discountRate, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
    intake: { cohorts: [], delayMonths: 0 },
    profiles: [newProfile(1)],
    work: {
      partTimeShare: 0,
      partTimeBenefitShare: 0.5,
      lksShare: 0,
      lksMonthlyAmount: 0,
      fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: CONTRACT_DEFAULTS.monthlyFallbackHazard }],
    },
    counterfactual: { method: 'rates' },
    payment: { triggers: [], caps: { carryForwardYearly: false } },
    payer: { ownCostsOneOff: 0, ownCostsPerMonth: 0 },
    provider: { costPerParticipantMonth: 0, costPerPlacement: 0, fixedCostPerMonth: 0 },
  };
  return draft as unknown as Contract;
}

/** A target group with the service's defaults and blanks for benefit and rates. */
export function newProfile(n: number): Record<string, unknown> {
  return {
    id: `doelgroep${n}`,
    share: 1,
    monthsOnBenefitBeforeIntake: 0,
    administrationCostPerYear: CONTRACT_DEFAULTS.administrationCostPerCaseYear,
    programme: { monthlyOtherExitRate: 0 },
    counterfactual: { monthlyOtherExitRate: 0 },
  };
}

export type TriggerKind = 'jobStart' | 'sustained' | 'perMonthOffBenefit' | 'shareOfSavings' | 'outcome' | 'custom';

/** A trigger of `kind`, keeping what the old one had in common (id, payee, lag, price where it has one). */
export function triggerOfKind(kind: TriggerKind, old: Record<string, unknown> | undefined, n: number): Record<string, unknown> {
  const common = { id: old?.id ?? `prikkel${n}`, payee: old?.payee ?? 'provider', lagMonths: old?.lagMonths ?? 0 };
  const price = old && 'price' in old ? { price: old.price } : {};
  switch (kind) {
    case 'jobStart':
      return { ...common, kind, ...price, workType: old?.workType ?? 'any' };
    case 'sustained':
      return { ...common, kind, months: typeof old?.months === 'number' ? old.months : 12, ...price, workType: old?.workType ?? 'any' };
    case 'perMonthOffBenefit':
      return { ...common, kind, ...price, basis: 'gross' };
    case 'shareOfSavings':
      return { ...common, kind, share: old?.share, basis: 'attributable' };
    case 'outcome':
      return { ...common, kind, outcome: typeof old?.outcome === 'string' ? old.outcome : undefined, ...price, basis: 'attributable' };
    case 'custom':
      return { ...common, kind, expression: typeof old?.expression === 'string' ? old.expression : '' };
  }
}

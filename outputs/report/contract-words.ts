import type { Contract, ContractEvaluation, Price, Trigger } from '../../models/contract/index.js';
import { meanOf, type Uncertain } from '../../models/distributions/index.js';
import type { NumberFormatter } from '../format-numbers.js';
import type { ContractWords, Texts, TriggerWords } from '../texts/index.js';

/**
 * The facts a plain-words description of a contract needs, formatted. Uncertain numbers are
 * described by their mean, as the deterministic evaluation uses them.
 */
export function contractWords(contract: Contract, evaluation: ContractEvaluation, texts: Texts, format: NumberFormatter): ContractWords {
  const cohortMonths = contract.intake.cohorts.map((cohort) => cohort.month);
  const monthLabel = (index: number) => texts.report.monthName(evaluation.months[Math.min(index, evaluation.months.length - 1)] ?? contract.startMonth);
  const euroOf = (value: Uncertain | undefined) => (value === undefined ? null : format.euro(meanOf(value)));
  const nonZeroEuro = (value: Uncertain) => (meanOf(value) === 0 ? null : format.euro(meanOf(value)));
  return {
    name: contract.name,
    participants: format.count(evaluation.summary.participants ?? null, 0),
    firstIntake: monthLabel(Math.min(...cohortMonths)),
    lastIntake: monthLabel(Math.max(...cohortMonths)),
    startMonth: texts.report.monthName(contract.startMonth),
    horizonMonths: contract.horizonMonths,
    programmeMonths: contract.programmeMonths,
    triggers: contract.payment.triggers.map((trigger) => triggerWords(trigger, texts, format)),
    capPerYear: euroOf(contract.payment.caps.perYear),
    capTotal: euroOf(contract.payment.caps.total),
    capPerParticipant: euroOf(contract.payment.caps.perParticipant),
    threshold: contract.payment.threshold === undefined ? null : format.percent(meanOf(contract.payment.threshold.minimumImprovement)),
    counterfactual:
      contract.counterfactual.method === 'deadweight'
        ? { method: 'deadweight', share: format.percent(meanOf(contract.counterfactual.deadweightShare)) }
        : {
            method: 'rates',
            programmeRate: format.percent(weightedRate(contract, 'programme'), 1),
            counterfactualRate: format.percent(weightedRate(contract, 'counterfactual'), 1),
          },
    providerCostPerParticipantMonth: nonZeroEuro(contract.provider.costPerParticipantMonth),
    providerCostPerPlacement: nonZeroEuro(contract.provider.costPerPlacement),
    providerFixedCostPerMonth: nonZeroEuro(contract.provider.fixedCostPerMonth),
    investor:
      contract.investor === undefined
        ? null
        : { commitment: format.euro(meanOf(contract.investor.commitment)), returnCap: format.percent(meanOf(contract.investor.returnCap), 1) },
  };
}

/** The monthly job-entry rate averaged over the profiles, weighted by their intake shares. */
function weightedRate(contract: Contract, world: 'programme' | 'counterfactual'): number {
  let weight = 0;
  let total = 0;
  for (const profile of contract.profiles) {
    const share = meanOf(profile.share);
    weight += share;
    total += share * meanOf(profile[world].monthlyJobEntryRate);
  }
  return weight > 0 ? total / weight : 0;
}

function priceWords(price: Price, texts: Texts, format: NumberFormatter): { price: string; rateCard: boolean } {
  if (typeof price === 'object' && 'bands' in price) {
    const values = price.bands.map((band) => meanOf(band.price));
    const low = Math.min(...values);
    const high = Math.max(...values);
    return { price: low === high ? format.euro(low) : texts.report.between(format.euro(low), format.euro(high)), rateCard: true };
  }
  return { price: format.euro(meanOf(price)), rateCard: false };
}

function triggerWords(trigger: Trigger, texts: Texts, format: NumberFormatter): TriggerWords {
  const common = { payee: trigger.payee, lagMonths: trigger.lagMonths, share: null, months: null, basis: null, expression: null, price: null, rateCard: false };
  switch (trigger.kind) {
    case 'jobStart':
      return { ...common, kind: 'jobStart', ...priceWords(trigger.price, texts, format) };
    case 'sustained':
      return { ...common, kind: 'sustained', months: trigger.months, ...priceWords(trigger.price, texts, format) };
    case 'perMonthOffBenefit':
      return { ...common, kind: 'perMonthOffBenefit', basis: trigger.basis, ...priceWords(trigger.price, texts, format) };
    case 'shareOfSavings':
      return { ...common, kind: 'shareOfSavings', basis: trigger.basis, share: format.percent(meanOf(trigger.share)) };
    case 'custom':
      return { ...common, kind: 'custom', expression: trigger.expression };
    case 'outcome':
      return { ...common, kind: 'outcome', basis: trigger.basis, expression: trigger.outcome, price: format.euro(meanOf(trigger.price)) };
  }
}

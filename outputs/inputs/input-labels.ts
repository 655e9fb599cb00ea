import type { Contract } from '../../models/contract/index.js';
import type { Texts } from '../texts/index.js';

/**
 * A person's name and unit for a model input given by its path
 * (`profiles[0].programme.monthlyJobEntryRate` becomes "kans op werk per maand in het programma
 * (alleenstaand)", a monthly rate). Paths of other models keep their path as label.
 */

/** How an input's value reads: euros, a chance per month, a share, a yearly rate, a count, months. */
export type InputUnit = 'EUR' | 'monthlyRate' | 'share' | 'rate' | 'count' | 'months' | 'number';

const INPUT_UNITS: Record<string, InputUnit> = {
  'profiles[].share': 'number',
  'profiles[].monthlyBenefit': 'EUR',
  'profiles[].administrationCostPerYear': 'EUR',
  'profiles[].programme.monthlyJobEntryRate': 'monthlyRate',
  'profiles[].programme.monthlyOtherExitRate': 'monthlyRate',
  'profiles[].counterfactual.monthlyJobEntryRate': 'monthlyRate',
  'profiles[].counterfactual.monthlyOtherExitRate': 'monthlyRate',
  'intake.delayMonths': 'months',
  'work.partTimeShare': 'share',
  'work.partTimeBenefitShare': 'share',
  'work.lksShare': 'share',
  'work.lksMonthlyAmount': 'EUR',
  'work.fallbackHazard[].monthlyRate': 'monthlyRate',
  'counterfactual.deadweightShare': 'share',
  'payment.triggers[].price': 'EUR',
  'payment.triggers[].price.bands[].price': 'EUR',
  'payment.triggers[].share': 'share',
  'payment.caps.perParticipant': 'EUR',
  'payment.caps.perYear': 'EUR',
  'payment.caps.total': 'EUR',
  'payment.threshold.minimumImprovement': 'share',
  'payer.ownCostsOneOff': 'EUR',
  'payer.ownCostsPerMonth': 'EUR',
  'provider.costPerParticipantMonth': 'EUR',
  'provider.costPerPlacement': 'EUR',
  'provider.fixedCostPerMonth': 'EUR',
  'investor.commitment': 'EUR',
  'investor.financedShare': 'share',
  'investor.returnCap': 'rate',
  'investor.hurdleRate': 'rate',
  'investor.firstLossGuarantee.amount': 'EUR',
  'money.discountRate': 'rate',
  'money.benefitIndexation': 'rate',
  'money.priceIndexation': 'rate',
  'money.costIndexation': 'rate',
};

/** The path with every index replaced by `[]`: the key of the label and unit tables. */
export function pathTemplate(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function pathIndices(path: string): number[] {
  return [...path.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
}

export function inputUnit(path: string): InputUnit {
  return INPUT_UNITS[pathTemplate(path)] ?? 'number';
}

/** Shares and chances cannot leave [0, 1]: sensitivity ranges of these are clamped. */
export function isProbabilityLike(path: string): boolean {
  const unit = inputUnit(path);
  return unit === 'share' || unit === 'monthlyRate';
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** The label in lower case, to sit inside a sentence; `capitalise` it for a table. */
export function inputLabel(path: string, contract: Contract | undefined, texts: Texts): string {
  const template = texts.inputs[pathTemplate(path)];
  if (template === undefined || contract === undefined) return path;
  const [first, second] = pathIndices(path);
  const profile = contract.profiles[first];
  const trigger = contract.payment.triggers[first];
  const values: Record<string, string> = {
    profile: profile ? (profile.label ?? profile.id) : String(first),
    trigger: trigger ? trigger.id : String(first),
    from: String(contract.work.fallbackHazard[first]?.fromMonthsInWork ?? first),
    band: bandStart(contract, first, second),
  };
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

function bandStart(contract: Contract, triggerIndex: number, bandIndex: number | undefined): string {
  const trigger = contract.payment.triggers[triggerIndex];
  if (bandIndex === undefined || trigger === undefined || !('price' in trigger)) return String(bandIndex ?? '');
  const price = trigger.price;
  if (typeof price === 'object' && price !== null && 'bands' in price) return String(price.bands[bandIndex]?.minMonthsOnBenefit ?? bandIndex);
  return String(bandIndex);
}

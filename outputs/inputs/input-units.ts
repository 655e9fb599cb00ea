/**
 * The unit of each contract input, by path template (indices left out). A module without imports,
 * so that the web workbench (web/src) reads the same table as the service's reports and workbooks.
 */

/** How an input's value reads: euros, a chance per month, a share, a yearly rate, a count, months. */
export type InputUnit = 'EUR' | 'monthlyRate' | 'share' | 'rate' | 'count' | 'months' | 'number';

export const INPUT_UNITS: Record<string, InputUnit> = {
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
  'budgetHolders.effects[].amount': 'EUR',
  'funding.payers[].share': 'number',
  'outcomes[].eligibleShare': 'share',
  'outcomes[].programme.monthlyRate': 'monthlyRate',
  'outcomes[].counterfactual.monthlyRate': 'monthlyRate',
  'outcomes[].values[].once': 'EUR',
  'outcomes[].values[].perMonthAfter': 'EUR',
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

export function inputUnit(path: string): InputUnit {
  return INPUT_UNITS[pathTemplate(path)] ?? 'number';
}

/** Shares and chances cannot leave [0, 1]: sensitivity ranges of these are clamped. */
export function isProbabilityLike(path: string): boolean {
  const unit = inputUnit(path);
  return unit === 'share' || unit === 'monthlyRate';
}

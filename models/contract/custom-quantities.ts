/**
 * Monthly quantities a custom payment rule may use, e.g. `min(5000, 0.5 * savingsAttributable)`.
 * All counts are summed over profiles; money is nominal euros of that month. The rule's value is
 * the amount due that month, before lags, thresholds and caps.
 */
export const CUSTOM_QUANTITIES = [
  ['month', 'contract month, 0 = start month'],
  ['calendarYear', 'calendar year of the month, e.g. 2026'],
  ['intake', 'participants entering this month'],
  ['onBenefit', 'participants receiving a full benefit (programme)'],
  ['placements', 'job starts this month (programme)'],
  ['inWork', 'participants in work (programme)'],
  ['fallbacks', 'participants falling back onto bijstand this month (programme)'],
  ['benefitMonthsSaved', 'months of benefit saved this month through work (programme; part-time counts partly)'],
  ['savingsGross', 'benefit and administration avoided through work this month (programme)'],
  ['savingsAttributable', 'avoided benefit and administration this month beyond the counterfactual'],
  ['cumulativeSavingsAttributable', 'savingsAttributable summed up to and including this month'],
  ['counterfactualPlacements', 'job starts this month without the programme'],
  ['counterfactualInWork', 'in work without the programme'],
  ['cumulativePlacements', 'job starts up to and including this month (programme)'],
  ['cumulativeCounterfactualPlacements', 'job starts up to and including this month without the programme'],
  ['sustained6', 'participants completing 6 months in work this month (programme)'],
  ['sustained12', 'participants completing 12 months in work this month (programme)'],
  ['sustained24', 'participants completing 24 months in work this month (programme)'],
  ['lks', 'loonkostensubsidie paid this month (programme)'],
  ['priceIndex', 'price indexation factor of this month (1 in the start year)'],
] as const;

export const CUSTOM_QUANTITY_NAMES: readonly string[] = CUSTOM_QUANTITIES.map(([name]) => name);
export const customQuantityIndex = (name: (typeof CUSTOM_QUANTITIES)[number][0]): number => CUSTOM_QUANTITY_NAMES.indexOf(name);

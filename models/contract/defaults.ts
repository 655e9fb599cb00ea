/**
 * Named defaults with their sources (see ../shared/domain.md). Every default a user does not
 * override is one of these, so a printed number can be traced to its origin.
 */
export const CONTRACT_DEFAULTS = {
  /** Werkgroep discontovoet 2020: the real rate prescribed for all Dutch MKBAs since 2021. */
  discountRate: 0.0225,
  /** Berenschot 2018 (30 municipalities): administration cost per bijstand case per year. */
  administrationCostPerCaseYear: 2_883,
  /** CBS 2021 outflow cohort: 82% still employed after 6 months, so (1 - h)^6 = 0.82. */
  monthlyFallbackHazard: 1 - Math.pow(0.82, 1 / 6),
  horizonMonths: 60,
  startMonth: '2026-01',
} as const;

/**
 * Named defaults of the portfolio model with their sources (see ../shared/domain.md). Every
 * default a user does not override is one of these, so a printed number can be traced.
 */

/**
 * CBS, 2021 outflow cohort: 82% of people who left bijstand for work were still employed after 6
 * months, 72% after 18 months. With a constant monthly hazard over months 0-5 and another over
 * months 6-17, the share still employed after 12 months is 0.82 * (0.72 / 0.82)^(6/12) = 0.768.
 */
const RETAINED_AFTER_TWELVE_MONTHS = 0.82 * Math.pow(0.72 / 0.82, 0.5);

export const PORTFOLIO_DEFAULTS = {
  startYear: 2026,
  horizonYears: 10,
  /** Werkgroep discontovoet 2020: the real rate prescribed for all Dutch MKBAs since 2021. */
  discountRate: 0.0225,
  /** Berenschot 2018 (30 municipalities): average bijstand benefit, all household types mixed, about EUR 14,000 a year. */
  avoidedBenefitPerWorkerYear: 14_000,
  /** Berenschot 2018: administration (uitvoeringskosten) per case per year. */
  administrationCostPerWorkerYear: 2_883,
  /**
   * Werk na Detentie SIB (2016): about two thirds of those in work would have found work anyway.
   * A conservative default: enterprises that hire people far from the labour market may do better.
   */
  deadweight: 2 / 3,
  /**
   * Basel II IRB (BCBS 2005, explanatory note on the risk-weight functions): asset correlation 12%
   * for corporate borrowers with a high default probability, 24% for a low one, up to 4 points
   * lower for small firms. 12% is the high-PD corporate value.
   */
  regionalCorrelation: 0.12,
  /** Share of workers leaving the enterprise per year: 1 - 0.768 from the CBS retention above. */
  yearlyLeaveRate: 1 - RETAINED_AFTER_TWELVE_MONTHS,
  /** Prestatiecontract Werk (SIFR): the fee is due once a worker has been employed 12 months. */
  sustainedAfterMonths: 12,
  /** Nothing is recovered from a failed enterprise unless the user says otherwise (conservative). */
  recoveryRate: 0,
} as const;

/**
 * The API takes rates as a chance per month, as a fraction (0.045). People often know them per
 * year ("30% find work within a year"). A constant monthly chance m gives a yearly chance
 * 1 - (1 - m)^12, so a yearly chance y is a monthly 1 - (1 - y)^(1/12). Both conversions are
 * exact inverses; the page shows what it sends.
 */
export function yearlyFromMonthly(monthly: number): number {
  return 1 - (1 - monthly) ** 12;
}

export function monthlyFromYearly(yearly: number): number {
  return 1 - (1 - yearly) ** (1 / 12);
}

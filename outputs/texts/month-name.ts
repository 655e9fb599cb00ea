/** "2026-03" as "maart 2026" or "March 2026"; computed in UTC so the machine's zone cannot shift it. */
export function monthName(isoMonth: string, locale: string): string {
  const [year, month] = isoMonth.split('-').map(Number);
  if (!Number.isInteger(year) || !Number.isInteger(month)) return isoMonth;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

import { stringify } from 'csv-stringify/sync';

/**
 * CSV downloads are one tidy table whatever the result: one number per line with what it is.
 * Every tool (Excel's Power Query, R, pandas) can filter and pivot it, and the columns are the
 * same for an evaluation, a simulation and a sensitivity analysis. Numbers are written in full
 * precision with a decimal point; `label` is in the request's language, everything else is the
 * API's own names.
 */
export interface Fact {
  /** Which part of the result: input, summary, yearly, monthly, output, event, tornado, ... */
  section: string;
  variant?: string;
  party?: string;
  /** API name of the output, series or input path. */
  name: string;
  label?: string;
  /** Year (2026), month (2026-03), bin or checkpoint; empty for totals. */
  period?: string;
  /** value, mean, p10, low, swing, ... */
  statistic: string;
  value: number | null;
  unit?: string;
}

export const CSV_COLUMNS = ['section', 'variant', 'party', 'name', 'label', 'period', 'statistic', 'value', 'unit'] as const;

export function writeCsv(facts: Fact[]): string {
  return stringify(
    facts.map((f) => [f.section, f.variant ?? '', f.party ?? '', f.name, f.label ?? '', f.period ?? '', f.statistic, f.value === null || !Number.isFinite(f.value) ? '' : f.value, f.unit ?? '']),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\r\n' },
  );
}

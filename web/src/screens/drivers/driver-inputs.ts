import { meanOf } from '../../../../models/distributions/compile.js';
import type { Uncertain } from '../../../../models/distributions/schema.js';
import type { Contract } from '../../api/client.js';
import { labelOf } from '../../i18n/i18n.js';
import type { Messages } from '../../i18n/nl.js';
import { formatCount, formatEuro, formatInputNumber, formatPercent } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';
import { getAt } from '../../state/paths.js';
import { inputUnit } from '../../../../outputs/inputs/input-units.js';

/**
 * The model's inputs as a person reads them: a label from the page's dictionary with the profile,
 * trigger or band it belongs to ("Kans op werk, met programma (Alleenstaand)"), never the path,
 * and its value in its own unit.
 */

// Units come from the service's own table (an import-free module), so page and reports agree.
export { inputUnit, isProbabilityLike, type InputUnit } from '../../../../outputs/inputs/input-units.js';

/** The keys of a dotted path: "profiles[0].programme.x" → ["profiles", 0, "programme", "x"]. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) {
      keys.push(part);
      continue;
    }
    if (match[1]) keys.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object';

/** What the label leaves open: which profile, trigger, band, cohort or fall-back step. */
function qualifiers(t: Messages, path: string, contract: Contract | null): string[] {
  if (contract === null) return [];
  const out: string[] = [];
  const profile = /^profiles\[(\d+)\]/.exec(path);
  if (profile && contract.profiles.length > 1) {
    const p = contract.profiles[Number(profile[1])] as Obj | undefined;
    out.push(String(p?.label ?? p?.id ?? Number(profile[1]) + 1));
  }
  const trigger = /^payment\.triggers\[(\d+)\]/.exec(path);
  if (trigger) {
    const tr = contract.payment.triggers[Number(trigger[1])] as Obj | undefined;
    if (contract.payment.triggers.length > 1 && tr) out.push(String(tr.id ?? Number(trigger[1]) + 1));
    const band = /\.bands\[(\d+)\]/.exec(path);
    if (band && tr && isObject(tr.price) && Array.isArray(tr.price.bands)) {
      const b = tr.price.bands[Number(band[1])] as Obj | undefined;
      out.push(t.drivers.band(Number(b?.minMonthsOnBenefit ?? 0)));
    }
  }
  const cohort = /^intake\.cohorts\[(\d+)\]/.exec(path);
  if (cohort) out.push(String((contract.intake.cohorts?.[Number(cohort[1])] as Obj | undefined)?.month ?? ''));
  const hazard = /^work\.fallbackHazard\[(\d+)\]/.exec(path);
  if (hazard) out.push(t.drivers.fromMonthsInWork(Number(((contract.work?.fallbackHazard ?? [])[Number(hazard[1])] as Obj | undefined)?.fromMonthsInWork ?? 0)));
  // Who gains and outcomes beyond work (issue 17): the effect, payer or outcome by its label.
  const effect = /^budgetHolders\.effects\[(\d+)\]/.exec(path);
  if (effect) {
    const e = (contract.budgetHolders?.effects ?? [])[Number(effect[1])] as Obj | undefined;
    if (e) out.push(e.label !== undefined ? String(e.label) : `${String(e.id)}, ${String(e.holder)}`);
  }
  const payer = /^funding\.payers\[(\d+)\]/.exec(path);
  if (payer) {
    const p = (contract.funding?.payers ?? [])[Number(payer[1])] as Obj | undefined;
    if (p) out.push(String(p.label ?? p.holder ?? p.id));
  }
  const outcome = /^outcomes\[(\d+)\](?:\.values\[(\d+)\])?/.exec(path);
  if (outcome) {
    const o = (contract.outcomes ?? [])[Number(outcome[1])] as Obj | undefined;
    if (o) out.push(String(o.label ?? o.id));
    const values = o !== undefined && Array.isArray(o.values) ? (o.values as Obj[]) : [];
    if (outcome[2] !== undefined && values[Number(outcome[2])] !== undefined) out.push(String(values[Number(outcome[2])].holder));
  }
  return out.filter(Boolean);
}

/** "Prijs in deze band (vanaf 24 maanden)": the field's label and what it belongs to. */
export function inputLabel(t: Messages, path: string, contract: Contract | null): string {
  const label = labelOf(t, path);
  const more = qualifiers(t, path, contract);
  return more.length ? `${label} (${more.join(', ')})` : label;
}

/** An input's value in its unit: € 5.000, 4,5% per maand, 35%, 2,3% per jaar. */
export function formatInputValue(t: Messages, path: string, value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (inputUnit(path)) {
    case 'EUR':
      return formatEuro(value, language, Math.abs(value) < 100 ? 2 : 0);
    case 'monthlyRate':
      return t.drivers.perMonth(formatPercent(value, language, 2));
    case 'share':
      return formatPercent(value, language, 1);
    case 'rate':
      return t.drivers.perYear(formatPercent(value, language, 2));
    case 'count':
    case 'months':
      return formatCount(value, language);
    default:
      return formatInputNumber(value, language, 3);
  }
}

/**
 * The value a deterministic evaluation uses for the input at `path` (a distribution's mean, as
 * the model's `base`), or null when the contract does not hold it (a default the service fills in).
 */
export function baseOf(contract: Contract | null, path: string): number | null {
  const value = getAt(contract, pathKeys(path));
  if (typeof value === 'number') return value;
  if (isObject(value) && typeof value.type === 'string') {
    try {
      const mean = meanOf(withDistributionDefaults(value) as Uncertain);
      return Number.isFinite(mean) ? mean : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A distribution as the service reads it: the schema's defaults filled in (models/distributions/
 * schema.ts: PERT lambda 4, beta on [0, 1], a 90% interval normal), since a contract as the page
 * holds it (a preset, an edit) leaves them out and the mean depends on them.
 */
export function withDistributionDefaults(value: Obj): Obj {
  switch (value.type) {
    case 'pert':
      return { lambda: 4, ...value };
    case 'beta':
      return { min: 0, max: 1, ...value };
    case 'interval90':
      return { shape: 'normal', ...value };
    default:
      return value;
  }
}

/** Is the input at `path` a distribution (not a plain or fixed number)? */
export function isUncertainInput(contract: Contract | null, path: string): boolean {
  const value = getAt(contract, pathKeys(path));
  return isObject(value) && typeof value.type === 'string' && value.type !== 'fixed';
}

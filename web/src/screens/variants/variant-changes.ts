import type { Contract, Schemas } from '../../api/client.js';
import { baseOf } from '../drivers/driver-inputs.js';

/**
 * A variant of the current contract (another price, cap or trigger mix) as POST
 * /simulations/compare takes it: the base contract as `model`, the variant as a JSON Merge Patch
 * (RFC 7396) in `changes`. Arrays replace in a merge patch, so a changed trigger list is sent
 * whole; a cap set to nothing is `null` (removes it). Pure, for the unit and browser tests.
 */

type Obj = Record<string, unknown>;
export type ComparisonRequest = Schemas['ComparisonRequest'];
type ComparisonResult = Schemas['VariantComparisonResult'];

export const BASE_NAME = 'basis';
export const VARIANT_NAME = 'variant';

export interface VariantDraft {
  /** The variant's payment triggers (a copy of the contract's, edited). */
  triggers: Obj[];
  /** Caps in euros; null = no cap. A cap that is a distribution starts at its mean. */
  perYear: number | null;
  total: number | null;
}

const capOf = (contract: Contract, key: 'perYear' | 'total') => (contract.payment.caps?.[key] === undefined ? null : baseOf(contract, `payment.caps.${key}`));

export function draftOf(contract: Contract): VariantDraft {
  return { triggers: structuredClone(contract.payment.triggers) as Obj[], perYear: capOf(contract, 'perYear'), total: capOf(contract, 'total') };
}

/** The merge patch that turns the base into the variant, or null when nothing differs. */
export function variantPatch(contract: Contract, draft: VariantDraft): Obj | null {
  const payment: Obj = {};
  if (JSON.stringify(draft.triggers) !== JSON.stringify(contract.payment.triggers)) payment.triggers = draft.triggers;
  const caps: Obj = {};
  for (const key of ['perYear', 'total'] as const) if (draft[key] !== capOf(contract, key)) caps[key] = draft[key];
  if (Object.keys(caps).length) payment.caps = caps;
  return Object.keys(payment).length ? { contract: { payment } } : null;
}

export function comparisonRequest(contract: Contract, draft: VariantDraft, iterations: number, seed: number): ComparisonRequest | null {
  const changes = variantPatch(contract, draft);
  if (changes === null) return null;
  return {
    model: { kind: 'contract', contract },
    baselineName: BASE_NAME,
    variants: [{ name: VARIANT_NAME, changes }],
    // Every iteration's outputs are kept: the chance that the variant is better is counted on the
    // pairs (same random numbers), which the summary's percentiles of the difference do not give.
    settings: { iterations, seed, keepSamples: true },
  } as ComparisonRequest;
}

/** A trigger with its price (single price), one band's price, or its share set to `value`. */
export function withPrice(trigger: Obj, value: number, band?: number): Obj {
  if (band !== undefined) {
    const price = trigger.price as { bands: Obj[] } & Obj;
    return { ...trigger, price: { ...price, bands: price.bands.map((b, i) => (i === band ? { ...b, price: value } : b)) } };
  }
  if ('share' in trigger && trigger.kind === 'shareOfSavings') return { ...trigger, share: value };
  return { ...trigger, price: value };
}

/** A new trigger: a job start, or sustained work after `months`, paid to the provider. */
export function newTrigger(kind: 'jobStart' | 'sustained', price: number, months: number, existing: readonly Obj[]): Obj {
  const ids = new Set(existing.map((t) => String(t.id)));
  let n = existing.length + 1;
  while (ids.has(`variant${n}`)) n++;
  const common = { id: `variant${n}`, payee: 'provider', lagMonths: 0, price, workType: 'any' };
  return kind === 'jobStart' ? { ...common, kind } : { ...common, kind, months };
}

/** Which way is better for an output: a higher net result or margin, lower payments. */
export type Better = 'higher' | 'lower';

export const COMPARED_OUTPUTS: readonly { name: string; better: Better }[] = [
  { name: 'payerNetResult', better: 'higher' },
  { name: 'payerOutcomePayments', better: 'lower' },
  { name: 'providerMargin', better: 'higher' },
];

export interface PairedSummary {
  name: string;
  unit: string;
  base: { mean: number | null; p10: number | null; p90: number | null };
  variant: { mean: number | null; p10: number | null; p90: number | null };
  /** Mean, P10 and P90 of variant − base, pair by pair (the service's `differences`). */
  difference: { mean: number | null; p10: number | null; p90: number | null };
  /** Share of the pairs in which the variant is strictly better, and exactly equal (from the samples). */
  chanceBetter: number | null;
  chanceEqual: number | null;
}

export function pairedSummary(result: ComparisonResult, name: string, better: Better): PairedSummary | null {
  const base = result.variants[0]?.result;
  const variant = result.variants[1]?.result;
  const diff = result.differences[0]?.outputs.find((o) => o.name === name);
  const b = base?.outputs.find((o) => o.name === name);
  const v = variant?.outputs.find((o) => o.name === name);
  if (!b || !v || !diff) return null;
  const bs = base.samples?.outputs.find((o) => o.name === name)?.values;
  const vs = variant.samples?.outputs.find((o) => o.name === name)?.values;
  let chanceBetter: number | null = null;
  let chanceEqual: number | null = null;
  if (bs && vs && bs.length === vs.length) {
    let n = 0;
    let wins = 0;
    let ties = 0;
    for (let i = 0; i < bs.length; i++) {
      const x = bs[i];
      const y = vs[i];
      if (x === null || y === null) continue;
      n++;
      const d = y - x;
      if (d === 0) ties++;
      else if (better === 'higher' ? d > 0 : d < 0) wins++;
    }
    if (n > 0) {
      chanceBetter = wins / n;
      chanceEqual = ties / n;
    }
  }
  const band = (o: { mean: number | null; percentiles: { p10: number | null; p90: number | null } }) => ({ mean: o.mean, p10: o.percentiles.p10, p90: o.percentiles.p90 });
  return { name, unit: b.unit, base: band(b), variant: band(v), difference: band(diff), chanceBetter, chanceEqual };
}

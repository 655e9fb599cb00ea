import type { Contract, Schemas } from '../../api/client.js';
import { baseOf, isProbabilityLike } from './driver-inputs.js';

/**
 * The POST /sensitivity requests of the "What drives it" screen, built from the contract and the
 * user's choices. Pure, so the unit tests and the browser test can build the same request the
 * page sends. The break-even searches are the council report's (outputs/report/report-break-even.ts):
 * from 0 to four times today's value, shares and chances no higher than 1, 41 grid points.
 */

type Settings = Schemas['SensitivitySettings'];
export type SensitivityRequest = Schemas['SensitivityRequest'];

/** The contract outputs the page offers, the municipality's net result first (the default). */
export const DRIVER_OUTPUTS = [
  'payerNetResult',
  'payerNetPresentValue',
  'payerOutcomePayments',
  'avoidedCostsAttributable',
  'providerMargin',
  'peakAnnualPayment',
  'benefitCostRatio',
  'placementsAttributable',
  'sustained12',
] as const;
export type DriverOutput = (typeof DRIVER_OUTPUTS)[number];
export const DEFAULT_OUTPUT: DriverOutput = 'payerNetResult';

/** Searched from zero to this multiple of today's value (as the council report). */
export const BREAK_EVEN_RANGE_MULTIPLE = 4;
export const BREAK_EVEN_GRID_POINTS = 41;
/** Default relative range for inputs that are a plain number: ±20%. */
export const DEFAULT_RELATIVE_RANGE = 0.2;
/** Sobol's base sample: N (d + 2) model runs; 256 keeps a 26-input contract near 7,000 runs. */
export const DEFAULT_SOBOL_SAMPLE = 256;
export const SOBOL_BOOTSTRAP = 100;

export function request(contract: Contract, settings: Settings): SensitivityRequest {
  return { model: { kind: 'contract', contract }, settings };
}

/** Tornado: the uncertain inputs from P10 to P90, plus the given ranges (fixed inputs). */
export function tornadoSettings(output: string, ranges: { path: string; low: number; high: number }[] = []): Settings {
  return { method: 'tornado', output, lowQuantile: 0.1, highQuantile: 0.9, ranges };
}

/**
 * Ranges for inputs that are a plain number: today's value × (1 − r) to × (1 + r), shares and
 * chances kept within [0, 1]. Inputs at 0 (no range to scale) or not in the contract (a default
 * the service fills in) are left out and listed in `left`.
 */
export function fixedInputRanges(contract: Contract, paths: readonly string[], relative: number): { ranges: { path: string; low: number; high: number }[]; left: string[] } {
  const ranges: { path: string; low: number; high: number }[] = [];
  const left: string[] = [];
  for (const path of paths) {
    const base = baseOf(contract, path);
    if (base === null || base === 0 || !(relative > 0)) {
      left.push(path);
      continue;
    }
    let low = base * (1 - relative);
    let high = base * (1 + relative);
    if (low > high) [low, high] = [high, low];
    if (isProbabilityLike(path)) {
      low = Math.max(0, low);
      high = Math.min(1, high);
    }
    if (low < high) ranges.push({ path, low, high });
    else left.push(path);
  }
  return { ranges, left };
}

export type BreakEvenKind = 'price' | 'jobEntryRate';

/** One break-even search the page offers: an input alone, or several moved by one factor. */
export interface BreakEvenChoice {
  id: string;
  kind: BreakEvenKind;
  /** The searched input. */
  path: string;
  /** Its value today (a distribution's mean). */
  base: number;
  /** Inputs moved in proportion with it (empty: alone). */
  together: string[];
  low: number;
  high: number;
}

const PRICE_PATH = /^(price|share|price\.bands\[\d+\]\.price)$/;

function choice(kind: BreakEvenKind, contract: Contract, path: string, together: string[] = []): BreakEvenChoice | null {
  const base = baseOf(contract, path);
  if (base === null || !(base > 0)) return null;
  let factor = BREAK_EVEN_RANGE_MULTIPLE;
  for (const moved of [path, ...together]) {
    const movedBase = baseOf(contract, moved);
    if (isProbabilityLike(moved) && movedBase !== null && movedBase > 0) factor = Math.min(factor, 1 / movedBase);
  }
  return { id: together.length ? `${path}:together` : path, kind, path, base, together, low: 0, high: base * factor };
}

/** The price inputs of one trigger: its price, share, or each band of its rate card. */
function pricePaths(contract: Contract, index: number): string[] {
  const trigger = contract.payment.triggers[index] as Record<string, unknown>;
  const prefix = `payment.triggers[${index}].`;
  const paths: string[] = [];
  const price = trigger.price;
  if (price !== undefined) {
    if (price !== null && typeof price === 'object' && Array.isArray((price as { bands?: unknown }).bands))
      (price as { bands: unknown[] }).bands.forEach((_, b) => paths.push(`${prefix}price.bands[${b}].price`));
    else paths.push(`${prefix}price`);
  }
  if (trigger.share !== undefined) paths.push(`${prefix}share`);
  return paths.filter((p) => PRICE_PATH.test(p.slice(prefix.length)));
}

/**
 * The break-even searches for a contract, the default of each kind first: the main trigger's
 * price (the first trigger with a price or share; a rate card's bands together, then each band),
 * and the programme's job-entry rate (all profiles together when there are several, then each).
 */
export function breakEvenChoices(contract: Contract | null): { price: BreakEvenChoice[]; jobEntryRate: BreakEvenChoice[] } {
  const out = { price: [] as BreakEvenChoice[], jobEntryRate: [] as BreakEvenChoice[] };
  if (contract === null) return out;
  for (let i = 0; i < (contract.payment?.triggers ?? []).length; i++) {
    const prices = pricePaths(contract, i).filter((p) => baseOf(contract, p) !== null);
    if (prices.length === 0) continue;
    const alone = prices.map((p) => choice('price', contract, p)).filter((c): c is BreakEvenChoice => c !== null);
    const all = prices.length > 1 ? choice('price', contract, prices[0], prices.slice(1)) : null;
    out.price = all ? [all, ...alone] : alone;
    break;
  }
  const rates = (contract.profiles ?? []).map((_, p) => `profiles[${p}].programme.monthlyJobEntryRate`).filter((p) => baseOf(contract, p) !== null);
  const alone = rates.map((p) => choice('jobEntryRate', contract, p)).filter((c): c is BreakEvenChoice => c !== null);
  const all = rates.length > 1 ? choice('jobEntryRate', contract, rates[0], rates.slice(1)) : null;
  out.jobEntryRate = all ? [all, ...alone] : alone;
  return out;
}

/** The POST /sensitivity settings of a break-even search (as the council report sends them). */
export function breakEvenSettings(output: string, c: BreakEvenChoice): Settings {
  // `together` is in the service's schema since helper C's change (4f54323); typed loosely so the
  // page compiles against an openapi/schema.d.ts generated before it too.
  const settings: Schemas['BreakEvenSettings'] & { together?: string[] } = {
    method: 'break-even',
    output,
    input: c.path,
    target: 0,
    together: c.together,
    low: c.low,
    high: c.high,
    gridPoints: BREAK_EVEN_GRID_POINTS,
  };
  return settings as Settings;
}

/**
 * A two-way heat map: each axis from the input's P10 to P90 when it is uncertain, else today's
 * value ± the relative range (`null` when neither can be had).
 */
export function twoWaySettings(
  output: string,
  contract: Contract,
  x: { path: string; uncertain: boolean },
  y: { path: string; uncertain: boolean },
  relative: number,
  steps = 9,
): Settings | null {
  const axis = (a: { path: string; uncertain: boolean }) => {
    if (a.uncertain) return { path: a.path, steps };
    const range = fixedInputRanges(contract, [a.path], relative).ranges[0];
    return range ? { path: a.path, low: range.low, high: range.high, steps } : null;
  };
  const ax = axis(x);
  const ay = axis(y);
  if (ax === null || ay === null) return null;
  return { method: 'two-way', output, x: ax, y: ay, lowQuantile: 0.1, highQuantile: 0.9 };
}

export function sobolSettings(output: string, sampleSize = DEFAULT_SOBOL_SAMPLE, seed = 1): Settings {
  return { method: 'sobol', output, sampleSize, seed, bootstrapResamples: SOBOL_BOOTSTRAP, confidenceLevel: 0.95 };
}

/** Did the break-even search find a value? (Checked on `value`: the discriminator's generated type has varied.) */
export function breakEvenFound(result: Schemas['BreakEvenFound'] | Schemas['BreakEvenNotFound']): result is Schemas['BreakEvenFound'] {
  return typeof (result as { value?: unknown }).value === 'number';
}

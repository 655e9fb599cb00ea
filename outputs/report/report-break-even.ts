import type { Contract } from '../../models/contract/index.js';
import type { BreakEvenResult, BreakEvenSettings } from '../../models/sensitivity/break-even.js';
import {
  DEFAULT_BREAK_EVEN_HIGH_QUANTILE,
  DEFAULT_BREAK_EVEN_LOW_QUANTILE,
  DEFAULT_BREAK_EVEN_MAX_ITERATIONS,
} from '../../models/sensitivity/limits.js';
import type { ModelInput } from '../../models/simulation/model.js';
import { REPORT_OUTPUT } from './report-analyses.js';

/**
 * The report's break-even points: the price of the main payment trigger, and the programme's
 * job-entry rate, at which the municipality's net result is zero. Each is the existing
 * break-even search (POST /sensitivity, method break-even) on one input, every other input at
 * its expected value, so the figures are deterministic like the evaluation.
 *
 * A contract has several prices when the main trigger is a rate card (one per band), and several
 * job-entry rates when it has several profiles: the report searches each of them on its own, the
 * others kept at their values, and then all of them together, moved by one common factor (the
 * break-even search's `together`), and says so. The main trigger is the first one with a price
 * (or a share of the savings); custom triggers have none.
 */

export type BreakEvenKind = 'price' | 'jobEntryRate';

/** Searched from zero to this multiple of the current value: wide enough to find a realistic break-even, narrow enough to say "not within" plainly. */
export const BREAK_EVEN_RANGE_MULTIPLE = 4;
/** Grid points scanned before Brent's method refines the crossing (twice the API default: the report's ranges are wide). */
export const REPORT_BREAK_EVEN_GRID_POINTS = 41;

export interface ReportBreakEvenSearch {
  kind: BreakEvenKind;
  path: string;
  /** The input's value in the contract (a distribution's mean). */
  base: number;
  /** Inputs moved in proportion with this one (empty: this input alone). */
  together: string[];
  /** The settings as POST /sensitivity takes them, defaults filled in. */
  settings: BreakEvenSettings;
}

export interface ReportBreakEven extends ReportBreakEvenSearch {
  result: BreakEvenResult;
}

/** A trigger's price, a rate card band's price, or a share of the savings, after `payment.triggers[i].`. */
const PRICE_PATH = /^(price|share|price\.bands\[\d+\]\.price)$/;

const isShareOrChance = (path: string) => path.endsWith('.share') || path.endsWith('monthlyJobEntryRate');

/**
 * One search: `input` from 0 to BREAK_EVEN_RANGE_MULTIPLE times its value, the inputs in
 * `together` moved in proportion; shares and chances stay at or below 1.
 */
function search(kind: BreakEvenKind, input: ModelInput, together: ReadonlyArray<ModelInput> = []): ReportBreakEvenSearch | null {
  if (!(input.base > 0)) return null;
  let factor = BREAK_EVEN_RANGE_MULTIPLE;
  for (const moved of [input, ...together]) if (isShareOrChance(moved.path) && moved.base > 0) factor = Math.min(factor, 1 / moved.base);
  return {
    kind,
    path: input.path,
    base: input.base,
    together: together.map((moved) => moved.path),
    settings: {
      method: 'break-even',
      output: REPORT_OUTPUT,
      input: input.path,
      target: 0,
      together: together.map((moved) => moved.path),
      low: 0,
      high: input.base * factor,
      lowQuantile: DEFAULT_BREAK_EVEN_LOW_QUANTILE,
      highQuantile: DEFAULT_BREAK_EVEN_HIGH_QUANTILE,
      gridPoints: REPORT_BREAK_EVEN_GRID_POINTS,
      maxIterations: DEFAULT_BREAK_EVEN_MAX_ITERATIONS,
    },
  };
}

/** The searches a report runs for a contract: main trigger's price(s), then each profile's programme job-entry rate. */
export function reportBreakEvenSearches(contract: Contract, inputs: ReadonlyArray<ModelInput>): ReportBreakEvenSearch[] {
  const searches: ReportBreakEvenSearch[] = [];
  for (let i = 0; i < contract.payment.triggers.length; i++) {
    const prefix = `payment.triggers[${i}].`;
    const prices = inputs.filter((input) => input.path.startsWith(prefix) && PRICE_PATH.test(input.path.slice(prefix.length)));
    if (prices.length === 0) continue;
    for (const input of prices) {
      const found = search('price', input);
      if (found !== null) searches.push(found);
    }
    if (prices.length > 1) {
      const all = search('price', prices[0], prices.slice(1));
      if (all !== null) searches.push(all);
    }
    break;
  }
  const rates = contract.profiles
    .map((_, p) => inputs.find((candidate) => candidate.path === `profiles[${p}].programme.monthlyJobEntryRate`))
    .filter((input): input is ModelInput => input !== undefined);
  for (const input of rates) {
    const found = search('jobEntryRate', input);
    if (found !== null) searches.push(found);
  }
  if (rates.length > 1) {
    const all = search('jobEntryRate', rates[0], rates.slice(1));
    if (all !== null) searches.push(all);
  }
  return searches;
}

import { CONTRACT_DEFAULTS } from '../../models/contract/index.js';
import type { Distribution } from '../../models/distributions/index.js';
import {
  ADMINISTRATION_PER_CASE_YEAR,
  FALLBACK_AFTER_SIX_MONTHS,
  FALLBACK_FIRST_SIX_MONTHS,
  NORM_COUPLE_2024,
  NORM_SINGLE_2024,
} from '../../scenarios/figures.js';
import type { Texts } from '../texts/index.js';
import { pathTemplate } from './input-labels.js';

/**
 * Where an input's value comes from. A distribution that names its own `source` (every preset
 * estimate does) cites that text: the contract carries its citations. Otherwise a plain number
 * equal to a published reference figure (a bijstand norm, Berenschot's administration cost, the
 * CBS fall-back rates, the MKBA discount rate) cites that figure's source; anything else is an
 * assumption of the scenario or the user.
 * Matching on the value, not on the field, keeps the citation honest: a changed value loses it.
 */

interface ReferenceFigure {
  template: string;
  values: number[];
  /** Key of the source in scenarios/figures.ts SOURCES (and in the texts' `sources`). */
  source: string;
}

const REFERENCE_FIGURES: ReferenceFigure[] = [
  { template: 'profiles[].monthlyBenefit', values: [NORM_SINGLE_2024, NORM_COUPLE_2024], source: 'norms' },
  { template: 'profiles[].administrationCostPerYear', values: [ADMINISTRATION_PER_CASE_YEAR, CONTRACT_DEFAULTS.administrationCostPerCaseYear], source: 'berenschot' },
  {
    template: 'work.fallbackHazard[].monthlyRate',
    values: [FALLBACK_FIRST_SIX_MONTHS, FALLBACK_AFTER_SIX_MONTHS, CONTRACT_DEFAULTS.monthlyFallbackHazard],
    source: 'cbsRetention',
  },
  { template: 'money.discountRate', values: [CONTRACT_DEFAULTS.discountRate], source: 'mkba' },
];

/** Relative tolerance of a match: the figures are stored to full precision, so this only absorbs rounding. */
const MATCH_TOLERANCE = 1e-9;

/** The source a distribution names itself, when it names one (a blank text names none); contract and fund tables alike. */
export function ownSource(distribution: Distribution | null): string | undefined {
  const own = distribution?.source;
  return own !== undefined && own.trim() !== '' ? own : undefined;
}

export function inputSource(path: string, value: number, distribution: Distribution | null, texts: Texts): string {
  const own = ownSource(distribution);
  if (own !== undefined) return own;
  if (distribution === null) {
    const template = pathTemplate(path);
    for (const figure of REFERENCE_FIGURES) {
      if (figure.template !== template) continue;
      if (figure.values.some((reference) => Math.abs(reference - value) <= MATCH_TOLERANCE * Math.max(1, Math.abs(reference))))
        return texts.sources[figure.source] ?? figure.source;
    }
  }
  return texts.assumedSource;
}

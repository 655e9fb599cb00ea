import type { PortfolioPreset } from './preset.js';
import { rotterdamPlaceBasedFund } from './rotterdam-place-based-fund.js';
import { smallMunicipalityFund } from './small-municipality-fund.js';

export type { PortfolioPreset } from './preset.js';
export { PortfolioPresetSummarySchema } from './preset.js';
export { withoutOutcomePayments, grantsInsteadOfLoans } from './strategy-variants.js';

export const PORTFOLIO_PRESETS: readonly PortfolioPreset[] = [rotterdamPlaceBasedFund, smallMunicipalityFund];

import { z } from 'zod';
import { CONTRACT_PRESETS } from './index.js';
import { PORTFOLIO_PRESETS, PortfolioPresetSummarySchema } from './portfolios/index.js';
import type { PortfolioPreset } from './portfolios/preset.js';
import { PresetSummarySchema, type ContractPreset } from './preset.js';

/**
 * Every preset the service ships, contract and fund alike, as GET /presets lists them: one list,
 * told apart by `kind`. Ids are unique over both kinds, so GET /presets/{id} needs no kind.
 */
export const PresetListItemSchema = z
  .discriminatedUnion('kind', [PresetSummarySchema, PortfolioPresetSummarySchema])
  .meta({ id: 'PresetListItem', description: 'A contract preset (kind contract) or a fund preset (kind portfolio), without its data.' });
export type PresetListItem = z.infer<typeof PresetListItemSchema>;

export type AnyPreset = { kind: 'contract'; preset: ContractPreset } | { kind: 'portfolio'; preset: PortfolioPreset };

export const ALL_PRESETS: readonly AnyPreset[] = [
  ...CONTRACT_PRESETS.map((preset) => ({ kind: 'contract' as const, preset })),
  ...PORTFOLIO_PRESETS.map((preset) => ({ kind: 'portfolio' as const, preset })),
];

export function presetSummary(entry: AnyPreset): PresetListItem {
  const { id, title, summary, assumptions, sources } = entry.preset;
  if (entry.kind === 'contract') return { id, kind: 'contract', title, summary, assumptions, sources };
  return { id, kind: 'portfolio', title, summary, assumptions, sources, strategies: entry.preset.strategies.map(({ name, description }) => ({ name, description })) };
}

/** The preset with its data: a contract preset with its contract, a fund preset with its portfolio and the full strategies. */
export function presetWithData(entry: AnyPreset) {
  if (entry.kind === 'contract') return { ...presetSummary(entry), contract: entry.preset.contract };
  return { ...presetSummary(entry), portfolio: entry.preset.portfolio, strategies: entry.preset.strategies };
}

export function findPreset(id: string): AnyPreset | undefined {
  return ALL_PRESETS.find((entry) => entry.preset.id === id);
}

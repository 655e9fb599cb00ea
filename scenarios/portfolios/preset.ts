import { z } from 'zod';
import type { PortfolioInput } from '../../models/portfolio/index.js';

/** A preset place-based investment scenario: data plus where its figures come from and what it assumes. */
export interface PortfolioPreset {
  id: string;
  title: string;
  summary: string;
  /** What is assumed rather than known: replace these figures with your own. */
  assumptions: string;
  sources: { label: string; url?: string }[];
  portfolio: PortfolioInput;
  /** Alternative strategies for the same area, to compare side by side with `portfolio` (the first strategy). */
  strategies: { name: string; description: string; portfolio: PortfolioInput }[];
}

export const PortfolioPresetSummarySchema = z
  .object({
    id: z.string(),
    kind: z.literal('portfolio'),
    title: z.string(),
    summary: z.string(),
    assumptions: z.string(),
    sources: z.array(z.object({ label: z.string(), url: z.string().optional() })),
    strategies: z.array(z.object({ name: z.string(), description: z.string() })),
  })
  .meta({ id: 'PortfolioPresetSummary' });

import { z } from 'zod';
import type { ContractInput } from '../models/contract/index.js';

/** A preset scenario: data plus where its figures come from and what it assumes. */
export interface ContractPreset {
  id: string;
  title: string;
  summary: string;
  /** One or two sentences on what is assumed rather than known: replace these figures with your own. */
  assumptions: string;
  sources: { label: string; url?: string }[];
  contract: ContractInput;
}

export const PresetSummarySchema = z
  .object({
    id: z.string(),
    kind: z.literal('contract'),
    title: z.string(),
    summary: z.string(),
    assumptions: z.string(),
    sources: z.array(z.object({ label: z.string(), url: z.string().optional() })),
  })
  .meta({ id: 'PresetSummary' });

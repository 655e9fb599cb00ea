import { z } from 'zod';
import { Uncertain } from '../../distributions/schema.js';

/**
 * Who pays and who gains ("de verkeerde zak"): the budgets on which a contract's effects land.
 * A municipality has several budgets (the inkomensdeel or BUIG pays benefits and
 * loonkostensubsidie, the participatiebudget pays re-integration, the apparatus pays
 * administration, and its social domain pays debt counselling, youth care and Wmo); the state,
 * UWV and the health insurers gain revenue when someone works. Each budget belongs to one party,
 * and each party to one perspective of a social cost-benefit analysis (MKBA).
 */
export const BUDGET_HOLDERS = [
  ['gemeenteInkomensdeel', 'gemeente', 'municipality', 'Municipality: inkomensdeel (BUIG): bijstand benefits and loonkostensubsidie'],
  ['gemeenteParticipatiebudget', 'gemeente', 'municipality', 'Municipality: participatiebudget (re-integration, coaching)'],
  ['gemeenteUitvoering', 'gemeente', 'municipality', 'Municipality: administration (uitvoeringskosten) and contract management'],
  ['gemeenteSchuldhulpverlening', 'gemeente', 'municipality', 'Municipality: debt counselling (schuldhulpverlening)'],
  ['gemeenteJeugdzorg', 'gemeente', 'municipality', 'Municipality: youth care (jeugdzorg)'],
  ['gemeenteWmo', 'gemeente', 'municipality', 'Municipality: social support (Wmo)'],
  ['rijk', 'rijk', 'otherGovernment', 'State: income tax and national-insurance contributions, allowances (toeslagen)'],
  ['uwv', 'uwv', 'otherGovernment', 'UWV: employee-insurance premiums (WW, WIA) and benefits'],
  ['zorgverzekeraars', 'zorgverzekeraars', 'otherGovernment', 'Health insurers and the Zorgverzekeringsfonds: Zvw contributions and health care costs'],
  ['provincie', 'provincie', 'otherGovernment', 'Province'],
  ['fonds', 'fonds', 'others', 'A fund or foundation (not government)'],
  ['deelnemer', 'deelnemer', 'participant', 'The participant: net income and wellbeing'],
] as const;

export type BudgetHolderId = (typeof BUDGET_HOLDERS)[number][0];
export type PartyId = (typeof BUDGET_HOLDERS)[number][1];
/** MKBA perspectives; `society` is the sum of all four with the provider and investors. */
export type Perspective = (typeof BUDGET_HOLDERS)[number][2];
export const PERSPECTIVES = ['participant', 'municipality', 'otherGovernment', 'others', 'society'] as const;
export type PerspectiveOrSociety = (typeof PERSPECTIVES)[number];

export const BUDGET_HOLDER_IDS = BUDGET_HOLDERS.map(([id]) => id) as unknown as readonly [BudgetHolderId, ...BudgetHolderId[]];
export const PARTY_IDS: readonly PartyId[] = [...new Set(BUDGET_HOLDERS.map(([, party]) => party))];
export const partyOf = (holder: BudgetHolderId): PartyId => BUDGET_HOLDERS.find(([id]) => id === holder)![1];
export const perspectiveOf = (holder: BudgetHolderId): Perspective => BUDGET_HOLDERS.find(([id]) => id === holder)![2];

export const BudgetHolderSchema = z.enum(BUDGET_HOLDER_IDS).meta({
  id: 'BudgetHolder',
  description: BUDGET_HOLDERS.map(([id, , , text]) => `${id}: ${text}`).join('; '),
});

/**
 * What an effect is counted per. Months in work are those of the programme minus those of the
 * counterfactual (so every effect is attributable, like the payer's avoided costs).
 */
export const EFFECT_BASES = [
  ['monthInWork', 'a month a participant is in work (full- or part-time)'],
  ['monthInWorkFullTime', 'a month a participant is in full-time work'],
  ['monthInWorkPartTime', 'a month a participant is in part-time work'],
  ['monthInWorkWithLks', 'a month a participant works with loonkostensubsidie'],
  ['monthOnBenefit', 'a month a participant receives a full benefit (give a cost as a negative amount)'],
  ['placement', 'a job start'],
  ['sustained6', 'a participant completing 6 months in work'],
  ['sustained12', 'a participant completing 12 months in work'],
  ['sustained24', 'a participant completing 24 months in work'],
] as const;
export type EffectBasis = (typeof EFFECT_BASES)[number][0];
const EffectBasisSchema = z.enum(EFFECT_BASES.map(([id]) => id) as unknown as readonly [EffectBasis, ...EffectBasis[]]).describe(
  EFFECT_BASES.map(([id, text]) => `${id}: ${text}`).join('; '),
);

const Identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'must start with a letter and contain only letters and digits (max 40): it becomes part of output names');

export const BudgetEffectSchema = z
  .strictObject({
    id: Identifier,
    label: z.string().max(200).optional(),
    holder: BudgetHolderSchema,
    basis: EffectBasisSchema,
    amount: Uncertain.describe(
      'Euros of the start year the holder gains per unit of the basis (negative: it pays). Give it as a distribution with a source naming the Dutch source, year and range.',
    ),
    cash: z
      .boolean()
      .default(true)
      .describe('false: a non-cash value (wellbeing) reported in the MKBA view only, never added to cash results.'),
    partTimeFactor: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe('For basis monthInWork: a month in part-time work counts for this fraction of a full-time month (0.5: half the hours). Fixed, not uncertain.'),
    indexedWith: z
      .enum(['benefits', 'costs'])
      .default('benefits')
      .describe('benefits: grows with the benefit indexation (wages and norms move with the minimum wage); costs: with the cost indexation.'),
  })
  .meta({ id: 'BudgetEffect' });

export const MunicipalitySchema = z
  .strictObject({
    id: Identifier,
    label: z.string().max(200).optional(),
    profiles: z
      .array(z.string())
      .min(1)
      .max(20)
      .describe('Ids of the profiles whose participants live in this municipality; each profile belongs to exactly one. Give each its own benefit levels and intake share.'),
  })
  .meta({ id: 'Municipality' });

export const BudgetHoldersSchema = z
  .strictObject({
    municipalities: z
      .array(MunicipalitySchema)
      .min(2)
      .max(20)
      .optional()
      .describe(
        'A regional contract: the municipalities whose residents take part. Each saves on and pays for its own residents (outcome payments by its residents\' share of each trigger, own costs by its share of participants); the municipal budgets stay reported for the region.',
      ),
    effects: z
      .array(BudgetEffectSchema)
      .max(40)
      .default([])
      .describe(
        'Effects beyond the municipality\'s own benefit, loonkostensubsidie and administration (which the contract model computes itself and books on gemeenteInkomensdeel and gemeenteUitvoering).',
      ),
  })
  .meta({
    id: 'BudgetHolders',
    description:
      'Savings and costs per budget holder: the municipality split by budget, the state, UWV, health insurers, other municipal domains and the participant, each per year, with flow-back shares and an MKBA view per perspective.',
  });

/** One party funding outcome payments. */
export const PayerSchema = z
  .strictObject({
    id: Identifier,
    label: z.string().max(200).optional(),
    holder: BudgetHolderSchema.describe('The budget the payments come from; the payer\'s net result is that of the budget\'s party (all municipal budgets for a municipality).'),
    share: Uncertain.default(1).describe('Weight of this payer among the payers of a trigger (method shares); weights are normalised per trigger.'),
    triggers: z
      .array(z.string())
      .max(20)
      .optional()
      .describe('Trigger ids this payer funds (method shares); absent: all triggers.'),
  })
  .meta({ id: 'Payer' });

export const FundingSchema = z
  .strictObject({
    method: z
      .enum(['shares', 'gains'])
      .default('shares')
      .describe(
        'shares: each trigger is funded by the payers that list it (or list none), in proportion to their shares. gains: every payment is split in proportion to what each payer\'s party gains over the horizon before payments (positive part; equal shares when nobody gains).',
      ),
    payers: z.array(PayerSchema).min(1).max(10),
  })
  .meta({ id: 'Funding', description: 'Outcome payments funded by several parties (municipality, province, fund, a national budget).' });

export type BudgetHolders = z.infer<typeof BudgetHoldersSchema>;
export type BudgetEffect = z.infer<typeof BudgetEffectSchema>;
export type BudgetEffectInput = z.input<typeof BudgetEffectSchema>;
export type Funding = z.infer<typeof FundingSchema>;
export type Municipality = z.infer<typeof MunicipalitySchema>;

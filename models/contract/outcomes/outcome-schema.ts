import { z } from 'zod';
import { Uncertain } from '../../distributions/schema.js';
import { BudgetHolderSchema } from '../budget-holders/budget-holder-schema.js';

/**
 * Outcomes beyond work (issue 17): an event each eligible participant can reach once, such as
 * debts resolved or youth care ended, with its own monthly chance with and without the programme.
 * It is valued per budget holder and may be paid for by an `outcome` trigger.
 */
const Identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'must start with a letter and contain only letters and digits (max 40): it becomes part of output names');

export const OutcomeValueSchema = z
  .strictObject({
    holder: BudgetHolderSchema,
    once: Uncertain.default(0).describe('Euros of the start year the holder gains once, in the month the outcome is reached (negative: it pays).'),
    perMonthAfter: Uncertain.default(0).describe('Euros of the start year the holder gains in every month from the outcome on (e.g. youth care no longer paid).'),
    cash: z.boolean().default(true).describe('false: a non-cash value, reported in the MKBA view only.'),
  })
  .meta({ id: 'OutcomeValue' });

export const OutcomeSchema = z
  .strictObject({
    id: Identifier,
    label: z.string().max(200).optional(),
    eligibleShare: Uncertain.default(1).describe('Share of the participants who can reach it (who have debts, a child in youth care).'),
    programme: z
      .strictObject({ monthlyRate: Uncertain.describe('Monthly chance of reaching it during the programme months.') })
      .describe('With the programme: this rate for the programme months after intake, the counterfactual rate after.'),
    counterfactual: z.strictObject({ monthlyRate: Uncertain.describe('Monthly chance of reaching it without the programme (and after the programme months).') }),
    values: z.array(OutcomeValueSchema).max(10).default([]),
  })
  .meta({
    id: 'Outcome',
    description:
      'An outcome beyond work. Eligible participants have their first chance in the month after intake; each month one reaches it with the monthly rate (programme rate while months since intake are below programmeMonths in the programme world, the counterfactual rate otherwise). Independent of work. Counted attributable (programme minus counterfactual) in the budget view.',
  });

export type Outcome = z.infer<typeof OutcomeSchema>;

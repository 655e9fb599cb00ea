import { z } from 'zod';
import { CONTRACT_LIMITS } from '../contract/limits.js';
import { storableText } from '../text-schema.js';

/**
 * The actuals (realisaties) of a running contract: what happened per contract month up to the
 * as-of month, as recorded by the municipality or the provider. Counts are whole persons; the
 * contract months are those of the contract (0 = its start month).
 */

const Persons = z.number().int({ error: 'must be a whole number of persons' }).min(0, { error: 'must not be negative' });
const Month = z.number().int().min(0).max(CONTRACT_LIMITS.maxHorizonMonths - 1);

/** At most one row per month and profile over the longest horizon. */
export const MAX_ACTUALS_ROWS = CONTRACT_LIMITS.maxHorizonMonths * CONTRACT_LIMITS.maxProfiles;

export const ActualsMonthSchema = z
  .strictObject({
    month: Month.describe('Contract month (0 = the start month).'),
    profile: storableText(z.string().min(1).max(64))
      .optional()
      .describe('Participant profile id, when the actuals are kept per profile: then every row names one, one row per month and profile.'),
    intake: Persons.describe('Participants who entered the programme this month.'),
    jobStarts: Persons.describe('Participants who started work this month (uitstroom naar werk).'),
    inWork: Persons.optional().describe('Participants in work at the end of the month; checked against job starts and fall-backs.'),
    fallbacks: Persons.describe('Participants who fell back onto bijstand after work this month.'),
    otherExits: Persons.default(0).describe('Participants waiting for work who left bijstand for other reasons this month (moving, partner income, education).'),
    partTimeStarts: Persons.optional().describe('Of the job starts, how many were part-time (informs the part-time share).'),
    sustained6: Persons.optional().describe('Participants completing 6 months in work this month.'),
    sustained12: Persons.optional().describe('Participants completing 12 months in work this month.'),
    sustained24: Persons.optional().describe('Participants completing 24 months in work this month.'),
    payments: z.number().min(0, { error: 'must not be negative' }).max(1e12).describe('Outcome payments made this month, euros.'),
  })
  .meta({ id: 'ActualsMonth' });

export const ComparisonMonthSchema = z
  .strictObject({
    month: Month,
    atRisk: Persons.describe('Persons in the comparison group on bijstand and not yet in work at the start of the month.'),
    jobStarts: Persons.describe('Of them, how many started work this month.'),
  })
  .meta({ id: 'ComparisonMonth' });

export const ActualsSchema = z
  .strictObject({
    asOfMonth: Month.describe('The last contract month the actuals cover; months 0 .. asOfMonth must all be present.'),
    months: z.array(ActualsMonthSchema).max(MAX_ACTUALS_ROWS),
    comparisonGroup: z
      .strictObject({
        description: storableText(z.string().max(2000)).optional(),
        months: z.array(ComparisonMonthSchema).min(1).max(CONTRACT_LIMITS.maxHorizonMonths),
      })
      .optional()
      .describe(
        'A comparison group without the programme (persons at risk and job starts per month). Only with one does the data say anything about the counterfactual job-entry rate.',
      ),
    source: storableText(z.string().max(2000)).optional().describe('Where the actuals come from (system, report, date of extraction).'),
  })
  .meta({ id: 'Actuals', description: 'What happened in a running contract, month by month up to the as-of month.' });

export type Actuals = z.infer<typeof ActualsSchema>;
export type ActualsInput = z.input<typeof ActualsSchema>;
export type ActualsMonth = z.infer<typeof ActualsMonthSchema>;

/** The count columns of a month row, in template order. */
export const ACTUALS_COUNT_FIELDS = ['intake', 'jobStarts', 'inWork', 'fallbacks', 'otherExits', 'partTimeStarts', 'sustained6', 'sustained12', 'sustained24'] as const;

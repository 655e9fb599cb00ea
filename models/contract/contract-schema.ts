import { z } from 'zod';
import { Uncertain } from '../distributions/schema.js';
import { NameSchema } from '../text-schema.js';
import { CONTRACT_DEFAULTS } from './defaults.js';
import { CONTRACT_LIMITS } from './limits.js';
import { BudgetHoldersSchema, FundingSchema } from './budget-holders/budget-holder-schema.js';
import { OutcomeSchema } from './outcomes/outcome-schema.js';

/**
 * The outcome contract (resultaatcontract) as one JSON document. Every numeric field that is
 * `Uncertain` may be a number or a distribution; the compiler lists them as model inputs by path.
 * Integer fields (months, ids, intake counts) are structure, not uncertain inputs.
 */

const Identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must start with a letter and contain only letters, digits, _ and - (max 64)');
const MonthIndex = z.number().int().min(0).max(CONTRACT_LIMITS.maxHorizonMonths);

export const RatesSchema = z
  .strictObject({
    monthlyJobEntryRate: Uncertain.describe('Chance per month that a person on bijstand starts work (uitstroom naar werk).'),
    monthlyOtherExitRate: Uncertain.default(0).describe(
      'Chance per month of leaving bijstand for other reasons (moving, partner income, education).',
    ),
  })
  .meta({ id: 'TransitionRates' });

export const ProfileSchema = z
  .strictObject({
    id: Identifier,
    label: z.string().max(200).optional(),
    share: Uncertain.describe('Weight of this profile in the intake; weights are normalised to sum to 1.'),
    monthlyBenefit: Uncertain.describe(
      'Monthly bijstand benefit in euros of the start year (e.g. single norm 1 Jan 2024: 1,283.83 incl. holiday pay).',
    ),
    monthsOnBenefitBeforeIntake: z
      .number()
      .int()
      .min(0)
      .max(600)
      .default(0)
      .describe('How long the profile was on bijstand before intake; selects the price band of a rate card.'),
    administrationCostPerYear: Uncertain.default(CONTRACT_DEFAULTS.administrationCostPerCaseYear).describe(
      'Uitvoeringskosten per case per year (default 2,883: Berenschot 2018).',
    ),
    programme: RatesSchema.describe('Rates while in the programme.'),
    counterfactual: RatesSchema.describe(
      'Rates without the programme (also used after the programme period ends). Ignored for job entry when the counterfactual method is deadweight.',
    ),
  })
  .meta({ id: 'ParticipantProfile' });

/**
 * Intake is a number of people the contract fixes: a whole number, and not uncertain. A fractional
 * count made expected-rate runs count 2.5 people where drawn runs rounded to 3 (60 over 24 months
 * became 72 people). Uncertain recruitment (fewer people found than contracted) is not modelled.
 */
const WholePeople = z
  .number({
    error: (issue) =>
      issue.input !== null && typeof issue.input === 'object'
        ? 'intake is fixed by the contract: give a whole number of people, not a distribution (uncertain recruitment is not modelled)'
        : undefined,
  })
  .int({ error: 'must be a whole number of people' })
  .min(0);

export const CohortSchema = z
  .strictObject({
    month: MonthIndex.describe('Contract month of intake (0 = start month).'),
    count: WholePeople.describe(
      `Participants entering in that month: a whole number the contract fixes (not a distribution). To spread a total over months, give it as one cohort per month with counts that add up to it (as spreadIntake does: the same number each month, one more in the earliest months). All cohorts together at most ${CONTRACT_LIMITS.maxParticipants.toLocaleString('en-US')}.`,
    ),
  })
  .meta({ id: 'IntakeCohort' });

export const HazardBandSchema = z
  .strictObject({
    fromMonthsInWork: z.number().int().min(0).max(CONTRACT_LIMITS.maxHorizonMonths),
    monthlyRate: Uncertain.describe('Chance per month of falling back onto bijstand for someone who has worked at least fromMonthsInWork months.'),
  })
  .meta({ id: 'FallbackHazardBand' });

export const WorkSchema = z
  .strictObject({
    partTimeShare: Uncertain.default(0).describe('Share of placements that are part-time.'),
    partTimeBenefitShare: Uncertain.default(0.5).describe(
      'Share of the benefit still paid to a part-time worker (top-up after the earnings disregard).',
    ),
    lksShare: Uncertain.default(0).describe('Share of placements that need loonkostensubsidie (LKS).'),
    lksMonthlyAmount: Uncertain.default(0).describe('LKS per worker per month, euros of the start year.'),
    fallbackHazard: z
      .array(HazardBandSchema)
      .min(1)
      .max(CONTRACT_LIMITS.maxHazardBands)
      .default([{ fromMonthsInWork: 0, monthlyRate: CONTRACT_DEFAULTS.monthlyFallbackHazard }])
      .describe('Fall-back hazard by months in work; the first band must start at 0. Default: CBS 2021, 82% still in work after 6 months.'),
  })
  .meta({ id: 'Work' });

export const CounterfactualSchema = z
  .discriminatedUnion('method', [
    z.strictObject({ method: z.literal('rates') }).describe("Run the population again with each profile's counterfactual rates."),
    z
      .strictObject({
        method: z.literal('deadweight'),
        deadweightShare: Uncertain.describe('Share of the programme\'s work outcomes that would have happened anyway.'),
      })
      .describe('Counterfactual work outcomes are this share of the programme\'s.'),
  ])
  .meta({ id: 'Counterfactual' });

export const PriceBandSchema = z
  .strictObject({
    minMonthsOnBenefit: z.number().int().min(0).max(600),
    price: Uncertain,
  })
  .meta({ id: 'PriceBand' });

export const PriceSchema = z
  .union([
    Uncertain,
    z
      .strictObject({ bands: z.array(PriceBandSchema).min(1).max(20) })
      .describe('A rate card by months on bijstand before intake (as in SIFR\'s Prestatiecontract Werk): the band with the highest minMonthsOnBenefit not above the profile\'s applies.'),
  ])
  .meta({ id: 'Price' });

const triggerCommon = {
  id: Identifier,
  payee: z.enum(['provider', 'investor']).default('provider').describe('investor: enters the investor waterfall.'),
  lagMonths: z.number().int().min(0).max(60).default(0).describe('Months between the result and the payment.'),
};
const WorkType = z.enum(['any', 'fullTime', 'partTime']).default('any');

export const TriggerSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      ...triggerCommon,
      kind: z.literal('jobStart'),
      price: PriceSchema,
      workType: WorkType,
    }),
    z.strictObject({
      ...triggerCommon,
      kind: z.literal('sustained'),
      months: z.number().int().min(1).max(CONTRACT_LIMITS.maxHorizonMonths).describe('Consecutive months in work.'),
      price: PriceSchema,
      workType: WorkType,
    }),
    z.strictObject({
      ...triggerCommon,
      kind: z.literal('perMonthOffBenefit'),
      price: PriceSchema.describe('Per full month of benefit saved (a part-time month counts for the share not paid).'),
      basis: z
        .enum(['gross', 'attributable'])
        .default('gross')
        .describe('attributable: pay only for benefit months saved beyond the counterfactual (cumulative), as in the Buzinezzclub SIBs.'),
    }),
    z.strictObject({
      ...triggerCommon,
      kind: z.literal('shareOfSavings'),
      share: Uncertain.describe('Share of the realised savings (avoided benefit and administration from work) paid out, e.g. 0.4 in Emmen.'),
      basis: z.enum(['gross', 'attributable']).default('attributable'),
    }),
    z.strictObject({
      ...triggerCommon,
      kind: z.literal('outcome'),
      outcome: Identifier.describe('Id of an entry in outcomes (an outcome beyond work).'),
      price: Uncertain.describe('Per outcome reached, euros of the start year (indexed with prices).'),
      basis: z
        .enum(['gross', 'attributable'])
        .default('attributable')
        .describe('attributable: pay only for outcomes beyond the counterfactual (cumulative, high-water mark).'),
    }),
    z.strictObject({
      ...triggerCommon,
      kind: z.literal('custom'),
      expression: z
        .string()
        .min(1)
        .max(CONTRACT_LIMITS.maxCustomExpressionLength)
        .describe('A mathjs expression over the monthly quantities listed in the glossary; its value is the amount due that month in euros.'),
    }),
  ])
  .meta({ id: 'PaymentTrigger' });

export const ThresholdSchema = z
  .strictObject({
    minimumImprovement: Uncertain.describe('Pay only when the programme beats the counterfactual by at least this fraction (0.1 = 10%).'),
    metric: z.enum(['placements', 'sustained', 'benefitMonthsSaved']).default('placements'),
    months: z.number().int().min(1).max(CONTRACT_LIMITS.maxHorizonMonths).default(12).describe('For metric sustained.'),
    assessFromMonth: MonthIndex.default(0).describe('No payment is released before this contract month.'),
  })
  .meta({
    id: 'PaymentThreshold',
    description:
      'Payments falling due while the cumulative improvement is below the threshold are held and released once it is met; held amounts never released are not paid.',
  });

export const CapsSchema = z
  .strictObject({
    perParticipant: Uncertain.optional().describe('Per participant over the contract, in prices of the start year (indexed with prices). Applies to per-participant triggers.'),
    perYear: Uncertain.optional().describe('Per calendar year, nominal euros (the budget line).'),
    total: Uncertain.optional().describe('Over the whole contract, nominal euros (the contract budget).'),
    carryForwardYearly: z.boolean().default(false).describe('Amounts above the yearly cap move to the next year instead of lapsing.'),
  })
  .meta({ id: 'PaymentCaps' });

export const PaymentSchema = z
  .strictObject({
    triggers: z.array(TriggerSchema).min(1).max(CONTRACT_LIMITS.maxTriggers),
    caps: CapsSchema.default({ carryForwardYearly: false }),
    threshold: ThresholdSchema.optional(),
  })
  .meta({ id: 'PaymentTerms' });

export const ProviderSchema = z
  .strictObject({
    costPerParticipantMonth: Uncertain.default(0).describe('Coaching cost per participant per programme month.'),
    costPerPlacement: Uncertain.default(0).describe('One-off cost per job start (job coaching, placement).'),
    fixedCostPerMonth: Uncertain.default(0).describe('Fixed cost per month of the delivery period.'),
  })
  .meta({ id: 'Provider' });

export const InvestorSchema = z
  .strictObject({
    commitment: Uncertain.describe('Capital the investors commit; drawn as the provider spends.'),
    financedShare: Uncertain.default(1).describe('Share of the provider\'s costs financed by draws until the commitment is used.'),
    returnCap: Uncertain.default(0.12).describe('Annual return cap of the waterfall (12% in the Buzinezzclub Rotterdam SIB).'),
    hurdleRate: Uncertain.default(0.08).describe('Annual rate for the investor NPV.'),
    firstLossGuarantee: z
      .strictObject({
        amount: Uncertain,
        guarantor: z.enum(['payer', 'thirdParty']).default('thirdParty'),
      })
      .optional()
      .describe('Covers the investors\' loss up to the amount at the end of the horizon.'),
  })
  .meta({ id: 'Investor' });

export const MoneySchema = z
  .strictObject({
    discountRate: Uncertain.default(CONTRACT_DEFAULTS.discountRate).describe('Annual real discount rate; default 2.25% (Werkgroep discontovoet 2020).'),
    benefitIndexation: Uncertain.default(0).describe('Yearly growth of benefit levels, applied each January after the start.'),
    priceIndexation: Uncertain.default(0).describe('Yearly growth of outcome prices and per-participant caps.'),
    costIndexation: Uncertain.default(0).describe('Yearly growth of provider costs, LKS and the payer\'s own costs.'),
  })
  .meta({
    id: 'Money',
    description: 'All amounts are in euros of the start year; indexation is growth relative to that, and the discount rate is real.',
  });

export const ContractSchema = z
  .strictObject({
    name: NameSchema,
    description: z.string().max(4000).optional(),
    startMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
      .default(CONTRACT_DEFAULTS.startMonth),
    horizonMonths: z.number().int().min(1).max(CONTRACT_LIMITS.maxHorizonMonths).default(CONTRACT_DEFAULTS.horizonMonths),
    programmeMonths: z
      .number()
      .int()
      .min(1)
      .max(CONTRACT_LIMITS.maxHorizonMonths)
      .default(12)
      .describe('Months after intake during which the programme rates apply and the provider coaches.'),
    money: MoneySchema.default({
      discountRate: CONTRACT_DEFAULTS.discountRate,
      benefitIndexation: 0,
      priceIndexation: 0,
      costIndexation: 0,
    }),
    intake: z
      .strictObject({
        cohorts: z.array(CohortSchema).min(1).max(CONTRACT_LIMITS.maxCohorts),
        delayMonths: Uncertain.default(0).describe('Start delay: every cohort shifts this many months (rounded).'),
      })
      .meta({ id: 'Intake' }),
    profiles: z.array(ProfileSchema).min(1).max(CONTRACT_LIMITS.maxProfiles),
    work: WorkSchema.default({
      partTimeShare: 0,
      partTimeBenefitShare: 0.5,
      lksShare: 0,
      lksMonthlyAmount: 0,
      fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: CONTRACT_DEFAULTS.monthlyFallbackHazard }],
    }),
    counterfactual: CounterfactualSchema.default({ method: 'rates' }),
    payment: PaymentSchema,
    payer: z
      .strictObject({
        ownCostsOneOff: Uncertain.default(0).describe('Set-up, procurement, evaluation: paid in month 0.'),
        ownCostsPerMonth: Uncertain.default(0).describe('Contract management per month of the horizon.'),
      })
      .meta({ id: 'PayerCosts' })
      .default({ ownCostsOneOff: 0, ownCostsPerMonth: 0 }),
    provider: ProviderSchema.default({ costPerParticipantMonth: 0, costPerPlacement: 0, fixedCostPerMonth: 0 }),
    investor: InvestorSchema.optional(),
    budgetHolders: BudgetHoldersSchema.optional().describe(
      'Who pays and who gains: savings and costs per budget holder (the municipality by budget, the state, UWV, health insurers, the participant) with flow-back shares and an MKBA view. Absent: the contract reports the payer only, as before.',
    ),
    outcomes: z
      .array(OutcomeSchema)
      .max(10)
      .optional()
      .describe('Outcomes beyond work (debts resolved, youth care ended) with their own monthly rates, valued per budget holder and usable by outcome triggers.'),
    funding: FundingSchema.optional().describe('Several payers of the outcome payments. Absent: the municipality pays them all from its participatiebudget.'),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.profiles.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `duplicate profile id '${p.id}'` });
      ids.add(p.id);
    });
    const triggerIds = new Set<string>();
    c.payment.triggers.forEach((t, i) => {
      if (triggerIds.has(t.id)) ctx.addIssue({ code: 'custom', path: ['payment', 'triggers', i, 'id'], message: `duplicate trigger id '${t.id}'` });
      triggerIds.add(t.id);
      if (t.payee === 'investor' && !c.investor)
        ctx.addIssue({ code: 'custom', path: ['payment', 'triggers', i, 'payee'], message: 'payee investor needs an investor section' });
      if (t.kind === 'outcome' && !(c.outcomes ?? []).some((o) => o.id === t.outcome))
        ctx.addIssue({ code: 'custom', path: ['payment', 'triggers', i, 'outcome'], message: `unknown outcome '${t.outcome}'; add it to outcomes` });
      if (t.kind === 'sustained' && t.months >= c.horizonMonths)
        ctx.addIssue({ code: 'custom', path: ['payment', 'triggers', i, 'months'], message: `must be shorter than the horizon (${c.horizonMonths} months)` });
    });
    c.intake.cohorts.forEach((k, i) => {
      if (k.month >= c.horizonMonths)
        ctx.addIssue({ code: 'custom', path: ['intake', 'cohorts', i, 'month'], message: `must be before the horizon end (month ${c.horizonMonths - 1})` });
    });
    const bands = c.work.fallbackHazard;
    if (bands[0] && bands[0].fromMonthsInWork !== 0)
      ctx.addIssue({ code: 'custom', path: ['work', 'fallbackHazard', 0, 'fromMonthsInWork'], message: 'the first band must start at 0' });
    for (let i = 1; i < bands.length; i++)
      if (bands[i].fromMonthsInWork <= bands[i - 1].fromMonthsInWork)
        ctx.addIssue({ code: 'custom', path: ['work', 'fallbackHazard', i, 'fromMonthsInWork'], message: 'bands must be in increasing order' });
  })
  .meta({ id: 'Contract', description: 'An outcome contract (resultaatcontract) with its participants, payment terms and parties.' });

export type Contract = z.infer<typeof ContractSchema>;
export type ContractInput = z.input<typeof ContractSchema>;
export type Trigger = Contract['payment']['triggers'][number];
export type Price = z.infer<typeof PriceSchema>;

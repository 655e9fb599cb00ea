import { z } from 'zod';
import { Uncertain } from '../distributions/schema.js';
import { NameSchema } from '../text-schema.js';
import { PORTFOLIO_DEFAULTS } from './defaults.js';
import { PORTFOLIO_LIMITS } from './limits.js';

/**
 * A place-based investment scenario as one JSON document: a local impact fund (capital in
 * layers, costs, investment period, revolving or not) and its portfolio of enterprises (one by
 * one or as archetypes with a count and an intake), with the regional risk they share and the
 * impact that matters to the municipality. Every `Uncertain` field may be a number or a
 * distribution; the compiler lists them as model inputs by path (`enterprises[0].loan.rate`).
 * Integer fields (years, counts) are structure, not uncertain inputs.
 *
 * Time runs in fund years 0 .. horizonYears - 1 (calendar years from `startYear`). Money is in
 * euros of the start year (real); nothing is indexed.
 */

const Identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must start with a letter and contain only letters, digits, _ and - (max 64)');
const LayerId = z
  .string()
  .regex(
    /^[a-z][A-Za-z0-9]{0,31}$/,
    'must start with a lower-case letter and contain only letters and digits (max 32): it becomes part of output names such as layerSeniorIrr',
  );
const Years = z.number().int().min(0).max(PORTFOLIO_LIMITS.maxHorizonYears);
const InstrumentYears = z.number().int().min(1).max(PORTFOLIO_LIMITS.maxInstrumentYears);

export const LayerKindSchema = z
  .enum(['grant', 'firstLoss', 'junior', 'senior'])
  .meta({
    id: 'CapitalLayerKind',
    description:
      'Seniority, most senior first in every distribution: senior, junior, firstLoss, then grant. Grants are not repaid; they only receive what is left when they are the residual layer.',
  });

export const CapitalLayerSchema = z
  .strictObject({
    id: LayerId,
    provider: z.string().min(1).max(200).describe('Who puts the money in, e.g. "Gemeente Rotterdam" or "zes vermogensfondsen".'),
    kind: LayerKindSchema,
    amount: Uncertain.describe('Committed capital in euros. Capital is called pro rata over the layers as the fund needs cash.'),
    targetReturn: Uncertain.default(0).describe(
      'Required annual return, accrued on the capital outstanding and paid before anything reaches a more junior layer (ignored for grants).',
    ),
    fromMunicipality: z
      .boolean()
      .default(false)
      .describe("The municipality provides this layer: its calls and distributions enter the municipality's net position."),
  })
  .meta({ id: 'CapitalLayer' });

export const FundCostsSchema = z
  .strictObject({
    fixedPerYear: Uncertain.default(0).describe('Fund management and operating costs per year of the horizon.'),
    perEnterpriseYear: Uncertain.default(0).describe(
      'Support and monitoring per enterprise per year while the fund holds its loan, stake or grant (as planned: a failed enterprise still needs work-out).',
    ),
    managementFeeRate: Uncertain.default(0).describe('Yearly fee as a share of committed capital, over the whole horizon.'),
  })
  .meta({ id: 'FundCosts' });

export const FundSchema = z
  .strictObject({
    investmentPeriodYears: z
      .number()
      .int()
      .min(1)
      .max(PORTFOLIO_LIMITS.maxHorizonYears)
      .default(5)
      .describe('Years in which the fund invests: every intake must fall in them.'),
    revolving: z
      .boolean()
      .default(false)
      .describe(
        'true: repayments received during the investment period stay in the fund and pay for later investments before new capital is called. false: they are distributed each year.',
      ),
    layers: z.array(CapitalLayerSchema).min(1).max(PORTFOLIO_LIMITS.maxLayers),
    residualTo: LayerId.optional().describe('Layer receiving what is left once every layer has its capital and required return; default the most junior layer.'),
    costs: FundCostsSchema.default({ fixedPerYear: 0, perEnterpriseYear: 0, managementFeeRate: 0 }),
  })
  .meta({ id: 'Fund' });

export const LoanSchema = z
  .strictObject({
    amount: Uncertain.describe('Principal lent at intake.'),
    rate: Uncertain.describe('Annual interest rate.'),
    termYears: InstrumentYears.describe('Years from disbursement to the last payment; one payment at the end of each year.'),
    graceYears: z.number().int().min(0).max(PORTFOLIO_LIMITS.maxInstrumentYears - 1).default(0).describe('First years with interest only.'),
    amortisation: z
      .enum(['annuity', 'linear', 'bullet'])
      .default('annuity')
      .describe('annuity: equal payments after the grace years; linear: equal principal parts; bullet: all principal in the last year.'),
    recoveryRate: Uncertain.default(PORTFOLIO_DEFAULTS.recoveryRate).describe(
      'Share of the outstanding principal recovered when the enterprise fails (default 0, conservative; Basel II assumes 55% for senior unsecured corporate loans).',
    ),
  })
  .meta({ id: 'PortfolioLoan' });

export const EquitySchema = z
  .strictObject({
    amount: Uncertain.describe('Euros invested for the stake at intake.'),
    stake: Uncertain.describe('Share of the enterprise owned by the fund.'),
    exitAfterYears: InstrumentYears.describe('The stake is sold at the end of this year of the enterprise (1 = end of its first year).'),
    exitMultiple: Uncertain.describe(
      "Valuation at exit as a multiple of that year's operating result (EBITDA-style); the fund receives stake x max(0, multiple x result - loan outstanding).",
    ),
  })
  .meta({ id: 'PortfolioEquity' });

export const EnterpriseGrantSchema = z
  .strictObject({ amount: Uncertain.describe('Grant paid by the fund at intake; never repaid.') })
  .meta({ id: 'PortfolioGrant' });

export const OutcomeContractSchema = z
  .strictObject({
    pricePerSustainedPlacement: Uncertain.default(0).describe(
      'Paid once a worker from bijstand has been employed `jobs.sustainedAfterMonths` months (Prestatiecontract Werk: 12).',
    ),
    pricePerWorkerYear: Uncertain.default(0).describe('Paid per year a worker from bijstand is employed (e.g. a share of the benefit saved, as in Emmen).'),
    paidBy: z
      .enum(['municipality', 'fund'])
      .default('municipality')
      .describe('municipality: a cost in its net position; fund: paid out of the fund\'s cash.'),
  })
  .meta({
    id: 'PortfolioOutcomeContract',
    description: "Results-based payments to the enterprise; they enter its cash model, so they change its chance of surviving.",
  });

export const BusinessSchema = z
  .strictObject({
    startupCosts: Uncertain.default(0).describe('Investment needed at intake (fit-out, equipment, working capital).'),
    ownCash: Uncertain.default(0).describe("The entrepreneur's own cash at intake."),
    revenue: Uncertain.describe('Revenue in the first year.'),
    revenueGrowth: Uncertain.default(0).describe('Yearly growth of revenue.'),
    costs: Uncertain.describe('Operating costs in the first year, before interest and before the extra cost of workers from bijstand.'),
    costGrowth: Uncertain.default(0).describe('Yearly growth of operating costs.'),
    resultVolatility: Uncertain.describe(
      "Standard deviation of a year's operating result as a share of that year's revenue: the size of a bad year. Its regional part is set by risk.regionalCorrelation.",
    ),
    otherFailureRate: Uncertain.default(0).describe('Yearly chance of stopping for reasons outside the cash model (the entrepreneur leaves, a key client goes).'),
  })
  .meta({
    id: 'PortfolioBusiness',
    description:
      "The cash model: cash at intake = own cash + loan + equity + grant - startup costs; each year adds revenue - costs - workers' extra cost + outcome payments - interest - repayment. The enterprise fails in a year when that cash position plus the year's shock falls below zero.",
  });

export const JobsSchema = z
  .strictObject({
    positions: Uncertain.default(0).describe('Jobs filled by people from bijstand once the enterprise is at full size.'),
    rampUpYears: z.number().int().min(0).max(PORTFOLIO_LIMITS.maxHorizonYears).default(0).describe('Years of linear growth to full size (0: full from the start).'),
    yearlyLeaveRate: Uncertain.default(PORTFOLIO_DEFAULTS.yearlyLeaveRate).describe(
      'Share of workers leaving per year; they are replaced by new hires from bijstand. Default 23%: CBS 2021, 77% still employed after 12 months.',
    ),
    sustainedAfterMonths: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(PORTFOLIO_DEFAULTS.sustainedAfterMonths)
      .describe('Months employed that count as a sustained placement (and trigger the outcome payment).'),
    extraCostPerWorkerYear: Uncertain.default(0).describe('Supervision, coaching and lost productivity per worker from bijstand per year, on top of operating costs.'),
  })
  .meta({ id: 'PortfolioJobs' });

export const IntakeSchema = z
  .strictObject({
    firstYear: Years.default(0).describe('Fund year of the first intake (0 = start year).'),
    perYear: z.number().int().min(1).max(PORTFOLIO_LIMITS.maxEnterprises).optional().describe('Enterprises taken in per year until the count is reached; default all in the first year.'),
  })
  .meta({ id: 'PortfolioIntake' });

export const EnterpriseSchema = z
  .strictObject({
    id: Identifier,
    label: z.string().max(200).optional(),
    count: z.number().int().min(1).max(PORTFOLIO_LIMITS.maxEnterprises).default(1).describe('Enterprises of this archetype (1 for a single enterprise).'),
    intake: IntakeSchema.default({ firstYear: 0 }),
    business: BusinessSchema,
    jobs: JobsSchema.default({
      positions: 0,
      rampUpYears: 0,
      yearlyLeaveRate: PORTFOLIO_DEFAULTS.yearlyLeaveRate,
      sustainedAfterMonths: PORTFOLIO_DEFAULTS.sustainedAfterMonths,
      extraCostPerWorkerYear: 0,
    }),
    loan: LoanSchema.optional(),
    equity: EquitySchema.optional(),
    grant: EnterpriseGrantSchema.optional(),
    outcomeContract: OutcomeContractSchema.optional(),
  })
  .meta({ id: 'PortfolioEnterprise', description: 'One enterprise, or an archetype: `count` alike enterprises taken in `intake.perYear` a year.' });

export const PortfolioRiskSchema = z
  .strictObject({
    regionalCorrelation: Uncertain.default(PORTFOLIO_DEFAULTS.regionalCorrelation).describe(
      "Correlation of the enterprises' yearly shocks through one regional factor per year (one-factor Gaussian copula): 0 independent, higher values make failures cluster in bad years. Default 12% (Basel II, high-PD corporates).",
    ),
  })
  .meta({ id: 'PortfolioRisk' });

export const PortfolioImpactSchema = z
  .strictObject({
    avoidedBenefitPerWorkerYear: Uncertain.default(PORTFOLIO_DEFAULTS.avoidedBenefitPerWorkerYear).describe(
      'Bijstand benefit avoided per worker per year employed (default 14,000: Berenschot 2018 average; the single norm 2024 is 15,406 a year).',
    ),
    administrationCostPerWorkerYear: Uncertain.default(PORTFOLIO_DEFAULTS.administrationCostPerWorkerYear).describe(
      'Uitvoeringskosten avoided per worker per year (default 2,883: Berenschot 2018).',
    ),
    deadweight: Uncertain.default(PORTFOLIO_DEFAULTS.deadweight).describe(
      'Share of the work that would have happened anyway (default two thirds: Werk na Detentie SIB).',
    ),
    lksPerWorkerYear: Uncertain.default(0).describe('Loonkostensubsidie the municipality pays per worker per year (an average over workers).'),
  })
  .meta({ id: 'PortfolioImpact' });

export const PortfolioMunicipalitySchema = z
  .strictObject({
    name: z.string().min(1).max(200).default('Gemeente'),
    ownCostsPerYear: Uncertain.default(0).describe('Contract management, monitoring and reporting per year.'),
  })
  .meta({ id: 'PortfolioMunicipality' });

export const PortfolioSchema = z
  .strictObject({
    name: NameSchema,
    description: z.string().max(4000).optional(),
    startYear: z.number().int().min(2000).max(2100).default(PORTFOLIO_DEFAULTS.startYear),
    horizonYears: z.number().int().min(1).max(PORTFOLIO_LIMITS.maxHorizonYears).default(PORTFOLIO_DEFAULTS.horizonYears),
    fund: FundSchema,
    enterprises: z.array(EnterpriseSchema).min(1).max(PORTFOLIO_LIMITS.maxArchetypes),
    risk: PortfolioRiskSchema.default({ regionalCorrelation: PORTFOLIO_DEFAULTS.regionalCorrelation }),
    impact: PortfolioImpactSchema.default({
      avoidedBenefitPerWorkerYear: PORTFOLIO_DEFAULTS.avoidedBenefitPerWorkerYear,
      administrationCostPerWorkerYear: PORTFOLIO_DEFAULTS.administrationCostPerWorkerYear,
      deadweight: PORTFOLIO_DEFAULTS.deadweight,
      lksPerWorkerYear: 0,
    }),
    municipality: PortfolioMunicipalitySchema.default({ name: 'Gemeente', ownCostsPerYear: 0 }),
    money: z
      .strictObject({
        discountRate: Uncertain.default(PORTFOLIO_DEFAULTS.discountRate).describe(
          "Annual real rate for the municipality's present value; default 2.25% (Werkgroep discontovoet 2020).",
        ),
      })
      .meta({ id: 'PortfolioMoney' })
      .default({ discountRate: PORTFOLIO_DEFAULTS.discountRate }),
  })
  .superRefine((p, ctx) => {
    const layerIds = new Set<string>();
    p.fund.layers.forEach((layer, i) => {
      const key = layer.id.toLowerCase();
      if (layerIds.has(key))
        ctx.addIssue({ code: 'custom', path: ['fund', 'layers', i, 'id'], message: `duplicate layer id '${layer.id}' (ids are compared without case)` });
      layerIds.add(key);
    });
    if (p.fund.residualTo !== undefined && !p.fund.layers.some((layer) => layer.id === p.fund.residualTo))
      ctx.addIssue({ code: 'custom', path: ['fund', 'residualTo'], message: `no layer has id '${p.fund.residualTo}'` });
    if (p.fund.investmentPeriodYears > p.horizonYears)
      ctx.addIssue({ code: 'custom', path: ['fund', 'investmentPeriodYears'], message: `must not exceed the horizon (${p.horizonYears} years)` });

    const enterpriseIds = new Set<string>();
    p.enterprises.forEach((e, i) => {
      if (enterpriseIds.has(e.id)) ctx.addIssue({ code: 'custom', path: ['enterprises', i, 'id'], message: `duplicate enterprise id '${e.id}'` });
      enterpriseIds.add(e.id);
      const perYear = e.intake.perYear ?? e.count;
      const lastIntakeYear = e.intake.firstYear + Math.ceil(e.count / perYear) - 1;
      if (lastIntakeYear >= p.fund.investmentPeriodYears)
        ctx.addIssue({
          code: 'custom',
          path: ['enterprises', i, 'intake'],
          message: `the last intake falls in fund year ${lastIntakeYear}, after the investment period (years 0 to ${p.fund.investmentPeriodYears - 1})`,
        });
      if (e.loan && e.loan.graceYears >= e.loan.termYears)
        ctx.addIssue({ code: 'custom', path: ['enterprises', i, 'loan', 'graceYears'], message: `must be shorter than the term (${e.loan.termYears} years)` });
    });
  })
  .meta({
    id: 'Portfolio',
    description: 'A place-based investment scenario: a local impact fund with capital in layers and its portfolio of enterprises.',
  });

export type Portfolio = z.infer<typeof PortfolioSchema>;
/** A portfolio as a caller writes it, with defaults still to fill in (presets are written in this form). */
export type PortfolioInput = z.input<typeof PortfolioSchema>;
export type PortfolioEnterprise = Portfolio['enterprises'][number];
export type CapitalLayer = Portfolio['fund']['layers'][number];
export type LayerKind = z.infer<typeof LayerKindSchema>;

import { z } from 'zod';
import { resultOfKernel, type DomainError } from '../errors.js';
import { ok, type Result } from '../result.js';
import { evaluateAtBase } from '../simulation/model.js';
import { monthLabel } from './calendar.js';
import type { Contract } from './contract-schema.js';
import { createContractModel } from './contract-model.js';
import { CONTRACT_SCALAR_OUTPUTS, CONTRACT_SERIES_OUTPUTS } from './contract-outputs.js';
import type { ContractWorkspace } from './contract-workspace.js';
import { whoGainsTable, WhoGainsSchema } from './budget-holders/who-gains.js';

/**
 * The expected (deterministic) result of a contract: the contract kernel run once with every
 * input at its base value (a distribution's mean) and expected rates instead of drawn persons.
 * It exposes the same monthly buffers the Monte Carlo runs summarise, so the two cannot disagree.
 */

const MonthlyPartySchema = z.record(z.string(), z.array(z.number()));

export const ContractEvaluationSchema = z
  .object({
    contract: z.string(),
    months: z.array(z.string()).describe('Calendar month (YYYY-MM) of each monthly entry.'),
    years: z.array(z.string()),
    summary: z.record(z.string(), z.number().nullable()).describe('Every scalar output by name; null where not computable (an IRR without a sign change).'),
    outputs: z.array(z.object({ name: z.string(), unit: z.string(), description: z.string() })).describe('Name, unit and meaning of each summary entry.'),
    yearly: MonthlyPartySchema.describe('Per calendar year, each yearly series by name.'),
    monthly: MonthlyPartySchema.describe('Per month: payer, provider, investor flows and the counts behind them.'),
    paymentsDueByTrigger: z
      .array(z.object({ trigger: z.string(), total: z.number(), monthly: z.array(z.number()) }))
      .describe('What each trigger earned per month of the result, before lag, threshold and caps.'),
    inputs: z
      .array(z.object({ path: z.string(), base: z.number(), uncertain: z.boolean() }))
      .describe('Every numeric input by path with the value used; uncertain ones have a distribution.'),
    whoGains: WhoGainsSchema.optional().describe('Present when the contract has budgetHolders or funding.'),
  })
  .meta({ id: 'ContractEvaluation' });

export type ContractEvaluation = z.infer<typeof ContractEvaluationSchema>;

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
const list = (values: Float64Array): number[] => Array.from(values);

export function evaluateContractExpected(contract: Contract): Result<ContractEvaluation, DomainError> {
  const built = createContractModel(contract);
  if (!built.ok) return built;
  const model = built.value;
  const { plan } = model;
  // A custom rule not finite in some month stops the kernel (custom-amount-not-finite.ts).
  const base = resultOfKernel(() => evaluateAtBase(model));
  if (!base.ok) return base;
  const { workspace: ws, scalars, series } = base.value;

  const H = plan.horizon;
  const years = plan.calendar.yearLabels.length;
  const summary: Record<string, number | null> = {};
  model.scalarOutputs.forEach(({ name }, i) => (summary[name] = finiteOrNull(scalars[i])));
  const yearly: Record<string, number[]> = {};
  model.seriesOutputs.forEach(({ name }, k) => (yearly[name] = Array.from(series.subarray(k * years, (k + 1) * years))));
  const budget = plan.budget;
  const whoGains =
    budget && model.budgetLayout && ws.budget
      ? whoGainsTable(budget, model.budgetLayout, ws.budget, years, scalars, CONTRACT_SCALAR_OUTPUTS.length, series, CONTRACT_SERIES_OUTPUTS.length * years)
      : undefined;

  return ok({
    contract: contract.name,
    months: Array.from({ length: H }, (_, t) => monthLabel(contract.startMonth, t)),
    years: plan.calendar.yearLabels,
    summary,
    outputs: model.scalarOutputs.map((o) => ({ name: o.name, unit: o.unit, description: o.description })),
    yearly,
    monthly: monthlySeries(ws, H),
    paymentsDueByTrigger: plan.triggers.map((t, i) => {
      const monthly = Array.from(ws.dueByTrigger.subarray(i * H, (i + 1) * H));
      return { trigger: t.id, total: monthly.reduce((a, b) => a + b, 0), monthly };
    }),
    inputs: model.inputs.map((input) => ({ path: input.path, base: input.base, uncertain: input.distribution !== null })),
    ...(whoGains ? { whoGains } : {}),
  });
}

function monthlySeries(ws: ContractWorkspace, H: number): Record<string, number[]> {
  const prog = ws.programme;
  const cf = ws.counterfactual;
  const lksAttributable = new Float64Array(H);
  for (let t = 0; t < H; t++) lksAttributable[t] = prog.lksPaid[t] - cf.lksPaid[t];
  return {
    intake: list(ws.intakeTotal),
    onBenefit: list(prog.onBenefit),
    placements: list(prog.placements),
    inWorkFullTime: list(prog.inWorkFullTime),
    inWorkPartTime: list(prog.inWorkPartTime),
    fallbacks: list(prog.fallbacks),
    counterfactualPlacements: list(cf.placements),
    counterfactualInWork: Array.from({ length: H }, (_, t) => cf.inWorkFullTime[t] + cf.inWorkPartTime[t]),
    benefitPaid: list(prog.benefitPaid),
    benefitPaidCounterfactual: list(cf.benefitPaid),
    avoidedCostsGross: Array.from({ length: H }, (_, t) => prog.avoidedBenefitWork[t] + prog.avoidedAdministrationWork[t]),
    avoidedCostsAttributable: list(ws.payerAvoidedAttributable),
    lks: list(prog.lksPaid),
    lksAttributable: list(lksAttributable),
    outcomePayments: list(ws.payments),
    paidToProvider: list(ws.paidByPayee.subarray(0, H)),
    paidToInvestorWaterfall: list(ws.paidByPayee.subarray(H, 2 * H)),
    payerOwnCosts: list(ws.payerOwnCosts),
    payerNet: list(ws.payerNet),
    providerCosts: list(ws.providerCosts),
    providerResidualFromWaterfall: list(ws.providerResidual),
    providerNetCash: list(ws.providerNetCash),
    investorDraws: list(ws.investorDraws),
    investorDistributions: list(ws.investorDistributions),
    guaranteePaid: list(ws.guaranteePaid),
    investorNetFlow: list(ws.investorFlows),
  };
}

import type { Actuals } from '../actuals/actuals-schema.js';
import { checkActuals, type CheckedActuals } from '../actuals/validate-actuals.js';
import { ABSENT } from '../contract/compile-contract.js';
import { monthLabel } from '../contract/calendar.js';
import { createContractModel, type ContractModel } from '../contract/contract-model.js';
import type { Contract } from '../contract/contract-schema.js';
import type { DomainError, FieldPath } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { runSimulation } from '../simulation/run-simulation.js';
import type { SimulationResult } from '../simulation/result-schema.js';
import type { SimulationSettings } from '../simulation/settings.js';
import { personsAtRisk, type PersonsAtRisk } from './at-risk.js';
import { importanceWeights } from './importance-weights.js';
import { likelihoodData, logLikelihood } from './likelihood.js';
import { planPath, type PlanPath, type PlanPathMetric } from './plan-band.js';
import { createPosteriorModel } from './posterior-model.js';
import type { InferenceSettings, ReforecastResult } from './reforecast-schema.js';
import { weightedSummary } from './weighted-summary.js';

/** The event whose chance says how often a yearly or total cap cuts a payment. */
export const CAPS_BIND_EVENT = { name: 'capsBind', expression: 'paymentsLapsedByCaps > 0' } as const;

/**
 * Re-forecasts a running contract from its actuals:
 * 1. the plan: the contract simulated as at signing (its draws are the prior);
 * 2. the update: each prior draw weighted by the likelihood of the actuals (`likelihood.ts`),
 *    refused when the effective sample size falls below the minimum;
 * 3. the forecast: the observed state carried forward with draws resampled by weight
 *    (`posterior-model.ts`), same seed and settings;
 * 4. plan versus actual per month and year with the plan's 80% band.
 * Without actuals (none, or no months) the forecast is the plan's result itself.
 * Problems in the actuals name their field under `actualsAt`.
 */
export function reforecastContract(
  contract: Contract,
  actuals: Actuals | null,
  settings: SimulationSettings,
  inference: InferenceSettings,
  actualsAt: FieldPath = ['actuals'],
): Result<ReforecastResult, DomainError> {
  const built = createContractModel(contract);
  if (!built.ok) return built;
  const model = built.value;
  const plan = model.plan;
  const shares = plan.profiles.map((p) => model.inputs[p.share].base);
  let checked: CheckedActuals | null = null;
  if (actuals !== null && actuals.months.length > 0) {
    const result = checkActuals(contract, actuals, shares);
    if (!result.ok) return fail(prefixed(result.error, actualsAt));
    checked = result.value;
  }

  const events = settings.events.some((e) => e.name === CAPS_BIND_EVENT.name) ? settings.events : [...settings.events, { ...CAPS_BIND_EVENT }];
  const planSettings: SimulationSettings = { ...settings, events, keepSamples: true };
  const planRun = runSimulation(model, planSettings);
  if (!planRun.ok) return fail(prefixed(planRun.error, []));
  const planResult: SimulationResult = { ...planRun.value, samples: settings.keepSamples ? planRun.value.samples : null };
  const N = planRun.value.iterations;
  const priorDraws = priorDrawMatrix(model, planRun.value);

  if (checked === null) {
    return ok(
      assemble(contract, model, null, planResult, planResult, null, {
        method: 'none',
        priorDraws: N,
        effectiveSampleSize: N,
        minimumEffectiveSampleSize: inference.minimumEffectiveSampleSize,
        impossibleDraws: 0,
        counterfactualInformed: false,
        notes: ['No actuals: the forecast is the plan at signing (the same run, the same seed).'],
      }, [], notInformedInputs(contract, model, null, null), planPath(model, priorDraws, Math.min(N, inference.planPathDraws), settings.seed)),
    );
  }

  const atRisk = personsAtRisk(plan, checked.state);
  const data = likelihoodData(checked, atRisk, shares);
  const K = model.inputs.length;
  // The plan's own draws first; when the actuals leave too few effective draws among them, a
  // larger pool of prior draws (the plan's plus draws of a derived seed) is weighted instead.
  let pool = priorDraws;
  let poolSize = N;
  let weights = weighAll(model, data, pool, poolSize);
  let enlarged = false;
  if (weights !== null && weights.effectiveSampleSize < inference.minimumEffectiveSampleSize && N < inference.maximumPriorDraws) {
    // ESS grows in proportion to the pool: aim at twice the minimum.
    const wanted = Math.ceil((N * 2 * inference.minimumEffectiveSampleSize) / Math.max(weights.effectiveSampleSize, 1));
    const extra = Math.min(inference.maximumPriorDraws, wanted) - N;
    const more = runSimulation(model, { ...settings, iterations: extra, seed: (settings.seed ^ EXTRA_PRIOR_SEED) >>> 0, events: [], keepSamples: true, convergenceCheckpoints: 1 });
    if (!more.ok) return fail(prefixed(more.error, []));
    poolSize = N + extra;
    pool = new Float64Array(poolSize * K);
    pool.set(priorDraws);
    pool.set(priorDrawMatrix(model, more.value), N * K);
    weights = weighAll(model, data, pool, poolSize);
    enlarged = true;
  }
  if (weights === null)
    return fail({ kind: 'not-computable', message: 'No prior draw can produce these actuals (every draw gives them chance 0): a rate fixed at 0 or 1 meets counts it forbids. Check the actuals and the contract\'s rates.' });
  if (weights.effectiveSampleSize < inference.minimumEffectiveSampleSize)
    return fail({
      kind: 'not-computable',
      message: `The actuals are too informative for ${poolSize} prior draws: the importance weights leave an effective sample size of ${weights.effectiveSampleSize.toFixed(1)}, below the minimum of ${inference.minimumEffectiveSampleSize}. The priors are far wider than what the data allow, or contradict them: check the actuals, narrow or move the priors the data contradict (see which inputs), or raise inference.maximumPriorDraws.`,
    });

  const posterior = createPosteriorModel(model, pool, weights.cumulative, checked.state);
  // The posterior draws carry the prior's rank correlations already; the wrapper's one input has none.
  const forecastRun = runSimulation(posterior, { ...settings, events, correlations: [], drawIndividualOutcomes: true, keepSamples: false });
  if (!forecastRun.ok) return fail(prefixed(forecastRun.error, []));

  const counterfactualInformed = checked.comparison !== null || atRisk.waitingAfterProgramme.some((x) => x > 0);
  const notes = [
    ...(enlarged ? [`The plan's ${N} draws left too few effective draws; ${poolSize} prior draws were weighted instead (the plan's and ${poolSize - N} more from a derived seed).`] : []),
    `Importance resampling of ${poolSize} prior draws weighted by the likelihood of the monthly job starts, other exits and fall-backs given the persons at risk${checked.partTimeStarts || checked.totals.partTimeStarts.every((x) => x !== null) ? ', and of the part-time starts' : ''}${checked.comparison ? ', and of the comparison group\'s job starts' : ''}.`,
    checked.byProfile ? 'The actuals are per profile: each profile\'s rates are updated from its own counts.' : contract.profiles.length > 1 ? 'The actuals are pooled over profiles: participants were assigned to profiles by their intake shares, and the pooled counts inform the share-weighted rates.' : 'One profile.',
    counterfactualInformed
      ? checked.comparison
        ? 'A comparison group is recorded: its job starts inform the counterfactual job-entry rate.'
        : 'Some participants passed their programme months: their job starts inform the counterfactual rates a little.'
      : 'The actuals observe only the programme\'s participants: the counterfactual (without-programme) job-entry rate is not informed and stays as uncertain as at signing. Record a comparison group to inform it.',
  ];
  return ok(
    assemble(
      contract,
      model,
      checked,
      planResult,
      forecastRun.value,
      atRisk,
      {
        method: 'importanceResampling',
        priorDraws: poolSize,
        effectiveSampleSize: weights.effectiveSampleSize,
        minimumEffectiveSampleSize: inference.minimumEffectiveSampleSize,
        impossibleDraws: weights.impossibleDraws,
        counterfactualInformed,
        notes,
      },
      updatedInputs(contract, model, checked, atRisk, pool, poolSize, weights.weights),
      notInformedInputs(contract, model, checked, atRisk),
      planPath(model, priorDraws, Math.min(N, inference.planPathDraws), settings.seed),
    ),
  );
}

/** Seeds of the extra prior draws: the request's seed with these bits flipped (a fixed, documented derivation). */
const EXTRA_PRIOR_SEED = 0x5eed0016;

function weighAll(model: ContractModel, data: ReturnType<typeof likelihoodData>, pool: Float64Array, size: number) {
  const K = model.inputs.length;
  const logL = new Float64Array(size);
  for (let i = 0; i < size; i++) logL[i] = logLikelihood(model.plan, data, pool.subarray(i * K, (i + 1) * K));
  return importanceWeights(logL);
}

function prefixed(error: DomainError, at: FieldPath): DomainError {
  if (error.kind !== 'invalid-input' && error.kind !== 'limit-exceeded') return error;
  return { ...error, problems: error.problems.map((p) => ({ ...p, path: [...at, ...p.path] })) };
}

/** Every contract input per prior draw (`i * inputs + k`): the base value, overwritten by the draw for the uncertain ones. */
function priorDrawMatrix(model: ContractModel, run: SimulationResult): Float64Array {
  const K = model.inputs.length;
  const N = run.iterations;
  const matrix = new Float64Array(N * K);
  for (let i = 0; i < N; i++) for (let k = 0; k < K; k++) matrix[i * K + k] = model.inputs[k].base;
  const indexOf = new Map(model.inputs.map((input, k) => [input.path, k]));
  for (const sampled of run.samples?.inputs ?? []) {
    const k = indexOf.get(sampled.path);
    if (k === undefined) continue;
    sampled.values.forEach((value, i) => (matrix[i * K + k] = value ?? Number.NaN));
  }
  return matrix;
}

interface InformedSlot {
  slot: number;
  informedBy: string;
}

function informedSlots(_contract: Contract, model: ContractModel, checked: CheckedActuals, atRisk: PersonsAtRisk): InformedSlot[] {
  const plan = model.plan;
  const M = atRisk.months;
  const slots: InformedSlot[] = [];
  const sumOver = (values: Float64Array, from: number, length: number) => values.subarray(from, from + length).reduce((a, b) => a + b, 0);
  plan.profiles.forEach((profile, p) => {
    const inProgramme = sumOver(atRisk.waitingInProgramme, p * M, M);
    const after = sumOver(atRisk.waitingAfterProgramme, p * M, M);
    if (inProgramme > 0) {
      slots.push({ slot: profile.programmeJobEntry, informedBy: `job starts of ${inProgramme} person-months waiting within the programme months` });
      slots.push({ slot: profile.programmeOtherExit, informedBy: `other exits of ${inProgramme} person-months waiting within the programme months` });
    }
    if (after > 0 || checked.comparison) {
      const by = [after > 0 ? `${after} person-months waiting after the programme months` : '', checked.comparison ? 'the comparison group' : ''].filter(Boolean).join(' and ');
      slots.push({ slot: profile.counterfactualJobEntry, informedBy: `job starts of ${by}` });
    }
    if (after > 0) slots.push({ slot: profile.counterfactualOtherExit, informedBy: `other exits of ${after} person-months waiting after the programme months` });
  });
  plan.hazardBandRates.forEach((slot, b) => {
    let exposure = 0;
    for (let i = b; i < atRisk.inWorkByBand.length; i += atRisk.bands) exposure += atRisk.inWorkByBand[i];
    if (exposure > 0) slots.push({ slot, informedBy: `fall-backs of ${exposure} person-months in work in this band` });
  });
  if (checked.totals.partTimeStarts.every((x) => x !== null)) slots.push({ slot: plan.partTimeShare, informedBy: 'part-time starts among the job starts' });
  return slots.filter((s) => isUncertain(model, s.slot));
}

const isUncertain = (model: ContractModel, slot: number): boolean => {
  const d = model.inputs[slot]?.distribution;
  return d !== null && d !== undefined && d.type !== 'fixed';
};

function updatedInputs(contract: Contract, model: ContractModel, checked: CheckedActuals, atRisk: PersonsAtRisk, priorDraws: Float64Array, N: number, weights: Float64Array): ReforecastResult['updatedInputs'] {
  const K = model.inputs.length;
  const equal = new Float64Array(N).fill(1 / N);
  return informedSlots(contract, model, checked, atRisk).map(({ slot, informedBy }) => {
    const values = new Float64Array(N);
    for (let i = 0; i < N; i++) values[i] = priorDraws[i * K + slot];
    const prior = weightedSummary(values, equal);
    const posterior = weightedSummary(values, weights);
    const priorWidth = prior.p95 - prior.p5;
    return {
      path: model.inputs[slot].path,
      informedBy,
      prior,
      posterior,
      shiftInPriorSds: prior.sd > 0 ? (posterior.mean - prior.mean) / prior.sd : null,
      intervalWidthRatio: priorWidth > 0 ? (posterior.p95 - posterior.p5) / priorWidth : null,
    };
  });
}

function notInformedInputs(contract: Contract, model: ContractModel, checked: CheckedActuals | null, atRisk: PersonsAtRisk | null): ReforecastResult['notInformed'] {
  const informed = new Set(checked && atRisk ? informedSlots(contract, model, checked, atRisk).map((s) => s.slot) : []);
  const counterfactualSlots = new Set(model.plan.profiles.map((p) => p.counterfactualJobEntry));
  if (model.plan.counterfactual.method === 'deadweight') counterfactualSlots.add(model.plan.counterfactual.deadweightShare);
  const out: ReforecastResult['notInformed'] = [];
  model.inputs.forEach((input, slot) => {
    if (!isUncertain(model, slot) || informed.has(slot)) return;
    out.push({
      path: input.path,
      reason: counterfactualSlots.has(slot)
        ? 'What would have happened without the programme: the actuals observe only the programme\'s participants, so this stays as uncertain as at signing unless a comparison group is recorded.'
        : 'Not observed in the actuals: kept at its distribution at signing.',
    });
  });
  return out;
}

function assemble(
  contract: Contract,
  model: ContractModel,
  checked: CheckedActuals | null,
  planResult: SimulationResult,
  forecast: SimulationResult,
  _atRisk: PersonsAtRisk | null,
  inference: ReforecastResult['inference'],
  updated: ReforecastResult['updatedInputs'],
  notInformed: ReforecastResult['notInformed'],
  path: PlanPath,
): ReforecastResult {
  const plan = model.plan;
  const capBase = (slot: number) => (slot === ABSENT ? null : model.inputs[slot].base);
  const perYear = capBase(plan.caps.perYear);
  const total = capBase(plan.caps.total);
  const M = checked?.months ?? 0;
  const payments = checked?.totals.payments ?? [];
  const paidSoFar = payments.reduce((a, b) => a + b, 0);
  const yearOf = plan.calendar.yearIndexOfMonth;
  const seriesOf = (result: SimulationResult) => result.series.find((s) => s.name === 'yearlyOutcomePayments')!;
  const planSeries = seriesOf(planResult);
  const forecastSeries = seriesOf(forecast);
  const band = (s: typeof planSeries, y: number) => ({ mean: s.mean[y], p10: s.fan.p10[y], p50: s.fan.p50[y], p90: s.fan.p90[y] });
  const yearly = plan.calendar.yearLabels.map((year, y) => {
    let paid = 0;
    for (let t = 0; t < M; t++) if (yearOf[t] === y) paid += payments[t];
    return { year, budget: perYear, paidSoFar: paid, plan: band(planSeries, y), forecast: band(forecastSeries, y) };
  });
  const eventChance = (result: SimulationResult) => result.events.find((e) => e.name === CAPS_BIND_EVENT.name)?.probability ?? null;
  const meanOf = (result: SimulationResult, name: string) => result.outputs.find((o) => o.name === name)?.mean ?? null;
  const compare = (name: string) => {
    const before = meanOf(planResult, name);
    const after = meanOf(forecast, name);
    return { plan: before, forecast: after, change: before !== null && after !== null ? after - before : null };
  };

  const entry = (metric: PlanPathMetric, index: number, actual: number | null, yearlyBand: boolean) => {
    const b = yearlyBand ? path.yearly[metric] : path.monthly[metric];
    const low = b.p10[index];
    const high = b.p90[index];
    return { actual, planMean: b.mean[index], planP10: low, planP90: high, outsideBand: actual !== null && (actual < low || actual > high) };
  };
  const totals = checked?.totals;
  const months = Array.from({ length: M }, (_, t) => ({
    month: t,
    label: monthLabel(contract.startMonth, t),
    jobStarts: entry('jobStarts', t, totals!.jobStarts[t], false),
    inWork: entry('inWork', t, totals!.inWork[t], false),
    fallbacks: entry('fallbacks', t, totals!.fallbacks[t], false),
    intake: entry('intake', t, totals!.intake[t], false),
    payments: entry('payments', t, totals!.payments[t], false),
  }));
  const years = plan.calendar.yearLabels.flatMap((year, y) => {
    const inYear = Array.from({ length: M }, (_, t) => t).filter((t) => yearOf[t] === y);
    if (inYear.length === 0) return [];
    const complete = !yearOf.some((yy, t) => yy === y && t >= M);
    const sum = (values: number[]) => inYear.reduce((a, t) => a + values[t], 0);
    // A year still running is compared with the plan for the whole year only when complete.
    return complete ? [{ year, complete, jobStarts: entry('jobStarts', y, sum(totals!.jobStarts), true), fallbacks: entry('fallbacks', y, sum(totals!.fallbacks), true), payments: entry('payments', y, sum(totals!.payments), true) }] : [];
  });
  const monthsOutsideBand = months.filter((m) => m.jobStarts.outsideBand || m.inWork.outsideBand || m.fallbacks.outsideBand || m.payments.outsideBand).length;

  return {
    contract: contract.name,
    asOfMonth: checked ? M - 1 : null,
    asOfLabel: checked ? monthLabel(contract.startMonth, M - 1) : null,
    actualsSummary: totals
      ? {
          months: M,
          participants: totals.intake.reduce((a, b) => a + b, 0),
          jobStarts: totals.jobStarts.reduce((a, b) => a + b, 0),
          fallbacks: totals.fallbacks.reduce((a, b) => a + b, 0),
          inWork: totals.inWork[M - 1],
          paymentsMade: paidSoFar,
        }
      : null,
    inference,
    updatedInputs: updated,
    notInformed,
    yearly,
    caps: {
      perYear,
      total,
      paidSoFar,
      totalRoomLeft: total === null ? null : Math.max(0, total - paidSoFar),
      chanceCapsBindPlan: eventChance(planResult),
      chanceCapsBindForecast: eventChance(forecast),
    },
    netResult: {
      municipality: compare('payerNetResult'),
      provider: compare('providerMargin'),
      outcomePayments: compare('payerOutcomePayments'),
      placements: compare('placements'),
    },
    planVersusActual: { planPathDraws: path.draws, months, years, monthsOutsideBand },
    plan: planResult,
    forecast,
  };
}

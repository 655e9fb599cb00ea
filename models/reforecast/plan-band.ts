import { evaluateContract, type ContractModel } from '../contract/contract-model.js';
import { createRng } from '../random/index.js';
import { seriesLength } from '../simulation/model.js';

/**
 * What the plan at signing expected month by month, with its 80% band: the contract evaluated
 * with drawn persons for the first `draws` prior draws of the plan's own run (the same inputs the
 * plan's percentiles come from), each with its own outcome stream. The band is the 10th to 90th
 * percentile per month (R type 7); counts are whole persons, so a band can be [0, 0].
 */
export const PLAN_PATH_METRICS = ['intake', 'jobStarts', 'inWork', 'fallbacks', 'payments'] as const;
export type PlanPathMetric = (typeof PLAN_PATH_METRICS)[number];

export interface PathBand {
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface PlanPath {
  draws: number;
  monthly: Record<PlanPathMetric, PathBand>;
  yearly: Record<PlanPathMetric, PathBand>;
}

/** Outcome streams of the plan path, far from the engine's block streams (2b and 2b + 1). */
const PLAN_PATH_STREAM = 0x40000000;

export function planPath(model: ContractModel, priorDraws: Float64Array, draws: number, seed: number): PlanPath {
  const plan = model.plan;
  const H = plan.horizon;
  const K = model.inputs.length;
  const Y = plan.calendar.yearLabels.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const ws = model.createWorkspace();
  const params = new Float64Array(K);
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const monthly = Object.fromEntries(PLAN_PATH_METRICS.map((m) => [m, new Float64Array(draws * H)])) as Record<PlanPathMetric, Float64Array>;
  for (let i = 0; i < draws; i++) {
    params.set(priorDraws.subarray(i * K, (i + 1) * K));
    evaluateContract(plan, params, ws, createRng(seed, PLAN_PATH_STREAM + i), scalars, series);
    const prog = ws.programme;
    for (let t = 0; t < H; t++) {
      monthly.intake[i * H + t] = ws.intakeTotal[t];
      monthly.jobStarts[i * H + t] = prog.placements[t];
      monthly.inWork[i * H + t] = prog.inWorkFullTime[t] + prog.inWorkPartTime[t];
      monthly.fallbacks[i * H + t] = prog.fallbacks[t];
      monthly.payments[i * H + t] = ws.payments[t];
    }
  }
  const monthlyBands = {} as Record<PlanPathMetric, PathBand>;
  const yearlyBands = {} as Record<PlanPathMetric, PathBand>;
  for (const metric of PLAN_PATH_METRICS) {
    const values = monthly[metric];
    monthlyBands[metric] = band(draws, H, (i, t) => values[i * H + t]);
    // A year's stock (persons in work) is its last month's; flows add up over the year's months.
    const yearly = new Float64Array(draws * Y);
    for (let i = 0; i < draws; i++)
      for (let t = 0; t < H; t++) {
        if (metric === 'inWork') yearly[i * Y + yearOf[t]] = values[i * H + t];
        else yearly[i * Y + yearOf[t]] += values[i * H + t];
      }
    yearlyBands[metric] = band(draws, Y, (i, y) => yearly[i * Y + y]);
  }
  return { draws, monthly: monthlyBands, yearly: yearlyBands };
}

function band(draws: number, length: number, at: (draw: number, index: number) => number): PathBand {
  const out: PathBand = { mean: [], p10: [], p50: [], p90: [] };
  const column = new Float64Array(draws);
  for (let k = 0; k < length; k++) {
    let sum = 0;
    for (let i = 0; i < draws; i++) sum += column[i] = at(i, k);
    column.sort();
    out.mean.push(sum / draws);
    out.p10.push(quantileType7(column, 0.1));
    out.p50.push(quantileType7(column, 0.5));
    out.p90.push(quantileType7(column, 0.9));
  }
  return out;
}

/** R type 7 on sorted values: linear between order statistics at (n - 1) p. */
export function quantileType7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

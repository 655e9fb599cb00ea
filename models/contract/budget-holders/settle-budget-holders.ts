import type { ContractPlan } from '../compile-contract.js';
import type { ContractWorkspace, WorldSeries } from '../contract-workspace.js';
import { PERSPECTIVES } from './budget-holder-schema.js';
import type { BudgetOutputLayout } from './budget-holder-outputs.js';
import { UNIT_ROWS_BEFORE_MILESTONES, type BudgetLine, type BudgetPlan } from './compile-budget-holders.js';
import { createRegionalWorkspace, settleMunicipalities, type RegionalWorkspace } from './regional-accounting.js';

/** Buffers of the budget-holder accounting, allocated once per workspace. */
export interface BudgetWorkspace {
  /** Per line: nominal total, per year at `line * years + y`, and present value at the start month. */
  lineTotal: Float64Array;
  lineYear: Float64Array;
  linePresentValue: Float64Array;
  /** Per payer and trigger, at `payer * triggers + k`: the payer's part of that trigger. */
  split: Float64Array;
  /** Per trigger: amounts due (after lag) and not yet paid, lapsed or dropped. */
  cumulativeDue: Float64Array;
  /** Per trigger and month, at `k * horizon + t`: the part of the month's payment that pays trigger k. */
  paidByTrigger: Float64Array;
  /** Per month: the share of what was due and unpaid that stays due after the payment. */
  leftAfterPayment: Float64Array;
  /** Per trigger: the part of it the municipal payers fund. */
  municipalShareOfTrigger: Float64Array;
  /** Attributable units per basis and month (see fillUnits). */
  units: Float64Array;
  /** Per payer: its part of this month's payments. */
  payerFraction: Float64Array;
  /** Per party: savings before contract flows, and net result. */
  partySavings: Float64Array;
  partyNet: Float64Array;
  perspectiveCash: Float64Array;
  perspectiveNonCash: Float64Array;
  /** A regional contract's per-municipality buffers (null for one municipality). */
  regional: RegionalWorkspace | null;
}

export function createBudgetWorkspace(plan: ContractPlan, budget: BudgetPlan): BudgetWorkspace {
  const L = budget.lines.length;
  const Y = plan.calendar.yearLabels.length;
  return {
    lineTotal: new Float64Array(L),
    lineYear: new Float64Array(L * Y),
    linePresentValue: new Float64Array(L),
    split: new Float64Array(budget.payers.length * plan.triggers.length),
    cumulativeDue: new Float64Array(plan.triggers.length),
    paidByTrigger: new Float64Array(plan.triggers.length * plan.horizon),
    units: new Float64Array((UNIT_ROWS_BEFORE_MILESTONES + plan.milestones.length) * plan.horizon),
    leftAfterPayment: new Float64Array(plan.horizon),
    municipalShareOfTrigger: new Float64Array(plan.triggers.length),
    payerFraction: new Float64Array(budget.payers.length),
    partySavings: new Float64Array(budget.parties.length),
    partyNet: new Float64Array(budget.parties.length),
    perspectiveCash: new Float64Array(PERSPECTIVES.length),
    perspectiveNonCash: new Float64Array(PERSPECTIVES.length),
    regional: createRegionalWorkspace(plan, budget),
  };
}

const OTHERS = PERSPECTIVES.indexOf('others');
const SOCIETY = PERSPECTIVES.indexOf('society');

/**
 * Who pays and who gains, from quantities the kernel already computed for both worlds: every line
 * is attributable (programme minus counterfactual) like the payer's own result, so with one payer
 * the municipal budgets add up to `payerNetResult` exactly (tested).
 *
 * Outcome payments are split over the payers. Method shares: each trigger by the normalised
 * shares of the payers funding it; a month's payment is split by the triggers' parts of what is
 * due and unpaid in that month (carried forward by a yearly cap or held by a threshold included),
 * which follows settlePayments exactly, except that a month with a threshold in which nothing is
 * paid is taken as held even when a cap let it lapse. Method gains: every payment in
 * proportion to the positive part of each payer's party savings over the horizon.
 *
 * MKBA view (present values): participant, municipality, other government and others (funds, the
 * provider's net cash, the investors' net flows, minus a third-party guarantee, which is a transfer
 * from outside the contract); society is their sum, in which outcome payments, investor draws and
 * guarantees cancel, leaving savings minus provider and payer costs. Non-cash lines (wellbeing) are
 * summed apart and never enter a cash figure. Allocates nothing.
 */
export function settleBudgetHolders(
  plan: ContractPlan,
  budget: BudgetPlan,
  layout: BudgetOutputLayout,
  params: Float64Array,
  ws: ContractWorkspace,
  bws: BudgetWorkspace,
  scalars: Float64Array,
  scalarOffset: number,
  series: Float64Array,
  seriesOffset: number,
): void {
  const H = plan.horizon;
  const Y = plan.calendar.yearLabels.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const monthlyDiscount = Math.pow(1 + params[plan.money.discountRate], -1 / 12);
  const lines = budget.lines;
  const L = lines.length;
  bws.lineTotal.fill(0);
  bws.lineYear.fill(0);
  bws.linePresentValue.fill(0);

  fillUnits(plan, ws, bws.units);
  for (let l = 0; l < L; l++) {
    const line = lines[l];
    if (line.source.kind === 'payments') continue;
    if (line.source.kind === 'effect') {
      bookEffect(plan, line.source, params, ws, bws, l, Y, monthlyDiscount);
      continue;
    }
    let discount = 1;
    for (let t = 0; t < H; t++) {
      const value = lineValue(line, params, ws, t);
      book(bws, l, Y, yearOf[t], value, discount);
      discount *= monthlyDiscount;
    }
  }

  // Savings per party before the contract's own flows (its payments and costs).
  bws.partySavings.fill(0);
  for (let l = 0; l < L; l++)
    if (lines[l].cash && !lines[l].contractFlow) bws.partySavings[budget.partyIndexOfLine[l]] += bws.lineTotal[l];

  settlePayers(plan, budget, params, ws, bws, Y, monthlyDiscount);

  // Per budget holder and party.
  const at = layout.at;
  const out = scalarOffset;
  const holders = budget.holders.length;
  for (let h = 0; h < holders; h++) {
    scalars[out + at.holderNet + h] = 0;
    scalars[out + at.holderGains + h] = 0;
    scalars[out + at.holderCosts + h] = 0;
  }
  bws.partyNet.fill(0);
  bws.perspectiveCash.fill(0);
  bws.perspectiveNonCash.fill(0);
  const seriesEnd = seriesOffset + (layout.series.length) * Y;
  series.fill(0, seriesOffset, seriesEnd);
  let netTotal = 0;
  for (let l = 0; l < L; l++) {
    const perspective = PERSPECTIVES.indexOf(budget.perspectiveOfLine[l]);
    if (!lines[l].cash) {
      bws.perspectiveNonCash[perspective] += bws.linePresentValue[l];
      continue;
    }
    const h = budget.holderIndexOfLine[l];
    const p = budget.partyIndexOfLine[l];
    const total = bws.lineTotal[l];
    scalars[out + at.holderNet + h] += total;
    if (total > 0) scalars[out + at.holderGains + h] += total;
    else scalars[out + at.holderCosts + h] -= total;
    bws.partyNet[p] += total;
    netTotal += total;
    bws.perspectiveCash[perspective] += bws.linePresentValue[l];
    for (let y = 0; y < Y; y++) {
      const value = bws.lineYear[l * Y + y];
      series[seriesOffset + (layout.seriesAt.holderNet + h) * Y + y] += value;
      series[seriesOffset + (layout.seriesAt.partyNet + p) * Y + y] += value;
    }
  }
  scalars[out + at.netTotal] = netTotal;
  // Flow-back shares are shares of public money: the participant's income takes no part.
  const participant = budget.parties.indexOf('deelnemer');
  let savingsTotal = 0;
  for (let p = 0; p < budget.parties.length; p++) if (p !== participant) savingsTotal += bws.partySavings[p];
  for (let p = 0; p < budget.parties.length; p++) {
    scalars[out + at.partyNet + p] = bws.partyNet[p];
    scalars[out + at.partySavings + p] = bws.partySavings[p];
    scalars[out + at.partyFlowBack + p] = savingsTotal > 0 && p !== participant ? bws.partySavings[p] / savingsTotal : Number.NaN;
  }

  budget.payers.forEach((payer, i) => {
    const line = L - budget.payers.length + i;
    const net = bws.partyNet[budget.parties.indexOf(payer.party)];
    scalars[out + at.payerPays + i] = -bws.lineTotal[line];
    scalars[out + at.payerNet + i] = net;
    scalars[out + at.payerLoses + i] = net < 0 ? 1 : 0;
    let peak = 0;
    for (let y = 0; y < Y; y++) {
      const paid = -bws.lineYear[line * Y + y];
      series[seriesOffset + (layout.seriesAt.payerPays + i) * Y + y] = paid;
      if (paid > peak) peak = paid;
    }
    scalars[out + at.payerPeakYear + i] = peak;
  });

  // Others: the provider's net cash and the investors' net flows; a guarantee from outside the
  // contract is money that enters it, so it is taken off to keep society's sum a sum of effects.
  const thirdPartyGuarantee = plan.investor?.guarantee && !plan.investor.guarantee.byPayer;
  let discount = 1;
  let othersCash = 0;
  for (let t = 0; t < H; t++) {
    othersCash += (ws.providerNetCash[t] + ws.investorFlows[t] - (thirdPartyGuarantee ? ws.guaranteePaid[t] : 0)) * discount;
    discount *= monthlyDiscount;
  }
  bws.perspectiveCash[OTHERS] += othersCash;
  let societyCash = 0;
  let societyNonCash = 0;
  for (let v = 0; v < SOCIETY; v++) {
    societyCash += bws.perspectiveCash[v];
    societyNonCash += bws.perspectiveNonCash[v];
  }
  bws.perspectiveCash[SOCIETY] = societyCash;
  bws.perspectiveNonCash[SOCIETY] = societyNonCash;
  for (let v = 0; v < PERSPECTIVES.length; v++) {
    scalars[out + at.perspectiveCash + v] = bws.perspectiveCash[v];
    scalars[out + at.perspectiveNonCash + v] = bws.perspectiveNonCash[v];
  }
  const outcomeSeries = ws.outcomes;
  if (outcomeSeries)
    for (let o = 0; o < budget.outcomeIds.length; o++) {
      scalars[out + at.outcomeReached + o] = outcomeSeries.programmeCumulative[o * H + H - 1];
      scalars[out + at.outcomeReachedCounterfactual + o] = outcomeSeries.counterfactualCumulative[o * H + H - 1];
    }
  if (bws.regional)
    settleMunicipalities(
      plan,
      budget,
      layout,
      params,
      ws,
      bws.paidByTrigger,
      bws.leftAfterPayment,
      bws.municipalShareOfTrigger,
      bws.regional,
      scalars,
      scalarOffset,
      series,
      seriesOffset,
    );
}

function book(bws: BudgetWorkspace, l: number, years: number, year: number, value: number, discount: number): void {
  bws.lineTotal[l] += value;
  bws.lineYear[l * years + year] += value;
  bws.linePresentValue[l] += value * discount;
}

/** What a line brings its budget in month t (nominal euros; positive is a gain). */
function lineValue(line: BudgetLine, params: Float64Array, ws: ContractWorkspace, t: number): number {
  const prog = ws.programme;
  const cf = ws.counterfactual;
  const source = line.source;
  switch (source.kind) {
    case 'avoidedBenefit':
      return prog.avoidedBenefitWork[t] + prog.avoidedBenefitOther[t] - (cf.avoidedBenefitWork[t] + cf.avoidedBenefitOther[t]);
    case 'avoidedAdministration':
      return (
        prog.avoidedAdministrationWork[t] + prog.avoidedAdministrationOther[t] - (cf.avoidedAdministrationWork[t] + cf.avoidedAdministrationOther[t])
      );
    case 'loonkostensubsidie':
      return -(prog.lksPaid[t] - cf.lksPaid[t]);
    case 'payerOwnCosts':
      return -ws.payerOwnCosts[t];
    case 'payments':
      return 0;
    case 'outcome': {
      const series = ws.outcomes!;
      const at = source.outcome * ws.horizon + t;
      const once = series.programme[at] - series.counterfactual[at];
      const since = series.programmeCumulative[at] - series.counterfactualCumulative[at];
      return ws.costIndex[ws.yearOfMonth[t]] * (params[source.once] * once + params[source.perMonthAfter] * since);
    }
    case 'effect':
      return 0; // booked by bookEffect from the table of units
  }
}

/**
 * Attributable units per month, one row per basis (programme minus counterfactual): months in work
 * (all, full-time, part-time, with LKS), months on a full benefit, job starts, then each tracked
 * milestone. Filled once per evaluation, so each effect is one multiply per month.
 */
function fillUnits(plan: ContractPlan, ws: ContractWorkspace, units: Float64Array): void {
  const H = plan.horizon;
  const prog = ws.programme;
  const cf = ws.counterfactual;
  for (let t = 0; t < H; t++) {
    const fullTime = prog.inWorkFullTime[t] - cf.inWorkFullTime[t];
    const partTime = prog.inWorkPartTime[t] - cf.inWorkPartTime[t];
    units[t] = fullTime + partTime;
    units[H + t] = fullTime;
    units[2 * H + t] = partTime;
    units[3 * H + t] = prog.inWorkWithLks[t] - cf.inWorkWithLks[t];
    units[4 * H + t] = prog.onBenefit[t] - cf.onBenefit[t];
    units[5 * H + t] = prog.placements[t] - cf.placements[t];
  }
  for (let m = 0; m < plan.milestones.length; m++) {
    const row = (UNIT_ROWS_BEFORE_MILESTONES + m) * H;
    for (let t = 0; t < H; t++) units[row + t] = prog.milestoneReached[m * H + t] - cf.milestoneReached[m * H + t];
  }
}

function bookEffect(
  plan: ContractPlan,
  source: Extract<BudgetLine['source'], { kind: 'effect' }>,
  params: Float64Array,
  ws: ContractWorkspace,
  bws: BudgetWorkspace,
  l: number,
  Y: number,
  monthlyDiscount: number,
): void {
  if (source.unitsRow < 0) return;
  const H = plan.horizon;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const index = source.byBenefitIndex ? ws.benefitIndex : ws.costIndex;
  const amount = params[source.amount];
  const row = source.unitsRow * H;
  let discount = 1;
  if (source.partTimeFactor !== 1) {
    // A month in work with part-time months weighted: full-time units plus the factor times part-time ones.
    const factor = source.partTimeFactor;
    for (let t = 0; t < H; t++) {
      const y = yearOf[t];
      book(bws, l, Y, y, amount * index[y] * (bws.units[H + t] + factor * bws.units[2 * H + t]), discount);
      discount *= monthlyDiscount;
    }
    return;
  }
  for (let t = 0; t < H; t++) {
    const y = yearOf[t];
    book(bws, l, Y, y, amount * index[y] * bws.units[row + t], discount);
    discount *= monthlyDiscount;
  }
}

function settlePayers(plan: ContractPlan, budget: BudgetPlan, params: Float64Array, ws: ContractWorkspace, bws: BudgetWorkspace, Y: number, monthlyDiscount: number): void {
  const H = plan.horizon;
  const T = plan.triggers.length;
  const payers = budget.payers;
  const N = payers.length;
  const firstLine = budget.lines.length - N;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const fraction = bws.payerFraction;
  const byShares = budget.method === 'shares' && N > 1;

  if (!byShares) {
    // One payer, or method gains: fixed fractions over the horizon.
    let total = 0;
    for (let i = 0; i < N; i++) {
      const gains = N === 1 ? 1 : Math.max(0, bws.partySavings[budget.parties.indexOf(payers[i].party)]);
      fraction[i] = gains;
      total += gains;
    }
    for (let i = 0; i < N; i++) fraction[i] = total > 0 ? fraction[i] / total : 1 / N;
    for (let k = 0; k < T; k++) for (let i = 0; i < N; i++) bws.split[i * T + k] = fraction[i];
  } else {
    // Shares: normalise each trigger's weights over the payers funding it; all weights zero: equal parts.
    for (let k = 0; k < T; k++) {
      let weights = 0;
      let funders = 0;
      for (let i = 0; i < N; i++)
        if (payers[i].funds[k]) {
          weights += Math.max(0, params[payers[i].share]);
          funders++;
        }
      for (let i = 0; i < N; i++) {
        const weight = payers[i].funds[k] ? Math.max(0, params[payers[i].share]) : 0;
        bws.split[i * T + k] = weights > 0 ? weight / weights : payers[i].funds[k] ? 1 / funders : 0;
      }
    }
  }
  for (let k = 0; k < T; k++) {
    let municipal = 0;
    for (let i = 0; i < N; i++) if (payers[i].party === 'gemeente') municipal += bws.split[i * T + k];
    bws.municipalShareOfTrigger[k] = municipal;
  }

  // What each trigger has due and not yet paid (after lag). A month's payment is taken from it in
  // proportion, as settlePayments cuts payees in proportion when a cap binds; what a cap lets lapse
  // is dropped, what it carries forward or a threshold holds stays.
  const pending = bws.cumulativeDue;
  pending.fill(0);
  let discount = 1;
  for (let t = 0; t < H; t++) {
    let pendingTotal = 0;
    for (let k = 0; k < T; k++) {
      const from = t - plan.triggers[k].lag;
      if (from >= 0) pending[k] += ws.dueByTrigger[k * H + from];
      pendingTotal += pending[k];
    }
    const paid = ws.payments[t];
    for (let k = 0; k < T; k++) bws.paidByTrigger[k * H + t] = pendingTotal > 0 ? (paid * pending[k]) / pendingTotal : 0;
    for (let i = 0; i < N; i++) {
      if (byShares) {
        let part = 0;
        if (pendingTotal > 0) for (let k = 0; k < T; k++) part += pending[k] * bws.split[i * T + k];
        fraction[i] = pendingTotal > 0 ? part / pendingTotal : 1 / N;
      }
      book(bws, firstLine + i, Y, yearOf[t], -paid * fraction[i], discount);
    }
    bws.leftAfterPayment[t] = leftAfterPayment(plan, paid, pendingTotal);
    for (let k = 0; k < T; k++) pending[k] *= bws.leftAfterPayment[t];
    discount *= monthlyDiscount;
  }
}

/**
 * Share of what is due and unpaid that stays due after month t's payment. A month with a threshold
 * and nothing paid is taken as held (a closed threshold); otherwise the unpaid rest lapses unless
 * the yearly cap carries it forward.
 */
function leftAfterPayment(plan: ContractPlan, paid: number, pendingTotal: number): number {
  const held = plan.threshold !== null && paid === 0;
  if (!held && !plan.caps.carryForwardYearly) return 0;
  return pendingTotal > 0 ? Math.max(0, 1 - paid / pendingTotal) : 1;
}

"""
The bench contract in vectorised numpy: the implementation an analyst would write instead of the
service, used by `npm run bench` as the yardstick for the service's Monte Carlo kernel (issue 20).

It follows the model's rules for expected rates (models/contract/population.ts and
expected-population.ts: the same recurrences per profile; world-booking.ts: benefit, administration
and LKS money; payment-table.ts, payments.ts: per-participant triggers, lag, yearly and total caps
with carry-forward; parties.ts: provider costs and the payer's own costs; contract-model.ts: the
summary and yearly series), vectorised across iterations: every quantity is an array over a block
of 4,096 iterations, with both worlds and every profile stacked in one array, so that one month
costs a few dozen numpy operations on arrays of 2 x profiles x 4,096 values.

It covers the features of the bench contract (bench/bench-contract.ts) and refuses the others by
name: counterfactual by rates, job-start and sustained triggers, yearly and total caps with or
without carry-forward, no per-participant cap, threshold, investor or pool trigger.

Protocol (one JSON object a line on stdin, one JSON answer a line on stdout):
  {"cmd": "load", "plan": {...}}                       -> {"ok": true}
  {"cmd": "evaluate", "params": path, "n": N, "out": path}
      reads N x inputs float64 (row-major), writes N x (scalars + series) float64
  {"cmd": "time", "params": path, "n": N, "minSeconds": s}
      evaluates the N vectors in blocks of 4,096 repeatedly for at least s CPU seconds
      -> {"iterationsPerCpuSecond": r}
"""

import json
import sys
import time

import numpy as np

BLOCK = 4096
WORK_FULL_TIME = 1
WORK_PART_TIME = 2
SCALARS = [
    'payerOutcomePayments', 'payerOutcomePaymentsPresentValue', 'avoidedCostsGross', 'avoidedBenefitGross',
    'avoidedAdministrationGross', 'avoidedCostsCounterfactual', 'avoidedCostsAttributable', 'payerLks',
    'payerLksAttributable', 'payerOwnCosts', 'payerNetResult', 'payerNetPresentValue', 'benefitCostRatio',
    'paybackMonth', 'peakAnnualPayment', 'worstYearNet', 'shareOfSavingsPaidOut', 'paymentsDueAfterHorizon',
    'paymentsLapsedByCaps', 'paymentsHeldByThreshold', 'thresholdMetMonth', 'providerCosts',
    'providerOutcomeIncome', 'providerMargin', 'investorDrawn', 'investorReceived', 'investorIrr',
    'investorMultiple', 'investorNetPresentValue', 'investorLoss', 'guaranteePaid', 'participants',
    'placements', 'placementsCounterfactual', 'placementsAttributable', 'sustained6', 'sustained12',
    'sustained24', 'sustained12Counterfactual', 'fallbacks',
]
SERIES = 8


class Unsupported(Exception):
    pass


def check_supported(plan):
    if plan['counterfactual']['method'] != 'rates':
        raise Unsupported('counterfactual method ' + plan['counterfactual']['method'])
    if plan['threshold'] is not None:
        raise Unsupported('threshold')
    if plan['investor'] is not None:
        raise Unsupported('investor')
    if plan['caps']['perParticipant'] != -1:
        raise Unsupported('per-participant cap')
    if plan.get('budget') is not None:
        raise Unsupported('budget holders')
    for trigger in plan['triggers']:
        if trigger['kind'] not in ('jobStart', 'sustained'):
            raise Unsupported('trigger kind ' + trigger['kind'])


def evaluate_block(plan, X, rng=None):
    """Outputs of the N iterations whose parameter vectors are the rows of X (N x inputs); drawn persons with `rng`."""
    N = X.shape[0]
    H = plan['horizon']
    A = plan['programmeMonths']
    K = plan['tenureBuckets']
    profiles = plan['profiles']
    P = len(profiles)
    year_of = np.array(plan['yearIndexOfMonth'])
    Y = int(year_of[-1]) + 1
    col = lambda slot: X[:, slot]
    clamp = lambda v: np.clip(v, 0.0, 1.0)

    money = plan['money']
    years = np.arange(Y, dtype=np.float64)[:, None]
    benefit_index = np.power(1 + col(money['benefitIndexation'])[None, :], years)  # (Y, N)
    price_index = np.power(1 + col(money['priceIndexation'])[None, :], years)
    cost_index = np.power(1 + col(money['costIndexation'])[None, :], years)

    # Fall-back hazard by tenure and survival S(k).
    band_starts = plan['hazardBandStarts']
    band_rates = [clamp(col(s)) for s in plan['hazardBandRates']]
    B = len(band_starts)
    hazard = []
    band = 0
    for k in range(K):
        while band + 1 < B and band_starts[band + 1] <= k:
            band += 1
        hazard.append(band_rates[band])
    survival = [np.ones(N)]
    for k in range(1, K):
        survival.append(survival[k - 1] * (1 - hazard[k - 1]))

    part_time = clamp(col(plan['partTimeShare']))
    lks = clamp(col(plan['lksShare']))
    type_shares = [(1 - lks) * (1 - part_time), (1 - lks) * part_time, lks * (1 - part_time), lks * part_time]

    # Intake: whole cohorts split over profiles by their shares (expected counts), per iteration.
    delay_values = np.maximum(0, np.floor(col(plan['delayMonths']) + 0.5))
    if not np.all(delay_values == delay_values[0]):
        raise Unsupported('a start delay that varies between iterations')
    delay = int(delay_values[0])
    shares = [np.maximum(0, col(p['share'])) for p in profiles]
    share_total = np.zeros(N)
    for s in shares:
        share_total = share_total + s
    intake = np.zeros((P, H, N))
    intake_total = np.zeros(H)
    for c, month0 in enumerate(plan['cohortMonths']):
        month = month0 + delay
        if month >= H:
            continue
        count = float(plan['cohortCounts'][c])
        intake_total[month] += count
        remaining = np.full(N, count)
        for p in range(P):
            if p == P - 1:
                part = remaining
            else:
                part = count * (shares[p] / share_total)
            intake[p, month] += part
            remaining = remaining - part

    # Rates of both worlds, stacked: index 0 the programme, 1 the counterfactual; shape (2, P, N).
    cf_job = np.stack([clamp(col(p['counterfactualJobEntry'])) for p in profiles])
    cf_other = np.stack([clamp(col(p['counterfactualOtherExit'])) for p in profiles])
    job_in = np.stack([np.stack([clamp(col(p['programmeJobEntry'])) for p in profiles]), cf_job])
    other_in_rate = np.stack([np.stack([clamp(col(p['programmeOtherExit'])) for p in profiles]), cf_other])
    job_after = np.stack([cf_job, cf_job])
    other_after_rate = np.stack([cf_other, cf_other])
    with np.errstate(divide='ignore', invalid='ignore'):
        other_share_in = np.where(job_in < 1, np.minimum(1, other_in_rate / (1 - job_in)), 0.0)
        other_share_after = np.where(job_after < 1, np.minimum(1, other_after_rate / (1 - job_after)), 0.0)
    other_in = (1 - job_in) * other_share_in
    other_after = (1 - job_after) * other_share_after
    stay_in = (1 - job_in) * (1 - other_share_in)
    stay_after = (1 - job_after) * (1 - other_share_after)
    leaving_programme = np.ones_like(stay_in)
    for _ in range(A):
        leaving_programme = leaving_programme * stay_in
    back_other = other_after_rate

    band_hazard = [hazard[s] for s in band_starts]
    band_stay = [1 - hazard[s] for s in band_starts]
    band_reach = [survival[s] for s in band_starts]

    benefit = np.stack([col(p['monthlyBenefit']) for p in profiles])  # (P, N)
    administration = np.stack([col(p['administrationCostPerYear']) / 12 for p in profiles])
    pt_benefit_share = clamp(col(plan['partTimeBenefitShare']))
    pt_saved = 1 - pt_benefit_share
    lks_monthly = col(plan['lksMonthlyAmount'])
    full_share = 1 - part_time

    if rng is None:
        placed = np.zeros((H, 2, P, N))
        pools = [np.zeros((2, P, N)) for _ in range(B)]
        waiting_in = np.zeros((2, P, N))
        waiting_after = np.zeros((2, P, N))
        back = np.zeros((2, P, N))
        in_work = np.zeros((2, P, N))
        exited = np.zeros((2, P, N))
        cohorts = np.zeros((P, N))
        # Monthly totals the rest of the model reads, per world: (H, 2, N).
        placements_m = np.zeros((H, 2, N))
        fallbacks_m = np.zeros((H, 2, N))
        lks_paid = np.zeros((H, 2, N))
        avoided_benefit_work = np.zeros((H, 2, N))
        avoided_admin_work = np.zeros((H, 2, N))
        avoided_benefit_other = np.zeros((H, 2, N))
        avoided_admin_other = np.zeros((H, 2, N))

        for t in range(H):
            # 1-2. Leaving benefit, from the programme months and from the pool after them.
            placements = job_in * waiting_in + job_after * waiting_after
            left_waiting = other_in * waiting_in + other_after * waiting_after
            waiting_after = waiting_after * stay_after
            if t >= A:
                waiting_after = waiting_after + intake[:, t - A][None] * leaving_programme
            placed[t] = placements
            # Fall-back from each hazard band's pool; pools move on.
            fallbacks = 0.0
            for b in range(B):
                pool = pools[b]
                fallbacks = fallbacks + band_hazard[b] * pool
                nxt = band_stay[b] * pool
                start = band_starts[b]
                if t >= start:
                    nxt = nxt + placed[t - start] * band_reach[b]
                if b + 1 < B:
                    end = band_starts[b + 1]
                    if t >= end:
                        nxt = nxt - placed[t - end] * band_reach[b + 1]
                pools[b] = nxt
            back = back + fallbacks
            in_work = in_work + (placements - fallbacks)
            # 3. Back on bijstand after work: only other exits.
            left_back = back * back_other
            back = back - left_back
            # 4. Intake joins; cohorts within their programme months.
            waiting_in = waiting_in * stay_in
            arriving = intake[:, t]
            waiting_in = waiting_in + arriving[None]
            cohorts = cohorts + (arriving != 0)
            if t >= A:
                leaving = intake[:, t - A]
                waiting_in = waiting_in - leaving[None] * leaving_programme
                cohorts = cohorts - (leaving != 0)
            waiting_in = np.where((cohorts == 0)[None], 0.0, waiting_in)

            exited = exited + (left_waiting + left_back)
            full = full_share * in_work
            part = part_time * in_work
            year = year_of[t]
            bi = benefit_index[year]
            ci = cost_index[year]
            placements_m[t] = placements.sum(axis=1)
            fallbacks_m[t] = fallbacks.sum(axis=1)
            lks_paid[t] = lks_monthly * ci * (lks * in_work).sum(axis=1)
            avoided_benefit_work[t] = bi * (benefit * (full + part * pt_saved)).sum(axis=1)
            avoided_admin_work[t] = ci * (administration * full).sum(axis=1)
            avoided_benefit_other[t] = bi * (benefit * exited).sum(axis=1)
            avoided_admin_other[t] = ci * (administration * exited).sum(axis=1)

        # Milestones reached (programme and counterfactual): starters t - m months ago still in work.
        def milestone(months):
            if months not in plan['milestones'] or months >= H:
                return np.zeros((2, N))
            reached = placed[: H - months].sum(axis=(0, 2))  # (2, N)
            return reached * survival[months]

        # Per-participant triggers: starters at tenure k times the price for the mix of work types.
        dues = []
        for trigger in plan['triggers']:
            tenure = trigger['tenure']
            flags = trigger['workTypes']
            due = np.zeros((H, N))
            for p in range(P):
                slot = trigger['priceByProfile'][p]
                if slot == -1:
                    continue
                price = np.maximum(0, col(slot))
                mixed = 0.0
                for kind in range(4):
                    flag = WORK_PART_TIME if kind & 1 else WORK_FULL_TIME
                    mixed = mixed + type_shares[kind] * (price if flags & flag else 0.0)
                per_starter = survival[tenure] * mixed
                if tenure < H:
                    due[tenure:] += placed[: H - tenure, 0, p] * per_starter * price_index[year_of[tenure:]]
            dues.append(due)
        reached_totals = {months: milestone(months) for months in (6, 12, 24)}

    else:
        (placements_m, fallbacks_m, lks_paid, avoided_benefit_work, avoided_admin_work, avoided_benefit_other,
         avoided_admin_other, reached_totals, dues) = drawn_population(
            plan, X, rng, intake_total, delay, shares, share_total, hazard, part_time, lks, pt_saved, benefit,
            administration, lks_monthly, benefit_index, cost_index, price_index)

    # Lag.
    due_by_payee = np.zeros((2, H, N))
    due_after_horizon = np.zeros(N)
    for trigger, due in zip(plan['triggers'], dues):
        lag = trigger['lag']
        payee = trigger['payee']
        if lag < H:
            due_by_payee[payee, lag:] += due[: H - lag]
        due_after_horizon += due[max(0, H - lag):].sum(axis=0)

    # Lag done; yearly and total caps, carry-forward of what the yearly cap holds back.
    caps = plan['caps']
    yearly_cap = col(caps['perYear']) if caps['perYear'] != -1 else np.full(N, np.inf)
    remaining_total = col(caps['total']).copy() if caps['total'] != -1 else np.full(N, np.inf)
    carry = caps['carryForwardYearly']
    paid = np.zeros((2, H, N))
    carried = np.zeros((2, N))
    lapsed = np.zeros(N)
    paid_this_year = np.zeros(N)
    current_year = 0
    for t in range(H):
        if year_of[t] != current_year:
            current_year = year_of[t]
            paid_this_year = np.zeros(N)
        provider = due_by_payee[0, t] + carried[0]
        investor = due_by_payee[1, t] + carried[1]
        carried = np.zeros((2, N))
        wanted = provider + investor
        pays = wanted > 0
        under_total = np.minimum(wanted, remaining_total)
        payable = np.minimum(under_total, np.maximum(0, yearly_cap - paid_this_year))
        with np.errstate(divide='ignore', invalid='ignore'):
            fraction = np.where(pays, payable / wanted, 0.0)
        paid[0, t] = provider * fraction
        paid[1, t] = investor * fraction
        payable = np.where(pays, payable, 0.0)
        under_total = np.where(pays, under_total, 0.0)
        paid_this_year = paid_this_year + payable
        remaining_total = remaining_total - payable
        above_yearly = under_total - payable
        lapsed = lapsed + np.where(pays, wanted - under_total, 0.0)
        if carry:
            with np.errstate(divide='ignore', invalid='ignore'):
                moves = pays & (above_yearly > 0)
                carried = np.where(moves[None], np.stack([provider, investor]) / np.where(pays, wanted, 1.0)[None] * above_yearly[None], 0.0)
        else:
            lapsed = lapsed + above_yearly
    payments = paid[0] + paid[1]  # (H, N)

    # Parties: provider costs; the payer's own costs and net result.
    provider_plan = plan['provider']
    months_with_intake = np.nonzero(intake_total > 0)[0]
    first_intake = months_with_intake[0] if len(months_with_intake) else H
    last_intake = months_with_intake[-1] if len(months_with_intake) else -1
    delivery_end = last_intake + A
    enrolled = np.cumsum(intake_total) - np.concatenate([np.zeros(A), np.cumsum(intake_total)[: max(0, H - A)]])[:H]
    in_delivery = ((np.arange(H) >= first_intake) & (np.arange(H) < delivery_end)).astype(np.float64)
    ci_m = cost_index[year_of]  # (H, N)
    provider_costs = ci_m * (
        col(provider_plan['costPerParticipantMonth'])[None] * enrolled[:, None]
        + col(provider_plan['costPerPlacement'])[None] * placements_m[:, 0]
        + col(provider_plan['fixedCostPerMonth'])[None] * in_delivery[:, None]
    )
    own_costs = ci_m * col(plan['payerOwnCostsPerMonth'])[None]
    own_costs[0] = ci_m[0] * (col(plan['payerOwnCostsPerMonth']) + col(plan['payerOwnCostsOneOff']))
    avoided_attr = (
        avoided_benefit_work[:, 0] + avoided_admin_work[:, 0] + avoided_benefit_other[:, 0] + avoided_admin_other[:, 0]
        - (avoided_benefit_work[:, 1] + avoided_admin_work[:, 1] + avoided_benefit_other[:, 1] + avoided_admin_other[:, 1])
    )
    lks_attr = lks_paid[:, 0] - lks_paid[:, 1]
    payer_net = avoided_attr - lks_attr - payments - own_costs
    provider_net = paid[0] - provider_costs

    # Summary.
    monthly_discount = np.power(1 + col(money['discountRate']), -1 / 12)
    discount = np.power(monthly_discount[None], np.arange(H, dtype=np.float64)[:, None])  # (H, N)
    pv = lambda flows: (flows * discount).sum(axis=0)
    out = np.full((N, len(SCALARS) + SERIES * Y), np.nan)
    s = {name: i for i, name in enumerate(SCALARS)}
    pv_payments = pv(payments)
    pv_avoided = pv(avoided_attr)
    pv_lks = pv(lks_attr)
    pv_own = pv(own_costs)
    cumulative = np.cumsum(payer_net, axis=0)
    negative = cumulative < 0
    last_negative = np.where(negative.any(axis=0), H - 1 - np.argmax(negative[::-1], axis=0), -1)
    yearly = np.zeros((SERIES, Y, N))
    for y in range(Y):
        months = year_of == y
        yearly[0, y] = payments[months].sum(axis=0)
        yearly[1, y] = avoided_attr[months].sum(axis=0)
        yearly[2, y] = lks_attr[months].sum(axis=0)
        yearly[3, y] = payer_net[months].sum(axis=0)
        yearly[4, y] = provider_costs[months].sum(axis=0)
        yearly[5, y] = provider_net[months].sum(axis=0)
        yearly[7, y] = placements_m[months, 0].sum(axis=0)
    total_avoided_benefit = avoided_benefit_work[:, 0].sum(axis=0)
    total_avoided_admin = avoided_admin_work[:, 0].sum(axis=0)
    pv_costs = pv_payments + pv_lks + pv_own
    net_savings = pv_avoided - pv_lks
    placements_total = placements_m[:, 0].sum(axis=0)
    placements_cf = placements_m[:, 1].sum(axis=0)
    with np.errstate(divide='ignore', invalid='ignore'):
        values = {
            'payerOutcomePayments': payments.sum(axis=0),
            'payerOutcomePaymentsPresentValue': pv_payments,
            'avoidedCostsGross': total_avoided_benefit + total_avoided_admin,
            'avoidedBenefitGross': total_avoided_benefit,
            'avoidedAdministrationGross': total_avoided_admin,
            'avoidedCostsCounterfactual': (avoided_benefit_work[:, 1] + avoided_admin_work[:, 1]).sum(axis=0),
            'avoidedCostsAttributable': avoided_attr.sum(axis=0),
            'payerLks': lks_paid[:, 0].sum(axis=0),
            'payerLksAttributable': lks_attr.sum(axis=0),
            'payerOwnCosts': own_costs.sum(axis=0),
            'payerNetResult': payer_net.sum(axis=0),
            'payerNetPresentValue': pv(payer_net),
            'benefitCostRatio': np.where(pv_costs > 0, pv_avoided / pv_costs, np.nan),
            'paybackMonth': np.where(cumulative[-1] >= 0, last_negative + 1.0, np.nan),
            'peakAnnualPayment': np.maximum(0, yearly[0].max(axis=0)),
            'worstYearNet': yearly[3].min(axis=0),
            'shareOfSavingsPaidOut': np.where(net_savings > 0, pv_payments / net_savings, np.nan),
            'paymentsDueAfterHorizon': due_after_horizon,
            'paymentsLapsedByCaps': lapsed + carried[0] + carried[1],
            'paymentsHeldByThreshold': np.zeros(N),
            'thresholdMetMonth': np.zeros(N),
            'providerCosts': provider_costs.sum(axis=0),
            'providerOutcomeIncome': paid[0].sum(axis=0),
            'providerMargin': provider_net.sum(axis=0),
            'investorDrawn': np.zeros(N),
            'investorReceived': np.zeros(N),
            'investorIrr': np.full(N, np.nan),
            'investorMultiple': np.full(N, np.nan),
            'investorNetPresentValue': np.zeros(N),
            'investorLoss': np.zeros(N),
            'guaranteePaid': np.zeros(N),
            'participants': np.full(N, intake_total.sum()),
            'placements': placements_total,
            'placementsCounterfactual': placements_cf,
            'placementsAttributable': placements_total - placements_cf,
            'sustained6': reached_totals[6][0],
            'sustained12': reached_totals[12][0],
            'sustained24': reached_totals[24][0],
            'sustained12Counterfactual': reached_totals[12][1],
            'fallbacks': fallbacks_m[:, 0].sum(axis=0),
        }
    for name, value in values.items():
        out[:, s[name]] = value
    out[:, len(SCALARS):] = yearly.transpose(2, 0, 1).reshape(N, SERIES * Y)
    return out


def drawn_population(plan, X, rng, intake_total, delay, shares, share_total, hazard, part_time, lks, pt_saved, benefit,
                     administration, lks_monthly, benefit_index, cost_index, price_index):
    """
    Drawn persons, by the model's law (models/contract/drawn-persons.ts), not its random stream:
    every participant of a cohort takes a profile with chance share / total (the multinomial split
    of the cohort), then in each world independently: a benefit spell that ends each month with
    chance jobEntry + otherExit (programme rates for programmeMonths months, the counterfactual
    ones after), in work with chance jobEntry / that; a work type (LKS and part-time independent);
    months in work until the fall-back by the hazard bands; then months back on bijstand until an
    other exit at the counterfactual rate. All persons of a block at once: arrays of persons x
    iterations, counted by month with bincount.
    """
    N = X.shape[0]
    H = plan['horizon']
    A = plan['programmeMonths']
    profiles = plan['profiles']
    P = len(profiles)
    year_of = np.array(plan['yearIndexOfMonth'])
    col = lambda slot: X[:, slot]
    clamp = lambda v: np.clip(v, 0.0, 1.0)
    n_index = np.arange(N)

    months = []
    for c, month0 in enumerate(plan['cohortMonths']):
        if month0 + delay < H:
            months += [month0 + delay] * plan['cohortCounts'][c]
    M = len(months)
    start = np.array(months, dtype=np.int64)[:, None]  # (M, 1)
    # Profiles: the cumulative shares, and each person's draw.
    cumulative = np.cumsum(np.stack(shares), axis=0) / share_total  # (P, N)
    u = rng.random((M, N))
    profile = np.zeros((M, N), dtype=np.int64)
    for p in range(P - 1):
        profile += u >= cumulative[p][None]
    by_profile = lambda values: np.stack(values)[profile, n_index[None]]  # (P, N) -> (M, N)

    starts = np.array(plan['hazardBandStarts'])
    band_log_stay = [np.log1p(-clamp(col(slot))) for slot in plan['hazardBandRates']]
    B = len(starts)
    band_before = [np.zeros(N)]
    for b in range(1, B):
        band_before.append(band_before[b - 1] + (starts[b] - starts[b - 1]) * band_log_stay[b - 1])

    cf_job = [clamp(col(p['counterfactualJobEntry'])) for p in profiles]
    cf_other = [clamp(col(p['counterfactualOtherExit'])) for p in profiles]
    pr_job = [clamp(col(p['programmeJobEntry'])) for p in profiles]
    pr_other = [clamp(col(p['programmeOtherExit'])) for p in profiles]
    flat = lambda p_index, n, month: (p_index * N + n) * H + month

    out = {k: np.zeros((H, 2, N)) for k in ('placements', 'fallbacks', 'lks', 'bw', 'aw', 'bo', 'ao')}
    reached = {m: np.zeros((2, N)) for m in (6, 12, 24)}
    dues = [np.zeros((H, N)) for _ in plan['triggers']]
    with np.errstate(divide='ignore', invalid='ignore', over='ignore'):
        for w in range(2):
            job_in = by_profile(pr_job if w == 0 else cf_job)
            other_in = by_profile(pr_other if w == 0 else cf_other)
            job_after = by_profile(cf_job)
            other_after = by_profile(cf_other)
            end_in = np.minimum(1, job_in + np.where(job_in < 1, np.minimum(other_in, 1 - job_in), 0))
            end_after = np.minimum(1, job_after + np.where(job_after < 1, np.minimum(other_after, 1 - job_after), 0))
            stay_in = np.log1p(-end_in)
            stay_after = np.log1p(-end_after)
            log_v = np.log1p(-rng.random((M, N)))
            before_after = A * stay_in
            survived = before_after >= log_v
            stayed_after = A + np.floor((log_v - before_after) / stay_after)
            stayed_in = np.minimum(np.floor(log_v / stay_in), A - 1)
            stayed = np.where(survived, np.where(stay_after == 0, np.inf, stayed_after), stayed_in)
            exit_month = start + 1 + stayed
            valid = exit_month < H
            job_share = np.where(stayed < A, np.where(end_in > 0, job_in / end_in, 0), np.where(end_after > 0, job_after / end_after, 0))
            work = valid & (rng.random((M, N)) < job_share)
            other = valid & ~work
            exit_i = np.where(valid, exit_month, 0).astype(np.int64)
            with_lks = rng.random((M, N)) < lks[None]
            part = rng.random((M, N)) < part_time[None]
            kind = part.astype(np.int64) + 2 * with_lks.astype(np.int64)
            log_w = np.log1p(-rng.random((M, N)))
            piece = np.zeros((M, N), dtype=np.int64)
            for b in range(1, B):
                piece += band_before[b][None] >= log_w
            piece_start = starts[piece]
            piece_before = np.stack(band_before)[piece, n_index[None]]
            piece_stay = np.stack(band_log_stay)[piece, n_index[None]]
            steps = np.floor((log_w - piece_before) / piece_stay)
            steps = np.where(piece_stay == 0, np.inf, steps)
            piece_end = np.where(piece + 1 < B, starts[np.minimum(piece + 1, B - 1)] - piece_start - 1, np.inf)
            last_tenure = piece_start + np.minimum(steps, piece_end)
            fall_month = exit_month + last_tenure + 1
            work_end = np.where(work, np.minimum(fall_month, H), 0).astype(np.int64)
            falls = work & (fall_month < H)
            back_other = by_profile(cf_other)
            months_back = np.where(back_other >= 1, 0, np.where(back_other <= 0, np.inf, np.floor(np.log1p(-rng.random((M, N))) / np.log1p(-back_other))))
            leave_month = fall_month + months_back
            leaves = falls & (leave_month < H)

            n_of = np.broadcast_to(n_index[None], (M, N))
            count = lambda mask, month: np.bincount(flat(profile[mask], n_of[mask], month[mask].astype(np.int64)), minlength=P * N * H).reshape(P, N, H)
            placements = count(work, exit_i)
            fallbacks = count(falls, np.where(falls, fall_month, 0))
            other_exits = count(other, exit_i) + count(leaves, np.where(leaves, leave_month, 0))
            # In work by type: +1 from the exit month, -1 from the end of work.
            in_work = []
            for k in range(4):
                mask = work & (kind == k)
                changes = count(mask, exit_i) - count(mask & (work_end < H), np.where(work_end < H, work_end, 0))
                in_work.append(np.cumsum(changes, axis=2))
            full = in_work[0] + in_work[2]
            part_workers = in_work[1] + in_work[3]
            lks_workers = in_work[2] + in_work[3]
            exited = np.cumsum(other_exits, axis=2)
            saved = full + part_workers * pt_saved[None, :, None]
            bi = benefit_index[year_of].T  # (N, H)
            ci = cost_index[year_of].T
            out['placements'][:, w] = placements.sum(axis=0).T
            out['fallbacks'][:, w] = fallbacks.sum(axis=0).T
            out['lks'][:, w] = (lks_monthly[:, None] * ci * lks_workers.sum(axis=0)).T
            out['bw'][:, w] = (bi * (benefit[:, :, None] * saved).sum(axis=0)).T
            out['aw'][:, w] = (ci * (administration[:, :, None] * full).sum(axis=0)).T
            out['bo'][:, w] = (bi * (benefit[:, :, None] * exited).sum(axis=0)).T
            out['ao'][:, w] = (ci * (administration[:, :, None] * exited).sum(axis=0)).T
            for m in reached:
                reached[m][w] = (work & (last_tenure >= m) & (exit_month + m < H)).sum(axis=0)
            if w == 0:
                for n, trigger in enumerate(plan['triggers']):
                    tenure = trigger['tenure']
                    month = exit_month + tenure
                    pays = work & (last_tenure >= tenure) & (month < H)
                    flags = trigger['workTypes']
                    pays &= np.where(part, flags & WORK_PART_TIME, flags & WORK_FULL_TIME) != 0
                    prices = np.stack([np.maximum(0, col(slot)) if slot != -1 else np.zeros(N) for slot in trigger['priceByProfile']])
                    month_i = np.where(pays, month, 0).astype(np.int64)
                    amount = prices[profile, n_of] * price_index[year_of[month_i], n_of]
                    dues[n] = np.bincount((n_of[pays] * H + month_i[pays]), weights=amount[pays], minlength=N * H).reshape(N, H).T
    return (out['placements'], out['fallbacks'], out['lks'], out['bw'], out['aw'], out['bo'], out['ao'], reached, dues)


def evaluate_all(plan, X, rng=None):
    return np.concatenate([evaluate_block(plan, X[i : i + BLOCK], rng) for i in range(0, X.shape[0], BLOCK)])


def read_params(path, n):
    data = np.fromfile(path, dtype='<f8')
    return data.reshape(n, data.size // n)


def main():
    plan = None
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command['cmd'] == 'load':
                plan = command['plan']
                check_supported(plan)
                answer = {'ok': True, 'numpy': np.__version__}
            elif command['cmd'] == 'evaluate':
                rng = np.random.default_rng(command['seed']) if command.get('drawn') else None
                out = evaluate_all(plan, read_params(command['params'], command['n']), rng)
                out.astype('<f8').tofile(command['out'])
                answer = {'ok': True, 'columns': out.shape[1]}
            elif command['cmd'] == 'time':
                X = read_params(command['params'], command['n'])
                rng = np.random.default_rng(1) if command.get('drawn') else None
                evaluate_all(plan, X, rng)  # warm-up
                start = time.process_time()
                iterations = 0
                while time.process_time() - start < command['minSeconds']:
                    evaluate_all(plan, X, rng)
                    iterations += X.shape[0]
                answer = {'ok': True, 'iterationsPerCpuSecond': iterations / (time.process_time() - start)}
            else:
                answer = {'ok': False, 'error': 'unknown command'}
        except Unsupported as error:
            answer = {'ok': False, 'error': 'not implemented in the numpy reference: ' + str(error)}
        print(json.dumps(answer), flush=True)


if __name__ == '__main__':
    main()

import type { Contract } from '../contract/contract-schema.js';
import { CONTRACT_LIMITS } from '../contract/limits.js';
import { rebuildObservedState, type ObservedState } from '../contract/observed-state.js';
import type { DomainError, FieldProblem } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { Actuals } from './actuals-schema.js';
import { assignProfilesByShare } from './assign-profiles.js';

/**
 * Actuals checked against the contract they belong to, and the persons rebuilt from them.
 * Everything the schema cannot see is checked here, each problem naming the row (`months[i]`) and
 * the field: months after the as-of month or beyond the horizon, a month recorded twice, a month
 * missing, an unknown profile, more job starts than participants waiting, more fall-backs than
 * persons in work, part-time starts above job starts, and an `inWork` that the starts and
 * fall-backs do not give.
 */
export interface CheckedActuals {
  actuals: Actuals;
  /** Observed months: 0 .. asOfMonth. */
  months: number;
  /** True when the rows name profiles (one row per month and profile). */
  byProfile: boolean;
  /** The observed state the re-forecast starts from (profiles assigned by share when the rows name none). */
  state: ObservedState;
  /** Per month, summed over profiles. */
  totals: MonthlyTotals;
  /** Per profile and month (`p * months + t`) when by profile; else null. */
  partTimeStarts: Int32Array | null;
  comparison: null | { atRisk: Int32Array; jobStarts: Int32Array; recorded: Uint8Array };
}

export interface MonthlyTotals {
  intake: number[];
  jobStarts: number[];
  inWork: number[];
  fallbacks: number[];
  otherExits: number[];
  payments: number[];
  partTimeStarts: (number | null)[];
  sustained6: (number | null)[];
  sustained12: (number | null)[];
  sustained24: (number | null)[];
}

/**
 * @param profileShares each profile's share of the intake (the base values of the contract's
 *   shares): pooled actuals of a contract with several profiles are split over them by it.
 */
export function checkActuals(contract: Contract, actuals: Actuals, profileShares: readonly number[]): Result<CheckedActuals, DomainError> {
  const problems: FieldProblem[] = [];
  const horizon = contract.horizonMonths;
  const M = actuals.asOfMonth + 1;
  if (actuals.asOfMonth >= horizon) problems.push({ path: ['asOfMonth'], message: `must be before the horizon end (month ${horizon - 1})` });
  const rows = actuals.months;
  const byProfile = rows.length > 0 && rows[0].profile !== undefined;
  const profileIndex = new Map(contract.profiles.map((p, i) => [p.id, i]));
  const P = byProfile ? contract.profiles.length : 1;
  const rowAt = new Int32Array(P * Math.max(M, 0)).fill(-1);

  rows.forEach((row, i) => {
    const at = (field: string) => ['months', i, field];
    if (row.month >= horizon) return void problems.push({ path: at('month'), message: `month ${row.month} is beyond the contract horizon (months 0 to ${horizon - 1})` });
    if (row.month > actuals.asOfMonth) return void problems.push({ path: at('month'), message: `month ${row.month} is after asOfMonth (${actuals.asOfMonth})` });
    if ((row.profile !== undefined) !== byProfile)
      return void problems.push({ path: at('profile'), message: byProfile ? 'every row must name a profile when one row does' : 'no row may name a profile when the first does not' });
    let p = 0;
    if (byProfile) {
      const found = profileIndex.get(row.profile!);
      if (found === undefined)
        return void problems.push({ path: at('profile'), message: `unknown profile '${row.profile}'; the contract has: ${contract.profiles.map((q) => q.id).join(', ')}` });
      p = found;
    }
    const key = p * M + row.month;
    if (rowAt[key] >= 0) return void problems.push({ path: at('month'), message: `month ${row.month}${byProfile ? ` of profile '${row.profile}'` : ''} is also in row ${rowAt[key]}` });
    rowAt[key] = i;
    if (row.partTimeStarts !== undefined && row.partTimeStarts > row.jobStarts)
      problems.push({ path: at('partTimeStarts'), message: `${row.partTimeStarts} part-time starts but only ${row.jobStarts} job starts` });
  });
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  // Gaps: every month 0 .. asOfMonth of every profile needs a row.
  for (let p = 0; p < P; p++)
    for (let t = 0; t < M; t++) {
      if (rowAt[p * M + t] >= 0) continue;
      let after = -1;
      for (let u = t + 1; u < M && after < 0; u++) after = rowAt[p * M + u];
      const which = byProfile ? ` of profile '${contract.profiles[p].id}'` : '';
      problems.push(
        after >= 0
          ? { path: ['months', after, 'month'], message: `month ${t}${which} is missing before this row (every month 0 to asOfMonth needs a row)` }
          : { path: ['asOfMonth'], message: `month ${t}${which} is missing (the actuals run to asOfMonth ${actuals.asOfMonth})` },
      );
      break;
    }
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  let participants = 0;
  for (const row of rows) participants += row.intake;
  if (participants > CONTRACT_LIMITS.maxParticipants)
    return fail({
      kind: 'limit-exceeded',
      problems: [{ path: ['months'], message: `take in ${participants} participants; at most ${CONTRACT_LIMITS.maxParticipants} are allowed` }],
      limit: 'maxParticipants',
      requested: participants,
      allowed: CONTRACT_LIMITS.maxParticipants,
    });

  const field = (name: 'intake' | 'jobStarts' | 'fallbacks' | 'otherExits' | 'payments') => Array.from(rowAt, (i) => rows[i][name]);
  const rebuilt = rebuildObservedState({
    months: M,
    profiles: P,
    intake: field('intake'),
    jobStarts: field('jobStarts'),
    fallbacks: field('fallbacks'),
    otherExits: field('otherExits'),
    payments: Array.from({ length: M }, (_, t) => {
      let paid = 0;
      for (let p = 0; p < P; p++) paid += rows[rowAt[p * M + t]].payments;
      return paid;
    }),
  });
  if (!rebuilt.ok) {
    const { profile, month, field: name, message } = rebuilt.error;
    return fail({ kind: 'invalid-input', problems: [{ path: ['months', rowAt[profile * M + month], name], message }] });
  }
  const state = rebuilt.value;

  // inWork as recorded must be what the starts and fall-backs give.
  const inWork = new Int32Array(P * M);
  const persons = state.persons;
  for (let i = 0; i < persons.count; i++) {
    const start = persons.startMonth[i];
    if (start < 0) continue;
    const end = persons.fallMonth[i] >= 0 ? persons.fallMonth[i] : M;
    for (let t = start; t < end; t++) inWork[persons.profile[i] * M + t] += 1;
  }
  for (let key = 0; key < P * M; key++) {
    const row = rows[rowAt[key]];
    if (row.inWork !== undefined && row.inWork !== inWork[key])
      problems.push({
        path: ['months', rowAt[key], 'inWork'],
        message: `${row.inWork} in work, but the job starts and fall-backs up to this month give ${inWork[key]}`,
      });
  }

  let comparison: CheckedActuals['comparison'] = null;
  if (actuals.comparisonGroup) {
    comparison = { atRisk: new Int32Array(M), jobStarts: new Int32Array(M), recorded: new Uint8Array(M) };
    actuals.comparisonGroup.months.forEach((row, i) => {
      const at = (name: string) => ['comparisonGroup', 'months', i, name];
      if (row.month > actuals.asOfMonth) return void problems.push({ path: at('month'), message: `month ${row.month} is after asOfMonth (${actuals.asOfMonth})` });
      if (comparison!.recorded[row.month]) return void problems.push({ path: at('month'), message: `month ${row.month} appears twice` });
      if (row.jobStarts > row.atRisk) return void problems.push({ path: at('jobStarts'), message: `${row.jobStarts} job starts but only ${row.atRisk} persons at risk` });
      comparison!.recorded[row.month] = 1;
      comparison!.atRisk[row.month] = row.atRisk;
      comparison!.jobStarts[row.month] = row.jobStarts;
    });
  }
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  const sumOf = (t: number, read: (row: Actuals['months'][number]) => number) => {
    let total = 0;
    for (let p = 0; p < P; p++) total += read(rows[rowAt[p * M + t]]);
    return total;
  };
  const optionalSum = (t: number, name: 'partTimeStarts' | 'sustained6' | 'sustained12' | 'sustained24') => {
    let total = 0;
    for (let p = 0; p < P; p++) {
      const value = rows[rowAt[p * M + t]][name];
      if (value === undefined) return null;
      total += value;
    }
    return total;
  };
  const months = Array.from({ length: M }, (_, t) => t);
  const totals: MonthlyTotals = {
    intake: months.map((t) => sumOf(t, (r) => r.intake)),
    jobStarts: months.map((t) => sumOf(t, (r) => r.jobStarts)),
    inWork: months.map((t) => {
      let total = 0;
      for (let p = 0; p < P; p++) total += inWork[p * M + t];
      return total;
    }),
    fallbacks: months.map((t) => sumOf(t, (r) => r.fallbacks)),
    otherExits: months.map((t) => sumOf(t, (r) => r.otherExits)),
    payments: months.map((t) => sumOf(t, (r) => r.payments)),
    partTimeStarts: months.map((t) => optionalSum(t, 'partTimeStarts')),
    sustained6: months.map((t) => optionalSum(t, 'sustained6')),
    sustained12: months.map((t) => optionalSum(t, 'sustained12')),
    sustained24: months.map((t) => optionalSum(t, 'sustained24')),
  };
  const everyPartTime = rows.length > 0 && rows.every((r) => r.partTimeStarts !== undefined);
  const partTimeStarts = everyPartTime ? Int32Array.from(rowAt, (i) => rows[i].partTimeStarts!) : null;

  return ok({
    actuals,
    months: M,
    byProfile,
    state: byProfile || contract.profiles.length === 1 ? state : assignProfilesByShare(state, profileShares),
    totals,
    partTimeStarts,
    comparison,
  });
}

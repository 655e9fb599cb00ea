import type { Rng } from '../random/rng.js';
import { REPORTED_MILESTONES, type ContractPlan } from './compile-contract.js';
import type { ContractWorkspace, WorldSeries } from './contract-workspace.js';
import { simulateProfileByCell } from './drawn-cells.js';
import { simulateProfileByPerson } from './drawn-persons.js';
import { clampRate } from './clamp-rate.js';
import { simulateExpectedWorld } from './expected-population.js';
import { bookWorld } from './world-booking.js';

/**
 * Moves one population (the programme's, or the counterfactual one without it) through the
 * months. States per profile: on benefit by months since intake, in work by type and tenure,
 * back on benefit after falling out of work, and gone for other reasons.
 *
 * Month t, in this order:
 * 1. people in work at tenure k fall back with the hazard of tenure k; the rest move to k + 1;
 * 2. people on benefit start work with the job-entry rate (programme rate while their months since
 *    intake are below `programmeMonths`, counterfactual rate after) or leave for other reasons;
 *    new workers start at tenure 0 and are split into part-time / LKS types;
 * 3. people back on bijstand after work leave for other reasons at the counterfactual rate
 *    (they do not re-enter the programme: a conservative simplification);
 * 4. the month's intake joins at months-since-intake 0 and receives a benefit this month.
 * "Completing m months in work" in month t means being at tenure m in month t.
 *
 * Three kernels follow these rules; each counts one profile's persons per month (`ProfileCounts`,
 * which `bookWorld` then turns into the world's series and money), the persons completing each
 * milestone and the per-participant payments due:
 * - `rng === null`, expected rates (`expected-population.ts`, the whole world at once): fractional
 *   counts, by recurrences over months on a few pools per profile;
 * - drawn persons, few of them (`drawn-persons.ts`): each participant's path from a handful of
 *   uniforms (when the spell ends, how, how long the work lasts);
 * - drawn persons, many of them (`drawn-cells.ts`): one binomial draw per occupied state and month.
 * The two drawn kernels give the same distribution of outcomes; which one runs depends only on the
 * intake, horizon and programme length (`drawsByPerson`), never on the payment terms.
 */
export function simulateWorld(
  plan: ContractPlan,
  params: Float64Array,
  ws: ContractWorkspace,
  rng: Rng | null,
  world: WorldSeries,
  isProgramme: boolean,
): void {
  if (rng === null) {
    simulateExpectedWorld(plan, params, ws, world, isProgramme);
    bookWorld(plan, params, ws, ws.population.counts, world);
    return;
  }
  const rates = ws.population.rates;
  for (let p = 0; p < plan.profiles.length; p++) {
    const profile = plan.profiles[p];
    const cfJobEntry = clampRate(params[profile.counterfactualJobEntry]);
    const cfOtherExit = clampRate(params[profile.counterfactualOtherExit]);
    rates.inProgrammeJobEntry = isProgramme ? clampRate(params[profile.programmeJobEntry]) : cfJobEntry;
    rates.inProgrammeOtherExit = isProgramme ? clampRate(params[profile.programmeOtherExit]) : cfOtherExit;
    rates.afterJobEntry = cfJobEntry;
    rates.afterOtherExit = cfOtherExit;
    rates.backOtherExit = cfOtherExit;
    if (drawsByPerson(plan, intakeOfProfile(plan, ws, p))) simulateProfileByPerson(plan, ws, rng, world, p, isProgramme);
    else simulateProfileByCell(plan, ws, rng, world, p, isProgramme);
  }
  bookWorld(plan, params, ws, ws.population.counts, world);
}

/**
 * Drawing a person (both worlds) costs about as much as this many binomial draws of the cell
 * kernel, measured on the bench contract scaled from 200 to 51,200 participants (the two kernels
 * break even near 1,300 participants per profile there).
 */
const PERSON_COST_IN_CELL_DRAWS = 5;

/**
 * Whether a profile's `persons` (its drawn intake) are drawn one by one. The cell kernel makes
 * about one draw per occupied cell and month, at most horizon x (programme months + 1 + 4 x
 * tenure buckets) whatever the intake; drawing persons costs in proportion to the intake. The
 * tenure buckets counted are those the hazard bands and the reported milestones need, not those
 * of the payment triggers, so contract variants that differ in payment terms choose alike and
 * draw the same random numbers.
 */
export function drawsByPerson(plan: ContractPlan, persons: number): boolean {
  const H = plan.horizon;
  let longestTenure = plan.hazardBandStarts[plan.hazardBandStarts.length - 1];
  for (const months of REPORTED_MILESTONES) if (months < H && months > longestTenure) longestTenure = months;
  const cellMonths = H * (plan.programmeMonths + 1 + 4 * (longestTenure + 2));
  return persons * PERSON_COST_IN_CELL_DRAWS <= cellMonths;
}

function intakeOfProfile(plan: ContractPlan, ws: ContractWorkspace, p: number): number {
  const H = plan.horizon;
  let persons = 0;
  for (let t = 0; t < H; t++) persons += ws.intakeByProfile[p * H + t];
  return persons;
}

export { clampRate };

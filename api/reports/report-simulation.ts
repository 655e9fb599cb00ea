import type { SimulationSettings } from '../../models/simulation/index.js';
import { reportSimulationSettings } from '../../outputs/index.js';
import { describeModelSpec } from '../../runtime/model-kinds.js';
import type { SimulationJob } from '../../runtime/simulation-jobs.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';
import { failedJobProblem } from '../simulations/job-response.js';
import type { ReportRequest } from './report-request.js';

/**
 * A report on a simulation that already ran (`simulationId`): the web page runs POST /simulations
 * as a job with progress and cancel, and then asks for the report, the workbook and the CSV of
 * that same run instead of simulating again. The report may only use the job when the job ran
 * exactly what the report would have run: the same model, and the request's settings with the
 * report's three events added (reportSimulationSettings). Anything else would print figures of
 * another contract or another seed under this request's name, so it is refused (409), saying what
 * differs; a job still running or cancelled is refused too.
 */
export function checkReportSimulation(request: ReportRequest, job: SimulationJob): SimulationJob {
  const problem = (title: string, detail: string) =>
    new HttpProblem({ type: PROBLEM_BASE + 'simulation-does-not-match', title, status: 409, detail, instance: `/simulations/${job.id}` });
  if (job.status === 'failed') throw failedJobProblem(job);
  if (job.status !== 'succeeded' || job.result === null) {
    throw new HttpProblem({
      type: PROBLEM_BASE + 'result-not-ready',
      title: job.status === 'cancelled' ? 'The simulation was cancelled' : 'The simulation has not finished',
      status: 409,
      detail: `Job ${job.id} is ${job.status} (${job.completedIterations} of ${job.totalIterations} iterations); a report needs a finished simulation.`,
    });
  }
  const work = job.work;
  if (job.kind !== 'simulation' || work === undefined || work.kind !== 'simulation') {
    throw problem('The simulation cannot be reported on', `Job ${job.id} is a ${job.kind}, not a simulation of one contract; post the report without simulationId.`);
  }
  if (canonicalJson(work.model) !== canonicalJson(describeModelSpec(request.model))) {
    throw problem('The simulation is of another model', `Job ${job.id} simulated another contract than the report's model; post the report without simulationId, or with the model the job ran.`);
  }
  const differing = differingSettings(work.settings, reportSimulationSettings(request.settings));
  if (differing.length > 0) {
    throw problem(
      'The simulation ran with other settings',
      `Job ${job.id} differs from what the report runs in settings.${differing.join(', settings.')}. Start the simulation with the report's settings (the request's settings plus the events ${eventNames()}), or post the report without simulationId.`,
    );
  }
  return job;
}

/** Names of the settings (top-level keys) in which two settings differ; events compared as a set, by name. */
export function differingSettings(ran: SimulationSettings, needed: SimulationSettings): string[] {
  const keys = new Set([...Object.keys(ran), ...Object.keys(needed)]);
  const differing: string[] = [];
  for (const key of [...keys].sort()) {
    const a = ran[key as keyof SimulationSettings];
    const b = needed[key as keyof SimulationSettings];
    const same = key === 'events' ? canonicalJson(byName(ran.events)) === canonicalJson(byName(needed.events)) : canonicalJson(a) === canonicalJson(b);
    if (!same) differing.push(key);
  }
  return differing;
}

function byName(events: SimulationSettings['events']): SimulationSettings['events'] {
  return [...events].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function eventNames(): string {
  return reportSimulationSettings({ events: [] } as unknown as SimulationSettings)
    .events.map((event) => event.name)
    .join(', ');
}

/** JSON with object keys sorted and undefined left out, so that a stored (JSON round-tripped) job compares equal to a parsed request. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

import { useEffect, useState } from 'preact/hooks';
import { api, client, ApiProblem, type Schemas } from '../api/client.js';
import { simulationRequest, type RunInput } from '../screens/results/run-settings.js';
import type { ProgressSample } from '../screens/results/time-left.js';

/**
 * The simulation the Results screen runs, as a job of POST /simulations (answered 202 at once,
 * `Prefer: respond-async`), polled at GET /simulations/{id} for its progress until it succeeds,
 * fails or is cancelled (POST /simulations/{id}/cancel). Kept outside the screen's component so
 * that a run goes on, and its result stays, while the user looks at another screen.
 */

export type SimulationResult = Schemas['SimulationResult'];
export type RunPhase = 'idle' | 'running' | 'cancelling' | 'cancelled' | 'succeeded' | 'failed';

export interface SimulationRunState {
  phase: RunPhase;
  jobId: string | null;
  completed: number;
  total: number;
  /** Progress as polled (time, iterations done), for the time-left estimate. */
  samples: ProgressSample[];
  result: SimulationResult | null;
  /** What the run was made of (contract, seed, iterations, budget): the downloads ask for the report of exactly this. */
  input: RunInput | null;
  /** The contract revision the run was made from. */
  revision: number;
  problem: ApiProblem | null;
}

/** Time between two polls of a running job. */
export const POLL_INTERVAL_MS = 400;

const IDLE: SimulationRunState = { phase: 'idle', jobId: null, completed: 0, total: 0, samples: [], result: null, input: null, revision: -1, problem: null };

let state: SimulationRunState = IDLE;
const listeners = new Set<(s: SimulationRunState) => void>();
/** Bumped by each start, so that the polls of a replaced run stop. */
let generation = 0;

function set(next: Partial<SimulationRunState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener(state);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

type Job = Schemas['SimulationJob'];

function observe(job: Job, own: number): boolean {
  if (own !== generation) return false;
  const samples = [...state.samples, { atMs: now(), completed: job.progress.completedIterations }];
  const common = { jobId: job.id, completed: job.progress.completedIterations, total: job.progress.totalIterations, samples };
  switch (job.status) {
    case 'succeeded':
      set({ ...common, phase: 'succeeded', result: job.result as SimulationResult });
      return false;
    case 'cancelled':
      set({ ...common, phase: 'cancelled' });
      return false;
    case 'failed':
      set({ ...common, phase: 'failed', problem: new ApiProblem(500, job.reason ?? 'The simulation failed', undefined, []) });
      return false;
    default:
      set({ ...common, phase: state.phase === 'cancelling' ? 'cancelling' : 'running' });
      return true;
  }
}

async function poll(id: string, own: number): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    if (own !== generation) return;
    try {
      const job = await api(client.GET('/simulations/{id}', { params: { path: { id } } }));
      if (!observe(job, own)) return;
    } catch (error) {
      if (own !== generation) return;
      set({ phase: 'failed', problem: error instanceof ApiProblem ? error : ApiProblem.unreachable(error) });
      return;
    }
  }
}

/** Starts a run; resolves with the refusal when the service did not accept it (the job's progress follows in the state). */
export async function startRun(input: RunInput, revision: number): Promise<ApiProblem | null> {
  const own = ++generation;
  set({ ...IDLE, phase: 'running', input, revision, total: input.iterations, samples: [] });
  try {
    const job = await api(client.POST('/simulations', { body: simulationRequest(input), params: { header: { prefer: 'respond-async' } } }));
    if (observe(job, own)) void poll(job.id, own);
    return null;
  } catch (error) {
    const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
    if (own === generation) set({ phase: 'failed', problem });
    return problem;
  }
}

/** Asks the service to cancel the running job; the next poll (or the answer) shows it cancelled. */
export async function cancelRun(): Promise<void> {
  const id = state.jobId;
  if (id === null || (state.phase !== 'running' && state.phase !== 'cancelling')) return;
  const own = generation;
  set({ phase: 'cancelling' });
  try {
    const job = await api(client.POST('/simulations/{id}/cancel', { params: { path: { id } } }));
    observe(job, own);
  } catch {
    // 409: it finished just before; the poll picks up the result.
  }
}

export function useSimulationRun(): SimulationRunState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}

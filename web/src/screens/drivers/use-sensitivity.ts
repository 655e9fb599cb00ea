import { useEffect, useRef, useState } from 'preact/hooks';
import { api, client, ApiProblem, type Schemas } from '../../api/client.js';
import type { SensitivityRequest } from './driver-requests.js';

/**
 * One POST /sensitivity call at a time, with its elapsed time and a cancel. The service runs an
 * analysis inside the request (not as a job), and stops it when the caller hangs up
 * (api/routes/sensitivity.ts): cancelling aborts the fetch, which closes the connection.
 */
export type SensitivityResult = Schemas['SensitivityResult'];

export interface SensitivityCall<R> {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  result: R | null;
  /** The request of the shown result. */
  request: SensitivityRequest | null;
  problem: ApiProblem | null;
  /** Seconds since the call started (while running), or its duration. */
  elapsed: number;
  run: (request: SensitivityRequest) => Promise<R | null>;
  cancel: () => void;
}

export function useSensitivity<R = SensitivityResult>(): SensitivityCall<R> {
  const [state, setState] = useState<Omit<SensitivityCall<R>, 'run' | 'cancel'>>({ status: 'idle', result: null, request: null, problem: null, elapsed: 0 });
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopTimer = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(
    () => () => {
      controller.current?.abort();
      stopTimer();
    },
    [],
  );

  const run = async (request: SensitivityRequest): Promise<R | null> => {
    controller.current?.abort();
    stopTimer();
    const mine = new AbortController();
    controller.current = mine;
    const started = performance.now();
    setState((s) => ({ ...s, status: 'running', problem: null, elapsed: 0 }));
    timer.current = setInterval(() => setState((s) => (s.status === 'running' ? { ...s, elapsed: (performance.now() - started) / 1000 } : s)), 200);
    try {
      const result = (await api(client.POST('/sensitivity', { body: request, signal: mine.signal }))) as R;
      if (controller.current !== mine) return null;
      setState({ status: 'done', result, request, problem: null, elapsed: (performance.now() - started) / 1000 });
      return result;
    } catch (error) {
      if (mine.signal.aborted) return null;
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
      setState((s) => ({ ...s, status: 'failed', problem, elapsed: (performance.now() - started) / 1000 }));
      return null;
    } finally {
      if (controller.current === mine) stopTimer();
    }
  };

  const cancel = () => {
    controller.current?.abort();
    controller.current = null;
    stopTimer();
    setState((s) => ({ ...s, status: 'cancelled' }));
  };

  return { ...state, run, cancel };
}

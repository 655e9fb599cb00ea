import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReportDocument } from '../api/client.js';

/** The last finished run: the report the API returned and the exact request, so downloads show the same run. */
export interface RunState {
  report: ReportDocument | null;
  /** The POST /reports body of that run (format json). */
  request: Record<string, unknown> | null;
  /** The contract revision the run was made from. */
  revision: number;
  set: (run: { report: ReportDocument; request: Record<string, unknown>; revision: number } | null) => void;
}

export const RunContext = createContext<RunState>({ report: null, request: null, revision: -1, set: () => undefined });

export function useRun(): RunState {
  return useContext(RunContext);
}

import { useEffect, useState } from 'preact/hooks';
import type { Schemas } from '../api/client.js';
import { setAt, type FieldPath } from './paths.js';

/**
 * The fund being built or compared, shared by the fund screen and the saved screen (save, reopen,
 * share). A module-level store rather than a context in the app shell, so it lives across screen
 * changes without the shell knowing about funds. `revision` counts edits: a comparison made at an
 * older revision no longer matches the inputs.
 */
export type Portfolio = Schemas['Portfolio'];

export interface FundStrategy {
  name: string;
  description: string;
  portfolio: Portfolio;
}

export interface FundState {
  /** The fund being edited (a preset's, a saved one, a shared one, or a new one). */
  portfolio: Portfolio | null;
  /** The preset it came from: its title and its alternative strategies, kept as published. */
  preset: { id: string; title: string; summary?: string; assumptions?: string; sources?: { label: string; url?: string }[]; portfolio: Portfolio; strategies: FundStrategy[] } | null;
  revision: number;
  /** True once a field was changed after loading. */
  edited: boolean;
}

let state: FundState = { portfolio: null, preset: null, revision: 0, edited: false };
const listeners = new Set<(s: FundState) => void>();

function publish(next: FundState): void {
  state = next;
  for (const listener of listeners) listener(state);
}

export function fundState(): FundState {
  return state;
}

/** Replaces the fund (and the preset it came from, or null). */
export function replaceFund(portfolio: Portfolio | null, preset: FundState['preset']): void {
  publish({ portfolio, preset, revision: state.revision + 1, edited: false });
}

/** Sets one field of the fund (undefined removes it). */
export function updateFund(path: FieldPath, value: unknown): void {
  publish({ ...state, portfolio: setAt(state.portfolio, path, value), revision: state.revision + 1, edited: true });
}

export function useFund(): FundState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}

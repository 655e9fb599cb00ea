import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Contract } from '../api/client.js';
import type { FieldPath } from './paths.js';

/**
 * The contract being built, in one place for every screen: the contract builder edits it, the
 * results screen runs it. A draft may be incomplete (a new, empty contract); the API says what is
 * missing. `revision` counts edits, so a screen can tell that a run no longer matches the inputs.
 */
export interface ContractState {
  contract: Contract | null;
  /** Where the contract came from: a preset's texts (printed by the report), or null. */
  about: PresetAbout | null;
  revision: number;
  /** Fields changed since the preset was loaded (dotted paths): the report says the preset's description no longer holds for them. */
  edited: readonly string[];
  /** Sets one field (undefined removes it). */
  update: (path: FieldPath, value: unknown) => void;
  /** Replaces the whole contract (a preset, an empty one, imported JSON). */
  replace: (contract: Contract | null, about: PresetAbout | null) => void;
}

export interface PresetAbout {
  id: string;
  title: string;
  summary?: string;
  assumptions?: string;
  sources?: { label: string; url?: string }[];
}

export const ContractContext = createContext<ContractState>({
  contract: null,
  about: null,
  revision: 0,
  edited: [],
  update: () => undefined,
  replace: () => undefined,
});

export function useContract(): ContractState {
  return useContext(ContractContext);
}

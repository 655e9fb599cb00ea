/**
 * Which saved object the contract and the fund on the page were opened from or last saved as (the
 * store's id and version), so "save a new version" writes version n + 1 with If-Match: "n" instead
 * of a new object. Kept for this page only. The page cannot tell an edit from a new preset loaded
 * over it, so the saved screen names the object and offers both "new version" and "save as new".
 */
export type SavedKind = 'contract' | 'portfolio';

export interface SavedRef {
  id: string;
  version: number;
  name: string;
}

const refs: Record<SavedKind, SavedRef | null> = { contract: null, portfolio: null };

export function savedRef(kind: SavedKind): SavedRef | null {
  return refs[kind];
}

export function setSavedRef(kind: SavedKind, ref: SavedRef | null): void {
  refs[kind] = ref;
}

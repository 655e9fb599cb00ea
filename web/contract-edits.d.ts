/** Types of contract-edits.js for the tests (the page itself loads the plain module). */
export type MainInput = 'jobEntryRate' | 'jobEntryUncertainty' | 'price' | 'benefit' | 'intake' | 'horizon' | 'capPerYear';
export function centreOf(value: unknown): number;
export function withCentre<T>(value: T, centre: number): T | number;
export function readMainInputs(contract: object): {
  jobEntryRate: number;
  jobEntryUncertainty: number;
  price: number;
  priceKind: 'euro' | 'share' | 'none';
  benefit: number;
  intake: number;
  horizon: number;
  capPerYear: number | null;
};
export function applyMainInput<C extends object>(contract: C, name: MainInput, value: number | null): C;
/** Whole people split by largest remainder, ties to the earliest: a copy of models/contract/spread-intake.ts. */
export function apportionWholePeople(weights: readonly number[], total: number): number[];

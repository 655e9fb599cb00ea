/**
 * Pure helpers for an `Uncertain` value (a number or a distribution object, as the API takes it):
 * which form the field shows, its numbers, and the user's edits. A distribution's `source` (where
 * a preset's estimate comes from) travels untouched with every value the user leaves alone, also
 * through JSON export and import; once the user changes the numbers the figure is theirs, and the
 * source is dropped, so the report does not cite the preset's source for the user's figure (as
 * the old page's sliders did; pinned by tests/web/intake-and-estimates.test.ts).
 */
export type UncertainForm = 'fixed' | 'pert' | 'interval90' | 'other';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object';

export function formOf(value: unknown): UncertainForm {
  if (!isObject(value)) return 'fixed';
  if (value.type === 'fixed') return 'fixed';
  if (value.type === 'pert') return 'pert';
  if (value.type === 'interval90') return 'interval90';
  return 'other';
}

/** The numbers a user sees in the field (value; min, mode, max; low, high), for range warnings. */
export function numbersOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (!isObject(value)) return [];
  const keys = value.type === 'fixed' ? ['value'] : value.type === 'interval90' ? ['low', 'high'] : ['min', 'mode', 'max'];
  return keys.map((k) => value[k]).filter((v): v is number => typeof v === 'number');
}

/** The value a distribution centres on, to start another form from. */
export function centreOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (!isObject(value)) return 0;
  for (const key of ['value', 'mode', 'mean']) if (typeof value[key] === 'number') return value[key] as number;
  if (typeof value.low === 'number' && typeof value.high === 'number') return ((value.low as number) + (value.high as number)) / 2;
  if (typeof value.min === 'number' && typeof value.max === 'number') return ((value.min as number) + (value.max as number)) / 2;
  return 0;
}

/**
 * The value in another form, centred where it was: a fixed 100 becomes PERT 80 / 100 / 120 or a
 * 90% interval 80 – 120 (20% either side; from 0 the top is left for the user), and back a plain number. The user made
 * the new numbers, so no source goes with them.
 */
export function switchForm(value: unknown, form: UncertainForm): unknown {
  if (form === 'other') return value;
  // Nothing entered yet: the new form starts empty too.
  if (value === undefined || value === null) return form === 'fixed' ? undefined : { type: form };
  const centre = centreOf(value);
  if (form === 'fixed') return centre;
  // Around 0 no width follows from the value (1 would be 100% for a rate): the user gives the top.
  if (centre === 0) return form === 'pert' ? { type: 'pert', min: 0, mode: 0 } : { type: 'interval90', low: 0 };
  const spread = Math.abs(centre) * 0.2;
  return form === 'pert' ? { type: 'pert', min: centre - spread, mode: centre, max: centre + spread } : { type: 'interval90', low: centre - spread, high: centre + spread };
}

/**
 * switchForm for a rate or share (a value in [0, 1]): its 90% interval is fitted as a beta, which
 * stays in [0, 1], because the service refuses the default normal shape for such a field.
 */
export function switchFormForRate(value: unknown, form: UncertainForm): unknown {
  const next = switchForm(value, form);
  return form === 'interval90' && isObject(next) ? { ...next, shape: 'beta' } : next;
}

/** The value with one parameter changed ('value' for a fixed number), the other parameters kept and the source dropped. */
export function withParameter(value: unknown, key: string, next: number): unknown {
  if (!isObject(value)) return key === 'value' ? next : { ...(switchForm(value, 'pert') as Obj), [key]: next };
  const { source: _source, ...rest } = value;
  if (value.type === 'fixed') return key === 'value' ? next : rest;
  return { ...rest, [key]: next };
}

/** "normal (gemiddelde 5, sd 1)"-like short text for forms the page does not edit. */
export function describeUncertain(value: unknown): string {
  if (!isObject(value)) return String(value ?? '');
  const { type, source: _source, ...rest } = value;
  return `${String(type)} ${JSON.stringify(rest)}`;
}

/** Every Uncertain input in a contract that is a distribution (not fixed), by path: the "uncertain inputs" list. */
export function uncertainPaths(document: unknown, prefix = ''): string[] {
  if (Array.isArray(document)) return document.flatMap((v, i) => uncertainPaths(v, `${prefix}[${i}]`));
  if (!isObject(document)) return [];
  if (typeof document.type === 'string' && document.type !== 'fixed' && ('min' in document || 'low' in document || 'mean' in document || 'alpha' in document || 'values' in document))
    return [prefix];
  return Object.entries(document).flatMap(([k, v]) => uncertainPaths(v, prefix ? `${prefix}.${k}` : k));
}

import type { Distribution } from '../../models/distributions/index.js';
import type { NumberFormatter } from '../format-numbers.js';
import type { Texts } from '../texts/index.js';
import type { InputUnit } from './input-labels.js';

/** Parameters that are in the input's own unit (the others are shape parameters). */
const VALUE_PARAMETERS = new Set(['value', 'min', 'mode', 'max', 'mean', 'sd', 'low', 'high']);
const MAX_LISTED_VALUES = 8;

/**
 * A distribution in words with its parameters in the input's unit, for the inputs table:
 * `PERT (min 3%; meest waarschijnlijk 5%; max 8%)`. A plain number reads "vast getal".
 */
export function describeDistribution(distribution: Distribution | null, unit: InputUnit, format: NumberFormatter, texts: Texts): string {
  if (distribution === null) return texts.distribution.fixed;
  const name = texts.distribution.names[distribution.type] ?? distribution.type;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(distribution)) {
    // The source has its own column in the inputs table; repeating it here doubled the table.
    if (key === 'type' || key === 'source') continue;
    const label = texts.distribution.parameters[key] ?? key;
    if (Array.isArray(value)) {
      const shown = value.slice(0, MAX_LISTED_VALUES).map((v) => (key === 'probabilities' ? format.percent(v, 1) : format.byUnit(v, unit)));
      parts.push(`${label} ${shown.join(', ')}${value.length > MAX_LISTED_VALUES ? ', …' : ''}`);
    } else if (typeof value === 'number') {
      parts.push(`${label} ${VALUE_PARAMETERS.has(key) ? format.byUnit(value, unit) : format.number(value)}`);
    } else {
      parts.push(`${label} ${String(value)}`);
    }
  }
  return texts.distribution.describe(name, parts.join('; '));
}

import type { CompiledExpression } from '../expressions/index.js';
import { DomainFailure } from '../errors.js';
import { CUSTOM_QUANTITY_NAMES } from './custom-quantities.js';

/**
 * A custom payment rule whose amount is Infinity or NaN in a month (`1000 / inWork` when nobody is
 * in work). Paying 0 there would hide that the contract, as written, says nothing about that
 * month; so the evaluation or run stops with an invalid-input error naming the rule's expression,
 * the month and the quantities it read, and the author writes what is meant
 * (`inWork > 0 ? 1000 / inWork : 0`). A rule that can never be finite is refused earlier, when the
 * contract is compiled.
 */
export function customAmountNotFinite(triggerIndex: number, month: number, amount: number, expression: CompiledExpression, quantities: Float64Array): DomainFailure {
  const read = expression.referencedNames.map((name) => `${name} = ${quantities[CUSTOM_QUANTITY_NAMES.indexOf(name)]}`).join(', ');
  return new DomainFailure({
    kind: 'invalid-input',
    problems: [
      {
        path: ['payment', 'triggers', triggerIndex, 'expression'],
        message: `gives ${amount} in month ${month}${read ? ` (${read})` : ''}; a payment must be a finite number in every month: say what is paid there, e.g. with a condition (inWork > 0 ? 1000 / inWork : 0)`,
      },
    ],
  });
}

import { uncertainPaths } from '../../components/uncertain-value.js';
import { fieldId } from '../../errors/field-errors.js';
import { labelOf, useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';

/** Which inputs of the contract are uncertain (a distribution), each a link to its field. */
export function UncertainInputs() {
  const { t } = useT();
  const { contract } = useContract();
  const paths = uncertainPaths(contract);
  return (
    <section class="uncertain-summary" aria-labelledby="uncertain-heading" id="uncertain-inputs" data-count={paths.length}>
      <h3 id="uncertain-heading">{t.builder.uncertainList}</h3>
      {paths.length === 0 ? (
        <p class="hint">{t.builder.uncertainNone}</p>
      ) : (
        <>
          <p class="hint">{t.builder.uncertainCount(paths.length)}</p>
          <ul class="uncertain-list">
            {paths.map((p) => (
              <li key={p}>
                <a href={`#/contract`} onClick={(e) => focusField(e, p)}>
                  {labelOf(t, p)}
                </a>{' '}
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Moves focus to the field of a dotted path ("profiles[0].share" → its first input). */
function focusField(event: Event, path: string) {
  event.preventDefault();
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  const element = document.getElementById(fieldId(keys));
  element?.closest('details')?.setAttribute('open', '');
  element?.focus();
}

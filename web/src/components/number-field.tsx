import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { fieldId, useFieldProblems } from '../errors/field-errors.js';
import { labelOf, useT } from '../i18n/i18n.js';
import { useContract } from '../state/contract-store.js';
import { getAt, pathText, type FieldPath } from '../state/paths.js';
import { FieldError, FieldWarning } from './field-error.js';
import { LocaleNumberInput } from './locale-number-input.js';
import { describeRange, unitView, type Unit } from './units.js';

/**
 * A plain number of the contract (months, counts, ids are structure, not uncertain inputs): label,
 * locale-aware input, unit, a warning outside the plausible range, and the API's error beside it.
 * The label comes from i18n by the field's path unless given.
 */
export interface NumberFieldProps {
  path: FieldPath;
  unit: Unit;
  label?: string;
  /** Empty means "leave the field out" (optional fields such as caps). */
  optional?: boolean;
  /** Values a user rarely means outside of, in API units (a monthly job-entry rate above 20%). */
  plausible?: readonly [number, number];
  hint?: ComponentChildren;
}

export function NumberField({ path, unit, label, optional, plausible, hint }: NumberFieldProps) {
  const { t, language } = useT();
  const { contract, update } = useContract();
  const raw = getAt(contract, path);
  const problems = useFieldProblems(path, raw);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = fieldId(path);
  const view = unitView(unit, t);
  const text = label ?? labelOf(t, pathText(path));
  const value = typeof raw === 'number' ? raw : undefined;
  const warning =
    plausible && value !== undefined && (value < plausible[0] || value > plausible[1]) ? t.field.implausible(describeRange(plausible, view, language)) : null;
  const describedBy = [refusal || problems.length ? `${id}-error` : '', warning ? `${id}-warning` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${problems.length || refusal ? ' has-error' : ''}`} data-path={pathText(path)}>
      <label for={id}>{text}</label>
      <div class="input-row">
        <LocaleNumberInput
          id={id}
          value={value === undefined ? undefined : view.toDisplay(value)}
          onValue={(shown) => update(path, shown === undefined ? undefined : view.fromDisplay(shown))}
          onRefusal={setRefusal}
          integer={view.integer}
          allowEmpty={optional}
          digits={view.digits}
          describedBy={describedBy}
          invalid={problems.length > 0 || refusal !== null}
        />
        {view.suffix ? <span class="unit">{view.suffix}</span> : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldWarning id={`${id}-warning`} text={warning} />
      <FieldError id={`${id}-error`} label={text} problems={problems} local={refusal} />
    </div>
  );
}

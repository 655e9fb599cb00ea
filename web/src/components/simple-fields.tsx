import type { ComponentChildren } from 'preact';
import { fieldId, useFieldProblems } from '../errors/field-errors.js';
import { labelOf, useT } from '../i18n/i18n.js';
import { useContract } from '../state/contract-store.js';
import { getAt, pathText, type FieldPath } from '../state/paths.js';
import { FieldError } from './field-error.js';

/** Text, choice and yes/no fields of the contract, each registered at its path for the API's errors. */

function useField(path: FieldPath, label?: string) {
  const { t } = useT();
  const { contract, update } = useContract();
  const value = getAt(contract, path);
  const problems = useFieldProblems(path, value);
  const id = fieldId(path);
  return { id, problems, value, update, text: label ?? labelOf(t, pathText(path)) };
}

export function TextField({ path, label, wide, placeholder, multiline }: { path: FieldPath; label?: string; wide?: boolean; placeholder?: string; multiline?: boolean }) {
  const { id, problems, value, update, text } = useField(path, label);
  const shown = typeof value === 'string' ? value : '';
  const onInput = (next: string) => update(path, next === '' ? undefined : next);
  return (
    <div class={`field${problems.length ? ' has-error' : ''}`} data-path={pathText(path)}>
      <label for={id}>{text}</label>
      {multiline ? (
        <textarea id={id} rows={3} value={shown} aria-describedby={problems.length ? `${id}-error` : undefined} onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)} />
      ) : (
        <input
          id={id}
          type="text"
          class={wide ? 'wide' : undefined}
          value={shown}
          placeholder={placeholder}
          aria-describedby={problems.length ? `${id}-error` : undefined}
          aria-invalid={problems.length ? 'true' : undefined}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
      )}
      <FieldError id={`${id}-error`} label={text} problems={problems} />
    </div>
  );
}

export function SelectField<V extends string>({ path, label, options, onChoose }: { path: FieldPath; label?: string; options: readonly (readonly [V, string])[]; onChoose?: (value: V) => void }) {
  const { id, problems, value, update, text } = useField(path, label);
  return (
    <div class={`field${problems.length ? ' has-error' : ''}`} data-path={pathText(path)}>
      <label for={id}>{text}</label>
      <select
        id={id}
        value={typeof value === 'string' ? value : options[0]?.[0]}
        aria-describedby={problems.length ? `${id}-error` : undefined}
        onChange={(e) => {
          const next = (e.currentTarget as HTMLSelectElement).value as V;
          if (onChoose) onChoose(next);
          else update(path, next);
        }}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} label={text} problems={problems} />
    </div>
  );
}

export function CheckboxField({ path, label }: { path: FieldPath; label?: string }) {
  const { id, problems, value, update, text } = useField(path, label);
  return (
    <div class="field checkbox" data-path={pathText(path)}>
      <label>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => update(path, (e.currentTarget as HTMLInputElement).checked)} /> {text}
      </label>
      <FieldError id={`${id}-error`} label={text} problems={problems} />
    </div>
  );
}

/** A yes/no that adds or removes an optional part of the contract (threshold, investor, guarantee). */
export function PresenceToggle({ path, label, make }: { path: FieldPath; label: string; make: () => unknown }) {
  const { contract, update } = useContract();
  const present = getAt(contract, path) !== undefined;
  return (
    <div class="field checkbox">
      <label>
        <input id={`${fieldId(path)}-present`} type="checkbox" checked={present} onChange={(e) => update(path, (e.currentTarget as HTMLInputElement).checked ? make() : undefined)} /> {label}
      </label>
    </div>
  );
}

/** A collapsible section of a form, open by default. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <details class="section" id={id} open>
      <summary>
        <h3 class="section-title">{title}</h3>
      </summary>
      <div class="section-body">{children}</div>
    </details>
  );
}

import { useState } from 'preact/hooks';
import { fieldId, useFieldProblems } from '../errors/field-errors.js';
import { labelOf, useT } from '../i18n/i18n.js';
import { formatInputNumber } from '../numbers/format.js';
import { useContract } from '../state/contract-store.js';
import { getAt, pathText, type FieldPath } from '../state/paths.js';
import { FieldError, FieldWarning } from './field-error.js';
import { LocaleNumberInput } from './locale-number-input.js';
import { describeRange, unitView, type RateBasis, type Unit } from './units.js';
import { isProbabilityLike } from '../../../outputs/inputs/input-units.js';
import { describeUncertain, formOf, numbersOf, switchForm, switchFormForRate, withParameter, type UncertainForm } from './uncertain-value.js';

/**
 * An `Uncertain` contract input: a fixed number, a range (lowest / most likely / highest: a PERT
 * distribution) or a 90% interval (5% chance below, 5% above). A badge says "vast" or "onzeker".
 * A distribution's `source` (where a preset's estimate comes from) is shown while the value is the
 * preset's; the user's own numbers carry no source (uncertain-value.ts says why). Distributions the form cannot edit (normal, beta, ...) are shown
 * and kept as they are. Monthly rates can be typed per month or per year; the field shows what
 * is sent.
 */
export interface UncertainFieldProps {
  path: FieldPath;
  unit: Unit;
  label?: string;
  optional?: boolean;
  plausible?: readonly [number, number];
}

export function UncertainField({ path, unit, label, optional, plausible }: UncertainFieldProps) {
  const { t, language } = useT();
  const { contract, update } = useContract();
  const value = getAt(contract, path);
  const problems = useFieldProblems(path, value);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [basis, setBasis] = useState<RateBasis>('month');
  const id = fieldId(path);
  const view = unitView(unit, t, basis);
  const text = label ?? labelOf(t, pathText(path));
  const form = formOf(value);
  const uncertain = form === 'pert' || form === 'interval90' || form === 'other';
  const present = numbersOf(value);
  const warning =
    plausible && present.some((v) => v < plausible[0] || v > plausible[1]) ? t.field.implausible(describeRange(plausible, view, language)) : null;
  const source = value !== null && typeof value === 'object' && 'source' in value ? String((value as { source?: unknown }).source ?? '') : '';
  const describedBy = [refusal || problems.length ? `${id}-error` : '', warning ? `${id}-warning` : '', `${id}-sent`].filter(Boolean).join(' ');
  const set = (next: unknown) => update(path, next);
  const param = (key: string, labelText: string, first: boolean) => {
    const raw = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : value;
    const shown = typeof raw === 'number' ? view.toDisplay(raw) : undefined;
    return (
      <label class="param" key={key}>
        {/* A fixed number's label is the field's own, above; a range names each of its numbers. */}
        {form === 'fixed' ? null : <span class="param-label">{labelText}</span>}
        <LocaleNumberInput
          id={first ? id : `${id}-${key}`}
          value={shown}
          onValue={(v) => set(v === undefined ? (optional && form === 'fixed' ? undefined : value) : withParameter(value, key, view.fromDisplay(v)))}
          onRefusal={setRefusal}
          allowEmpty={optional && form === 'fixed'}
          integer={view.integer}
          digits={view.digits}
          describedBy={describedBy}
          ariaLabel={form === 'fixed' ? undefined : `${text}: ${labelText}`}
          invalid={problems.length > 0 || refusal !== null}
        />
      </label>
    );
  };
  return (
    <fieldset class={`field uncertain${problems.length || refusal ? ' has-error' : ''}`} data-path={pathText(path)} data-form={form}>
      <legend>
        <label for={id} class="legend-label">
          {text}
        </label>{' '}
        {value === undefined ? null : <span class={`badge ${uncertain ? 'badge-uncertain' : 'badge-fixed'}`}>{uncertain ? t.field.uncertain : t.field.fixed}</span>}
      </legend>
      <div class="field-controls">
        <select
          aria-label={`${text}: ${t.field.form}`}
          value={form}
          disabled={form === 'other'}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as UncertainForm;
            set(isProbabilityLike(pathText(path)) ? switchFormForRate(value, next) : switchForm(value, next));
          }}
        >
          <option value="fixed">{t.field.formFixed}</option>
          <option value="pert">{t.field.formPert}</option>
          <option value="interval90">{t.field.formInterval}</option>
          {form === 'other' ? <option value="other">{t.field.formOther(describeUncertain(value))}</option> : null}
        </select>
        {unit === 'monthlyRate' ? (
          <select aria-label={`${text}: ${t.field.rateUnit}`} value={basis} onChange={(e) => setBasis((e.currentTarget as HTMLSelectElement).value as RateBasis)}>
            <option value="month">{t.field.perMonth}</option>
            <option value="year">{t.field.perYear}</option>
          </select>
        ) : null}
      </div>
      <div class="input-row params">
        {form === 'fixed' ? param('value', text, true) : null}
        {form === 'pert' ? [param('min', t.field.low, true), param('mode', t.field.mostLikely, false), param('max', t.field.high, false)] : null}
        {form === 'interval90' ? [param('low', t.field.p5, true), param('high', t.field.p95, false)] : null}
        {form === 'other' ? <input id={id} type="text" readOnly value={describeUncertain(value)} /> : null}
        {view.suffix ? <span class="unit">{view.suffix}</span> : null}
      </div>
      {unit === 'monthlyRate' || unit === 'percent' || unit === 'yearlyPercent' ? (
        <p id={`${id}-sent`} class="hint sent" data-sent={JSON.stringify(present)}>
          {unit === 'monthlyRate'
            ? t.field.sent(present.map((v) => formatInputNumber(v, language, 6)).join(' / ') || '–')
            : t.field.sentFraction(present.map((v) => formatInputNumber(v, language, 6)).join(' / ') || '–')}
        </p>
      ) : null}
      {source ? (
        <p class="hint source">
          {t.field.source}: {source}
        </p>
      ) : null}
      <FieldWarning id={`${id}-warning`} text={warning} />
      <FieldError id={`${id}-error`} label={text} problems={problems} local={refusal} />
    </fieldset>
  );
}

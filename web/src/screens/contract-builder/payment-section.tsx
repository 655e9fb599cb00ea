import { FieldError } from '../../components/field-error.js';
import { NumberField } from '../../components/number-field.js';
import { fieldId, useFieldProblems } from '../../errors/field-errors.js';
import { Section, SelectField, TextField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';
import { triggerOfKind, type TriggerKind } from './empty-contract.js';
import { PriceEditor } from './price-editor.js';

const KINDS: readonly TriggerKind[] = ['jobStart', 'sustained', 'perMonthOffBenefit', 'shareOfSavings', 'outcome', 'custom'];

/** Every payment trigger of the contract, each kind with its own fields. */
export function PaymentSection() {
  const { t } = useT();
  const { contract, update } = useContract();
  const triggers = (getAt(contract, ['payment', 'triggers']) ?? []) as Record<string, unknown>[];
  const outcomeOptions = ((getAt(contract, ['outcomes']) ?? []) as { id?: string; label?: string }[])
    .filter((o) => typeof o.id === 'string')
    .map((o) => [o.id!, o.label ?? o.id!] as const);
  // Problems of the list itself ("add at least 1") and of a trigger no field of it holds.
  const listProblems = useFieldProblems(['payment', 'triggers'], triggers);
  return (
    <Section id="section-payment" title={t.builder.payment}>
      {triggers.map((trigger, i) => {
        const kind = trigger.kind as TriggerKind;
        const base = ['payment', 'triggers', i] as const;
        return (
          <div class="item" key={i} data-trigger={i} data-kind={kind}>
            <h4>
              <span>{t.builder.trigger(i + 1)}</span>
              <button type="button" class="link" onClick={() => update(['payment', 'triggers'], triggers.filter((__, k) => k !== i))}>
                {t.builder.remove}
              </button>
            </h4>
            <div class="grid">
              <SelectField
                path={[...base, 'kind']}
                options={KINDS.map((k) => [k, t.builder.kinds[k]] as const)}
                onChoose={(k) => {
                  const next = triggerOfKind(k, trigger, i + 1);
                  // An outcome trigger pays for one of the contract's outcomes: the first, until another is chosen.
                  if (k === 'outcome' && next.outcome === undefined && outcomeOptions.length > 0) next.outcome = outcomeOptions[0][0];
                  update(base, next);
                }}
              />
              <TextField path={[...base, 'id']} />
              {kind === 'sustained' ? <NumberField path={[...base, 'months']} unit="months" plausible={[1, 36]} /> : null}
              {kind === 'jobStart' || kind === 'sustained' ? (
                <SelectField path={[...base, 'workType']} options={(['any', 'fullTime', 'partTime'] as const).map((w) => [w, t.builder.workTypes[w]] as const)} />
              ) : null}
              {kind === 'outcome' ? <SelectField path={[...base, 'outcome']} options={outcomeOptions} /> : null}
              {kind === 'perMonthOffBenefit' || kind === 'shareOfSavings' || kind === 'outcome' ? (
                <SelectField path={[...base, 'basis']} options={(['gross', 'attributable'] as const).map((b) => [b, t.builder.bases[b]] as const)} />
              ) : null}
              <SelectField path={[...base, 'payee']} options={(['provider', 'investor'] as const).map((p) => [p, t.builder.payees[p]] as const)} />
              <NumberField path={[...base, 'lagMonths']} unit="months" plausible={[0, 12]} />
            </div>
            {kind === 'jobStart' || kind === 'sustained' || kind === 'perMonthOffBenefit' ? <PriceEditor path={[...base, 'price']} /> : null}
            {kind === 'outcome' ? <UncertainField path={[...base, 'price']} unit="euro" /> : null}
            {kind === 'shareOfSavings' ? <UncertainField path={[...base, 'share']} unit="percent" plausible={[0, 1]} /> : null}
            {kind === 'custom' ? <TextField path={[...base, 'expression']} wide /> : null}
          </div>
        );
      })}
      <button type="button" id="add-trigger" onClick={() => update(['payment', 'triggers'], [...triggers, triggerOfKind('jobStart', undefined, triggers.length + 1)])}>
        {t.builder.addTrigger}
      </button>
      <FieldError id={`${fieldId(['payment', 'triggers'])}-error`} label={t.labels['payment.triggers']} problems={listProblems} />
    </Section>
  );
}

import { useState } from 'preact/hooks';
import type { Contract } from '../../api/client.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { useT } from '../../i18n/i18n.js';
import { baseOf } from '../drivers/driver-inputs.js';
import { newTrigger, withPrice, type VariantDraft } from './variant-changes.js';

type Obj = Record<string, unknown>;

/** A number field with its label (the page's locale parsing; empty allowed where it means "none"). */
function Amount({ id, label, value, onValue, allowEmpty, hint }: { id: string; label: string; value: number | undefined; onValue: (v: number | undefined) => void; allowEmpty?: boolean; hint?: string }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <LocaleNumberInput id={id} value={value} onValue={onValue} onRefusal={setRefusal} allowEmpty={allowEmpty} describedBy={hint || refusal ? `${id}-hint` : undefined} invalid={refusal !== null} />
      {hint || refusal ? (
        <p class={refusal ? 'field-error' : 'hint'} id={`${id}-hint`}>
          {refusal ?? hint}
        </p>
      ) : null}
    </div>
  );
}

/** The value a price field starts from: the number, or a distribution's mean (the variant fixes it). */
function priceValue(contract: Contract, value: unknown, path: string): number | undefined {
  if (typeof value === 'number') return value;
  return baseOf(contract, path) ?? undefined;
}

/** The variant's changes: each trigger's price (or band prices, or share), the caps, triggers added or removed. */
export function VariantForm({ contract, draft, onDraft }: { contract: Contract; draft: VariantDraft; onDraft: (d: VariantDraft) => void }) {
  const { t } = useT();
  const [kind, setKind] = useState<'jobStart' | 'sustained'>('sustained');
  const [addPrice, setAddPrice] = useState<number | undefined>(2500);
  const [addMonths, setAddMonths] = useState<number | undefined>(12);
  const setTrigger = (i: number, trigger: Obj) => onDraft({ ...draft, triggers: draft.triggers.map((x, k) => (k === i ? trigger : x)) });
  const original = (i: number) => contract.payment.triggers[i] as Obj | undefined;

  return (
    <fieldset class="variant-form" id="variant-form">
      <legend>{t.variants.change}</legend>
      {draft.triggers.map((trigger, i) => {
        const bands = trigger.price !== null && typeof trigger.price === 'object' && Array.isArray((trigger.price as Obj).bands) ? ((trigger.price as Obj).bands as Obj[]) : null;
        // A trigger still as in the base reads its value from the contract (a distribution's mean).
        const path = `payment.triggers[${i}]`;
        const same = JSON.stringify(original(i)) === JSON.stringify(trigger);
        return (
          <div class="item" key={i} data-trigger={String(trigger.id)}>
            <h4>
              <span>{t.variants.trigger(String(trigger.id))}</span>
              <button type="button" id={`variant-remove-${i}`} disabled={draft.triggers.length <= 1} onClick={() => onDraft({ ...draft, triggers: draft.triggers.filter((_, k) => k !== i) })}>
                {t.variants.remove}
              </button>
            </h4>
            <div class="grid">
              {trigger.kind === 'shareOfSavings' ? (
                <Amount
                  id={`variant-share-${i}`}
                  label={t.variants.share}
                  value={(() => {
                    const v = same ? baseOf(contract, `${path}.share`) : typeof trigger.share === 'number' ? trigger.share : null;
                    return v === null ? undefined : v * 100;
                  })()}
                  onValue={(v) => v !== undefined && setTrigger(i, withPrice(trigger, v / 100))}
                />
              ) : bands ? (
                bands.map((band, b) => (
                  <Amount
                    key={b}
                    id={`variant-price-${i}-${b}`}
                    label={t.variants.bandPrice(Number(band.minMonthsOnBenefit ?? 0))}
                    value={same ? baseOf(contract, `${path}.price.bands[${b}].price`) ?? undefined : priceValue(contract, band.price, `${path}.price.bands[${b}].price`)}
                    onValue={(v) => v !== undefined && setTrigger(i, withPrice(trigger, v, b))}
                  />
                ))
              ) : trigger.price !== undefined ? (
                <Amount id={`variant-price-${i}`} label={t.variants.price} value={same ? baseOf(contract, `${path}.price`) ?? undefined : priceValue(contract, trigger.price, `${path}.price`)} onValue={(v) => v !== undefined && setTrigger(i, withPrice(trigger, v))} />
              ) : null}
            </div>
          </div>
        );
      })}
      <div class="grid">
        <Amount id="variant-cap-year" label={t.variants.capPerYear} value={draft.perYear ?? undefined} allowEmpty hint={t.variants.capEmpty} onValue={(v) => onDraft({ ...draft, perYear: v ?? null })} />
        <Amount id="variant-cap-total" label={t.variants.capTotal} value={draft.total ?? undefined} allowEmpty hint={t.variants.capEmpty} onValue={(v) => onDraft({ ...draft, total: v ?? null })} />
      </div>
      <div class="item">
        <h4>{t.variants.add}</h4>
        <div class="grid">
          <div class="field">
            <label for="variant-add-kind">{t.variants.addKind}</label>
            <select id="variant-add-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as 'jobStart' | 'sustained')}>
              <option value="jobStart">{t.variants.kindJobStart}</option>
              <option value="sustained">{t.variants.kindSustained}</option>
            </select>
          </div>
          {kind === 'sustained' ? <Amount id="variant-add-months" label={t.variants.months} value={addMonths} onValue={setAddMonths} /> : null}
          <Amount id="variant-add-price" label={t.variants.price} value={addPrice} onValue={setAddPrice} />
        </div>
        <button
          type="button"
          id="variant-add"
          disabled={addPrice === undefined || (kind === 'sustained' && addMonths === undefined)}
          onClick={() => onDraft({ ...draft, triggers: [...draft.triggers, newTrigger(kind, addPrice!, addMonths ?? 12, draft.triggers)] })}
        >
          {t.variants.add}
        </button>
      </div>
    </fieldset>
  );
}

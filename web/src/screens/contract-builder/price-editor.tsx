import { NumberField } from '../../components/number-field.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { FieldError } from '../../components/field-error.js';
import { fieldId, useFieldProblems } from '../../errors/field-errors.js';
import { labelOf, useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt, pathText, type FieldPath } from '../../state/paths.js';

/**
 * A trigger's price: one price (fixed or a range), or a rate card by months on bijstand before
 * intake, shown in full as bands the user edits. Switching from a card to one price takes the first
 * band's price; from one price to a card makes it the single band from 0 months. Nothing is
 * rescaled behind the user's back (the old page scaled every band when the first price moved).
 */
export function PriceEditor({ path }: { path: FieldPath }) {
  const { t } = useT();
  const { contract, update } = useContract();
  const price = getAt(contract, path);
  const isCard = price !== null && typeof price === 'object' && 'bands' in price;
  const bands = isCard ? ((price as { bands: { minMonthsOnBenefit: number; price: unknown }[] }).bands ?? []) : [];
  const cardProblems = useFieldProblems([...path, 'bands'], price);
  const name = `price-form-${path.join('-')}`;
  return (
    <div class="price-editor">
      <fieldset class="choice">
        <legend>{t.builder.priceForm}</legend>
        <label>
          <input type="radio" name={name} checked={!isCard} onChange={() => update(path, bands[0]?.price)} /> {t.builder.priceSingle}
        </label>
        <label>
          <input type="radio" name={name} checked={isCard} onChange={() => update(path, { bands: [{ minMonthsOnBenefit: 0, price }] })} /> {t.builder.priceCard}
        </label>
      </fieldset>
      {isCard ? (
        <div class="rate-card">
          <p class="hint">{t.builder.rateCardNote}</p>
          {bands.map((_, i) => (
            <div class="item grid" key={i} data-band={i}>
              <NumberField path={[...path, 'bands', i, 'minMonthsOnBenefit']} unit="months" />
              <UncertainField path={[...path, 'bands', i, 'price']} unit="euro" plausible={[0, 50_000]} />
              {bands.length > 1 ? (
                <button type="button" class="link" onClick={() => update([...path, 'bands'], bands.filter((__, k) => k !== i))}>
                  {t.builder.remove}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            onClick={() => update([...path, 'bands'], [...bands, { minMonthsOnBenefit: (bands[bands.length - 1]?.minMonthsOnBenefit ?? 0) + 12, price: bands[bands.length - 1]?.price }])}
          >
            {t.builder.addPriceBand}
          </button>
          <FieldError id={`${fieldId([...path, 'bands'])}-error`} label={labelOf(t, pathText([...path, 'bands']))} problems={cardProblems} />
        </div>
      ) : (
        <UncertainField path={path} unit="euro" plausible={[0, 50_000]} />
      )}
    </div>
  );
}

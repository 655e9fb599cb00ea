import { NumberField } from '../../components/number-field.js';
import { Section } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { FieldError } from '../../components/field-error.js';
import { fieldId, useFieldProblems } from '../../errors/field-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';

/** Work after placement (part-time, LKS, falling back onto bijstand) and what happens without the programme. */
export function WorkSection() {
  const { t } = useT();
  const { contract, update } = useContract();
  const bands = (getAt(contract, ['work', 'fallbackHazard']) ?? []) as { fromMonthsInWork: number; monthlyRate: unknown }[];
  const bandProblems = useFieldProblems(['work', 'fallbackHazard'], bands);
  const method = (getAt(contract, ['counterfactual', 'method']) as string | undefined) ?? 'rates';
  return (
    <>
      <Section id="section-work" title={t.builder.work}>
        <div class="grid">
          <UncertainField path={['work', 'partTimeShare']} unit="percent" plausible={[0, 1]} />
          <UncertainField path={['work', 'partTimeBenefitShare']} unit="percent" plausible={[0, 1]} />
          <UncertainField path={['work', 'lksShare']} unit="percent" plausible={[0, 1]} />
          <UncertainField path={['work', 'lksMonthlyAmount']} unit="euro" plausible={[0, 3_000]} />
        </div>
        <h4>{t.labels['work.fallbackHazard']}</h4>
        {bands.map((_, i) => (
          <div class="item grid" key={i}>
            <NumberField path={['work', 'fallbackHazard', i, 'fromMonthsInWork']} unit="months" />
            <UncertainField path={['work', 'fallbackHazard', i, 'monthlyRate']} unit="monthlyRate" plausible={[0, 0.2]} />
            {bands.length > 1 ? (
              <button type="button" class="link" onClick={() => update(['work', 'fallbackHazard'], bands.filter((__, k) => k !== i))}>
                {t.builder.remove}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          onClick={() => update(['work', 'fallbackHazard'], [...bands, { fromMonthsInWork: (bands[bands.length - 1]?.fromMonthsInWork ?? 0) + 6, monthlyRate: bands[bands.length - 1]?.monthlyRate ?? 0 }])}
        >
          {t.builder.addBand}
        </button>
        <FieldError id={`${fieldId(['work', 'fallbackHazard'])}-error`} label={t.labels['work.fallbackHazard']} problems={bandProblems} />
      </Section>
      <Section id="section-counterfactual" title={t.builder.counterfactual}>
        <fieldset class="choice">
          <legend>{t.labels['counterfactual.method']}</legend>
          <label>
            <input type="radio" name="counterfactual-method" checked={method === 'rates'} onChange={() => update(['counterfactual'], { method: 'rates' })} /> {t.builder.methodRates}
          </label>
          <label>
            <input
              type="radio"
              name="counterfactual-method"
              checked={method === 'deadweight'}
              onChange={() => update(['counterfactual'], { method: 'deadweight' })}
            />{' '}
            {t.builder.methodDeadweight}
          </label>
        </fieldset>
        {method === 'deadweight' ? <UncertainField path={['counterfactual', 'deadweightShare']} unit="percent" plausible={[0, 1]} /> : null}
      </Section>
    </>
  );
}

import { Section } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';

/** Discounting and indexation: yearly percentages, sent as fractions. */
export function MoneySection() {
  const { t } = useT();
  return (
    <Section id="section-money" title={t.builder.money}>
      <div class="grid">
        <UncertainField path={['money', 'discountRate']} unit="yearlyPercent" plausible={[0, 0.1]} />
        <UncertainField path={['money', 'benefitIndexation']} unit="yearlyPercent" plausible={[-0.05, 0.1]} />
        <UncertainField path={['money', 'priceIndexation']} unit="yearlyPercent" plausible={[-0.05, 0.1]} />
        <UncertainField path={['money', 'costIndexation']} unit="yearlyPercent" plausible={[-0.05, 0.1]} />
      </div>
    </Section>
  );
}

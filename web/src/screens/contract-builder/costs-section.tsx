import { Section } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';

/** The municipality's own costs and the provider's costs. */
export function CostsSection() {
  const { t } = useT();
  return (
    <Section id="section-costs" title={t.builder.costs}>
      <h4>{t.builder.payerCosts}</h4>
      <div class="grid">
        <UncertainField path={['payer', 'ownCostsOneOff']} unit="euro" />
        <UncertainField path={['payer', 'ownCostsPerMonth']} unit="euro" />
      </div>
      <h4>{t.builder.providerCosts}</h4>
      <div class="grid">
        <UncertainField path={['provider', 'costPerParticipantMonth']} unit="euro" plausible={[0, 2_000]} />
        <UncertainField path={['provider', 'costPerPlacement']} unit="euro" plausible={[0, 20_000]} />
        <UncertainField path={['provider', 'fixedCostPerMonth']} unit="euro" />
      </div>
    </Section>
  );
}

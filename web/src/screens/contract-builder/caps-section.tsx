import { NumberField } from '../../components/number-field.js';
import { CheckboxField, PresenceToggle, Section, SelectField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';

/** Caps per participant, per calendar year and in total (empty: none), and the optional threshold. */
export function CapsSection() {
  const { t } = useT();
  const { contract } = useContract();
  const threshold = getAt(contract, ['payment', 'threshold']);
  return (
    <Section id="section-caps" title={t.builder.caps}>
      <p class="hint">{t.field.optionalEmpty}</p>
      <div class="grid">
        <UncertainField path={['payment', 'caps', 'perParticipant']} unit="euro" optional />
        <UncertainField path={['payment', 'caps', 'perYear']} unit="euro" optional />
        <UncertainField path={['payment', 'caps', 'total']} unit="euro" optional />
      </div>
      <CheckboxField path={['payment', 'caps', 'carryForwardYearly']} />
      <PresenceToggle path={['payment', 'threshold']} label={t.builder.useThreshold} make={() => ({ metric: 'placements', months: 12, assessFromMonth: 0 })} />
      {threshold !== undefined ? (
        <div class="grid">
          <UncertainField path={['payment', 'threshold', 'minimumImprovement']} unit="percent" plausible={[0, 1]} />
          <SelectField path={['payment', 'threshold', 'metric']} options={(['placements', 'sustained', 'benefitMonthsSaved'] as const).map((m) => [m, t.builder.metrics[m]] as const)} />
          <NumberField path={['payment', 'threshold', 'months']} unit="months" />
          <NumberField path={['payment', 'threshold', 'assessFromMonth']} unit="wholeNumber" />
        </div>
      ) : null}
    </Section>
  );
}

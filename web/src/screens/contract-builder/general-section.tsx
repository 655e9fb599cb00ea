import { NumberField } from '../../components/number-field.js';
import { Section, TextField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';

export function GeneralSection() {
  const { t } = useT();
  return (
    <Section id="section-general" title={t.builder.general}>
      <div class="grid">
        <TextField path={['name']} wide />
        <TextField path={['startMonth']} placeholder="2026-01" />
        <NumberField path={['horizonMonths']} unit="months" plausible={[12, 240]} />
        <NumberField path={['programmeMonths']} unit="months" plausible={[1, 60]} />
        <UncertainField path={['intake', 'delayMonths']} unit="months" plausible={[0, 24]} />
      </div>
      <TextField path={['description']} multiline />
    </Section>
  );
}

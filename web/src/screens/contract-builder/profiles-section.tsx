import { FieldError } from '../../components/field-error.js';
import { NumberField } from '../../components/number-field.js';
import { fieldId, useFieldProblems } from '../../errors/field-errors.js';
import { Section, TextField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { newProfile } from './empty-contract.js';

/**
 * Plausible ranges, in the API's units, beyond which a field warns (it still accepts the value).
 * Monthly job-entry rates: even strong programmes place a few percent of participants a month, so
 * above 20% a month (93% within a year) is far more likely a typing slip (4,5 read as 45).
 */
export const PLAUSIBLE = {
  jobEntryRate: [0, 0.2],
  otherExitRate: [0, 0.1],
  benefit: [500, 3_000],
  administrationCost: [0, 10_000],
} as const;

export function ProfilesSection() {
  const { t } = useT();
  const { contract, update } = useContract();
  const profiles = ((contract as { profiles?: unknown[] } | null)?.profiles ?? []) as Record<string, unknown>[];
  const listProblems = useFieldProblems(['profiles'], profiles);
  return (
    <Section id="section-profiles" title={t.builder.profiles}>
      {profiles.map((_, i) => (
        <div class="item" key={i} data-profile={i}>
          <h4>
            <span>{t.builder.profile(i + 1)}</span>
            {profiles.length > 1 ? (
              <button type="button" class="link" onClick={() => update(['profiles'], profiles.filter((__, k) => k !== i))}>
                {t.builder.remove}
              </button>
            ) : null}
          </h4>
          <div class="grid">
            <TextField path={['profiles', i, 'label']} />
            <TextField path={['profiles', i, 'id']} />
            <UncertainField path={['profiles', i, 'share']} unit="plain" />
            <UncertainField path={['profiles', i, 'monthlyBenefit']} unit="euro" plausible={PLAUSIBLE.benefit} />
            <NumberField path={['profiles', i, 'monthsOnBenefitBeforeIntake']} unit="months" plausible={[0, 240]} />
            <UncertainField path={['profiles', i, 'administrationCostPerYear']} unit="euro" plausible={PLAUSIBLE.administrationCost} />
          </div>
          <h5>{t.builder.withProgramme}</h5>
          <div class="grid">
            <UncertainField path={['profiles', i, 'programme', 'monthlyJobEntryRate']} unit="monthlyRate" plausible={PLAUSIBLE.jobEntryRate} />
            <UncertainField path={['profiles', i, 'programme', 'monthlyOtherExitRate']} unit="monthlyRate" plausible={PLAUSIBLE.otherExitRate} />
          </div>
          <h5>{t.builder.withoutProgramme}</h5>
          <div class="grid">
            <UncertainField path={['profiles', i, 'counterfactual', 'monthlyJobEntryRate']} unit="monthlyRate" plausible={PLAUSIBLE.jobEntryRate} />
            <UncertainField path={['profiles', i, 'counterfactual', 'monthlyOtherExitRate']} unit="monthlyRate" plausible={PLAUSIBLE.otherExitRate} />
          </div>
        </div>
      ))}
      <button type="button" onClick={() => update(['profiles'], [...profiles, newProfile(profiles.length + 1)])}>
        {t.builder.addProfile}
      </button>
      <FieldError id={`${fieldId(['profiles'])}-error`} label={t.labels.profiles} problems={listProblems} />
    </Section>
  );
}

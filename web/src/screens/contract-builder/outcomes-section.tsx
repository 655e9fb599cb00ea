import { CheckboxField, Section, SelectField, TextField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';
import { whoGainsTexts } from '../../../../outputs/texts/who-gains-texts.js';
import { PLAUSIBLE } from './profiles-section.js';

/**
 * Outcomes beyond work (issue 17): debts resolved, youth care ended. Each has a monthly chance with
 * and without the programme, the share of participants it can happen to, and what reaching it
 * brings each budget holder (once, and per month after); an `outcome` payment trigger can pay for it.
 */
export function OutcomesSection() {
  const { language } = useT();
  const w = whoGainsTexts(language);
  const { contract, update } = useContract();
  const outcomes = (getAt(contract, ['outcomes']) ?? []) as Record<string, unknown>[];
  // The budget holders are those the texts name (one text per BudgetHolder of the schema).
  const holders = Object.keys(w.holders) as (keyof typeof w.holders)[];
  const holderOptions = holders.map((h) => [h, w.holders[h]] as const);
  // A monthly chance above 20% warns, as for job entry (PLAUSIBLE.jobEntryRate): most eligible
  // participants would then reach the outcome within half a year.
  const setOutcomes = (next: Record<string, unknown>[]) => update(['outcomes'], next.length > 0 ? next : undefined);
  return (
    <Section id="section-outcomes" title={w.builder.outcomesSection}>
      <p class="hint">{w.builder.outcomesIntro}</p>
      {outcomes.map((outcome, i) => {
        const base = ['outcomes', i] as const;
        const values = (outcome.values ?? []) as Record<string, unknown>[];
        return (
          <div class="item" key={i} data-outcome={i}>
            <h4>
              <span>{w.builder.outcome(i + 1)}</span>
              <button type="button" class="link" onClick={() => setOutcomes(outcomes.filter((__, k) => k !== i))}>
                {w.builder.remove}
              </button>
            </h4>
            <div class="grid">
              <TextField path={[...base, 'id']} />
              <TextField path={[...base, 'label']} />
              <UncertainField path={[...base, 'eligibleShare']} unit="percent" plausible={[0, 1]} />
              <UncertainField path={[...base, 'programme', 'monthlyRate']} unit="monthlyRate" plausible={PLAUSIBLE.jobEntryRate} />
              <UncertainField path={[...base, 'counterfactual', 'monthlyRate']} unit="monthlyRate" plausible={PLAUSIBLE.jobEntryRate} />
            </div>
            {values.map((_, v) => {
              const at = [...base, 'values', v] as const;
              return (
                <div class="item nested" key={v} data-outcome-value={v}>
                  <h5>
                    <span>{w.builder.value(v + 1)}</span>
                    <button type="button" class="link" onClick={() => update([...base, 'values'], values.filter((__, k) => k !== v))}>
                      {w.builder.remove}
                    </button>
                  </h5>
                  <div class="grid">
                    <SelectField path={[...at, 'holder']} options={holderOptions} />
                    <UncertainField path={[...at, 'once']} unit="euro" />
                    <UncertainField path={[...at, 'perMonthAfter']} unit="euro" />
                    <CheckboxField path={[...at, 'cash']} />
                  </div>
                </div>
              );
            })}
            <button type="button" class="add-value" onClick={() => update([...base, 'values'], [...values, { holder: holders[0], once: 0, perMonthAfter: 0, cash: true }])}>
              {w.builder.addValue}
            </button>
          </div>
        );
      })}
      <button type="button" id="add-outcome" onClick={() => setOutcomes([...outcomes, newOutcome(outcomes.length + 1)])}>
        {w.builder.addOutcome}
      </button>
    </Section>
  );
}

/** A new outcome: everyone eligible, and blanks for the two rates only the user can know. */
function newOutcome(n: number): Record<string, unknown> {
  return { id: `resultaat${n}`, eligibleShare: 1, programme: {}, counterfactual: {}, values: [] };
}

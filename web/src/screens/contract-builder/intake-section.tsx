import { useEffect, useState } from 'preact/hooks';
import { spreadIntake } from '../../../../models/contract/spread-intake.js';
import { asSpread, describeCohorts, type Cohort } from './intake-spread.js';
import { FieldError } from '../../components/field-error.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { NumberField } from '../../components/number-field.js';
import { Section } from '../../components/simple-fields.js';
import { fieldId, useFieldProblems } from '../../errors/field-errors.js';
import { labelOf, useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';

/**
 * Intake in whole people: either cohorts month by month, or a total spread over months by the
 * service's own rule (models/contract/spread-intake.ts, largest remainder, the rest one extra in
 * the earliest months: 60 over 24 months is 3 a month for 12 months, then 2). The spread is shown
 * as the cohorts it becomes, and those cohorts are what is sent.
 */
type Mode = 'spread' | 'cohorts';

export function IntakeSection() {
  const { t, language } = useT();
  const { contract, update } = useContract();
  const cohorts = ((contract as { intake?: { cohorts?: Cohort[] } } | null)?.intake?.cohorts ?? []) as Cohort[];
  const detected = asSpread(cohorts);
  const [mode, setMode] = useState<Mode>(cohorts.length === 0 || detected !== null ? 'spread' : 'cohorts');
  const [spread, setSpread] = useState(detected ?? { total: 0, from: 0, months: 12 });
  const [refusal, setRefusal] = useState<string | null>(null);
  const problems = useFieldProblems(['intake', 'cohorts'], cohorts);

  // A contract loaded from elsewhere (a preset) sets the form afresh.
  useEffect(() => {
    const again = asSpread(cohorts);
    if (again && (again.total !== spread.total || again.from !== spread.from || again.months !== spread.months)) setSpread(again);
    if (!again && cohorts.length > 0 && mode === 'spread') setMode('cohorts');
  }, [cohorts]);

  const applySpread = (next: { total: number; from: number; months: number }) => {
    setSpread(next);
    if (Number.isInteger(next.total) && next.total >= 0 && Number.isInteger(next.months) && next.months >= 1 && Number.isInteger(next.from) && next.from >= 0)
      update(['intake', 'cohorts'], spreadIntake(next.total, next.from, next.months));
  };
  const id = fieldId(['intake', 'cohorts']);
  const label = labelOf(t, 'intake.cohorts');
  return (
    <Section id="section-intake" title={t.builder.intake}>
      <fieldset class="choice">
        <legend>{t.builder.intakeHow}</legend>
        <label>
          <input type="radio" name="intake-mode" value="spread" checked={mode === 'spread'} onChange={() => setMode('spread')} /> {t.builder.intakeSpread}
        </label>
        <label>
          <input type="radio" name="intake-mode" value="cohorts" checked={mode === 'cohorts'} onChange={() => setMode('cohorts')} /> {t.builder.intakeCohorts}
        </label>
      </fieldset>
      {mode === 'spread' ? (
        <div class={problems.length || refusal ? 'has-error' : ''}>
          <div class="grid">
            <div class="field">
              <label for={id}>{t.builder.spreadTotal}</label>
              <div class="input-row">
                <LocaleNumberInput id={id} value={spread.total} integer onValue={(v) => v !== undefined && applySpread({ ...spread, total: v })} onRefusal={setRefusal} describedBy={`${id}-error ${id}-result`} />
                <span class="unit">{t.field.people}</span>
              </div>
            </div>
            <div class="field">
              <label for="spread-from">{t.builder.spreadFrom}</label>
              <div class="input-row">
                <LocaleNumberInput id="spread-from" value={spread.from} integer onValue={(v) => v !== undefined && applySpread({ ...spread, from: v })} onRefusal={setRefusal} />
              </div>
            </div>
            <div class="field">
              <label for="spread-months">{t.builder.spreadMonths}</label>
              <div class="input-row">
                <LocaleNumberInput id="spread-months" value={spread.months} integer onValue={(v) => v !== undefined && applySpread({ ...spread, months: v })} onRefusal={setRefusal} />
                <span class="unit">{t.field.months}</span>
              </div>
            </div>
          </div>
          <p id={`${id}-result`} class="hint" data-cohorts={JSON.stringify(cohorts.map((c) => c.count))}>
            {cohorts.length ? t.builder.spreadResult(describeCohorts(cohorts, language)) : ''}
          </p>
          <FieldError id={`${id}-error`} label={label} problems={problems} local={refusal} />
        </div>
      ) : (
        <div>
          {cohorts.map((_, i) => (
            <div class="item grid" key={i}>
              <NumberField path={['intake', 'cohorts', i, 'month']} unit="wholeNumber" />
              <NumberField path={['intake', 'cohorts', i, 'count']} unit="people" plausible={[0, 10_000]} />
              <button type="button" class="link" onClick={() => update(['intake', 'cohorts'], cohorts.filter((__, k) => k !== i))}>
                {t.builder.remove}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => update(['intake', 'cohorts'], [...cohorts, { month: cohorts.length ? cohorts[cohorts.length - 1].month + 1 : 0, count: 0 }])}>
            {t.builder.addCohort}
          </button>
          <FieldError id={`${id}-error`} label={label} problems={problems} />
        </div>
      )}
    </Section>
  );
}

import { useState } from 'preact/hooks';
import { MAX_ITERATIONS, MIN_ITERATIONS } from '../../../../models/simulation/limits.js';
import { FieldError } from '../../components/field-error.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { useT } from '../../i18n/i18n.js';
import { formatCount } from '../../numbers/format.js';

/**
 * What to run: iterations (1 to the API's limit, shown), the seed, and the yearly budget whose
 * chance of being reached the page reports (by default the contract's yearly cap; empty for none).
 */
export interface RunFormProps {
  iterations: number;
  seed: number;
  budget: number | null;
  onIterations: (n: number) => void;
  onSeed: (n: number) => void;
  onBudget: (budget: number | null) => void;
  running: boolean;
  canRun: boolean;
  onRun: () => void;
}

export function RunForm(props: RunFormProps) {
  const { t, language } = useT();
  const w = t.resultsRun;
  const [iterationsRefusal, setIterationsRefusal] = useState<string | null>(null);
  const [seedRefusal, setSeedRefusal] = useState<string | null>(null);
  const [budgetRefusal, setBudgetRefusal] = useState<string | null>(null);
  const max = formatCount(MAX_ITERATIONS, language);
  const refused = iterationsRefusal !== null || seedRefusal !== null || budgetRefusal !== null;
  return (
    <div class="run-settings">
      <div class="run-field">
        <label for="iterations">{t.results.iterations}</label>
        <LocaleNumberInput
          id="iterations"
          value={props.iterations}
          integer
          describedBy="iterations-hint"
          invalid={iterationsRefusal !== null}
          onRefusal={setIterationsRefusal}
          onValue={(v) => {
            if (v === undefined) return;
            if (v < MIN_ITERATIONS || v > MAX_ITERATIONS) setIterationsRefusal(w.iterationsHint(max));
            else props.onIterations(v);
          }}
        />
        <p class="hint" id="iterations-hint">
          {w.iterationsHint(max)}
        </p>
        {iterationsRefusal ? <FieldError id="iterations-error" label={t.results.iterations} problems={[]} local={iterationsRefusal} /> : null}
      </div>
      <div class="run-field">
        <label for="seed">{t.results.seed}</label>
        <LocaleNumberInput id="seed" value={props.seed} integer grouping={false} describedBy="seed-hint" invalid={seedRefusal !== null} onRefusal={setSeedRefusal} onValue={(v) => v !== undefined && props.onSeed(v)} />
        <p class="hint" id="seed-hint">
          {w.seedHint}
        </p>
        {seedRefusal ? <FieldError id="seed-error" label={t.results.seed} problems={[]} local={seedRefusal} /> : null}
      </div>
      <div class="run-field">
        <label for="budget">{w.budget} (€)</label>
        <LocaleNumberInput
          id="budget"
          value={props.budget ?? undefined}
          allowEmpty
          describedBy="budget-hint"
          invalid={budgetRefusal !== null}
          onRefusal={setBudgetRefusal}
          onValue={(v) => props.onBudget(v === undefined ? null : v)}
        />
        <p class="hint" id="budget-hint">
          {w.budgetHint}
        </p>
        {budgetRefusal ? <FieldError id="budget-error" label={w.budget} problems={[]} local={budgetRefusal} /> : null}
      </div>
      <button type="button" id="run" class="primary" disabled={props.running || !props.canRun || refused} onClick={props.onRun}>
        {t.results.run}
      </button>
    </div>
  );
}

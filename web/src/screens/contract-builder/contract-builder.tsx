import { useState } from 'preact/hooks';
import { api, client, ApiProblem } from '../../api/client.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { useFieldErrors } from '../../errors/field-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { CapsSection } from './caps-section.js';
import { CostsSection } from './costs-section.js';
import { GeneralSection } from './general-section.js';
import { IntakeSection } from './intake-section.js';
import { InvestorSection } from './investor-section.js';
import { JsonSection } from './json-section.js';
import { MoneySection } from './money-section.js';
import { PaymentSection } from './payment-section.js';
import { ProfilesSection } from './profiles-section.js';
import { StartSection } from './start-section.js';
import { UncertainInputs } from './uncertain-inputs.js';
import { WorkSection } from './work-section.js';
import { WhoGainsSection } from './who-gains-section.js';
import { OutcomesSection } from './outcomes-section.js';

/**
 * The contract builder (#/contract): every part of a contract in forms, from a preset or from
 * empty. "Contract controleren" posts it to POST /contracts/evaluate, which validates it (and
 * evaluates it at expected values); a refusal is shown beside each field it names.
 */
export function ContractBuilder() {
  const { t, language } = useT();
  const { contract, about } = useContract();
  const { setProblem, matched, problem } = useFieldErrors();
  const [status, setStatus] = useState('');
  const [checking, setChecking] = useState(false);

  const check = async () => {
    if (contract === null) return;
    setChecking(true);
    setStatus(t.builder.checking);
    try {
      await api(client.POST('/contracts/evaluate', { body: contract }));
      setProblem(null);
      setStatus(t.builder.checkOk);
    } catch (error) {
      const refused = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
      setProblem(refused);
      setStatus(refused.status === 0 ? t.problems.unreachable : t.builder.refused);
      // Bring the first field with a problem into view (open its section) and move focus there.
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLElement>('.contract-builder [aria-invalid="true"]') ?? document.querySelector<HTMLElement>('.has-error input, .has-error select');
        first?.closest('details')?.setAttribute('open', '');
        first?.focus();
      });
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby="builder-heading" class="contract-builder">
      <h2 id="builder-heading">{t.builder.heading}</h2>
      <p>{t.builder.intro}</p>
      <StartSection onStatus={setStatus} />
      {about ? <p class="hint">{about.summary}</p> : null}
      {problem && (matched.unmatched.length || problem.errors.length === 0) ? (
        <div class="problems" role="alert" id="other-problems">
          <strong>{t.builder.otherProblems}</strong>
          <ul>
            {matched.unmatched.map((p) => (
              <li key={p.apiPath + p.message}>
                {p.apiPath ? <code>{p.apiPath}</code> : null} {explainProblem(p.message, language)}
              </li>
            ))}
          </ul>
          {problem.errors.length === 0 ? <p>{problem.status === 0 ? t.problems.unreachable : problem.detail ?? problem.title}</p> : null}
        </div>
      ) : null}
      {contract !== null ? (
        <form
          id="contract-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <GeneralSection />
          <IntakeSection />
          <ProfilesSection />
          <WorkSection />
          <PaymentSection />
          <CapsSection />
          <CostsSection />
          <InvestorSection />
          <MoneySection />
          <WhoGainsSection />
          <OutcomesSection />
          <UncertainInputs />
          <div class="toolbar">
            <button type="submit" id="check" disabled={checking}>
              {t.builder.check}
            </button>
            <a href="#/results" id="to-results">
              {t.results.run} →
            </a>
          </div>
          <JsonSection />
        </form>
      ) : null}
      <p id="builder-status" class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

import type { ApiProblem } from '../../api/client.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { useT } from '../../i18n/i18n.js';
import { formatInputNumber } from '../../numbers/format.js';

/** A call's state for the reader: running with its elapsed seconds (and a cancel), cancelled, or the refusal. */
export function CallStatus({ id, status, elapsed, problem, onCancel }: { id: string; status: string; elapsed: number; problem: ApiProblem | null; onCancel?: () => void }) {
  const { t, language } = useT();
  return (
    <div class="call-status" id={`${id}-status`}>
      <p class="status" role="status" aria-live="polite">
        {status === 'running' ? t.drivers.elapsed(formatInputNumber(elapsed, language, 1)) : status === 'cancelled' ? t.drivers.cancelled : ''}
        {status === 'running' && onCancel ? (
          <>
            {' '}
            <button type="button" id={`${id}-cancel`} onClick={onCancel}>
              {t.drivers.cancel}
            </button>
          </>
        ) : null}
      </p>
      {status === 'failed' && problem ? (
        <div class="problems" role="alert">
          <strong>{problem.status === 0 ? t.problems.unreachable : t.drivers.failed}</strong> {problem.detail ?? problem.title}
          {problem.errors.length ? (
            <ul>
              {problem.errors.map((e) => (
                <li key={e.path}>{explainProblem(e.message, language)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

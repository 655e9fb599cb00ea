import { useT } from '../../i18n/i18n.js';
import { formatCount } from '../../numbers/format.js';
import { cancelRun, type SimulationRunState } from '../../state/simulation-run.js';
import { estimateTimeLeft } from './time-left.js';

/**
 * Progress of a running job: a progress bar (role progressbar, aria-valuenow the iterations done),
 * the count in words, the time left estimated from the rate so far (time-left.ts) and a Cancel
 * button that cancels the job at the service (POST /simulations/{id}/cancel).
 */
export function RunProgress({ run }: { run: SimulationRunState }) {
  const { t, language } = useT();
  const w = t.resultsRun;
  const active = run.phase === 'running' || run.phase === 'cancelling';
  if (!active && run.phase !== 'cancelled') return null;
  const total = Math.max(run.total, 1);
  const estimate = estimateTimeLeft(run.samples, run.total);
  const duration = (seconds: number) => {
    const s = Math.ceil(seconds);
    return s < 60 ? w.seconds(formatCount(s, language)) : w.minutes(formatCount(Math.floor(s / 60), language), formatCount(s % 60, language));
  };
  const done = formatCount(run.completed, language);
  const all = formatCount(run.total, language);
  return (
    <div class="run-progress" id="run-progress" data-phase={run.phase} data-job={run.jobId ?? ''}>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={w.progressLabel}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.completed}
        aria-valuetext={w.progress(done, all)}
      >
        <div class="progress-fill" style={{ width: `${Math.min(100, (100 * run.completed) / total)}%` }} />
      </div>
      <p class="progress-count" id="progress-count">
        {w.progress(done, all)}
      </p>
      {active ? (
        <>
          <p class="hint" id="time-left" data-seconds-left={estimate === null ? '' : String(estimate.secondsLeft)}>
            {estimate === null ? w.estimating : w.timeLeft(duration(estimate.secondsLeft), formatCount(estimate.perSecond, language))}
          </p>
          <button type="button" id="cancel-run" onClick={() => void cancelRun()} disabled={run.phase === 'cancelling'}>
            {run.phase === 'cancelling' ? w.cancelling : w.cancel}
          </button>
        </>
      ) : (
        <p id="cancelled-note" role="status">
          {w.cancelled(done, all)}
        </p>
      )}
    </div>
  );
}

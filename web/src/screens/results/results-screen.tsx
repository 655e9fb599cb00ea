import { useState } from 'preact/hooks';
import { ApiProblem } from '../../api/client.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { useFieldErrors } from '../../errors/field-errors.js';
import { labelOf, useT } from '../../i18n/i18n.js';
import { formatCount } from '../../numbers/format.js';
import { useContract } from '../../state/contract-store.js';
import { startRun, useSimulationRun } from '../../state/simulation-run.js';
import { yearlyCapOf } from './budget-event.js';
import { KeyFigures } from './key-figures.js';
import { ResultCharts } from './result-charts-view.js';
import { RunDownloads } from './run-downloads.js';
import { RunForm } from './run-form.js';
import { RunProgress } from './run-progress.js';
import { WhoGainsView } from './who-gains-view.js';

/**
 * The Results screen (#/results): runs the contract as a simulation job with progress, time left
 * and cancel (state/simulation-run.ts), shows the key figures in words, the yearly budget fan and
 * the distribution of the net result, and offers the report, workbook and CSV of that same run.
 * One component per concern: run-form (iterations, seed, budget), run-progress, key-figures,
 * result-charts-view, run-downloads.
 */
export function ResultsScreen() {
  const { t, language } = useT();
  const w = t.resultsRun;
  const { contract, about, revision, edited } = useContract();
  const { setProblem } = useFieldErrors();
  const run = useSimulationRun();
  const [iterations, setIterations] = useState(10_000);
  const [seed, setSeed] = useState(2026);
  // undefined: follow the contract's yearly cap; null: no budget check; a number: the user's budget.
  const [budgetChoice, setBudgetChoice] = useState<number | null | undefined>(undefined);
  const budget = budgetChoice === undefined ? yearlyCapOf(contract) : budgetChoice;

  // The preset's own description goes into the report, with a note naming the inputs changed here:
  // the report prints the description, and must not describe the preset's values as if they were used.
  const aboutForReport = () => {
    if (about === null) return undefined;
    const note = edited.length ? t.results.editedNote([...new Set(edited.map((p) => labelOf(t, p)))].join('; ')) : '';
    return { title: about.title, summary: [about.summary, note].filter(Boolean).join(' '), assumptions: about.assumptions, sources: about.sources };
  };

  const running = run.phase === 'running' || run.phase === 'cancelling';
  const start = async () => {
    if (contract === null || running) return;
    const problem = await startRun({ contract, seed, iterations, budget, about: aboutForReport() }, revision);
    setProblem(problem);
    // Field problems are shown beside their fields on the contract screen.
    if (problem !== null && problem.errors.length) location.hash = '#/contract';
  };

  const result = run.phase === 'succeeded' ? run.result : null;
  const stale = result !== null && run.revision !== revision;
  const status =
    contract === null
      ? t.results.noContract
      : run.phase === 'succeeded' && result !== null
        ? w.doneJob(formatCount(result.iterations, language), result.seed)
        : run.phase === 'running'
          ? w.started
          : run.phase === 'failed'
            ? t.results.failed
            : '';
  return (
    <section aria-labelledby="results-heading" class={stale ? 'stale' : ''} data-phase={run.phase} data-job={run.jobId ?? ''}>
      <h2 id="results-heading">{t.results.heading}</h2>
      <p class="hint">{w.intro}</p>
      <RunForm
        iterations={iterations}
        seed={seed}
        budget={budget}
        onIterations={setIterations}
        onSeed={setSeed}
        onBudget={setBudgetChoice}
        running={running}
        canRun={contract !== null}
        onRun={() => void start()}
      />
      <p id="status" class="status" role="status" aria-live="polite">
        {status}
      </p>
      <RunProgress run={run} />
      {run.phase === 'failed' && run.problem !== null ? <RunFailure problem={run.problem} /> : null}
      {stale ? <p class="hint">{t.results.stale}</p> : null}
      {result === null || run.input === null ? (
        running || run.phase === 'cancelled' ? null : <p>{t.results.notYet}</p>
      ) : (
        <>
          <KeyFigures
            result={result}
            budget={run.input.budget}
            investor={run.input.contract.investor !== undefined}
            capped={run.input.budget !== null && yearlyCapOf(run.input.contract) === run.input.budget}
          />
          <ResultCharts result={result} contract={run.input.contract} budget={run.input.budget} />
          <WhoGainsView result={result} />
          <RunDownloads run={run} />
        </>
      )}
    </section>
  );
}

function RunFailure({ problem }: { problem: ApiProblem }) {
  const { t, language } = useT();
  return (
    <div class="problems" role="alert">
      <strong>{problem.status === 0 ? t.problems.unreachable : problem.title}</strong>
      {problem.detail ? <p>{problem.detail}</p> : null}
      <ul>
        {problem.errors.map((e) => (
          <li key={e.path}>
            <code>{e.path}</code>: {explainProblem(e.message, language)}
          </li>
        ))}
      </ul>
    </div>
  );
}

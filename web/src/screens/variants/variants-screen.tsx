import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useWide } from '../drivers/use-wide.js';
import { api, client, ApiProblem, type Schemas } from '../../api/client.js';
import { Chart } from '../../components/chart.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { useT } from '../../i18n/i18n.js';
import { formatChance, formatCount } from '../../numbers/format.js';
import { useContract } from '../../state/contract-store.js';
import { CallStatus } from '../drivers/call-status.js';
import { formatOutput } from '../drivers/chart-locale.js';
import { comparisonSpec, differenceSpec } from './comparison-charts.js';
import { VariantForm } from './variant-form.js';
import { COMPARED_OUTPUTS, comparisonRequest, draftOf, pairedSummary, variantPatch, type ComparisonRequest, type PairedSummary, type VariantDraft } from './variant-changes.js';

/**
 * Variants side by side (#/variants): the current contract and one variant of it (another price,
 * cap or trigger mix) run by POST /simulations/compare on common random numbers, with the paired
 * differences for the municipality's net result, its payments and the provider's margin. The
 * comparison is a job: the page asks for an asynchronous answer, shows its progress and can
 * cancel it (POST /simulations/{id}/cancel).
 */

type Job = Schemas['SimulationJob'];
type ComparisonResult = Schemas['VariantComparisonResult'];

const POLL_MS = 400;

export function VariantsScreen() {
  const { t, language } = useT();
  const { contract, revision } = useContract();
  const [draft, setDraft] = useState<VariantDraft | null>(contract ? draftOf(contract) : null);
  const [iterations, setIterations] = useState(1000);
  const [seed, setSeed] = useState(2026);
  const [job, setJob] = useState<Job | null>(null);
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'failed' | 'cancelled'>('idle');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [shown, setShown] = useState<{ result: ComparisonResult; request: ComparisonRequest } | null>(null);
  const [note, setNote] = useState('');
  const started = useRef(0);
  const [elapsed, setElapsed] = useState(0);
  const current = useRef<string | null>(null);
  const wide = useWide();

  useEffect(() => {
    setDraft(contract ? draftOf(contract) : null);
    setShown(null);
  }, [revision, contract === null]);
  useEffect(() => () => void (current.current = null), []);

  const summaries = shown ? COMPARED_OUTPUTS.map((o) => pairedSummary(shown.result, o.name, o.better)).filter((s): s is PairedSummary => s !== null) : [];
  const label = (name: string) => (t.outputLabels as Record<string, string>)[name] ?? name;
  const betterText: Record<string, string> = { payerNetResult: t.variants.betterNet, payerOutcomePayments: t.variants.betterPayments, providerMargin: t.variants.betterMargin };
  const specs = useMemo(
    () => (summaries.length ? { both: comparisonSpec(summaries, label, { base: t.variants.base, variant: t.variants.variant }, language, wide), difference: differenceSpec(summaries, label, t.variants.difference, language, wide) } : null),
    [shown, language, wide],
  );

  if (contract === null || draft === null)
    return (
      <section aria-labelledby="variants-heading">
        <h2 id="variants-heading">{t.variants.heading}</h2>
        <p id="variants-empty">
          {t.variants.noContract} <a href="#/contract">{t.drivers.toContract}</a>
        </p>
      </section>
    );

  const run = async () => {
    const request = comparisonRequest(contract, draft, iterations, seed);
    if (request === null) return setNote(t.variants.noChanges);
    setNote('');
    setProblem(null);
    setStatus('running');
    started.current = performance.now();
    setElapsed(0);
    try {
      let answer = (await api(client.POST('/simulations/compare', { body: request, headers: { Prefer: 'respond-async' } }))) as Job;
      current.current = answer.id;
      setJob(answer);
      while (answer.status === 'queued' || answer.status === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (current.current !== answer.id) return;
        answer = (await api(client.GET('/simulations/{id}', { params: { path: { id: answer.id } } }))) as Job;
        setJob(answer);
        setElapsed((performance.now() - started.current) / 1000);
      }
      if (current.current !== answer.id) return;
      if (answer.status === 'succeeded' && answer.result) {
        setShown({ result: answer.result as ComparisonResult, request });
        setStatus('done');
      } else if (answer.status === 'cancelled') setStatus('cancelled');
      else {
        setProblem(new ApiProblem(500, answer.reason ?? 'failed', answer.reason ?? undefined, []));
        setStatus('failed');
      }
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
      setStatus('failed');
    }
  };

  const cancel = async () => {
    const id = current.current;
    current.current = null;
    setStatus('cancelled');
    if (id) await client.POST('/simulations/{id}/cancel', { params: { path: { id } } }).catch(() => undefined);
  };

  const changes = variantPatch(contract, draft);
  const progress = job?.progress;

  return (
    <section aria-labelledby="variants-heading" class="variants" data-runs={shown ? 1 : 0}>
      <h2 id="variants-heading">{t.variants.heading}</h2>
      <p class="hint">{t.variants.intro}</p>
      <VariantForm contract={contract} draft={draft} onDraft={setDraft} />
      <div class="toolbar">
        <button type="button" id="variant-reset" onClick={() => setDraft(draftOf(contract))} disabled={changes === null}>
          {t.variants.reset}
        </button>
      </div>
      <div class="run-settings">
        <label>
          {t.variants.iterations}
          <LocaleNumberInput id="variant-iterations" value={iterations} integer onValue={(v) => v !== undefined && v >= 1 && setIterations(v)} onRefusal={() => undefined} />
        </label>
        <label>
          {t.variants.seed}
          <LocaleNumberInput id="variant-seed" value={seed} integer grouping={false} onValue={(v) => v !== undefined && setSeed(v)} onRefusal={() => undefined} />
        </label>
        <button type="button" id="run-compare" class="primary" disabled={status === 'running'} onClick={() => void run()}>
          {t.variants.run}
        </button>
      </div>
      {note ? (
        <p class="field-warning" role="alert" id="variant-note">
          {note}
        </p>
      ) : null}
      {status === 'running' && progress ? (
        <p class="status" role="status" aria-live="polite" id="compare-progress">
          {t.variants.progress(formatCount(progress.completedIterations, language), formatCount(progress.totalIterations, language))}{' '}
          <progress max={1} value={progress.fraction} aria-label={t.variants.run} />{' '}
          <button type="button" id="compare-cancel" onClick={() => void cancel()}>
            {t.variants.cancel}
          </button>
        </p>
      ) : (
        <CallStatus id="compare" status={status} elapsed={elapsed} problem={problem} onCancel={() => void cancel()} />
      )}
      {shown ? (
        <div class="analysis-result" id="comparison">
          <p class="status">{t.variants.done(formatCount(shown.request.settings.iterations ?? 0, language), shown.request.settings.seed)}</p>
          <div class="table-scroll">
            <table id="comparison-table" class="numbers">
              <caption>{t.variants.heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.variants.outcome}</th>
                  <th scope="col">
                    {t.variants.base} ({t.variants.mean})
                  </th>
                  <th scope="col">
                    {t.variants.variant} ({t.variants.mean})
                  </th>
                  <th scope="col">{t.variants.difference}</th>
                  <th scope="col">{t.variants.band}</th>
                  <th scope="col">{t.variants.chance}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.name} data-output={s.name}>
                    <th scope="row">{label(s.name)}</th>
                    <td>{formatOutput(s.base.mean, s.unit, language)}</td>
                    <td>{formatOutput(s.variant.mean, s.unit, language)}</td>
                    <td class="difference-mean" data-value={s.difference.mean ?? ''}>
                      {formatOutput(s.difference.mean, s.unit, language)}
                    </td>
                    <td>
                      {formatOutput(s.difference.p10, s.unit, language)} – {formatOutput(s.difference.p90, s.unit, language)}
                    </td>
                    <td class="chance-better" data-value={s.chanceBetter ?? ''}>
                      {formatChance(s.chanceBetter, language)} <span class="hint">{betterText[s.name]}</span>
                      {s.chanceEqual ? <span class="hint">; {t.variants.equal(formatChance(s.chanceEqual, language))}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Chart id="chart-variants" title={t.variants.chart} spec={specs?.both ?? null} />
          <Chart id="chart-variant-difference" title={t.variants.chartDifference} spec={specs?.difference ?? null} />
          <details>
            <summary>{t.variants.changes}</summary>
            <pre class="json" id="variant-changes">{JSON.stringify(shown.request.variants[0]?.changes, null, 2)}</pre>
          </details>
        </div>
      ) : null}
    </section>
  );
}

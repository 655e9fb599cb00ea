import { useState } from 'preact/hooks';
import { api, client, ApiProblem, type ReportDocument, type Schemas } from '../../api/client.js';
import { Chart } from '../../components/chart.js';
import { DownloadLinks, saveBlob } from '../../components/download-links.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { useFieldErrors } from '../../errors/field-errors.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { useT } from '../../i18n/i18n.js';
import { formatCount } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';
import { useContract } from '../../state/contract-store.js';
import { useRun } from '../../state/run-store.js';
import { KeyFigures } from './key-figures.js';

/**
 * A first Results screen: one POST /reports (format json) runs the evaluation, the simulation and
 * the tornado and returns the key figures and chart specs; the downloads post the same request
 * with format html, pdf or xlsx, so page, report and workbook show the same run. (To be replaced
 * by the full screen with job progress, cancel and reuse of the finished run.)
 */

type ReportRequest = Schemas['ReportRequest'];

export function ResultsScreen() {
  const { t, language } = useT();
  const { contract, about, revision } = useContract();
  const run = useRun();
  const { setProblem } = useFieldErrors();
  const [iterations, setIterations] = useState(5000);
  const [seed, setSeed] = useState(2026);
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const [status, setStatus] = useState('');
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | null>(null);
  const [count, setCount] = useState(0);

  const body = (format: ReportRequest['format']): ReportRequest => ({
    model: { kind: 'contract', contract: contract! },
    settings: { seed, iterations },
    language: reportLanguage,
    format,
    ...(about ? { about: { title: about.title, summary: about.summary, assumptions: about.assumptions, sources: about.sources } } : {}),
  });

  const start = async () => {
    if (contract === null || running) return;
    setRunning(true);
    setFailure(null);
    setStatus(t.results.running);
    const request = body('json');
    try {
      const report = (await api(client.POST('/reports', { body: request }))) as ReportDocument;
      run.set({ report, request: request as unknown as Record<string, unknown>, revision });
      setProblem(null);
      setStatus(t.results.done(formatCount(report.reproduction.iterations, language), report.reproduction.seed));
      setCount((n) => n + 1);
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
      setFailure(problem);
      setProblem(problem);
      setStatus(t.results.failed);
      // Field problems are shown beside their fields on the contract screen.
      if (problem.errors.length) location.hash = '#/contract';
    } finally {
      setRunning(false);
    }
  };

  const download = async (format: string) => {
    if (run.request === null) return;
    setStatus(t.results.making);
    try {
      const request = { ...run.request, format, language: reportLanguage } as unknown as ReportRequest;
      const { data, error, response } = await client.POST('/reports', { body: request, parseAs: 'blob' });
      if (!response.ok || data === undefined) throw ApiProblem.fromBody(response.status, error);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `rapport.${format}`;
      saveBlob(data as Blob, name);
      setStatus(t.results.downloaded(name));
    } catch (error) {
      setFailure(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
      setStatus(t.results.failed);
    }
  };

  const report = run.report;
  const stale = report !== null && run.revision !== revision;
  return (
    <section aria-labelledby="results-heading" class={stale ? 'stale' : ''} data-runs={count}>
      <h2 id="results-heading">{t.results.heading}</h2>
      <div class="run-settings">
        <label>
          {t.results.iterations}
          <LocaleNumberInput id="iterations" value={iterations} onValue={(v) => v !== undefined && setIterations(v)} onRefusal={() => undefined} integer />
        </label>
        <label>
          {t.results.seed}
          <LocaleNumberInput id="seed" value={seed} onValue={(v) => v !== undefined && setSeed(v)} onRefusal={() => undefined} integer grouping={false} />
        </label>
        <label>
          {t.results.reportLanguage}
          <select id="report-language" value={reportLanguage} onChange={(e) => setReportLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" id="run" class="primary" disabled={running || contract === null} onClick={() => void start()}>
          {t.results.run}
        </button>
      </div>
      <p id="status" class="status" role="status" aria-live="polite">
        {contract === null ? t.results.noContract : status}
      </p>
      {failure ? (
        <div class="problems" role="alert">
          <strong>{failure.status === 0 ? t.problems.unreachable : failure.title}</strong>
          {failure.detail ? <p>{failure.detail}</p> : null}
          <ul>
            {failure.errors.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code>: {explainProblem(e.message, language)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {stale ? <p class="hint">{t.results.stale}</p> : null}
      {report === null ? (
        <p>{t.results.notYet}</p>
      ) : (
        <>
          <KeyFigures report={report} />
          <p id="provider-words" class="hint">
            {report.providerInWords}
          </p>
          <DownloadLinks
            downloads={[
              { format: 'html', label: t.results.html },
              { format: 'pdf', label: t.results.pdf },
              { format: 'xlsx', label: t.results.xlsx },
            ]}
            disabled={running}
            onDownload={(f) => void download(f)}
          />
          <Chart id="chart-net" title={t.results.chartNet} spec={report.charts.netResult} />
          <Chart id="chart-fan" title={t.results.chartCashFlows} spec={report.charts.cashFlows} />
          <Chart id="chart-yearly" title={t.results.chartYearly} spec={report.charts.yearly} />
          <Chart id="chart-tornado" title={t.results.chartTornado} spec={report.charts.tornado} />
          <h3>{t.results.findings}</h3>
          <ul id="findings" class="findings">
            {report.findings.length ? report.findings.map((f) => <li key={f.kind + f.text} data-finding={f.kind}>{f.text}</li>) : <li>{t.results.noFindings}</li>}
          </ul>
        </>
      )}
    </section>
  );
}

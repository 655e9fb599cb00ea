import { useState } from 'preact/hooks';
import { ApiProblem, client, type Schemas } from '../../api/client.js';
import { saveBlob } from '../../components/download-links.js';
import { useT } from '../../i18n/i18n.js';
import type { Language } from '../../numbers/locale.js';
import type { SimulationRunState } from '../../state/simulation-run.js';
import { reportSettings } from './run-settings.js';

/**
 * The files of the finished run. The report (HTML, PDF), its workbook and CSV come from
 * POST /reports with the run's job id (simulationId): the service checks that the job ran this
 * contract with these settings and builds the report from its result instead of simulating
 * again (api/reports/report-simulation.ts). The raw simulation comes from
 * GET /simulations/{id}/result?format=xlsx|csv. So every file shows the page's numbers.
 */

type ReportFormat = 'html' | 'pdf' | 'xlsx' | 'csv';

function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

export function RunDownloads({ run }: { run: SimulationRunState }) {
  const { t, language } = useT();
  const w = t.resultsRun;
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<ApiProblem | null>(null);
  const input = run.input;
  if (run.phase !== 'succeeded' || input === null || run.jobId === null) return null;
  const jobId = run.jobId;

  const fetchFile = async (make: () => Promise<{ data?: unknown; error?: unknown; response: Response }>, fallback: string) => {
    setBusy(true);
    setFailure(null);
    setStatus(t.results.making);
    try {
      const { data, error, response } = await make();
      if (!response.ok || data === undefined) throw ApiProblem.fromBody(response.status, error);
      const name = fileNameOf(response, fallback);
      saveBlob(data as Blob, name);
      setStatus(t.results.downloaded(name));
    } catch (error) {
      setFailure(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
      setStatus(t.results.failed);
    } finally {
      setBusy(false);
    }
  };

  const report = (format: ReportFormat) => {
    const body = {
      model: { kind: 'contract', contract: input.contract },
      settings: reportSettings(input),
      language: reportLanguage,
      format,
      simulationId: jobId,
      ...(input.about ? { about: input.about } : {}),
    } as Schemas['ReportRequest'];
    return fetchFile(() => client.POST('/reports', { body, parseAs: 'blob' }), `rapport.${format}`);
  };
  const simulation = (format: 'xlsx' | 'csv') =>
    fetchFile(() => client.GET('/simulations/{id}/result', { params: { path: { id: jobId }, query: { format, lang: reportLanguage } }, parseAs: 'blob' }), `simulatie.${format}`);

  const buttons: { id: string; label: string; go: () => Promise<void> }[] = [
    { id: 'html', label: t.results.html, go: () => report('html') },
    { id: 'pdf', label: t.results.pdf, go: () => report('pdf') },
    { id: 'xlsx', label: t.results.xlsx, go: () => report('xlsx') },
    { id: 'csv', label: w.csv, go: () => report('csv') },
    { id: 'simulation-xlsx', label: w.simulationXlsx, go: () => simulation('xlsx') },
    { id: 'simulation-csv', label: w.simulationCsv, go: () => simulation('csv') },
  ];
  return (
    <section aria-labelledby="downloads-heading" class="run-downloads">
      <h3 id="downloads-heading">{w.downloadsHeading}</h3>
      <p class="hint">{w.downloadsIntro}</p>
      <label class="inline-label">
        {t.results.reportLanguage}
        <select id="report-language" value={reportLanguage} onChange={(e) => setReportLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
      </label>
      <div class="downloads" role="group" aria-label={t.results.downloads}>
        {buttons.map((b) => (
          <button type="button" key={b.id} data-download={b.id} disabled={busy} onClick={() => void b.go()}>
            {b.label}
          </button>
        ))}
      </div>
      <p class="status" id="download-status" role="status" aria-live="polite">
        {status}
      </p>
      {failure ? (
        <div class="problems" role="alert">
          <strong>{failure.status === 0 ? t.problems.unreachable : failure.title}</strong>
          {failure.detail ? <p>{failure.detail}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { api, client, ApiProblem, type Schemas } from '../../api/client.js';
import { saveBlob } from '../../components/download-links.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { useT } from '../../i18n/i18n.js';
import { formatChance, formatCount, formatEuro, formatPercent } from '../../numbers/format.js';
import { readLocaleNumber } from '../../numbers/parse-locale-number.js';
import { useContract } from '../../state/contract-store.js';

/**
 * Steering (#/steering): a running contract's actuals read from a CSV or xlsx file (POST
 * /contracts/actuals/import: refused files list their problems by row and column), the re-forecast
 * of the contract on the Contract screen (POST /contracts/reforecast) with its updated estimates,
 * payments per year against the plan, net results and plan against actuals per month, and the
 * progress report as PDF (POST /contracts/reforecast/report).
 */

type Actuals = Schemas['Actuals'];
type Reforecast = Schemas['ReforecastResult'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
}

export function SteeringScreen() {
  const { t, language } = useT();
  const { contract } = useContract();
  const [actuals, setActuals] = useState<Actuals | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [iterations, setIterations] = useState('2000');
  const [seed, setSeed] = useState('1');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Reforecast | null>(null);

  /** A whole number typed in the page's language; what cannot be read falls back to the default (the API checks the range). */
  const wholeOr = (text: string, fallback: number) => {
    const read = readLocaleNumber(text, language);
    return read.ok ? Math.round(read.value) : fallback;
  };
  const request = () => ({
    contract,
    actuals,
    settings: { iterations: wholeOr(iterations, 2000), seed: wholeOr(seed, 1) },
  });

  async function readFile(file: File) {
    setProblem(null);
    setActuals(null);
    setResult(null);
    const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
    try {
      const body = await file.arrayBuffer();
      const answer = await api(
        client.POST('/contracts/actuals/import', {
          body: body as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'content-type': type },
        }),
      );
      setActuals(answer.actuals);
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  async function reforecast() {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await api(client.POST('/contracts/reforecast', { body: request() as never })));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  async function report() {
    try {
      const blob = await api(client.POST('/contracts/reforecast/report', { params: { query: { format: 'pdf', lang: language } }, body: request() as never, parseAs: 'blob' }));
      saveBlob(blob as Blob, language === 'nl' ? 'voortgangsrapportage.pdf' : 'progress-report.pdf');
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  return (
    <section aria-labelledby="steering-heading" class="steering-screen">
      <h2 id="steering-heading">{t.steering.heading}</h2>
      <p class="hint">{t.steering.intro}</p>
      <p>
        {t.steering.template}:{' '}
        <a href={`/contracts/actuals/template?format=xlsx&lang=${language}`}>xlsx</a>{' '}
        <a href={`/contracts/actuals/template?format=csv&lang=${language}`}>CSV</a>
      </p>
      <label class="field">
        <span>{t.steering.file}</span>
        <input id="actuals-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void readFile(file);
        }} />
      </label>
      {actuals && <p id="actuals-read" role="status">{t.steering.read(formatCount(actuals.months.length, language), String(actuals.asOfMonth))}</p>}
      <div class="run-settings">
        <label class="field">
          <span>{t.steering.iterations}</span>
          <input inputMode="numeric" value={iterations} onInput={(e) => setIterations((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t.steering.seed}</span>
          <input inputMode="numeric" value={seed} onInput={(e) => setSeed((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <p>
        <button type="button" id="reforecast-run" disabled={busy} onClick={() => void reforecast()}>
          {busy ? t.steering.running : t.steering.run}
        </button>{' '}
        {result && (
          <button type="button" onClick={() => void report()}>
            {t.steering.report}
          </button>
        )}
      </p>
      {problem && (
        <div class="problem" role="alert" id="steering-problem">
          <p>{problem.detail ?? problem.title}</p>
          <ul>
            {problem.errors.map((e) => (
              <li key={e.path}>{explainProblem(e.message, language)}</li>
            ))}
          </ul>
        </div>
      )}
      {result && <ReforecastView result={result} />}
    </section>
  );
}

function ReforecastView({ result }: { result: Reforecast }) {
  const { t, language } = useT();
  const euro = (v: number | null | undefined) => formatEuro(v ?? null, language);
  const pct = (v: number) => formatPercent(v, language, 2);
  return (
    <div id="reforecast-result">
      <p>{t.steering.ess(formatCount(Math.round(result.inference.effectiveSampleSize), language), formatCount(result.inference.priorDraws, language))}</p>
      <ul class="notes">
        {result.inference.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {result.updatedInputs.length > 0 && (
        <>
          <h3>{t.steering.estimates}</h3>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t.steering.input}</th>
                  <th class="number">{t.steering.prior}</th>
                  <th class="number">{t.steering.posterior}</th>
                  <th class="number">{t.steering.shift}</th>
                </tr>
              </thead>
              <tbody>
                {result.updatedInputs.map((u) => (
                  <tr key={u.path}>
                    <td>{u.path}</td>
                    <td class="number">{`${pct(u.prior.mean)} (${pct(u.prior.p5)} – ${pct(u.prior.p95)})`}</td>
                    <td class="number">{`${pct(u.posterior.mean)} (${pct(u.posterior.p5)} – ${pct(u.posterior.p95)})`}</td>
                    <td class="number">{u.shiftInPriorSds === null ? '–' : new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(u.shiftInPriorSds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>{t.steering.forecast}</h3>
      <div class="table-scroll">
        <table id="reforecast-yearly">
          <thead>
            <tr>
              <th>{t.steering.year}</th>
              <th class="number">{t.steering.budget}</th>
              <th class="number">{t.steering.paid}</th>
              <th class="number">{t.steering.plan}</th>
              <th class="number">{t.steering.now}</th>
            </tr>
          </thead>
          <tbody>
            {result.yearly.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td class="number">{y.budget === null ? '–' : euro(y.budget)}</td>
                <td class="number">{euro(y.paidSoFar)}</td>
                <td class="number">{`${euro(y.plan.p10)} / ${euro(y.plan.p50)} / ${euro(y.plan.p90)}`}</td>
                <td class="number">{`${euro(y.forecast.p10)} / ${euro(y.forecast.p50)} / ${euro(y.forecast.p90)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t.steering.capsChance(formatChance(result.caps.chanceCapsBindPlan, language), formatChance(result.caps.chanceCapsBindForecast, language))}</p>
      <table>
        <thead>
          <tr>
            <th>{t.steering.net}</th>
            <th class="number">{t.steering.plan}</th>
            <th class="number">{t.steering.now}</th>
            <th class="number">{t.steering.change}</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              [t.steering.municipality, result.netResult.municipality],
              [t.steering.provider, result.netResult.provider],
            ] as const
          ).map(([label, row]) => (
            <tr key={label}>
              <td>{label}</td>
              <td class="number">{euro(row.plan)}</td>
              <td class="number">{euro(row.forecast)}</td>
              <td class="number">{euro(row.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.planVersusActual.months.length > 0 && (
        <>
          <h3>{t.steering.planVsActual}</h3>
          <div class="table-scroll">
            <table id="plan-versus-actual">
              <thead>
                <tr>
                  <th>{t.steering.month}</th>
                  <th class="number">{t.steering.jobStarts}</th>
                  <th class="number">{t.steering.band}</th>
                  <th class="number">{t.steering.inWork}</th>
                  <th class="number">{t.steering.band}</th>
                </tr>
              </thead>
              <tbody>
                {result.planVersusActual.months.map((m) => (
                  <tr key={m.month}>
                    <td>{m.label}</td>
                    <td class="number">
                      {formatCount(m.jobStarts.actual, language)}
                      {m.jobStarts.outsideBand && <strong title={t.steering.outside}> *</strong>}
                    </td>
                    <td class="number">{`${formatCount(m.jobStarts.planP10, language)} – ${formatCount(m.jobStarts.planP90, language)}`}</td>
                    <td class="number">
                      {formatCount(m.inWork.actual, language)}
                      {m.inWork.outsideBand && <strong title={t.steering.outside}> *</strong>}
                    </td>
                    <td class="number">{`${formatCount(m.inWork.planP10, language)} – ${formatCount(m.inWork.planP90, language)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">* {t.steering.outside}</p>
        </>
      )}
    </div>
  );
}

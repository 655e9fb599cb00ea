import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { API_KEY_CHANGED, api, client, ApiProblem, type Schemas } from '../../api/client.js';
import { DownloadLinks, saveBlob } from '../../components/download-links.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { FieldErrorsContext } from '../../errors/field-errors.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { matchProblemsToFields } from '../../errors/problem-paths.js';
import { useT } from '../../i18n/i18n.js';
import type { Messages } from '../../i18n/nl.js';
import { formatPercent } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';
import { replaceFund, useFund, type FundState, type Portfolio } from '../../state/fund-store.js';
import { FundEditor, layerKindLabel } from './fund-editor.js';
import { strategyFigures, type ComparisonResult, type StrategyFigures } from './fund-figures.js';
import { FundResults } from './fund-results.js';
import { emptyFund } from './empty-fund.js';
import './fund.css';

/**
 * The fund screen (#/fund) for an impact-fund analyst: load a fund preset (GET /presets, kind
 * portfolio; GET /presets/{id} gives the fund and its alternative strategies) or start a new fund,
 * edit it in forms, compare strategies on common random numbers (POST /portfolios/compare with
 * settings: one Monte Carlo job, progress from GET /simulations/{id}) and read per capital layer the
 * return, the chance of loss and the loss distribution, with jobs and avoided costs per euro, side
 * by side. The fund report (POST /reports, model kind portfolio) uses the same strategies, seed and
 * iterations, so its figures are the page's.
 */

type PresetItem = Schemas['PresetListItem'];
type PortfolioScenario = Schemas['PortfolioScenario'];
type SimulationJob = Schemas['SimulationJob'];
type ReportRequest = Schemas['ReportRequest'];

export interface StrategyOption {
  key: string;
  name: string;
  description: string;
  portfolio: Portfolio;
}

/** The strategies on offer: the preset's fund and its alternatives as published, and the fund as edited here. */
export function strategyOptions(fund: FundState, t: Messages): StrategyOption[] {
  const options: StrategyOption[] = [];
  if (fund.preset !== null) {
    options.push({ key: 'preset', name: fund.preset.portfolio.name, description: t.fund.asPublished, portfolio: fund.preset.portfolio });
    fund.preset.strategies.forEach((s, i) => options.push({ key: `alt${i}`, name: s.name, description: s.description, portfolio: s.portfolio }));
  }
  if (fund.portfolio !== null && (fund.preset === null || fund.edited)) {
    const taken = new Set(options.map((o) => o.name));
    let name = fund.preset === null ? fund.portfolio.name : t.fund.editedName(fund.portfolio.name);
    while (taken.has(name)) name += ' *';
    options.push({ key: 'edited', name, description: t.fund.editedDescription, portfolio: fund.portfolio });
  }
  return options;
}

/** The API's paths for the edited strategy, within the fund ("strategies[2].portfolio.fund.layers[0].amount" → "fund.layers[0].amount"). */
function withinEdited(problem: ApiProblem, request: 'compare' | 'simulation' | 'report', editedIndex: number): { path: string; message: string }[] {
  const prefixes =
    request === 'compare'
      ? [`strategies[${editedIndex}].portfolio`]
      : request === 'simulation'
        ? ['model.portfolio']
        : editedIndex === 0 ? ['model.portfolio'] : [`model.strategies[${editedIndex - 1}].portfolio`];
  return problem.errors.map((e) => {
    for (const prefix of prefixes) if (e.path.startsWith(prefix + '.')) return { path: e.path.slice(prefix.length + 1), message: e.message };
    return { path: `(other) ${e.path}`, message: e.message };
  });
}

export function FundScreen() {
  const { t, language } = useT();
  const fund = useFund();
  const [status, setStatus] = useState('');
  const [problem, setProblemState] = useState<{ problem: ApiProblem; errors: { path: string; message: string }[] } | null>(null);
  const registered = useRef(new Map<string, number>());
  const [registryVersion, setRegistryVersion] = useState(0);
  // As in the app shell: fields register their path once; a batch of registrations re-matches once.
  const bumpScheduled = useRef(false);
  const register = useCallback((path: string) => {
    registered.current.set(path, (registered.current.get(path) ?? 0) + 1);
    if (!bumpScheduled.current) {
      bumpScheduled.current = true;
      queueMicrotask(() => {
        bumpScheduled.current = false;
        setRegistryVersion((v) => v + 1);
      });
    }
    return () => {
      const n = (registered.current.get(path) ?? 1) - 1;
      if (n <= 0) registered.current.delete(path);
      else registered.current.set(path, n);
    };
  }, []);
  const matched = useMemo(() => matchProblemsToFields(problem?.errors ?? [], registered.current.keys()), [problem, registryVersion]);
  const setProblem = (next: ApiProblem | null) => setProblemState(next === null ? null : { problem: next, errors: next.errors.map((e) => ({ path: `(other) ${e.path}`, message: e.message })) });

  return (
    <FieldErrorsContext.Provider value={{ problem: problem?.problem ?? null, matched, register, setProblem }}>
      <section aria-labelledby="fund-heading" class="fund-screen">
        <h2 id="fund-heading">{t.fund.heading}</h2>
        <p class="hint">{t.fund.intro}</p>
        <FundStart onStatus={setStatus} onProblem={setProblem} />
        <p id="fund-status" class="status" role="status" aria-live="polite">
          {status}
        </p>
        {fund.preset ? <PresetAbout fund={fund} /> : null}
        <FundEditor />
        {fund.portfolio ? (
          <FundComparison
            onProblem={(p, request, editedIndex) =>
              setProblemState(p === null ? null : { problem: p, errors: editedIndex < 0 ? p.errors.map((e) => ({ path: `(other) ${e.path}`, message: e.message })) : withinEdited(p, request, editedIndex) })
            }
          />
        ) : null}
        {problem && matched.unmatched.length ? (
          <div class="problems" role="alert" id="fund-problems">
            <strong>{problem.problem.status === 0 ? t.problems.unreachable : t.problems.refused}</strong>
            <ul>
              {matched.unmatched.map((e) => (
                <li key={e.apiPath}>
                  <code>{e.apiPath.replace(/^\(other\) /, '')}</code>: {explainProblem(e.message, language)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </FieldErrorsContext.Provider>
  );
}

function PresetAbout({ fund }: { fund: FundState }) {
  const { t } = useT();
  const preset = fund.preset!;
  return (
    <details class="about">
      <summary>{t.fund.aboutPreset(preset.title)}</summary>
      {preset.summary ? <p>{preset.summary}</p> : null}
      {preset.assumptions ? <p class="hint">{preset.assumptions}</p> : null}
      {preset.sources?.length ? (
        <ul class="sources">
          {preset.sources.map((s) => (
            <li key={s.label}>{s.url ? <a href={s.url}>{s.label}</a> : s.label}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

/** Start from a fund preset or a new fund. */
function FundStart({ onStatus, onProblem }: { onStatus: (text: string) => void; onProblem: (p: ApiProblem | null) => void }) {
  const { t } = useT();
  const fund = useFund();
  const [presets, setPresets] = useState<PresetItem[] | null>(null);
  const [chosen, setChosen] = useState(fund.preset?.id ?? '');
  useEffect(() => {
    const load = () =>
      api(client.GET('/presets'))
        .then((all) => setPresets(all.filter((p) => p.kind === 'portfolio')))
        .catch((error) => {
          setPresets([]);
          onProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
        });
    void load();
    addEventListener(API_KEY_CHANGED, load);
    return () => removeEventListener(API_KEY_CHANGED, load);
  }, []);
  const pick = async (id: string) => {
    setChosen(id);
    if (!id) return;
    onStatus(t.fund.loading);
    try {
      const preset = (await api(client.GET('/presets/{id}', { params: { path: { id } } }))) as PortfolioScenario;
      replaceFund(structuredClone(preset.portfolio), {
        id: preset.id,
        title: preset.title,
        summary: preset.summary,
        assumptions: preset.assumptions,
        sources: preset.sources,
        portfolio: preset.portfolio,
        strategies: preset.strategies,
      });
      onProblem(null);
      onStatus(t.fund.presetLoaded(preset.title, preset.strategies.length));
    } catch (error) {
      onProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
    }
  };
  return (
    <div class="toolbar start">
      <label for="fund-preset">{t.fund.preset}</label>
      <select id="fund-preset" value={chosen} onChange={(e) => void pick((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{presets === null ? t.fund.presetLoading : t.fund.presetChoose}</option>
        {(presets ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        id="empty-fund"
        onClick={() => {
          setChosen('');
          replaceFund(emptyFund(t), null);
          onProblem(null);
          onStatus(t.fund.emptyDone);
        }}
      >
        {t.fund.empty}
      </button>
    </div>
  );
}

interface Comparison {
  figures: StrategyFigures[];
  strategies: StrategyOption[];
  seed: number;
  iterations: number;
  revision: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function FundComparison({ onProblem }: { onProblem: (p: ApiProblem | null, request: 'compare' | 'simulation' | 'report', editedIndex: number) => void }) {
  const { t, language } = useT();
  const fund = useFund();
  const options = strategyOptions(fund, t);
  const [selected, setSelected] = useState<string[]>([]);
  const [iterations, setIterations] = useState(2000);
  const [seed, setSeed] = useState(2026);
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [count, setCount] = useState(0);
  const cancel = useRef<string | null>(null);

  // A new preset selects its fund and first alternative; the edited fund is added once it exists.
  const presetId = fund.preset?.id ?? null;
  useEffect(() => setSelected(options.slice(0, 2).map((o) => o.key)), [presetId]);
  const hasEdited = options.some((o) => o.key === 'edited');
  useEffect(() => {
    if (hasEdited) setSelected((s) => (s.includes('edited') ? s : [...s, 'edited']));
  }, [hasEdited]);

  const chosen = options.filter((o) => selected.includes(o.key));
  const editedIndex = chosen.findIndex((o) => o.key === 'edited');

  const compare = async () => {
    if (running || chosen.length === 0) return;
    setRunning(true);
    setStatus(t.fund.comparing(chosen.length));
    onProblem(null, 'compare', -1);
    try {
      // POST /portfolios/compare takes two or more strategies; one strategy alone is POST /simulations of that fund.
      const settings = { seed, iterations };
      let job: SimulationJob | null =
        chosen.length > 1
          ? ((await api(
              client.POST('/portfolios/compare', { body: { strategies: chosen.map((o) => ({ name: o.name, portfolio: o.portfolio })), settings }, headers: { Prefer: 'wait=2' } }),
            )) as Schemas['PortfolioComparisonResponse']).simulation
          : ((await api(
              client.POST('/simulations', { body: { model: { kind: 'portfolio', portfolio: chosen[0].portfolio }, settings } as Schemas['SimulationRequest'], headers: { Prefer: 'wait=2' } }),
            )) as SimulationJob);
      while (job !== null && (job.status === 'queued' || job.status === 'running')) {
        cancel.current = job.id;
        setStatus(t.fund.progress(formatPercent(job.progress.fraction, language, 0)));
        await sleep(700);
        job = await api(client.GET('/simulations/{id}', { params: { path: { id: job.id } } }));
      }
      cancel.current = null;
      if (job === null || job.status !== 'succeeded') {
        setStatus(job?.status === 'cancelled' ? t.fund.cancelled : t.fund.failed(job?.reason ?? ''));
        return;
      }
      const done = (job as SimulationJob & { result: unknown }).result;
      const result: ComparisonResult =
        chosen.length > 1 ? (done as ComparisonResult) : { variants: [{ name: chosen[0].name, result: done as Schemas['SimulationResult'] }], differences: [] };
      const portfolios = new Map(chosen.map((o) => [o.name, o.portfolio]));
      setComparison({ figures: strategyFigures(result, portfolios, (k) => layerKindLabel(t, k)), strategies: chosen, seed, iterations, revision: fund.revision });
      setCount((n) => n + 1);
      setStatus(t.fund.compared(chosen.length, iterations, seed));
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
      onProblem(problem, chosen.length > 1 ? 'compare' : 'simulation', editedIndex);
      setStatus(t.fund.refused);
    } finally {
      setRunning(false);
    }
  };

  const stop = async () => {
    if (cancel.current === null) return;
    await client.POST('/simulations/{id}/cancel', { params: { path: { id: cancel.current } } }).catch(() => undefined);
  };

  const download = async (format: string) => {
    if (comparison === null) return;
    const [first, ...rest] = comparison.strategies;
    const body = {
      model: { kind: 'portfolio', portfolio: first.portfolio, strategies: rest.map((s) => ({ name: s.name, description: s.description, portfolio: s.portfolio })) },
      settings: { seed: comparison.seed, iterations: comparison.iterations },
      language: reportLanguage,
      format,
    } as ReportRequest;
    setStatus(t.fund.making);
    try {
      const { data, error, response } = await client.POST('/reports', { body, parseAs: 'blob' });
      if (!response.ok || data === undefined) throw ApiProblem.fromBody(response.status, error instanceof Blob ? JSON.parse(await error.text()) : error);
      const name = `fondsrapport.${format}`;
      saveBlob(data as Blob, name);
      setStatus(t.fund.downloaded(name));
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
      onProblem(problem, 'report', comparison.strategies.findIndex((s) => s.key === 'edited'));
      setStatus(t.fund.refused);
    }
  };

  const stale = comparison !== null && comparison.revision !== fund.revision;
  return (
    <section aria-labelledby="compare-heading" class="fund-compare" data-comparisons={count}>
      <h3 id="compare-heading">{t.fund.compareHeading}</h3>
      <fieldset class="choice strategies">
        <legend>{t.fund.strategies}</legend>
        {options.map((o, i) => (
          <label key={o.key} class="strategy-option">
            <input
              type="checkbox"
              id={`strategy-${i}`}
              data-strategy-key={o.key}
              checked={selected.includes(o.key)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setSelected((s) => (on ? [...s, o.key] : s.filter((k) => k !== o.key)));
              }}
            />{' '}
            <strong>{o.name}</strong> <span class="hint">{o.description}</span>
          </label>
        ))}
      </fieldset>
      <div class="run-settings">
        <label>
          {t.fund.iterations}
          <LocaleNumberInput id="fund-iterations" value={iterations} onValue={(v) => v !== undefined && setIterations(v)} onRefusal={() => undefined} integer />
        </label>
        <label>
          {t.fund.seed}
          <LocaleNumberInput id="fund-seed" value={seed} onValue={(v) => v !== undefined && setSeed(v)} onRefusal={() => undefined} integer grouping={false} />
        </label>
        <button type="button" id="compare" class="primary" disabled={running || chosen.length === 0} onClick={() => void compare()}>
          {t.fund.compare}
        </button>
        {running ? (
          <button type="button" id="compare-cancel" onClick={() => void stop()}>
            {t.fund.cancel}
          </button>
        ) : null}
      </div>
      <p id="compare-status" class="status" role="status" aria-live="polite">
        {chosen.length === 0 ? t.fund.chooseStrategy : status}
      </p>
      {stale ? <p class="hint">{t.fund.stale}</p> : null}
      {comparison ? (
        <>
          <FundResults figures={comparison.figures} />
          <h4>{t.fund.report}</h4>
          <div class="run-settings">
            <label>
              {t.fund.reportLanguage}
              <select id="fund-report-language" value={reportLanguage} onChange={(e) => setReportLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
                <option value="nl">Nederlands</option>
                <option value="en">English</option>
              </select>
            </label>
          </div>
          <p class="hint">{t.fund.reportHint}</p>
          <DownloadLinks
            downloads={[
              { format: 'html', label: t.results.html },
              { format: 'pdf', label: t.results.pdf },
              { format: 'xlsx', label: t.results.xlsx },
            ]}
            disabled={running}
            onDownload={(format) => void download(format)}
          />
        </>
      ) : null}
    </section>
  );
}

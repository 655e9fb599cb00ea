import { useEffect, useState } from 'preact/hooks';
import { API_KEY_CHANGED, api, apiKey, client, ApiProblem, type Contract, type Schemas } from '../../api/client.js';
import { saveBlob } from '../../components/download-links.js';
import { explainProblem } from '../../errors/explain-problem.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { replaceFund, useFund } from '../../state/fund-store.js';
import { savedRef, setSavedRef, type SavedKind } from '../../state/saved-refs.js';
import { ShareSection, useOpenSharedLink } from './share-section.js';
import './saved.css';

/**
 * Saved (#/saved): with an API key, the contract and the fund on the page are saved as versioned
 * objects of the organisation (POST /contracts, /portfolios; a new version with PUT and If-Match:
 * the version edited, so a newer save by someone else is refused with 412, not overwritten), listed,
 * reopened into their builder, with every version. Runs the API stored for the key are listed with
 * their result download. Without a key: a shareable link (share-section.tsx).
 */

type Summary = Schemas['SavedObjectSummary'];
type VersionSummary = Schemas['SavedObjectVersionSummary'];
type RunSummary = Schemas['RunSummary'];
type SavedContract = Schemas['SavedContract'];
type SavedPortfolio = Schemas['SavedPortfolio'];

const COLLECTION = { contract: '/contracts', portfolio: '/portfolios' } as const;

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
}

export function SavedScreen() {
  const { t } = useT();
  const [status, setStatus] = useState('');
  const [key, setKey] = useState(apiKey());
  useOpenSharedLink(setStatus);
  useEffect(() => {
    const onKey = () => setKey(apiKey());
    addEventListener(API_KEY_CHANGED, onKey);
    return () => removeEventListener(API_KEY_CHANGED, onKey);
  }, []);
  return (
    <section aria-labelledby="saved-heading" class="saved-screen">
      <h2 id="saved-heading">{t.saved.heading}</h2>
      <p id="saved-status" class="status" role="status" aria-live="polite">
        {status}
      </p>
      {key ? <StoreSection key={key} onStatus={setStatus} /> : <p class="hint" id="saved-no-key">{t.saved.noKey}</p>}
      <ShareSection />
    </section>
  );
}

function StoreSection({ onStatus }: { onStatus: (text: string) => void }) {
  const { t, language } = useT();
  const { contract, replace } = useContract();
  const fund = useFund();
  const [lists, setLists] = useState<Record<SavedKind, Summary[] | null>>({ contract: null, portfolio: null });
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [versions, setVersions] = useState<Record<string, VersionSummary[]>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [, setTick] = useState(0);

  const load = async () => {
    try {
      const [contracts, portfolios, runPage] = await Promise.all([
        api(client.GET('/contracts', { params: { query: { limit: 50 } } })),
        api(client.GET('/portfolios', { params: { query: { limit: 50 } } })),
        api(client.GET('/runs', { params: { query: { limit: 50 } } })),
      ]);
      setLists({ contract: contracts.items, portfolio: portfolios.items });
      setRuns(runPage.items);
      setProblem(null);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  useEffect(() => void load(), []);

  const save = async (kind: SavedKind, asNew: boolean) => {
    const document = kind === 'contract' ? contract : fund.portfolio;
    if (document === null) return;
    const ref = savedRef(kind);
    try {
      let saved: SavedContract | SavedPortfolio;
      if (ref !== null && !asNew) {
        const options = { params: { path: { id: ref.id }, header: { 'if-match': `"${ref.version}"` } } };
        saved =
          kind === 'contract'
            ? await api(client.PUT('/contracts/{id}', { ...options, body: document as Contract }))
            : await api(client.PUT('/portfolios/{id}', { ...options, body: document as Schemas['Portfolio'] }));
      } else {
        saved =
          kind === 'contract'
            ? await api(client.POST('/contracts', { body: document as Contract }))
            : await api(client.POST('/portfolios', { body: document as Schemas['Portfolio'] }));
      }
      setSavedRef(kind, { id: saved.id, version: saved.version, name: saved.name });
      onStatus(t.saved.savedAs(saved.name, saved.version));
      setTick((n) => n + 1);
      await load();
      if (versions[saved.id]) await showVersions(kind, saved.id);
    } catch (error) {
      const p = asProblem(error);
      setProblem(p);
      onStatus(p.status === 412 ? t.saved.stale : t.saved.saveRefused);
    }
  };

  const open = async (kind: SavedKind, id: string, version?: number) => {
    try {
      const saved =
        kind === 'contract'
          ? version === undefined
            ? await api(client.GET('/contracts/{id}', { params: { path: { id } } }))
            : await api(client.GET('/contracts/{id}/versions/{version}', { params: { path: { id, version: String(version) } } }))
          : version === undefined
            ? await api(client.GET('/portfolios/{id}', { params: { path: { id } } }))
            : await api(client.GET('/portfolios/{id}/versions/{version}', { params: { path: { id, version: String(version) } } }));
      if (saved.kind === 'contract') {
        replace((saved as SavedContract).contract, null);
        location.hash = '#/contract';
      } else {
        replaceFund((saved as SavedPortfolio).portfolio, null);
        location.hash = '#/fund';
      }
      // An older version reopened is edited on top of the current one: the next save is version current + 1.
      const current = (kind === 'contract' ? lists.contract : lists.portfolio)?.find((s) => s.id === id)?.version ?? saved.version;
      setSavedRef(kind, { id, version: current, name: saved.name });
      onStatus(t.saved.opened(saved.name, saved.version));
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  const showVersions = async (kind: SavedKind, id: string) => {
    try {
      const page =
        kind === 'contract'
          ? await api(client.GET('/contracts/{id}/versions', { params: { path: { id } } }))
          : await api(client.GET('/portfolios/{id}/versions', { params: { path: { id } } }));
      setVersions((v) => ({ ...v, [id]: page.items }));
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  const downloadRun = async (run: RunSummary) => {
    try {
      const response = await fetch(run.links.result, { headers: { authorization: `Bearer ${apiKey()}` } });
      if (!response.ok) throw ApiProblem.fromBody(response.status, await response.json().catch(() => null));
      const name = `run-${run.id}.json`;
      saveBlob(await response.blob(), name);
      onStatus(t.saved.downloaded(name));
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const saveBlock = (kind: SavedKind) => {
    const document = kind === 'contract' ? contract : fund.portfolio;
    const ref = savedRef(kind);
    const name = (document as { name?: string } | null)?.name ?? '';
    return (
      <div class="save-block" data-kind={kind}>
        <h4>{kind === 'contract' ? t.saved.contractHeading : t.saved.fundHeading}</h4>
        {document === null ? (
          <p class="hint">{kind === 'contract' ? t.saved.noContract : t.saved.noFund}</p>
        ) : (
          <>
            <p>{ref ? t.saved.current(name, ref.name, ref.version) : t.saved.unsaved(name)}</p>
            <div class="toolbar">
              {ref ? (
                <button type="button" id={`save-${kind}-version`} class="primary" onClick={() => void save(kind, false)}>
                  {t.saved.saveVersion(ref.name, ref.version + 1)}
                </button>
              ) : null}
              <button type="button" id={`save-${kind}`} class={ref ? undefined : 'primary'} onClick={() => void save(kind, true)}>
                {t.saved.saveNew}
              </button>
            </div>
          </>
        )}
      </div>
    );
  };

  const list = (kind: SavedKind) => {
    const items = lists[kind];
    return (
      <div class="saved-list" id={kind === 'contract' ? 'saved-contracts' : 'saved-portfolios'}>
        <h4>{kind === 'contract' ? t.saved.contractsList : t.saved.fundsList}</h4>
        {items === null ? (
          <p class="hint">{t.saved.loading}</p>
        ) : items.length === 0 ? (
          <p class="hint">{t.saved.none}</p>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={item.id} data-id={item.id} data-version={item.version}>
                <strong>{item.name}</strong> <span class="hint">{t.saved.versionAt(item.version, when(item.updatedAt))}</span>
                <div class="toolbar">
                  <button type="button" data-open={item.id} onClick={() => void open(kind, item.id)}>
                    {t.saved.open}
                  </button>
                  <button type="button" data-versions={item.id} onClick={() => void showVersions(kind, item.id)}>
                    {t.saved.versions}
                  </button>
                </div>
                {versions[item.id] ? (
                  <ol class="versions" aria-label={t.saved.versionsOf(item.name)}>
                    {versions[item.id].map((v) => (
                      <li key={v.version} data-version={v.version}>
                        {t.saved.versionLine(v.version, v.name, when(v.savedAt))}{' '}
                        <button type="button" data-open-version={`${item.id}/${v.version}`} onClick={() => void open(kind, item.id, v.version)}>
                          {t.saved.openVersion(v.version)}
                        </button>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="store-heading" class="store">
      <h3 id="store-heading">{t.saved.storeHeading}</h3>
      {problem ? (
        <div class="problems" role="alert" id="saved-problem">
          <strong>{problem.status === 0 ? t.problems.unreachable : problem.status === 401 ? t.saved.keyRefused : problem.title}</strong>
          {problem.detail ? <p>{problem.detail}</p> : null}
          <ul>
            {problem.errors.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code>: {explainProblem(e.message, language)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="grid">
        {saveBlock('contract')}
        {saveBlock('portfolio')}
      </div>
      <div class="grid">
        {list('contract')}
        {list('portfolio')}
      </div>
      <div class="saved-list" id="saved-runs">
        <h4>{t.saved.runs}</h4>
        <p class="hint">{t.saved.runsHint}</p>
        {runs === null ? (
          <p class="hint">{t.saved.loading}</p>
        ) : runs.length === 0 ? (
          <p class="hint">{t.saved.noRuns}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t.saved.runs}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.saved.runKind}</th>
                  <th scope="col">{t.saved.runStatus}</th>
                  <th scope="col">{t.saved.runSeed}</th>
                  <th scope="col">{t.saved.runCreated}</th>
                  <th scope="col">{t.saved.runResult}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} data-run={run.id}>
                    <td>{t.saved.runKinds[run.kind]}</td>
                    <td>{t.saved.runStatuses[run.status]}</td>
                    <td>{run.seed ?? '–'}</td>
                    <td>{when(run.createdAt)}</td>
                    <td>
                      {run.status === 'succeeded' ? (
                        <button type="button" data-run-result={run.id} onClick={() => void downloadRun(run)}>
                          {t.saved.downloadResult}
                        </button>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

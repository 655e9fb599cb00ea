import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { API_KEY_CHANGED, setApiKey, apiKey, type ApiProblem, type Contract, type ReportDocument } from './api/client.js';
import { FieldErrorsContext } from './errors/field-errors.js';
import { matchProblemsToFields } from './errors/problem-paths.js';
import { LanguageContext, MESSAGES, rememberLanguage, storedLanguage, useT } from './i18n/i18n.js';
import type { Language } from './numbers/locale.js';
import { SCREENS, DEFAULT_ROUTE } from './screens/screens.js';
import { ContractContext, type PresetAbout } from './state/contract-store.js';
import { pathText, setAt, type FieldPath } from './state/paths.js';
import { RunContext } from './state/run-store.js';
import './styles/app.css';

/**
 * The app shell: header with the language switch and the API key, navigation between the screens
 * (hash routes, see screens/screens.ts), and the shared state every screen reads (language,
 * contract, last run, the API's last refusal spread over the fields).
 */

function routeOf(hash: string): string {
  const route = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return SCREENS.some((s) => s.route === route) ? route : DEFAULT_ROUTE;
}

function useHashRoute(): string {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    // Only "#/…" is a route; "#main" (the skip link) moves focus within the current screen.
    const onHash = () => {
      if (location.hash === '' || location.hash.startsWith('#/')) setRoute(routeOf(location.hash));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

function Header() {
  const { t, language, setLanguage } = useT();
  const [key, setKey] = useState(apiKey);
  return (
    <header class="app-header">
      <div class="brand">
        <h1>{t.app.title}</h1>
        <p class="tagline">{t.app.tagline}</p>
      </div>
      <div class="header-controls">
        <label class="compact">
          <span>{t.app.language}</span>
          <select id="language" value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
            <option value="nl" lang="nl">
              Nederlands
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
        <label class="compact">
          <span>{t.app.apiKey}</span>
          <input
            id="api-key"
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={key}
            title={t.app.apiKeyHint}
            onChange={(e) => {
              const next = (e.currentTarget as HTMLInputElement).value;
              setKey(next);
              setApiKey(next);
              // Screens that loaded something without a key (refused) load it again.
              dispatchEvent(new Event(API_KEY_CHANGED));
            }}
          />
        </label>
        <a href="/docs">{t.app.docs}</a>
      </div>
    </header>
  );
}

function Navigation({ route }: { route: string }) {
  const { t } = useT();
  return (
    <nav class="app-nav" aria-label={t.app.navigation}>
      <ul>
        {SCREENS.map((s) => (
          <li key={s.route}>
            <a href={`#/${s.route}`} aria-current={s.route === route ? 'page' : undefined} data-route={s.route}>
              {t.nav[s.nav]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function App() {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = MESSAGES[language].app.title;
  }, [language]);

  const [contractState, setContractState] = useState<{ contract: Contract | null; about: PresetAbout | null; revision: number; edited: readonly string[] }>({
    contract: null,
    about: null,
    revision: 0,
    edited: [],
  });
  const update = useCallback(
    (path: FieldPath, value: unknown) =>
      setContractState((s) => {
        const text = pathText(path);
        return { ...s, contract: setAt(s.contract, path, value), revision: s.revision + 1, edited: s.edited.includes(text) ? s.edited : [...s.edited, text] };
      }),
    [],
  );
  const replace = useCallback(
    (contract: Contract | null, about: PresetAbout | null) => setContractState((s) => ({ contract, about, revision: s.revision + 1, edited: [] })),
    [],
  );

  const [run, setRun] = useState<{ report: ReportDocument | null; request: Record<string, unknown> | null; revision: number }>({ report: null, request: null, revision: -1 });
  const setRunState = useCallback((next: { report: ReportDocument; request: Record<string, unknown>; revision: number } | null) => setRun(next ?? { report: null, request: null, revision: -1 }), []);

  const registered = useRef(new Map<string, number>());
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  // Fields mount after a refusal too (the run was refused on the results screen, the user opens the
  // contract): each batch of registrations re-matches the problems once.
  const [registryVersion, setRegistryVersion] = useState(0);
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

  const route = useHashRoute();
  const screen = SCREENS.find((s) => s.route === route)!;
  const Component = screen.Component;
  return (
    <LanguageContext.Provider value={{ language, setLanguage }}>
      <ContractContext.Provider value={{ ...contractState, update, replace }}>
        <RunContext.Provider value={{ ...run, set: setRunState }}>
          <FieldErrorsContext.Provider value={{ problem, matched, register, setProblem }}>
            <Header />
            <Navigation route={route} />
            <main id="main" class="app-main" data-screen={route}>
              {Component ? <Component /> : <ComingSoon />}
            </main>
          </FieldErrorsContext.Provider>
        </RunContext.Provider>
      </ContractContext.Provider>
    </LanguageContext.Provider>
  );
}

function ComingSoon() {
  const { t } = useT();
  return <p class="coming-soon">{t.app.comingSoon}</p>;
}

const root = document.getElementById('app')!;
// The "loading" text in index.html is for browsers without JavaScript; Preact renders into an empty root.
root.textContent = '';
render(<App />, root);

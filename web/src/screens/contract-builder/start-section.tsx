import { useEffect, useState } from 'preact/hooks';
import { API_KEY_CHANGED, api, client, ApiProblem, type Contract, type Schemas } from '../../api/client.js';
import { useFieldErrors } from '../../errors/field-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { emptyContract } from './empty-contract.js';

type PresetSummary = Schemas['PresetSummary'];

/** The contract presets of GET /presets (fund presets are the fund screen's), once per page. */
let presetCache: Promise<PresetSummary[]> | null = null;

/** Start from a contract preset (GET /presets, kind contract; GET /presets/{id}) or from an empty contract. */
export function StartSection({ onStatus }: { onStatus: (text: string) => void }) {
  const { t } = useT();
  const { replace } = useContract();
  const { setProblem } = useFieldErrors();
  const [presets, setPresets] = useState<PresetSummary[] | null>(null);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    // Loaded once per page (the list does not change while it is open) and again when an API key
    // is typed. Only a reload after a refusal clears the problem shown: on a plain return to this
    // screen the shown problem may be a refused run's, which the fields below must keep.
    const load = (afterKey: boolean) =>
      (presetCache ?? api(client.GET('/presets')).then((all) => (all as { kind: string }[]).filter((p): p is PresetSummary => p.kind === 'contract')))
        .then((contractPresets) => {
          presetCache = Promise.resolve(contractPresets);
          setPresets(contractPresets);
          if (afterKey) setProblem(null);
        })
        .catch((error) => {
          presetCache = null;
          setPresets([]);
          setProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
        });
    void load(false);
    const reload = () => {
      presetCache = null;
      void load(true);
    };
    addEventListener(API_KEY_CHANGED, reload);
    return () => removeEventListener(API_KEY_CHANGED, reload);
  }, []);

  const pick = async (id: string) => {
    setChosen(id);
    if (!id) return;
    try {
      const preset = (await api(client.GET('/presets/{id}', { params: { path: { id } } }))) as { id: string; title: string; summary?: string; assumptions?: string; sources?: { label: string; url?: string }[]; contract: Contract };
      replace(preset.contract, { id: preset.id, title: preset.title, summary: preset.summary, assumptions: preset.assumptions, sources: preset.sources });
      setProblem(null);
      onStatus(t.builder.presetLoaded(preset.title));
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
    }
  };

  return (
    <div class="toolbar start">
      <label for="preset">{t.builder.preset}</label>
      <select id="preset" value={chosen} onChange={(e) => void pick((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{presets === null ? t.builder.presetLoading : t.builder.presetChoose}</option>
        {(presets ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        id="empty-contract"
        onClick={() => {
          setChosen('');
          replace(emptyContract(), null);
          setProblem(null);
          onStatus(t.builder.emptyDone);
        }}
      >
        {t.builder.empty}
      </button>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { API_KEY_CHANGED, api, client, ApiProblem, type Contract, type Schemas } from '../../api/client.js';
import { useFieldErrors } from '../../errors/field-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { emptyContract } from './empty-contract.js';

type PresetSummary = Schemas['PresetSummary'];

/** Start from a contract preset (GET /presets, kind contract; GET /presets/{id}) or from an empty contract. */
export function StartSection({ onStatus }: { onStatus: (text: string) => void }) {
  const { t } = useT();
  const { replace } = useContract();
  const { setProblem } = useFieldErrors();
  const [presets, setPresets] = useState<PresetSummary[] | null>(null);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    const load = () =>
      api(client.GET('/presets'))
        .then((all) => {
          // The workbench's contract screen offers the contract presets; fund presets are for the fund screen.
          setPresets((all as { kind: string }[]).filter((p): p is PresetSummary => p.kind === 'contract'));
          setProblem(null);
        })
        .catch((error) => {
          setPresets([]);
          setProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable(error));
        });
    void load();
    addEventListener(API_KEY_CHANGED, load);
    return () => removeEventListener(API_KEY_CHANGED, load);
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

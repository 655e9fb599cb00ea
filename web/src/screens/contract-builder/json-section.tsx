import { useState } from 'preact/hooks';
import type { Contract } from '../../api/client.js';
import { saveBlob } from '../../components/download-links.js';
import { Section } from '../../components/simple-fields.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';

/**
 * The contract as JSON, for experts: shown, copied, downloaded, or pasted back. The text is the
 * document as the API takes it, so a preset's `source` texts on its estimates are in it and survive
 * an export and import.
 */
export function JsonSection() {
  const { t } = useT();
  const { contract, about, replace } = useContract();
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const shown = text ?? JSON.stringify(contract, null, 2);
  return (
    <Section id="section-json" title={t.builder.json}>
      <p class="hint">{t.builder.jsonHint}</p>
      <textarea id="contract-json" rows={14} spellcheck={false} aria-label={t.builder.jsonLabel} value={shown} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="toolbar">
        <button
          type="button"
          id="apply-json"
          onClick={() => {
            try {
              const parsed = JSON.parse(shown) as Contract;
              replace(parsed, about);
              setText(null);
              setMessage(t.builder.jsonTaken);
            } catch (error) {
              setMessage(t.builder.jsonInvalid(error instanceof Error ? error.message : String(error)));
            }
          }}
        >
          {t.builder.jsonImport}
        </button>
        <button
          type="button"
          id="download-json"
          disabled={contract === null}
          onClick={() => saveBlob(new Blob([JSON.stringify(contract, null, 2)], { type: 'application/json' }), `${String((contract as { name?: string } | null)?.name ?? 'contract').replace(/[^\w-]+/g, '-')}.json`)}
        >
          {t.builder.jsonDownload}
        </button>
        <span role="status" class="hint">
          {message}
        </span>
      </div>
    </Section>
  );
}

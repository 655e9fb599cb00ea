import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/i18n.js';
import { formatCount } from '../../numbers/format.js';
import { useContract } from '../../state/contract-store.js';
import { replaceFund, useFund } from '../../state/fund-store.js';
import { setSavedRef } from '../../state/saved-refs.js';
import { decodeShare, SHARE_LINK_LIMIT, ShareLinkError, shareLink, sharePayloadOf, type SharedKind } from '../../state/share-link.js';
import type { Contract, Schemas } from '../../api/client.js';

/**
 * Sharing without an account: a link that holds the contract or the fund (compressed, in the URL's
 * hash: state/share-link.ts), and opening such a link: the page restores the inputs and goes to
 * the builder. A document too large for a link gets a clear message instead of a broken link.
 */
export function ShareSection() {
  const { t, language } = useT();
  const { contract } = useContract();
  const fund = useFund();
  const [link, setLink] = useState<{ kind: SharedKind; url: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const make = async (kind: SharedKind) => {
    const document = kind === 'contract' ? contract : fund.portfolio;
    setCopied(false);
    if (document === null) return;
    try {
      const url = await shareLink(location.origin + location.pathname, { kind, document });
      setLink({ kind, url });
      setMessage(null);
    } catch (error) {
      setLink(null);
      setMessage(
        error instanceof ShareLinkError && error.reason === 'too-long'
          ? t.saved.tooLong(formatCount(error.length, language), formatCount(SHARE_LINK_LIMIT, language))
          : t.saved.shareFailed,
      );
    }
  };

  return (
    <section aria-labelledby="share-heading" class="share">
      <h3 id="share-heading">{t.saved.shareHeading}</h3>
      <p class="hint">{t.saved.shareHint(formatCount(SHARE_LINK_LIMIT, language))}</p>
      <div class="toolbar">
        <button type="button" id="share-contract" disabled={contract === null} onClick={() => void make('contract')}>
          {t.saved.shareContract}
        </button>
        <button type="button" id="share-fund" disabled={fund.portfolio === null} onClick={() => void make('portfolio')}>
          {t.saved.shareFund}
        </button>
      </div>
      {link ? (
        <div class="share-link">
          <label for="share-link">{link.kind === 'contract' ? t.saved.linkContract : t.saved.linkFund}</label>
          <div class="input-row">
            <input id="share-link" class="wide" type="text" readOnly value={link.url} data-length={link.url.length} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
            <button
              type="button"
              id="share-copy"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(link.url)
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              }
            >
              {t.saved.copy}
            </button>
          </div>
          <p class="hint" role="status">
            {copied ? t.saved.copied : t.saved.linkLength(formatCount(link.url.length, language))}
          </p>
        </div>
      ) : null}
      {message ? (
        <p id="share-error" class="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Opens a shared link once: `#/saved?share=c1.…` restores the contract (or `f1.…` the fund) and
 * moves on to its builder; an unreadable link says so and changes nothing.
 */
export function useOpenSharedLink(onMessage: (text: string) => void) {
  const { t } = useT();
  const { replace } = useContract();
  useEffect(() => {
    const open = async () => {
      const payload = sharePayloadOf(location.hash);
      if (payload === null) return;
      try {
        const shared = await decodeShare(payload);
        if (shared.kind === 'contract') {
          replace(shared.document as Contract, null);
          setSavedRef('contract', null);
          location.hash = '#/contract';
        } else {
          replaceFund(shared.document as Schemas['Portfolio'], null);
          setSavedRef('portfolio', null);
          location.hash = '#/fund';
        }
      } catch {
        onMessage(t.saved.linkUnreadable);
      }
    };
    void open();
    addEventListener('hashchange', open);
    return () => removeEventListener('hashchange', open);
  }, []);
}

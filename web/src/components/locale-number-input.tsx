import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/i18n.js';
import { formatInputNumber } from '../numbers/format.js';
import { readLocaleNumber } from '../numbers/parse-locale-number.js';

/**
 * A text box that reads numbers the Dutch (or English) way ("4,5"), never <input type="number">
 * (whose parsing depends on the browser and turned "4,5" into 45). The typed text stays as typed
 * while it reads the same number; a value changed from elsewhere (a preset) is shown afresh.
 * Unreadable text is reported through onRefusal and nothing is sent.
 */
export interface LocaleNumberInputProps {
  id: string;
  /** Value in display units (already scaled: 4.5 for 4.5%). */
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  onRefusal: (message: string | null) => void;
  integer?: boolean;
  /** Empty text means "no value" (undefined) rather than a refusal. */
  allowEmpty?: boolean;
  digits?: number;
  /** Thousands separators in the shown value (off for a seed or a year). */
  grouping?: boolean;
  describedBy?: string;
  ariaLabel?: string;
  invalid?: boolean;
}

/** Equal up to floating-point noise (0.0123 x 100 is 1.2300000000000002). */
function same(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function LocaleNumberInput(props: LocaleNumberInputProps) {
  const { t, language } = useT();
  const [text, setText] = useState(() => formatInputNumber(props.value, language, props.digits ?? 6, props.grouping ?? true));
  const lastSent = useRef<number | undefined>(props.value);
  const lastLanguage = useRef(language);

  // Before paint, so the old separators never show.
  useLayoutEffect(() => {
    // Reformat when the value came from elsewhere or the language (and so the separators) changed.
    if (!same(props.value, lastSent.current) || language !== lastLanguage.current) {
      lastSent.current = props.value;
      lastLanguage.current = language;
      setText(formatInputNumber(props.value, language, props.digits ?? 6, props.grouping ?? true));
      props.onRefusal(null);
    }
  }, [props.value, language]);

  const onInput = (raw: string) => {
    setText(raw);
    const parsed = readLocaleNumber(raw, language);
    if (!parsed.ok) {
      if (parsed.refusal === 'empty' && props.allowEmpty) {
        lastSent.current = undefined;
        props.onRefusal(null);
        props.onValue(undefined);
        return;
      }
      props.onRefusal(t.numbers[parsed.refusal]);
      return;
    }
    if (props.integer && !Number.isInteger(parsed.value)) {
      props.onRefusal(t.numbers.wholeNumber);
      return;
    }
    props.onRefusal(null);
    lastSent.current = parsed.value;
    props.onValue(parsed.value);
  };

  return (
    <input
      id={props.id}
      type="text"
      inputMode={props.integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellcheck={false}
      value={text}
      aria-label={props.ariaLabel}
      aria-describedby={props.describedBy || undefined}
      aria-invalid={props.invalid ? 'true' : undefined}
      onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}

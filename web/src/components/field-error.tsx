import { explainProblem } from '../errors/explain-problem.js';
import type { FieldProblem } from '../errors/problem-paths.js';
import { useT } from '../i18n/i18n.js';

/** The problems of one field, beside it: the field's own label and a sentence in the page's language. */
export function FieldError({ id, label, problems, local }: { id: string; label: string; problems: readonly FieldProblem[]; local?: string | null }) {
  const { t, language } = useT();
  const sentences = [...(local ? [local] : []), ...problems.map((p) => explainProblem(p.message, language))];
  if (sentences.length === 0) return null;
  return (
    <div id={id} class="field-error" role="alert" data-api-paths={problems.map((p) => p.apiPath).join(' ')}>
      {sentences.map((s) => (
        <p key={s}>{t.field.error(label, s)}</p>
      ))}
    </div>
  );
}

export function FieldWarning({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} class="field-warning">
      {text}
    </p>
  );
}

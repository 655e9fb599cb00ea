import { useT } from '../../i18n/i18n.js';

export function ContractBuilder() {
  const { t } = useT();
  return <h2>{t.builder.heading}</h2>;
}

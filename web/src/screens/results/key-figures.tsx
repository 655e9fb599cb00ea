import type { ReportDocument } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { formatChance, formatEuro } from '../../numbers/format.js';

/**
 * The key figures of POST /reports (format json), as the report prints them: each card shows one
 * field of report.keyFigures (data-figure names it, data-value holds the number as received, so a
 * test can hold the page against the API) and a line on its spread.
 */
export function KeyFigures({ report }: { report: ReportDocument }) {
  const { t, language } = useT();
  const k = report.keyFigures;
  const euro = (v: number | null) => formatEuro(v, language);
  const cards: { name: keyof typeof k & string; value: number | null; shown: string; detail: string }[] = [
    { name: 'expectedNetResult', value: k.expectedNetResult, shown: euro(k.expectedNetResult), detail: t.results.between(euro(k.netResultP10), euro(k.netResultP90)) },
    { name: 'chancePaysOff', value: k.chancePaysOff, shown: formatChance(k.chancePaysOff, language), detail: k.uncertainInputs === 0 ? t.results.allFixed : t.results.netAbove },
    {
      name: 'peakAnnualPaymentP90',
      value: k.peakAnnualPaymentP90,
      shown: euro(k.peakAnnualPaymentP90),
      detail: k.budgetP90ByYear.map((b) => `${b.label ?? b.year}: ${euro(b.amount)}`).join(' · '),
    },
    { name: 'providerIncomeMean', value: k.providerIncomeMean, shown: euro(k.providerIncomeMean), detail: t.results.between(euro(k.providerIncomeP10), euro(k.providerIncomeP90)) },
    {
      name: 'providerLossChance',
      value: k.providerLossChance,
      shown: formatChance(k.providerLossChance, language),
      detail: t.results.margin(euro(k.providerMarginMean), euro(k.providerMarginP10), euro(k.providerMarginP90)),
    },
  ];
  return (
    <div class="figures" id="figures">
      {cards.map((c) => (
        <div class="figure" key={c.name} data-figure={c.name} data-value={c.value === null ? '' : String(c.value)}>
          <div class="figure-label">{t.results[c.name as 'expectedNetResult']}</div>
          <div class="figure-value">{c.shown}</div>
          <div class="figure-detail">{c.detail}</div>
        </div>
      ))}
    </div>
  );
}

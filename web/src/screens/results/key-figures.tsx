import { useT } from '../../i18n/i18n.js';
import { formatChance, formatCount, formatEuro, formatInputNumber } from '../../numbers/format.js';
import { keyFigureValues, type KeyFigureValue, type SimulationResult } from './key-figure-values.js';

/**
 * The key figures of the finished run in plain words: each card names the figure, shows it
 * formatted for the page's language, and says in a line what it means and how wide it spreads.
 * data-figure names it and data-value holds the number exactly as the API gave it, so a test can
 * hold the page against GET /simulations/{id}/result.
 */
export function KeyFigures({ result, budget, investor, capped }: { result: SimulationResult; budget: number | null; investor: boolean; /** The budget is the contract's yearly cap. */ capped: boolean }) {
  const { t, language } = useT();
  const w = t.resultsRun;
  const euro = (v: number | null | undefined) => formatEuro(v, language);
  const ratio = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : `${formatInputNumber(v, language, 2)}×`);
  const shown = (f: KeyFigureValue) => (f.kind === 'chance' ? formatChance(f.value, language) : f.kind === 'ratio' ? ratio(f.value) : euro(f.value));
  const words = (f: KeyFigureValue): string => {
    switch (f.name) {
      case 'netResult':
        return w.netResultWords(euro(f.p10), euro(f.p90));
      case 'netPresentValue':
        return w.netPresentValueWords(euro(f.p10), euro(f.p90));
      case 'chanceGains':
        return w.chanceGainsWords;
      case 'chanceBudgetReached':
        return w.chanceBudgetWords(euro(budget), capped);
      case 'peakYearP90':
        return w.peakYearWords;
      case 'providerMargin':
        return w.providerMarginWords(euro(f.p10), euro(f.p90));
      case 'chanceProviderLoses':
        return w.chanceProviderWords;
      case 'investorMultiple':
        return w.investorMultipleWords(ratio(f.p10), ratio(f.p90));
      case 'chanceInvestorLoses':
        return w.chanceInvestorWords;
    }
  };
  return (
    <section aria-labelledby="key-figures-heading">
      <h3 id="key-figures-heading">{w.keyFigures}</h3>
      <p class="hint">{w.keyFiguresIntro(formatCount(result.iterations, language))}</p>
      <div class="figures" id="figures">
        {keyFigureValues(result, { budget, investor }).map((f) => (
          <div class="figure" key={f.name} data-figure={f.name} data-value={f.value === null ? '' : String(f.value)}>
            <div class="figure-label">{w[f.name]}</div>
            <div class="figure-value">{shown(f)}</div>
            <div class="figure-detail">{words(f)}</div>
          </div>
        ))}
      </div>
    </section>
  );
}

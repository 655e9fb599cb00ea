import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Contract, Schemas } from '../../api/client.js';
import { Chart } from '../../components/chart.js';
import { useT } from '../../i18n/i18n.js';
import type { Messages } from '../../i18n/nl.js';
import { formatPercent } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';
import { useContract } from '../../state/contract-store.js';
import { CallStatus } from './call-status.js';
import { formatOutput } from './chart-locale.js';
import { breakEvenSpec, type BreakEvenPoint } from './driver-charts.js';
import { formatInputValue, inputLabel } from './driver-inputs.js';
import { breakEvenChoices, breakEvenFound, breakEvenSettings, request, type BreakEvenChoice, type BreakEvenKind } from './driver-requests.js';
import type { DriverContext } from './drivers-screen.js';
import { useSensitivity } from './use-sensitivity.js';
import { useWide } from './use-wide.js';

type BreakEvenResult = Schemas['BreakEvenFound'] | Schemas['BreakEvenNotFound'];

/** The searched input as a reader names it: one input's label, or "all bands together". */
export function choiceLabel(t: Messages, c: BreakEvenChoice, contract: Contract | null): string {
  if (c.together.length) return c.kind === 'price' ? t.drivers.allBands : t.drivers.allProfiles;
  return inputLabel(t, c.path, contract);
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The sentence under one search: the break-even value, the factor, or that none lies in the range. */
export function breakEvenSentence(t: Messages, language: Language, contract: Contract | null, c: BreakEvenChoice, result: BreakEvenResult, outputName: string): string {
  const unit = result.output.unit;
  const value = (v: number) => (c.together.length ? formatPercent(v / c.base, language, 1) : formatInputValue(t, c.path, v, language));
  if (breakEvenFound(result)) {
    if (c.together.length) return t.drivers.breakEvenFactor(outputName, lower(choiceLabel(t, c, contract)), formatPercent(result.value / c.base, language, 1));
    const yearly = c.kind === 'jobEntryRate' ? ' ' + t.drivers.withinYear(formatPercent(1 - Math.pow(1 - result.value, 12), language, 1)) : '';
    return t.drivers.breakEvenFound(outputName, lower(choiceLabel(t, c, contract)), value(result.value) + yearly, value(c.base));
  }
  const capped = c.kind === 'price' && contract !== null && Object.values(contract.payment.caps ?? {}).some((v) => typeof v === 'number' || (v !== null && typeof v === 'object'));
  const high = c.together.length ? t.drivers.ofNow(value(result.searchRange.high)) : value(result.searchRange.high);
  const sentence = t.drivers.breakEvenNotFound(outputName, value(result.searchRange.low), high, formatOutput(result.outputAtLow, unit, language), formatOutput(result.outputAtHigh, unit, language));
  return capped ? `${sentence} ${t.drivers.capsNote}` : sentence;
}

/** Break-even of the main trigger's price and of the programme's job-entry rate. */
export function BreakEvenSection({ context }: { context: DriverContext }) {
  const { t, language } = useT();
  const { contract } = useContract();
  const choices = useMemo(() => breakEvenChoices(contract), [contract]);
  const [chosen, setChosen] = useState<Record<BreakEvenKind, string>>({ price: '', jobEntryRate: '' });
  const price = useSensitivity<BreakEvenResult>();
  const rate = useSensitivity<BreakEvenResult>();
  const calls = { price, jobEntryRate: rate };
  const selected = (kind: BreakEvenKind) => choices[kind].find((c) => c.id === chosen[kind]) ?? choices[kind][0];
  useEffect(() => setChosen({ price: '', jobEntryRate: '' }), [choices]);

  const run = () => {
    if (contract === null) return;
    for (const kind of ['price', 'jobEntryRate'] as const) {
      const c = selected(kind);
      if (c) void calls[kind].run(request(contract, breakEvenSettings(context.output, c)));
    }
  };
  const running = price.status === 'running' || rate.status === 'running';
  const outputName = (t.outputLabels as Record<string, string>)[context.output] ?? context.output;

  // The chart puts both searches on one scale: share of today's value.
  const points: BreakEvenPoint[] = [];
  const ranges: { search: string; low: number; high: number }[] = [];
  const shown: { kind: BreakEvenKind; c: BreakEvenChoice; result: BreakEvenResult }[] = [];
  for (const kind of ['price', 'jobEntryRate'] as const) {
    const call = calls[kind];
    const settings = call.request?.settings as { input?: string; together?: string[] } | undefined;
    const c = choices[kind].find((x) => x.path === settings?.input && (x.together.length > 0) === ((settings?.together ?? []).length > 0));
    if (call.status !== 'done' || !call.result || !c || call.result.output.name !== context.output) continue;
    shown.push({ kind, c, result: call.result });
    const search = kind === 'price' ? t.drivers.priceSearch : t.drivers.rateSearch;
    ranges.push({ search, low: call.result.searchRange.low / c.base, high: call.result.searchRange.high / c.base });
    points.push({ search, what: t.drivers.now, factor: 1 });
    if (breakEvenFound(call.result)) points.push({ search, what: t.drivers.breakEvenPoint, factor: call.result.value / c.base });
  }
  const chartTitle = t.drivers.breakEvenChart(outputName, t.drivers.shareOfNow);
  const wide = useWide();
  const spec = useMemo(() => breakEvenSpec(points, ranges, t.drivers.shareOfNow, language, wide), [price.result, rate.result, language, wide]);

  return (
    <section class="analysis" aria-labelledby="break-even-heading" id="break-even" data-status={running ? 'running' : price.status}>
      <h3 id="break-even-heading">{t.drivers.breakEvenHeading}</h3>
      <p class="hint">{t.drivers.breakEvenIntro}</p>
      <div class="run-settings">
        {(['price', 'jobEntryRate'] as const).map((kind) => (
          <label key={kind}>
            {kind === 'price' ? t.drivers.priceSearch : t.drivers.rateSearch}
            <select id={`break-even-${kind}`} value={selected(kind)?.id ?? ''} disabled={choices[kind].length === 0} onChange={(e) => setChosen({ ...chosen, [kind]: (e.currentTarget as HTMLSelectElement).value })}>
              {choices[kind].map((c) => (
                <option key={c.id} value={c.id}>
                  {choiceLabel(t, c, contract)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="button" id="run-break-even" disabled={running || (choices.price.length === 0 && choices.jobEntryRate.length === 0)} onClick={run}>
          {t.drivers.breakEvenRun}
        </button>
      </div>
      <CallStatus id="break-even-price" status={price.status} elapsed={price.elapsed} problem={price.problem} />
      <CallStatus id="break-even-rate" status={rate.status} elapsed={rate.elapsed} problem={rate.problem} />
      {shown.length ? (
        <div class="chart-beside">
          <Chart id="chart-break-even" title={chartTitle} spec={spec} />
          <ul class="break-even-results">
            {shown.map(({ kind, c, result }) => (
              <li key={kind} id={`break-even-${kind}-result`} data-found={String(breakEvenFound(result))} data-value={breakEvenFound(result) ? result.value : ''} data-input={c.path}>
                <strong>{kind === 'price' ? t.drivers.priceSearch : t.drivers.rateSearch}:</strong> {breakEvenSentence(t, language, contract, c, result, outputName)}{' '}
                <span class="hint">{t.drivers.searched(c.together.length ? formatPercent(result.searchRange.low / c.base, language, 0) : formatInputValue(t, c.path, result.searchRange.low, language), c.together.length ? formatPercent(result.searchRange.high / c.base, language, 0) : formatInputValue(t, c.path, result.searchRange.high, language))}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { useWide } from './use-wide.js';
import type { Schemas } from '../../api/client.js';
import { Chart } from '../../components/chart.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { useT } from '../../i18n/i18n.js';
import { formatCount, formatPercent } from '../../numbers/format.js';
import { useContract } from '../../state/contract-store.js';
import { CallStatus } from './call-status.js';
import { sobolSpec, type SobolRow } from './driver-charts.js';
import { inputLabel } from './driver-inputs.js';
import { DEFAULT_SOBOL_SAMPLE, request, sobolSettings } from './driver-requests.js';
import type { DriverContext } from './drivers-screen.js';
import { useSensitivity } from './use-sensitivity.js';

type SobolResult = Schemas['SobolResult'];

/**
 * Sobol indices (first and total order, with bootstrap intervals). The analysis can take a while
 * (N × (d + 2) model runs), so the section shows the seconds running and can be cancelled.
 */
export function SobolSection({ context }: { context: DriverContext }) {
  const { t, language } = useT();
  const { contract } = useContract();
  const call = useSensitivity<SobolResult>();
  const [sample, setSample] = useState(DEFAULT_SOBOL_SAMPLE);
  const uncertain = context.inputs.filter((i) => i.uncertain).length;
  const result = call.result;
  const outputName = result ? (t.outputLabels as Record<string, string>)[result.output.name] ?? result.output.name : '';
  const rows: SobolRow[] = (result?.indices ?? []).flatMap((i) => [
    { input: inputLabel(t, i.path, contract), order: t.drivers.firstOrder, estimate: i.firstOrder.estimate, low: i.firstOrder.low, high: i.firstOrder.high },
    { input: inputLabel(t, i.path, contract), order: t.drivers.totalOrder, estimate: i.totalOrder.estimate, low: i.totalOrder.low, high: i.totalOrder.high },
  ]);
  const title = t.drivers.sobolChart(outputName);
  const wide = useWide();
  const spec = useMemo(() => sobolSpec(rows, title, language, wide), [result, language, wide]);
  // An index estimated at -0.0004 reads as 0%, not "-0%".
  const pct = (v: number | null) => formatPercent(v !== null && Math.abs(v) < 0.0005 ? 0 : v, language, 1);
  return (
    <section class="analysis" aria-labelledby="sobol-heading" id="sobol" data-status={call.status}>
      <h3 id="sobol-heading">{t.drivers.sobolHeading}</h3>
      <p class="hint">{t.drivers.sobolIntro}</p>
      <div class="run-settings">
        <label>
          {t.drivers.sobolSample}
          <LocaleNumberInput id="sobol-sample" value={sample} integer onValue={(v) => v !== undefined && v >= 16 && setSample(v)} onRefusal={() => undefined} />
        </label>
        <button type="button" id="run-sobol" disabled={call.status === 'running' || contract === null || uncertain === 0} onClick={() => contract && void call.run(request(contract, sobolSettings(context.output, sample)))}>
          {t.drivers.sobolRun}
        </button>
      </div>
      {context.inputs.length > 0 && uncertain === 0 ? <p class="hint">{t.drivers.noUncertain}</p> : null}
      <CallStatus id="sobol" status={call.status} elapsed={call.elapsed} problem={call.problem} onCancel={call.cancel} />
      {result && call.status !== 'running' ? (
        <div class="chart-beside">
          <Chart id="chart-sobol" title={title} spec={spec} />
          <div class="table-scroll">
            <table id="sobol-table" class="numbers">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.drivers.input}</th>
                  <th scope="col">{t.drivers.firstOrder}</th>
                  <th scope="col">95%</th>
                  <th scope="col">{t.drivers.totalOrder}</th>
                  <th scope="col">95%</th>
                </tr>
              </thead>
              <tbody>
                {result.indices.map((i) => (
                  <tr key={i.path} data-path={i.path}>
                    <th scope="row">{inputLabel(t, i.path, contract)}</th>
                    <td data-value={i.firstOrder.estimate}>{pct(i.firstOrder.estimate)}</td>
                    <td>{t.drivers.interval(pct(i.firstOrder.low), pct(i.firstOrder.high))}</td>
                    <td data-value={i.totalOrder.estimate}>{pct(i.totalOrder.estimate)}</td>
                    <td>{t.drivers.interval(pct(i.totalOrder.low), pct(i.totalOrder.high))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">
            {t.drivers.sumFirst(pct(result.sumOfFirstOrder))} {t.drivers.modelRuns(formatCount(result.modelRuns, language))}
          </p>
        </div>
      ) : null}
    </section>
  );
}

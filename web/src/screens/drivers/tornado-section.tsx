import type { Schemas } from '../../api/client.js';
import { Chart } from '../../components/chart.js';
import { LocaleNumberInput } from '../../components/locale-number-input.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { formatOutput } from './chart-locale.js';
import { inputLabel, formatInputValue } from './driver-inputs.js';
import { tornadoSpec, type TornadoRow } from './driver-charts.js';
import { CallStatus } from './call-status.js';
import { useWide } from './use-wide.js';
import { useMemo } from 'preact/hooks';
import type { SensitivityCall } from './use-sensitivity.js';

type TornadoResult = Schemas['TornadoResult'];

/** The tornado: each input from low to high, the others at base; the chart and its table. */
export function TornadoSection(props: {
  call: SensitivityCall<TornadoResult>;
  varyFixed: boolean;
  setVaryFixed: (v: boolean) => void;
  relative: number;
  setRelative: (v: number) => void;
  fixedLeft: string[];
  onRun: () => void;
}) {
  const { t, language } = useT();
  const { contract } = useContract();
  const { call } = props;
  const result = call.result;
  const unit = result?.output.unit ?? 'EUR';
  const outputName = result ? (t.outputLabels as Record<string, string>)[result.output.name] ?? result.output.name : '';
  const bars = (result?.bars ?? []).filter((b) => b.outputAtLow !== null && b.outputAtHigh !== null);
  const rows: TornadoRow[] = result && result.baseOutput !== null
    ? bars.flatMap((b) => [
        { input: inputLabel(t, b.path, contract), side: t.drivers.low, output: b.outputAtLow!, base: result.baseOutput!, swing: b.swing ?? 0 },
        { input: inputLabel(t, b.path, contract), side: t.drivers.high, output: b.outputAtHigh!, base: result.baseOutput!, swing: b.swing ?? 0 },
      ])
    : [];
  const title = t.drivers.tornadoChart(outputName);
  const wide = useWide();
  // One spec per answer (and language, width): a new object would redraw the chart on every render.
  const spec = useMemo(() => (rows.length ? tornadoSpec(rows, unit, { output: outputName, input: t.drivers.input, sides: [t.drivers.low, t.drivers.high] }, language, wide) : null), [result, language, wide]);
  return (
    <section class="analysis" aria-labelledby="tornado-heading" id="tornado" data-status={call.status}>
      <h3 id="tornado-heading">{t.drivers.tornadoHeading}</h3>
      <p class="hint">{t.drivers.tornadoIntro}</p>
      <div class="run-settings">
        <label class="inline">
          <input type="checkbox" id="vary-fixed" checked={props.varyFixed} onChange={(e) => props.setVaryFixed((e.currentTarget as HTMLInputElement).checked)} />
          {t.drivers.varyFixed}
        </label>
        <label>
          {t.drivers.relativeRange}
          <LocaleNumberInput id="relative-range" value={props.relative * 100} onValue={(v) => v !== undefined && v > 0 && props.setRelative(v / 100)} onRefusal={() => undefined} />
        </label>
        <button type="button" id="run-tornado" disabled={call.status === 'running'} onClick={props.onRun}>
          {t.drivers.tornadoRun}
        </button>
      </div>
      <CallStatus id="tornado" status={call.status} elapsed={call.elapsed} problem={call.problem} />
      {result ? (
        <div class="analysis-result">
          <p id="tornado-base" data-value={result.baseOutput ?? ''}>
            {t.drivers.tornadoBase(formatOutput(result.baseOutput, unit, language))}
          </p>
          {bars.length === 0 ? <p>{t.drivers.noBars}</p> : null}
          <div class="chart-beside">
            {spec ? <Chart id="chart-tornado-drivers" title={title} spec={spec} /> : null}
            <div class="table-scroll">
              <table id="tornado-table" class="numbers">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.drivers.input}</th>
                    <th scope="col">{t.drivers.low}</th>
                    <th scope="col">{t.drivers.high}</th>
                    <th scope="col">{t.drivers.atLow}</th>
                    <th scope="col">{t.drivers.atHigh}</th>
                    <th scope="col">{t.drivers.swing}</th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((b) => (
                    <tr key={b.path} data-path={b.path}>
                      <th scope="row">{inputLabel(t, b.path, contract)}</th>
                      <td>{formatInputValue(t, b.path, b.low, language)}</td>
                      <td>{formatInputValue(t, b.path, b.high, language)}</td>
                      <td>{formatOutput(b.outputAtLow, unit, language)}</td>
                      <td>{formatOutput(b.outputAtHigh, unit, language)}</td>
                      <td data-value={b.swing ?? ''}>{formatOutput(b.swing, unit, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          {result.skippedInputs.length ? <p class="hint">{t.drivers.skipped(result.skippedInputs.length)}</p> : null}
          {props.fixedLeft.length ? <p class="hint">{t.drivers.fixedLeft(props.fixedLeft.map((p) => inputLabel(t, p, contract)).join('; '))}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

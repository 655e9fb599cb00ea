import { useMemo, useState } from 'preact/hooks';
import { useWide } from './use-wide.js';
import type { Schemas } from '../../api/client.js';
import { Chart } from '../../components/chart.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { CallStatus } from './call-status.js';
import { formatOutput } from './chart-locale.js';
import { twoWaySpec, type HeatCell } from './driver-charts.js';
import { formatInputValue, inputLabel } from './driver-inputs.js';
import { request, twoWaySettings } from './driver-requests.js';
import type { DriverContext } from './drivers-screen.js';
import { useSensitivity } from './use-sensitivity.js';

type TwoWayResult = Schemas['TwoWayResult'];

/** The output over a grid of two chosen inputs (a heat map) and the same grid as a table. */
export function TwoWaySection({ context }: { context: DriverContext }) {
  const { t, language } = useT();
  const { contract } = useContract();
  const call = useSensitivity<TwoWayResult>();
  const [x, setX] = useState('');
  const [y, setY] = useState('');
  const [note, setNote] = useState('');
  const inputs = context.inputs;
  const xPath = inputs.some((i) => i.path === x) ? x : inputs[0]?.path ?? '';
  const yPath = inputs.some((i) => i.path === y) ? y : inputs.find((i) => i.path !== xPath)?.path ?? '';

  const run = () => {
    if (contract === null) return;
    if (xPath === yPath) return setNote(t.drivers.sameInput);
    const settings = twoWaySettings(context.output, contract, inputs.find((i) => i.path === xPath)!, inputs.find((i) => i.path === yPath)!, context.relative);
    if (settings === null) return setNote(t.drivers.twoWayNoRange);
    setNote('');
    void call.run(request(contract, settings));
  };

  const result = call.result;
  const unit = result?.output.unit ?? 'EUR';
  const outputName = result ? (t.outputLabels as Record<string, string>)[result.output.name] ?? result.output.name : '';
  const cells: HeatCell[] = [];
  if (result)
    result.outputs.forEach((row, yi) =>
      row.forEach((output, xi) =>
        cells.push({ x: formatInputValue(t, result.x.path, result.x.values[xi], language), y: formatInputValue(t, result.y.path, result.y.values[yi], language), xi, yi, output }),
      ),
    );
  const xLabel = result ? inputLabel(t, result.x.path, contract) : '';
  const yLabel = result ? inputLabel(t, result.y.path, contract) : '';
  const title = result ? t.drivers.twoWayChart(outputName, xLabel.toLowerCase(), yLabel.toLowerCase()) : '';

  const wide = useWide();
  const spec = useMemo(() => (result ? twoWaySpec(cells, unit, { x: xLabel, y: yLabel, output: outputName }, language, wide) : null), [result, language, wide]);

  const select = (id: string, value: string, set: (v: string) => void, label: string) => (
    <label>
      {label}
      <select id={id} value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)} disabled={inputs.length === 0}>
        {inputs.map((i) => (
          <option key={i.path} value={i.path}>
            {inputLabel(t, i.path, contract)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section class="analysis" aria-labelledby="two-way-heading" id="two-way" data-status={call.status}>
      <h3 id="two-way-heading">{t.drivers.twoWayHeading}</h3>
      <p class="hint">{t.drivers.twoWayIntro}</p>
      <div class="run-settings">
        {select('two-way-x', xPath, setX, t.drivers.xInput)}
        {select('two-way-y', yPath, setY, t.drivers.yInput)}
        <button type="button" id="run-two-way" disabled={call.status === 'running' || inputs.length < 2} onClick={run}>
          {t.drivers.twoWayRun}
        </button>
      </div>
      {note ? (
        <p class="field-warning" role="alert">
          {note}
        </p>
      ) : null}
      <CallStatus id="two-way" status={call.status} elapsed={call.elapsed} problem={call.problem} />
      {result ? (
        <div class="chart-beside">
          <Chart id="chart-two-way" title={title} spec={spec} />
          <div class="table-scroll">
            <table id="two-way-table" class="numbers">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {yLabel} \ {xLabel}
                  </th>
                  {result.x.values.map((v, i) => (
                    <th scope="col" key={i}>
                      {formatInputValue(t, result.x.path, v, language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.outputs.map((row, yi) => (
                  <tr key={yi}>
                    <th scope="row">{formatInputValue(t, result.y.path, result.y.values[yi], language)}</th>
                    {row.map((v, xi) => (
                      <td key={xi} class={v !== null && v < 0 ? 'negative' : ''}>
                        {formatOutput(v, unit, language)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}

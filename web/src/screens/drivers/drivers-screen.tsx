import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Schemas } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { BreakEvenSection } from './break-even-section.js';
import { DEFAULT_OUTPUT, DEFAULT_RELATIVE_RANGE, DRIVER_OUTPUTS, fixedInputRanges, request, tornadoSettings } from './driver-requests.js';
import { SobolSection } from './sobol-section.js';
import { TornadoSection } from './tornado-section.js';
import { TwoWaySection } from './two-way-section.js';
import { useSensitivity } from './use-sensitivity.js';

/**
 * "What drives it" (#/drivers): on one output of the current contract, a tornado, the break-even
 * points of the main price and the job-entry rate, a two-way heat map and Sobol indices, each a
 * POST /sensitivity call drawn as a chart with its numbers beside it. The tornado runs when the
 * screen opens: it is cheap (two deterministic evaluations per input) and its answer lists every
 * input of the model (the bars and the plain numbers it skipped), which the heat map offers.
 */

type TornadoResult = Schemas['TornadoResult'];

export interface ModelInputChoice {
  path: string;
  uncertain: boolean;
}

export interface DriverContext {
  output: string;
  relative: number;
  inputs: ModelInputChoice[];
}

export function DriversScreen() {
  const { t } = useT();
  const { contract, revision } = useContract();
  const [output, setOutput] = useState<string>(DEFAULT_OUTPUT);
  const [varyFixed, setVaryFixed] = useState(false);
  const [relative, setRelative] = useState(DEFAULT_RELATIVE_RANGE);
  const tornado = useSensitivity<TornadoResult>();
  const [inputs, setInputs] = useState<ModelInputChoice[]>([]);
  const [fixedLeft, setFixedLeft] = useState<string[]>([]);

  const runTornado = async () => {
    if (contract === null) return;
    // First the uncertain inputs alone; with plain numbers asked for, the skipped ones get a range.
    const first = await tornado.run(request(contract, tornadoSettings(output)));
    if (first === null) return;
    setInputs([...first.bars.map((b) => ({ path: b.path, uncertain: true })), ...first.skippedInputs.map((path) => ({ path, uncertain: false }))]);
    if (varyFixed && first.skippedInputs.length) {
      const { ranges, left } = fixedInputRanges(contract, first.skippedInputs, relative);
      setFixedLeft(left);
      if (ranges.length) await tornado.run(request(contract, tornadoSettings(output, ranges)));
    } else setFixedLeft([]);
  };

  useEffect(() => {
    if (contract !== null) void runTornado();
  }, [revision, output, contract === null]);

  const context = useMemo<DriverContext>(() => ({ output, relative, inputs }), [output, relative, inputs]);

  if (contract === null)
    return (
      <section aria-labelledby="drivers-heading">
        <h2 id="drivers-heading">{t.drivers.heading}</h2>
        <p id="drivers-empty">
          {t.drivers.noContract} <a href="#/contract">{t.drivers.toContract}</a>
        </p>
      </section>
    );

  return (
    <section aria-labelledby="drivers-heading" class="drivers">
      <h2 id="drivers-heading">{t.drivers.heading}</h2>
      <p class="hint">{t.drivers.intro}</p>
      <div class="run-settings">
        <label>
          {t.drivers.output}
          <select id="driver-output" value={output} onChange={(e) => setOutput((e.currentTarget as HTMLSelectElement).value)}>
            {DRIVER_OUTPUTS.map((name) => (
              <option key={name} value={name}>
                {t.outputLabels[name]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TornadoSection
        call={tornado}
        varyFixed={varyFixed}
        setVaryFixed={setVaryFixed}
        relative={relative}
        setRelative={setRelative}
        fixedLeft={fixedLeft}
        onRun={() => void runTornado()}
      />
      <BreakEvenSection context={context} />
      <TwoWaySection context={context} />
      <SobolSection context={context} />
    </section>
  );
}

import type { TornadoSettings } from '../../models/sensitivity/tornado.js';
import type { ModelInput } from '../../models/simulation/model.js';
import type { SimulationSettings } from '../../models/simulation/index.js';
import { isProbabilityLike } from '../inputs/input-labels.js';

/**
 * What a report runs besides the deterministic evaluation: the simulation with the events
 * whose chances the report states, and a tornado of the payer's net result in which plain
 * numbers move by a stated relative range (uncertain inputs move over their own P10–P90).
 */

/** The output the report is about: the municipality's net result. */
export const REPORT_OUTPUT = 'payerNetResult';

/** Events the report reads by name; the simulation's other events are kept. */
export const REPORT_EVENTS = {
  payerGains: { name: 'reportPayerGains', expression: 'payerNetResult > 0' },
  providerLoses: { name: 'reportProviderLoses', expression: 'providerMargin < 0' },
  investorLoses: { name: 'reportInvestorLoses', expression: 'investorLoss > 0' },
} as const;

/** Plain numbers move 25% down and up in the tornado unless the request says otherwise. */
export const DEFAULT_SENSITIVITY_RANGE = 0.25;

export function reportSimulationSettings(settings: SimulationSettings): SimulationSettings {
  const ours = Object.values(REPORT_EVENTS);
  const names = new Set<string>(ours.map((event) => event.name));
  return {
    ...settings,
    events: [...settings.events.filter((event) => !names.has(event.name)), ...ours],
    riskOutput: settings.riskOutput ?? REPORT_OUTPUT,
    riskTail: settings.riskOutput === undefined ? 'lower' : settings.riskTail,
  };
}

/**
 * Tornado settings: every plain, non-zero input from base × (1 − range) to base × (1 + range),
 * shares and chances kept within [0, 1]; inputs with a distribution use their own P10 and P90.
 */
export function reportTornadoSettings(inputs: ReadonlyArray<ModelInput>, relativeRange: number): TornadoSettings {
  const ranges: TornadoSettings['ranges'] = [];
  for (const input of inputs) {
    if (input.distribution !== null || input.base === 0) continue;
    let low = input.base * (1 - relativeRange);
    let high = input.base * (1 + relativeRange);
    if (low > high) [low, high] = [high, low];
    if (isProbabilityLike(input.path)) {
      low = Math.max(0, low);
      high = Math.min(1, high);
    }
    if (low < high) ranges.push({ path: input.path, low, high });
  }
  return { method: 'tornado', output: REPORT_OUTPUT, lowQuantile: 0.1, highQuantile: 0.9, ranges };
}

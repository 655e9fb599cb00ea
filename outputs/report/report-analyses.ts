import type { TornadoSettings } from '../../models/sensitivity/tornado.js';
import type { ModelInput } from '../../models/simulation/model.js';
import type { SimulationSettings } from '../../models/simulation/index.js';
import { isProbabilityLike } from '../inputs/input-labels.js';

/**
 * What a report runs besides the deterministic evaluation: the simulation with the events
 * whose chances the report states, and a tornado of the payer's net result in which the
 * uncertain inputs move over their own P10–P90. Plain numbers (the bijstandsnorm set by law,
 * the intake and prices the contract fixes) stay fixed unless the request gives a relative range.
 */

/** The output the report is about: the municipality's net result. */
export const REPORT_OUTPUT = 'payerNetResult';

/** Events the report reads by name; the simulation's other events are kept. */
export const REPORT_EVENTS = {
  payerGains: { name: 'reportPayerGains', expression: 'payerNetResult > 0' },
  providerLoses: { name: 'reportProviderLoses', expression: 'providerMargin < 0' },
  investorLoses: { name: 'reportInvestorLoses', expression: 'investorLoss > 0' },
} as const;

/** The relative range a caller typically asks for when plain numbers should move too (25% down and up); not applied unless asked. */
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
 * Tornado settings: inputs with a distribution from their own P10 to P90. With a relative
 * range (only when the request gives one), every plain, non-zero input too, from
 * base × (1 − range) to base × (1 + range), shares and chances kept within [0, 1].
 */
export function reportTornadoSettings(inputs: ReadonlyArray<ModelInput>, relativeRange: number | null): TornadoSettings {
  const ranges: TornadoSettings['ranges'] = [];
  if (relativeRange === null) return { method: 'tornado', output: REPORT_OUTPUT, lowQuantile: 0.1, highQuantile: 0.9, ranges };
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

import { CONTRACT_SERIES_OUTPUTS, type Contract, type ContractEvaluation } from '../../models/contract/index.js';
import { PORTFOLIO_SERIES_OUTPUTS, type PortfolioEvaluation } from '../../models/portfolio/index.js';
import type { SensitivityResult } from '../../models/sensitivity/index.js';
import type { OutputSummary, SimulationResult, VariantComparisonResult } from '../../models/simulation/index.js';
import { capitalise, inputLabel, inputUnit } from '../inputs/input-labels.js';
import type { InputRow } from '../inputs/input-rows.js';
import { layersFromDescriptions } from '../tables/layer-names.js';
import { layerKindLabel, monthlySeriesUnit, outputLabel, partyOfSeries, portfolioOutputLabel } from '../tables/output-labels.js';
import type { Texts } from '../texts/index.js';
import type { Fact } from './facts.js';

/** The facts of each kind of result, for the tidy CSV download. */

const SERIES_UNITS = new Map<string, string>(CONTRACT_SERIES_OUTPUTS.map(([name, unit]) => [name, unit]));

export function inputFacts(rows: InputRow[]): Fact[] {
  return rows.flatMap((row) => [
    { section: 'input', name: row.path, label: row.label, statistic: 'base', value: row.base, unit: row.unit },
    ...(row.uncertain
      ? [
          { section: 'input', name: row.path, label: row.label, statistic: 'p10', value: row.p10, unit: row.unit },
          { section: 'input', name: row.path, label: row.label, statistic: 'p90', value: row.p90, unit: row.unit },
        ]
      : []),
  ]);
}

export function evaluationFacts(evaluation: ContractEvaluation, inputs: InputRow[], texts: Texts): Fact[] {
  const facts: Fact[] = inputFacts(inputs);
  for (const output of evaluation.outputs) {
    facts.push({ section: 'summary', name: output.name, label: outputLabel(output.name, texts), statistic: 'value', value: evaluation.summary[output.name] ?? null, unit: output.unit });
  }
  for (const [name, values] of Object.entries(evaluation.yearly)) {
    const label = outputLabel(name, texts);
    values.forEach((value, k) =>
      facts.push({ section: 'yearly', party: partyOfSeries(name), name, label, period: evaluation.years[k], statistic: 'value', value, unit: SERIES_UNITS.get(name) ?? 'EUR' }),
    );
  }
  for (const [name, values] of Object.entries(evaluation.monthly)) {
    const label = outputLabel(name, texts);
    values.forEach((value, t) =>
      facts.push({ section: 'monthly', party: partyOfSeries(name), name, label, period: evaluation.months[t], statistic: 'value', value, unit: monthlySeriesUnit(name) }),
    );
  }
  for (const trigger of evaluation.paymentsDueByTrigger) {
    trigger.monthly.forEach((value, t) => facts.push({ section: 'trigger', name: trigger.trigger, period: evaluation.months[t], statistic: 'due', value, unit: 'EUR' }));
  }
  return facts;
}

/** A fund's expected result: inputs, summary outputs, yearly series and each capital layer. */
export function portfolioFacts(evaluation: PortfolioEvaluation, inputs: InputRow[], texts: Texts): Fact[] {
  const facts: Fact[] = inputFacts(inputs);
  for (const output of evaluation.outputs)
    facts.push({ section: 'summary', name: output.name, label: portfolioOutputLabel(output.name, texts, evaluation.layers), statistic: 'value', value: evaluation.summary[output.name] ?? null, unit: output.unit });
  const seriesUnits = new Map<string, string>(PORTFOLIO_SERIES_OUTPUTS.map(([name, unit]) => [name, unit]));
  for (const [name, values] of Object.entries(evaluation.yearly))
    values.forEach((value, k) => facts.push({ section: 'yearly', name, label: portfolioOutputLabel(name, texts, evaluation.layers), period: evaluation.years[k], statistic: 'value', value, unit: seriesUnits.get(name) ?? 'EUR' }));
  for (const layer of evaluation.layers) {
    const base = { section: 'layer', party: layer.provider, name: layer.id, label: layerKindLabel(layer.kind, texts) };
    for (const key of ['committed', 'paidIn', 'received', 'loss'] as const) facts.push({ ...base, statistic: key, value: layer[key], unit: 'EUR' });
    facts.push({ ...base, statistic: 'irr', value: layer.irr, unit: 'rate' }, { ...base, statistic: 'multiple', value: layer.multiple, unit: 'ratio' });
    for (const key of ['calls', 'distributions', 'netFlow'] as const)
      layer[key].forEach((value, k) => facts.push({ ...base, period: evaluation.years[k], statistic: key, value, unit: 'EUR' }));
  }
  return facts;
}

const OUTPUT_STATISTICS = ['mean', 'sd', 'standardError', 'min', 'max'] as const;

function outputFacts(outputs: OutputSummary[], texts: Texts, section: string, variant?: string): Fact[] {
  const facts: Fact[] = [];
  // A fund's per-layer outputs are labelled by the layer's provider, which their descriptions carry.
  const layers = layersFromDescriptions(outputs);
  for (const o of outputs) {
    const base = { section, variant, name: o.name, label: outputLabel(o.name, texts, o.description, layers), unit: o.unit };
    for (const statistic of OUTPUT_STATISTICS) facts.push({ ...base, statistic, value: o[statistic] });
    for (const [p, value] of Object.entries(o.percentiles)) facts.push({ ...base, statistic: p, value });
    facts.push({ ...base, statistic: 'count', value: o.count, unit: 'count' }, { ...base, statistic: 'nanCount', value: o.nanCount, unit: 'count' });
  }
  return facts;
}

function singleSimulationFacts(result: SimulationResult, texts: Texts, variant?: string): Fact[] {
  const facts: Fact[] = [
    { section: 'run', variant, name: 'seed', statistic: 'value', value: result.seed },
    { section: 'run', variant, name: 'iterations', statistic: 'value', value: result.iterations, unit: 'count' },
    { section: 'run', variant, name: 'sampling', label: result.sampling, statistic: 'method', value: null },
    { section: 'run', variant, name: 'drawIndividualOutcomes', statistic: 'value', value: result.drawIndividualOutcomes ? 1 : 0, unit: 'boolean' },
    ...outputFacts(result.outputs, texts, 'output', variant),
  ];
  const layers = layersFromDescriptions(result.outputs);
  for (const series of result.series) {
    const base = { section: 'yearly', variant, party: partyOfSeries(series.name), name: series.name, label: outputLabel(series.name, texts, series.description, layers), unit: series.unit };
    series.labels.forEach((period, k) => {
      facts.push({ ...base, period, statistic: 'mean', value: series.mean[k] });
      for (const [p, values] of Object.entries(series.fan)) facts.push({ ...base, period, statistic: p, value: values[k] });
    });
  }
  for (const event of result.events) {
    facts.push({ section: 'event', variant, name: event.name, label: event.expression, statistic: 'probability', value: event.probability, unit: 'probability' });
    facts.push({ section: 'event', variant, name: event.name, label: event.expression, statistic: 'standardError', value: event.standardError, unit: 'probability' });
  }
  if (result.risk !== null) {
    for (const level of result.risk.levels) {
      const unit = result.outputs.find((o) => o.name === result.risk!.output)?.unit;
      const base = { section: 'risk', variant, name: result.risk.output, label: result.risk.tail, period: String(level.level), unit };
      facts.push({ ...base, statistic: 'valueAtRisk', value: level.valueAtRisk }, { ...base, statistic: 'expectedShortfall', value: level.expectedShortfall });
    }
  }
  for (const o of result.outputs) {
    o.histogram?.counts.forEach((count, bin) => {
      const base = { section: 'histogram', variant, name: o.name, period: String(bin) };
      facts.push(
        { ...base, statistic: 'from', value: o.histogram!.edges[bin], unit: o.unit },
        { ...base, statistic: 'to', value: o.histogram!.edges[bin + 1], unit: o.unit },
        { ...base, statistic: 'count', value: count, unit: 'count' },
      );
    });
  }
  return facts;
}

export function simulationFacts(result: SimulationResult | VariantComparisonResult, texts: Texts): Fact[] {
  if (!('variants' in result)) return singleSimulationFacts(result, texts);
  return [
    ...result.variants.flatMap((v) => singleSimulationFacts(v.result, texts, v.name)),
    ...result.differences.flatMap((d) => outputFacts(d.outputs, texts, 'difference', `${d.variant} - ${d.baseline}`)),
  ];
}

/** Units of a sensitivity result's top-level numbers that are not in the output's unit. */
const SCALAR_UNITS: Record<string, string> = {
  lowQuantile: 'probability',
  highQuantile: 'probability',
  modelRuns: 'count',
  gridPoints: 'count',
  sampleSize: 'count',
  bootstrapResamples: 'count',
  trajectories: 'count',
  levels: 'count',
  quantileJump: 'probability',
  confidenceLevel: 'probability',
  outputVariance: '',
  seed: '',
};

/** Every number of a sensitivity result; per-input entries are named by the input's path. */
export function sensitivityFacts(result: SensitivityResult, contract: Contract | undefined, texts: Texts): Fact[] {
  const section = result.method;
  const label = (path: string) => capitalise(inputLabel(path, contract, texts));
  const outputUnit = result.output.unit;
  const facts: Fact[] = [];
  const scalar = (statistic: string, value: unknown, name = result.output.name) => {
    if (typeof value === 'number' || value === null) facts.push({ section, name, statistic, value: value as number | null, unit: SCALAR_UNITS[statistic] ?? outputUnit });
  };
  for (const [key, value] of Object.entries(result)) scalar(key, value);
  switch (result.method) {
    case 'tornado':
      for (const bar of result.bars) {
        const unit = inputUnit(bar.path);
        for (const key of ['low', 'high'] as const) facts.push({ section, name: bar.path, label: label(bar.path), statistic: key, value: bar[key], unit });
        for (const key of ['outputAtLow', 'outputAtHigh', 'swing'] as const)
          facts.push({ section, name: bar.path, label: label(bar.path), statistic: key, value: bar[key], unit: outputUnit });
      }
      break;
    case 'spider':
      for (const line of result.lines)
        line.points.forEach((point, k) => {
          const base = { section, name: line.path, label: label(line.path), period: String(k) };
          facts.push({ ...base, statistic: 'quantile', value: point.quantile }, { ...base, statistic: 'value', value: point.value }, { ...base, statistic: 'output', value: point.output });
        });
      break;
    case 'break-even':
      if (result.found) facts.push({ section, name: result.input, label: label(result.input), statistic: 'value', value: result.value });
      break;
    case 'two-way':
      result.y.values.forEach((y, row) =>
        result.x.values.forEach((x, column) =>
          facts.push({ section, name: `${result.y.path}=${y}`, label: `${result.x.path}=${x}`, period: String(x), statistic: 'output', value: result.outputs[row][column], unit: result.output.unit }),
        ),
      );
      break;
    case 'sobol':
      for (const i of result.indices)
        for (const order of ['firstOrder', 'totalOrder'] as const)
          for (const part of ['estimate', 'low', 'high'] as const)
            facts.push({ section, name: i.path, label: label(i.path), statistic: `${order}.${part}`, value: i[order][part], unit: 'ratio' });
      break;
    case 'morris':
      for (const e of result.effects)
        for (const key of ['mu', 'muStandardError', 'muStar', 'muStarConfidence', 'sigma'] as const) facts.push({ section, name: e.path, label: label(e.path), statistic: key, value: e[key], unit: result.output.unit });
      break;
    case 'rank-correlation':
      for (const k of result.coefficients)
        for (const key of ['spearman', 'prcc'] as const) {
          facts.push({ section, name: k.path, label: label(k.path), statistic: key, value: k[key], unit: 'ratio' });
          const interval = k[`${key}Interval`];
          facts.push({ section, name: k.path, label: label(k.path), statistic: `${key}.low`, value: interval?.low ?? null, unit: 'ratio' });
          facts.push({ section, name: k.path, label: label(k.path), statistic: `${key}.high`, value: interval?.high ?? null, unit: 'ratio' });
        }
      break;
    case 'value-of-information':
      for (const i of result.perInput)
        for (const [statistic, value] of [['evppi', i.evppi], ['evppi.low', i.evppiInterval.low], ['evppi.high', i.evppiInterval.high]] as const)
          facts.push({ section, name: i.path, label: label(i.path), statistic, value, unit: result.output.unit });
      break;
  }
  return facts;
}

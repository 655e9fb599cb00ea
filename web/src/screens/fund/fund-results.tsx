import { useState } from 'preact/hooks';
import { Chart } from '../../components/chart.js';
import { useT } from '../../i18n/i18n.js';
import { formatChance, formatCount, formatEuro, formatInputNumber, formatPercent } from '../../numbers/format.js';
import type { Language } from '../../numbers/locale.js';
import type { LayerFigures, Statistic, StrategyFigures } from './fund-figures.js';

/**
 * The comparison side by side: one column per strategy, per capital layer (named by its provider)
 * the chance of loss, the multiple and IRR, the expected loss; then jobs and avoided costs per
 * euro. Every cell carries the API's number in data-value. Charts: the chance of loss per layer,
 * a layer's loss distribution, and jobs and avoided costs per euro per strategy.
 */

const STRATEGY_COLOURS = ['#1f5f99', '#c05a00', '#2e7d32', '#7b3fa0', '#8a6d00'];

function band(s: Statistic, show: (v: number) => string): string {
  return s.p10 === null || s.p90 === null ? '' : `${show(s.p10)} – ${show(s.p90)}`;
}

interface Row {
  key: string;
  label: string;
  figure: string;
  layer?: string;
  cell: (s: StrategyFigures) => { value: number | null; shown: string; detail?: string };
}

function layerOf(s: StrategyFigures, id: string): LayerFigures | undefined {
  return s.layers.find((l) => l.id === id);
}

export function FundResults({ figures }: { figures: StrategyFigures[] }) {
  const { t, language } = useT();
  const multiple = (v: number) => `${formatInputNumber(v, language, 2)}×`;
  const percent = (v: number) => formatPercent(v, language, 1);
  // Layers in order of first appearance; a strategy without the layer shows a dash.
  const layers: { id: string; name: string }[] = [];
  for (const s of figures) for (const l of s.layers) if (!layers.some((x) => x.id === l.id)) layers.push({ id: l.id, name: l.name });
  const [chosenLayer, setChosenLayer] = useState(layers[0]?.id ?? '');
  const lossLayer = layers.some((l) => l.id === chosenLayer) ? chosenLayer : (layers[0]?.id ?? '');

  const layerRows = (id: string): Row[] => [
    {
      key: `${id}-lossChance`,
      label: t.fund.lossChance,
      figure: 'lossChance',
      layer: id,
      cell: (s) => {
        const l = layerOf(s, id);
        return { value: l?.lossChance ?? null, shown: l ? formatChance(l.lossChance, language) : '–' };
      },
    },
    {
      key: `${id}-multiple`,
      label: t.fund.multiple,
      figure: 'multiple',
      layer: id,
      cell: (s) => {
        const l = layerOf(s, id);
        return { value: l?.multiple.mean ?? null, shown: l && l.multiple.mean !== null ? multiple(l.multiple.mean) : '–', detail: l ? band(l.multiple, multiple) : '' };
      },
    },
    {
      key: `${id}-irr`,
      label: t.fund.irrMedian,
      figure: 'irr',
      layer: id,
      cell: (s) => {
        const l = layerOf(s, id);
        const detail = l ? [band(l.irr, percent), l.irr.nanCount ? t.fund.irrUndefined(formatCount(l.irr.nanCount, language)) : ''].filter(Boolean).join('; ') : '';
        return { value: l?.irr.p50 ?? null, shown: l && l.irr.p50 !== null ? percent(l.irr.p50) : '–', detail };
      },
    },
    {
      key: `${id}-loss`,
      label: t.fund.expectedLoss,
      figure: 'loss',
      layer: id,
      cell: (s) => {
        const l = layerOf(s, id);
        return { value: l?.loss.mean ?? null, shown: l ? formatEuro(l.loss.mean, language) : '–', detail: l && l.loss.p90 !== null ? t.fund.lossP90(formatEuro(l.loss.p90, language)) : '' };
      },
    },
  ];
  const impactRows: Row[] = [
    {
      key: 'workerYears',
      label: t.fund.workerYears,
      figure: 'workerYears',
      cell: (s) => ({ value: s.workerYears.mean, shown: formatCount(s.workerYears.mean, language), detail: band(s.workerYears, (v) => formatCount(v, language)) }),
    },
    {
      key: 'sustainedPlacements',
      label: t.fund.sustainedPlacements,
      figure: 'sustainedPlacements',
      cell: (s) => ({
        value: s.sustainedPlacements.mean,
        shown: formatCount(s.sustainedPlacements.mean, language),
        detail: band(s.sustainedPlacements, (v) => formatCount(v, language)),
      }),
    },
    {
      key: 'avoidedCostsPerEuroInvested',
      label: t.fund.avoidedPerEuro,
      figure: 'avoidedCostsPerEuroInvested',
      cell: (s) => ({
        value: s.avoidedCostsPerEuroInvested.mean,
        shown: s.avoidedCostsPerEuroInvested.mean === null ? '–' : formatEuro(s.avoidedCostsPerEuroInvested.mean, language, 2),
        detail: band(s.avoidedCostsPerEuroInvested, (v) => formatEuro(v, language, 2)),
      }),
    },
    {
      key: 'municipalityNetPosition',
      label: t.fund.municipalityNet,
      figure: 'municipalityNetPosition',
      cell: (s) => ({
        value: s.municipalityNetPosition.mean,
        shown: formatEuro(s.municipalityNetPosition.mean, language),
        detail: band(s.municipalityNetPosition, (v) => formatEuro(v, language)),
      }),
    },
  ];

  const body = (rows: Row[]) =>
    rows.map((row) => (
      <tr key={row.key}>
        <th scope="row">{row.label}</th>
        {figures.map((s, i) => {
          const c = row.cell(s);
          return (
            <td key={s.name} data-figure={row.figure} data-layer={row.layer} data-strategy={i} data-value={c.value === null ? '' : String(c.value)}>
              <span class="cell-value">{c.shown}</span>
              {c.detail ? <span class="cell-detail">{c.detail}</span> : null}
            </td>
          );
        })}
      </tr>
    ));

  return (
    <div class="fund-results" id="fund-results">
      <p class="hint">{t.fund.resultsHint(formatCount(figures[0]?.iterations ?? 0, language), figures[0]?.seed ?? 0)}</p>
      <div class="table-scroll">
        <table class="comparison" id="fund-comparison">
          <caption>{t.fund.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.fund.figure}</th>
              {figures.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          {layers.map((layer) => (
            <tbody key={layer.id} data-layer={layer.id}>
              <tr class="group-row">
                <th scope="rowgroup" colSpan={figures.length + 1}>
                  {layer.name}
                </th>
              </tr>
              {body(layerRows(layer.id))}
            </tbody>
          ))}
          <tbody>
            <tr class="group-row">
              <th scope="rowgroup" colSpan={figures.length + 1}>
                {t.fund.impact}
              </th>
            </tr>
            {body(impactRows)}
          </tbody>
        </table>
      </div>

      <Chart id="chart-loss-chance" title={t.fund.chartLossChance} spec={lossChanceSpec(figures, t.fund.columns)} formatCell={cellFormat(language)} />
      <div class="toolbar">
        <label for="loss-layer">{t.fund.lossLayer}</label>
        <select id="loss-layer" value={lossLayer} onChange={(e) => setChosenLayer((e.currentTarget as HTMLSelectElement).value)}>
          {layers.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <Chart
        id="chart-loss-distribution"
        title={t.fund.chartLossDistribution(layers.find((l) => l.id === lossLayer)?.name ?? '')}
        spec={lossDistributionSpec(figures, lossLayer, t.fund.columns)}
        formatCell={cellFormat(language)}
      />
      <h4>{t.fund.chartImpact}</h4>
      <div class="grid">
        <Chart id="chart-worker-years" title={t.fund.workerYears} spec={impactSpec(figures, t.fund.columns, (s) => s.workerYears, t.fund.workerYears)} formatCell={cellFormat(language)} />
        <Chart
          id="chart-placements"
          title={t.fund.sustainedPlacements}
          spec={impactSpec(figures, t.fund.columns, (s) => s.sustainedPlacements, t.fund.sustainedPlacements)}
          formatCell={cellFormat(language)}
        />
        <Chart
          id="chart-avoided"
          title={t.fund.avoidedPerEuro}
          spec={impactSpec(figures, t.fund.columns, (s) => s.avoidedCostsPerEuroInvested, t.fund.avoidedPerEuro)}
          formatCell={cellFormat(language)}
        />
      </div>
    </div>
  );
}

type Columns = { strategy: string; layer: string; chance: string; lossFrom: string; lossTo: string; share: string; measure: string; value: string };

function cellFormat(language: Language) {
  return (_column: string, value: unknown) => (typeof value === 'number' ? formatInputNumber(value, language, 4) : String(value ?? ''));
}

const colour = (figures: StrategyFigures[]) => ({ domain: figures.map((s) => s.name), range: STRATEGY_COLOURS.slice(0, Math.max(1, figures.length)) });

/**
 * One row per layer, the layer's full name above its bars (several layers of one provider differ
 * only at the end of their names, which an axis label would cut off), one bar per strategy.
 */
function lossChanceSpec(figures: StrategyFigures[], c: Columns): Record<string, unknown> {
  const values = figures.flatMap((s) => s.layers.map((l) => ({ [c.strategy]: s.name, [c.layer]: l.name, [c.chance]: l.lossChance ?? 0 })));
  const order = [...new Set(values.map((v) => v[c.layer] as string))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    facet: { row: { field: c.layer, type: 'nominal', title: null, sort: order, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelLimit: 0 } } },
    spacing: 4,
    spec: {
      height: { step: 14 },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: c.strategy, type: 'nominal', title: null, sort: null, axis: null },
        x: { field: c.chance, type: 'quantitative', title: c.chance, scale: { domain: [0, 1] }, axis: { format: '.0%', labelOverlap: true } },
        color: { field: c.strategy, type: 'nominal', scale: colour(figures), legend: { orient: 'bottom', direction: 'vertical', title: null, labelLimit: 180 } },
      },
    },
  };
}

function lossDistributionSpec(figures: StrategyFigures[], layerId: string, c: Columns): Record<string, unknown> {
  const values = figures.flatMap((s) => {
    const layer = s.layers.find((l) => l.id === layerId);
    if (!layer) return [];
    return layer.lossHistogram.map((b) => ({ [c.strategy]: s.name, [c.lossFrom]: b.from, [c.lossTo]: b.to, [c.share]: s.iterations ? b.count / s.iterations : 0 }));
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    mark: { type: 'rect', opacity: 0.6, tooltip: true },
    height: 200,
    encoding: {
      x: { field: c.lossFrom, type: 'quantitative', title: c.lossFrom.replace(/\s*\(.*\)$/, '') + ' (€)', axis: { format: '~s', labelOverlap: true } },
      x2: { field: c.lossTo },
      y: { field: c.share, type: 'quantitative', title: c.share, axis: { format: '.0%' } },
      y2: { datum: 0 },
      color: { field: c.strategy, type: 'nominal', scale: colour(figures), legend: { orient: 'bottom', direction: 'vertical', title: null, labelLimit: 180 } },
    },
  };
}

/** One impact figure per strategy (mean, with the P10 – P90 band as a rule): a single view, so it follows its container's width. */
function impactSpec(figures: StrategyFigures[], c: Columns, pick: (s: StrategyFigures) => Statistic, measure: string): Record<string, unknown> {
  const low = `${c.value} P10`;
  const high = `${c.value} P90`;
  const values = figures.map((s) => ({ [c.strategy]: s.name, [measure]: pick(s).mean ?? 0, [low]: pick(s).p10 ?? 0, [high]: pick(s).p90 ?? 0 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    height: { step: 22 },
    encoding: { y: { field: c.strategy, type: 'nominal', title: null, sort: null, axis: { labels: false, ticks: false } } },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: measure, type: 'quantitative', title: measure, axis: { format: '~s' } },
          color: { field: c.strategy, type: 'nominal', scale: colour(figures), legend: { orient: 'bottom', direction: 'vertical', title: null, labelLimit: 180 } },
        },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { field: low, type: 'quantitative' }, x2: { field: high } } },
    ],
  };
}

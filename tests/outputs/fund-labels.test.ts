import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  evaluatePortfolioExpected,
  LayerKindSchema,
  PORTFOLIO_SCALAR_OUTPUTS,
  PORTFOLIO_SERIES_OUTPUTS,
  PortfolioSchema,
  type PortfolioEvaluation,
} from '../../models/portfolio/index.js';
import { layersFromDescriptions } from '../../outputs/tables/layer-names.js';
import { outputLabel, parseLayerOutputName, portfolioOutputLabel } from '../../outputs/tables/output-labels.js';
import { LANGUAGES, textsFor } from '../../outputs/texts/index.js';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';
import { columnsOf, findRow, readWorkbook, startOutputService, type OutputService } from './output-service.js';

/**
 * A fund's (portfolio's) results speak the user's language: every output of the portfolio model,
 * each capital layer's outputs and the kinds of layer have a Dutch and an English label, and the
 * Dutch downloads show the Dutch label, never the model's English description, beside the same
 * numbers the JSON answer gives.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const nl = textsFor('nl');
const en = textsFor('en');

/** The model's own English description of every output the presets produce, by name. */
function presetEvaluations(): PortfolioEvaluation[] {
  return PORTFOLIO_PRESETS.flatMap((preset) => [preset.portfolio, ...preset.strategies.map((s) => s.portfolio)]).map((input) => {
    const evaluated = evaluatePortfolioExpected(PortfolioSchema.parse(input));
    if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.error));
    return evaluated.value;
  });
}
const evaluations = presetEvaluations();
const ENGLISH_DESCRIPTIONS = new Set<string>([
  ...PORTFOLIO_SCALAR_OUTPUTS.map(([, , description]) => description),
  ...PORTFOLIO_SERIES_OUTPUTS.map(([, , description]) => description),
  ...evaluations.flatMap((e) => e.outputs.map((o) => o.description)),
]);

/** The keys of an object, nested, with the kind of each leaf: two dictionaries of one shape give the same list. */
function shape(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${prefix}:${Array.isArray(value) ? 'array' : typeof value}`];
  return Object.keys(value)
    .sort()
    .flatMap((key) => shape((value as Record<string, unknown>)[key], prefix === '' ? key : `${prefix}.${key}`));
}

describe('fund labels in the texts', () => {
  it('gives the Dutch and English dictionaries the same shape', () => {
    expect(shape(nl)).toEqual(shape(en));
    expect(Object.keys(nl.fund.outputs).sort()).toEqual([...PORTFOLIO_SCALAR_OUTPUTS, ...PORTFOLIO_SERIES_OUTPUTS].map(([name]) => name).sort());
  });

  it('labels every fixed portfolio output in both languages, Dutch distinct from English and from the model description', () => {
    for (const [name, , description] of [...PORTFOLIO_SCALAR_OUTPUTS, ...PORTFOLIO_SERIES_OUTPUTS]) {
      for (const language of LANGUAGES) {
        const label = portfolioOutputLabel(name, textsFor(language));
        expect(label.trim(), `${language} ${name}`).not.toBe('');
        expect(label, `${language} ${name}`).not.toBe(name);
        expect(label, `${language} ${name}`).not.toBe(description);
        // Results of unknown model (simulations, sensitivity) are labelled too.
        expect(outputLabel(name, textsFor(language), description), `${language} ${name}`).not.toBe(description);
      }
      expect(portfolioOutputLabel(name, nl), name).not.toBe(portfolioOutputLabel(name, en));
    }
  });

  it('labels every output of every preset fund and strategy, per-layer outputs included, with the layer named by its provider', () => {
    for (const evaluation of evaluations) {
      const names = [...evaluation.outputs.map((o) => o.name), ...Object.keys(evaluation.yearly)];
      expect(names.filter((name) => name.startsWith('layer')).length).toBeGreaterThan(0);
      for (const name of names) {
        const dutch = portfolioOutputLabel(name, nl, evaluation.layers);
        const english = portfolioOutputLabel(name, en, evaluation.layers);
        expect(ENGLISH_DESCRIPTIONS.has(dutch), `${name}: "${dutch}"`).toBe(false);
        expect(ENGLISH_DESCRIPTIONS.has(english), `${name}: "${english}"`).toBe(false);
        expect(dutch, name).not.toBe(name);
        expect(dutch, name).not.toBe(english);
        const layer = parseLayerOutputName(name);
        if (layer !== null) {
          // Named by the provider (the presets' providers are distinct), not by the model's id.
          const provider = evaluation.layers.find((l) => l.id === layer.layerId)!.provider;
          expect(dutch).toContain(`'${provider}'`);
          expect(dutch).not.toContain(`'${layer.layerId}'`);
          // Without the layers (a result of unknown model) the id is all there is.
          expect(outputLabel(name, nl)).toContain(`'${layer.layerId}'`);
        }
      }
    }
  });

  it('reads a per-layer output name back into the layer id and metric', () => {
    expect(parseLayerOutputName('layerEersteVerliesLossOccurred')).toEqual({ layerId: 'eersteVerlies', metric: 'LossOccurred' });
    expect(parseLayerOutputName('layerGemeenteLoss')).toEqual({ layerId: 'gemeente', metric: 'Loss' });
    expect(parseLayerOutputName('layerSeniorNetFlow')).toEqual({ layerId: 'senior', metric: 'NetFlow' });
    expect(parseLayerOutputName('layerA2PaidIn')).toEqual({ layerId: 'a2', metric: 'PaidIn' });
    expect(parseLayerOutputName('fundIrr')).toBeNull();
  });

  it('reads each layer’s provider back from the portfolio model’s output descriptions', () => {
    for (const evaluation of evaluations) {
      const read = layersFromDescriptions(evaluation.outputs);
      expect(read).toEqual(evaluation.layers.map((layer) => ({ id: layer.id, provider: layer.provider })));
    }
  });

  it('names every kind of capital layer in both languages', () => {
    for (const kind of LayerKindSchema.options) {
      expect(nl.fund.layerKinds[kind]).not.toBe(kind);
      expect(nl.fund.layerKinds[kind]).not.toBe(en.fund.layerKinds[kind]);
      expect(en.fund.layerKinds[kind].trim()).not.toBe('');
    }
  });
});

describe('fund downloads in Dutch and English', () => {
  let service: OutputService;
  beforeAll(async () => {
    service = await startOutputService();
  });
  afterAll(() => service.close());

  // The Rotterdam preset has all four kinds of layer (grant, first loss, junior, senior).
  const preset = PORTFOLIO_PRESETS.find((p) => p.id === 'rotterdam-place-based-fund')!;

  function numberCell(cell: ExcelJS.Cell): number {
    expect(cell.type, `cell ${cell.address} holds a number`).toBe(ExcelJS.ValueType.Number);
    return cell.value as number;
  }

  it('shows the Dutch label of every summary and yearly row of the fund workbook, beside the JSON answer’s numbers', async () => {
    const json: PortfolioEvaluation = await (await service.post('/portfolios/evaluate', preset.portfolio)).json();
    const response = await service.post('/portfolios/evaluate?format=xlsx', preset.portfolio);
    expect(response.status).toBe(200);
    const workbook = await readWorkbook(response);

    const summary = workbook.getWorksheet('Samenvatting')!;
    const s = columnsOf(summary);
    expect(summary.rowCount - 1).toBe(json.outputs.length);
    for (const output of json.outputs) {
      const row = findRow(summary, { [s.get('Naam')!]: output.name });
      const label = row.getCell(s.get('Omschrijving')!).value;
      expect(label, output.name).toBe(portfolioOutputLabel(output.name, nl, json.layers));
      expect(label, output.name).not.toBe(output.description);
      const value = json.summary[output.name];
      if (value === null) expect(row.getCell(s.get('Waarde')!).value).toBeNull();
      else expect(numberCell(row.getCell(s.get('Waarde')!))).toBe(value);
    }
    expect(findRow(summary, { [s.get('Naam')!]: 'fundIrr' }).getCell(s.get('Omschrijving')!).value).toBe('Rendement van het fonds (IRR, na fondskosten, alle lagen samen)');
    expect(findRow(summary, { [s.get('Naam')!]: 'layerEersteVerliesLoss' }).getCell(s.get('Omschrijving')!).value).toBe(
      "Verlies van laag 'Zes vermogensfondsen (achtergesteld)'",
    );

    const yearly = workbook.getWorksheet('Kasstromen per jaar')!;
    const y = columnsOf(yearly);
    for (const [name, values] of Object.entries(json.yearly)) {
      const row = findRow(yearly, { [y.get('Naam')!]: name });
      expect(row.getCell(y.get('Reeks')!).value, name).toBe(portfolioOutputLabel(name, nl, json.layers));
      json.years.forEach((year, k) => expect(numberCell(row.getCell(y.get(year)!))).toBe(values[k]));
    }
    expect(findRow(yearly, { [y.get('Naam')!]: 'yearlyFundCash' }).getCell(y.get('Reeks')!).value).toBe('Kaspositie van het fonds aan het einde van het jaar');
    expect(findRow(yearly, { [y.get('Naam')!]: 'yearlyEnterprisesActive' }).getCell(y.get('Reeks')!).value).toBe('Ondernemingen actief');

    const layers = workbook.getWorksheet('Kapitaallagen')!;
    const l = columnsOf(layers);
    for (const layer of json.layers) {
      const row = findRow(layers, { [l.get('Laag')!]: layer.provider });
      expect(row.getCell(l.get('Soort')!).value).toBe(nl.fund.layerKinds[layer.kind]);
      expect(numberCell(row.getCell(l.get('Gestort')!))).toBe(layer.paidIn);
      expect(numberCell(row.getCell(l.get('Verlies')!))).toBe(layer.loss);
    }
    expect(findRow(layers, { [l.get('Laag')!]: 'Zes vermogensfondsen (achtergesteld)' }).getCell(l.get('Soort')!).value).toBe('Eerste-verlieslaag (first loss)');

    // No cell of the Dutch workbook's result sheets holds one of the model's English descriptions.
    for (const sheet of [summary, yearly, layers, workbook.getWorksheet('Kasstromen per laag')!])
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string') return;
          expect(ENGLISH_DESCRIPTIONS.has(cell.value), `${sheet.name}!${cell.address}: ${cell.value}`).toBe(false);
        }),
      );
  });

  it('shows the English labels with ?lang=en', async () => {
    const workbook = await readWorkbook(await service.post('/portfolios/evaluate?format=xlsx&lang=en', preset.portfolio));
    const summary = workbook.getWorksheet('Summary')!;
    const s = columnsOf(summary);
    expect(findRow(summary, { [s.get('Name')!]: 'municipalityNetPosition' }).getCell(s.get('Description')!).value).toBe("The municipality's net position");
    const layers = workbook.getWorksheet('Capital layers')!;
    const l = columnsOf(layers);
    expect(findRow(layers, { [l.get('Layer')!]: 'Zes vermogensfondsen (schenking)' }).getCell(l.get('Kind')!).value).toBe('Grant (not repaid)');
  });

  it('writes the Dutch labels into the fund CSV, the layer kind translated', async () => {
    const json: PortfolioEvaluation = await (await service.post('/portfolios/evaluate', preset.portfolio)).json();
    const response = await service.post('/portfolios/evaluate?format=csv', preset.portfolio);
    expect(response.status).toBe(200);
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true, skip_empty_lines: true });
    for (const output of json.outputs) {
      const row = rows.find((r) => r.section === 'summary' && r.name === output.name)!;
      expect(row.label, output.name).toBe(portfolioOutputLabel(output.name, nl, json.layers));
      expect(row.value === '' ? null : Number(row.value)).toBe(json.summary[output.name]);
    }
    const yearly = rows.find((r) => r.section === 'yearly' && r.name === 'yearlyCapitalCalls' && r.period === json.years[0])!;
    expect(yearly.label).toBe('Kapitaalopvragingen (alle lagen)');
    expect(Number(yearly.value)).toBe(json.yearly.yearlyCapitalCalls[0]);
    const senior = rows.find((r) => r.section === 'layer' && r.name === 'gemeente' && r.statistic === 'committed')!;
    expect(senior.label).toBe('Senior (eerst terugbetaald)');
  });

  it('labels a fund’s Monte Carlo result in Dutch, per-layer outputs included', async () => {
    const submitted = await service.post(
      '/simulations',
      { model: { kind: 'portfolio', portfolio: preset.portfolio }, settings: { seed: 7, iterations: 200 } },
      { prefer: 'wait=60' },
    );
    expect(submitted.status).toBe(200);
    const job = await submitted.json();
    const result: { outputs: { name: string; description: string; mean: number | null }[] } = await (await fetch(`${service.baseUrl}/simulations/${job.id}/result`)).json();
    const workbook = await readWorkbook(await fetch(`${service.baseUrl}/simulations/${job.id}/result?format=xlsx`));
    const summary = workbook.getWorksheet('Samenvatting')!;
    const s = columnsOf(summary);
    for (const output of result.outputs) {
      const row = findRow(summary, { [s.get('Naam')!]: output.name });
      const label = String(row.getCell(s.get('Omschrijving')!).value);
      expect(label, output.name).not.toBe(output.description);
      // The result carries no model; its per-layer outputs' descriptions name the provider (layersFromDescriptions).
      expect(label, output.name).toBe(outputLabel(output.name, nl, output.description, layersFromDescriptions(result.outputs)));
      if (parseLayerOutputName(output.name) !== null) expect(label, output.name).not.toMatch(/'(schenking|eersteVerlies|junior|gemeente)'/);
      if (output.mean === null) expect(row.getCell(s.get('Gemiddelde')!).value).toBeNull();
      else expect(numberCell(row.getCell(s.get('Gemiddelde')!))).toBe(output.mean);
    }
  });
});

import type { Contract } from '../../models/contract/index.js';
import type { SensitivityResult } from '../../models/sensitivity/index.js';
import { capitalise, inputLabel, inputUnit } from '../inputs/input-labels.js';
import type { Texts } from '../texts/index.js';
import type { AboutEntry } from './about-table.js';
import { outputLabel } from './output-labels.js';
import { formatForUnit, type Cell, type CellFormat, type Table } from './table.js';

/** Tables of any sensitivity method; inputs are labelled from the contract when the model is one. */

export function sensitivityAboutEntries(result: SensitivityResult, texts: Texts): AboutEntry[] {
  const a = texts.workbook.about;
  const outputFormat = formatForUnit(result.output.unit);
  const entries: AboutEntry[] = [
    { label: a.method, value: result.method },
    { label: a.output, value: `${outputLabel(result.output.name, texts)} (${result.output.name})` },
    { label: a.modelRuns, value: result.modelRuns, format: 'integer' },
  ];
  if ('seed' in result) entries.push({ label: a.seed, value: result.seed, format: 'integer' });
  if ('baseOutput' in result) entries.push({ label: a.baseOutput, value: result.baseOutput, format: outputFormat });
  if (result.method === 'break-even') {
    entries.push({ label: a.searchRange, value: `${result.searchRange.low} – ${result.searchRange.high} (${result.searchRange.from})` });
    if (result.found) {
      entries.push({ label: a.breakEvenValue, value: result.value, format: formatForUnit(inputUnit(result.input)) });
      entries.push({ label: a.outputAtValue, value: result.outputAtValue, format: outputFormat });
    } else {
      entries.push({ label: a.found, value: a.notFound });
    }
  }
  if (result.method === 'value-of-information') {
    // Each estimate with its bootstrap interval (the about sheet's rows: value, low, high).
    const c = texts.workbook.columns;
    const withInterval = (label: string, value: number, interval: { low: number; high: number }, format: typeof outputFormat | 'percent') => {
      entries.push({ label, value, format });
      entries.push({ label: `${label}: ${c.intervalLow.toLowerCase()} (${Math.round(result.confidenceLevel * 100)}%)`, value: interval.low, format });
      entries.push({ label: `${label}: ${c.intervalHigh.toLowerCase()} (${Math.round(result.confidenceLevel * 100)}%)`, value: interval.high, format });
    };
    withInterval(a.expectedOutput, result.expectedOutput, result.expectedOutputInterval, outputFormat);
    withInterval(a.probabilityPositive, result.probabilityPositive, result.probabilityPositiveInterval, 'percent');
    withInterval(a.evpi, result.evpi, result.evpiInterval, outputFormat);
  }
  if (result.method === 'sobol') entries.push({ label: a.sumOfFirstOrder, value: result.sumOfFirstOrder, format: 'ratio' });
  return entries;
}

/** The method's table, or null for break-even, whose answer fits on the about sheet. */
export function sensitivityTable(result: SensitivityResult, contract: Contract | undefined, texts: Texts): Table | null {
  const c = texts.workbook.columns;
  const label = (path: string) => capitalise(inputLabel(path, contract, texts));
  const outputFormat = formatForUnit(result.output.unit);
  const lead = [
    { header: c.label, format: 'text' as const, width: 52 },
    { header: c.path, format: 'text' as const, width: 44 },
  ];
  const sheet = texts.workbook.sheets.sensitivity;
  switch (result.method) {
    case 'tornado':
      return {
        sheet,
        columns: [
          ...lead,
          { header: c.low, format: 'row', width: 14 },
          { header: c.high, format: 'row', width: 14 },
          { header: c.outputAtLow, format: outputFormat, width: 18 },
          { header: c.outputAtHigh, format: outputFormat, width: 18 },
          { header: c.swing, format: outputFormat, width: 16 },
          { header: c.rangeFrom, format: 'text', width: 26 },
        ],
        rows: result.bars.map((bar) => [label(bar.path), bar.path, bar.low, bar.high, bar.outputAtLow, bar.outputAtHigh, bar.swing, texts.workbook.rangeFrom[bar.rangeFrom]]),
        rowFormats: result.bars.map((bar) => formatForUnit(inputUnit(bar.path))),
        frozenColumns: 1,
      };
    case 'spider': {
      const rows: Cell[][] = [];
      const rowFormats: CellFormat[] = [];
      for (const line of result.lines) {
        for (const point of line.points) {
          rows.push([label(line.path), line.path, point.quantile, point.value, point.output]);
          rowFormats.push(formatForUnit(inputUnit(line.path)));
        }
      }
      return {
        sheet,
        columns: [
          ...lead,
          { header: c.quantile, format: 'percent', width: 10 },
          { header: c.inputValue, format: 'row', width: 14 },
          { header: c.output, format: outputFormat, width: 18 },
        ],
        rows,
        rowFormats,
        frozenColumns: 1,
      };
    }
    case 'break-even':
      return null;
    case 'two-way':
      return {
        sheet: texts.workbook.sheets.grid,
        columns: [
          { header: `${result.y.path} \\ ${result.x.path}`, format: formatForUnit(inputUnit(result.y.path)), width: 30 },
          ...result.x.values.map((value) => ({ header: String(value), format: outputFormat, width: 14 })),
        ],
        rows: result.y.values.map((value, row): Cell[] => [value, ...result.outputs[row]]),
        frozenColumns: 1,
      };
    case 'sobol':
      return {
        sheet,
        columns: [
          ...lead,
          { header: c.firstOrder, format: 'ratio', width: 12 },
          { header: `${c.firstOrder}: ${c.intervalLow}`, format: 'ratio', width: 14 },
          { header: `${c.firstOrder}: ${c.intervalHigh}`, format: 'ratio', width: 14 },
          { header: c.totalOrder, format: 'ratio', width: 12 },
          { header: `${c.totalOrder}: ${c.intervalLow}`, format: 'ratio', width: 14 },
          { header: `${c.totalOrder}: ${c.intervalHigh}`, format: 'ratio', width: 14 },
        ],
        rows: result.indices.map((i) => [
          label(i.path),
          i.path,
          i.firstOrder.estimate,
          i.firstOrder.low,
          i.firstOrder.high,
          i.totalOrder.estimate,
          i.totalOrder.low,
          i.totalOrder.high,
        ]),
        frozenColumns: 1,
      };
    case 'morris':
      return {
        sheet,
        columns: [
          ...lead,
          { header: c.mu, format: outputFormat, width: 16 },
          { header: c.muStandardError, format: outputFormat, width: 16 },
          { header: c.muStar, format: outputFormat, width: 16 },
          { header: c.muStarConfidence, format: outputFormat, width: 16 },
          { header: c.sigma, format: outputFormat, width: 16 },
        ],
        rows: result.effects.map((e) => [label(e.path), e.path, e.mu, e.muStandardError, e.muStar, e.muStarConfidence, e.sigma]),
        frozenColumns: 1,
      };
    case 'rank-correlation':
      return {
        sheet,
        columns: [
          ...lead,
          { header: c.spearman, format: 'ratio', width: 12 },
          { header: c.intervalLow, format: 'ratio', width: 12 },
          { header: c.intervalHigh, format: 'ratio', width: 12 },
          { header: c.prcc, format: 'ratio', width: 16 },
          { header: c.intervalLow, format: 'ratio', width: 12 },
          { header: c.intervalHigh, format: 'ratio', width: 12 },
        ],
        rows: result.coefficients.map((k) => [
          label(k.path),
          k.path,
          k.spearman,
          k.spearmanInterval?.low ?? null,
          k.spearmanInterval?.high ?? null,
          k.prcc,
          k.prccInterval?.low ?? null,
          k.prccInterval?.high ?? null,
        ]),
        frozenColumns: 1,
      };
    case 'value-of-information':
      return {
        sheet,
        columns: [
          ...lead,
          { header: c.evppi, format: outputFormat, width: 16 },
          { header: c.intervalLow, format: outputFormat, width: 16 },
          { header: c.intervalHigh, format: outputFormat, width: 16 },
        ],
        rows: result.perInput.map((i) => [label(i.path), i.path, i.evppi, i.evppiInterval.low, i.evppiInterval.high]),
        frozenColumns: 1,
      };
  }
}

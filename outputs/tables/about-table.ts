import type { Texts } from '../texts/index.js';
import type { Cell, CellFormat, Table } from './table.js';

/** One line of the first sheet: what was calculated, with which seed and version. */
export interface AboutEntry {
  label: string;
  value: Cell;
  format?: CellFormat;
}

/** The sheet that makes a download traceable: title, version, seed, settings, sources. */
export function aboutTable(texts: Texts, entries: AboutEntry[]): Table {
  const all: AboutEntry[] = [{ label: texts.workbook.about.title, value: texts.workbook.about.note }, ...entries];
  return {
    sheet: texts.workbook.sheets.about,
    columns: [
      { header: texts.workbook.columns.item, format: 'text', width: 42 },
      { header: texts.workbook.columns.value, format: 'row', width: 90 },
    ],
    rows: all.map((entry) => [entry.label, entry.value]),
    rowFormats: all.map((entry) => entry.format ?? (typeof entry.value === 'number' ? 'number' : 'text')),
  };
}

/** Common entries: software version and the time the download was made. */
export function provenanceEntries(texts: Texts, provenance: Provenance): AboutEntry[] {
  return [
    { label: texts.workbook.about.softwareVersion, value: provenance.softwareVersion },
    { label: texts.workbook.about.generatedAt, value: provenance.generatedAt },
  ];
}

/**
 * A report's entries after its provenance: the simulation job it showed (while the service keeps
 * it) and what the caller said about the scenario (its assumptions, each source on its own line).
 */
export function reportRunEntries(
  texts: Texts,
  simulationId: string | null,
  context: { assumptions?: string; sources?: { label: string; url?: string }[] } | undefined,
): AboutEntry[] {
  const a = texts.workbook.about;
  return [
    ...(simulationId === null ? [] : [{ label: texts.report.simulationId, value: `/simulations/${simulationId}` }]),
    ...(context?.assumptions ? [{ label: a.assumptions, value: context.assumptions }] : []),
    ...(context?.sources ?? []).map((source) => ({ label: a.sources, value: source.url ? `${source.label} (${source.url})` : source.label })),
  ];
}

/** Where a download came from; the HTTP edge supplies it (outputs/ reads no clock). */
export interface Provenance {
  softwareVersion: string;
  /** ISO 8601 time the download was made. */
  generatedAt: string;
}

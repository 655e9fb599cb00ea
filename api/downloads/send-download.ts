import type { Response } from 'express';
import type { Provenance } from '../../outputs/index.js';
import { SOFTWARE_VERSION } from '../version.js';
import { MEDIA_TYPES, type DownloadFormat } from './negotiate.js';

/** The version and time stamped on a download; the clock is read here, at the edge. */
export function provenanceNow(): Provenance {
  return { softwareVersion: SOFTWARE_VERSION, generatedAt: new Date().toISOString() };
}

/** A file name made of the result's name: lower case ASCII letters, digits and dashes. */
export function fileName(name: string, suffix: string, format: DownloadFormat): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'resultaat'}-${suffix}.${format}`;
}

/**
 * Sends a file: spreadsheets and CSV as attachments, HTML and PDF inline so a browser shows
 * them (both still carry a file name for saving).
 */
export function sendDownload(res: Response, format: DownloadFormat, body: Buffer | string, name: string): void {
  const disposition = format === 'html' || format === 'pdf' ? 'inline' : 'attachment';
  const type = format === 'csv' || format === 'html' ? `${MEDIA_TYPES[format]}; charset=utf-8` : MEDIA_TYPES[format];
  res.set({ 'Content-Type': type, 'Content-Disposition': `${disposition}; filename="${name}"`, Vary: 'Accept' });
  res.send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
}

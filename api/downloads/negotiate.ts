import type { Request } from 'express';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../../outputs/index.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';

/**
 * Which representation a result goes out in: the `format` query parameter (for download
 * links, which cannot set headers) wins, then the Accept header; JSON when neither asks.
 */

export const DOWNLOAD_FORMATS = ['json', 'xlsx', 'csv', 'html', 'pdf'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const MEDIA_TYPES: Record<DownloadFormat, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  html: 'text/html',
  pdf: 'application/pdf',
};

/** Query parameters of every endpoint that can download: documented in the OpenAPI document. */
export function downloadQuerySchema<F extends DownloadFormat>(formats: readonly [F, ...F[]]) {
  return z.object({
    format: z
      .enum(formats)
      .optional()
      .describe('Download as this format (overrides the Accept header): ' + formats.join(', ') + '.'),
    lang: z.enum(LANGUAGES).optional().describe('Language of labels and sheet names in xlsx and CSV: nl (default) or en.'),
  });
}

function badQuery(name: string, message: string): HttpProblem {
  return new HttpProblem({
    type: PROBLEM_BASE + 'invalid-input',
    title: 'The request is not valid',
    status: 400,
    errors: [{ path: `query.${name}`, pointer: `#/query/${name}`, message }],
  });
}

/** The `format` query parameter when present and allowed; a 400 naming the allowed formats when not allowed. */
export function formatFromQuery<F extends DownloadFormat>(req: Request, allowed: readonly F[]): F | undefined {
  const value = req.query.format;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw badQuery('format', `must be one of ${allowed.join(', ')}`);
  return value as F;
}

/** The format to answer in: the query, else the best Accept match, else the first allowed; 406 when Accept rules all out. */
export function negotiateFormat<F extends DownloadFormat>(req: Request, allowed: readonly [F, ...F[]]): F {
  const fromQuery = formatFromQuery(req, allowed);
  if (fromQuery !== undefined) return fromQuery;
  if (req.get('accept') === undefined) return allowed[0];
  const match = req.accepts(allowed.map((format) => MEDIA_TYPES[format]));
  if (match === false) {
    throw new HttpProblem({
      type: PROBLEM_BASE + 'not-acceptable',
      title: 'None of the accepted media types is available',
      status: 406,
      detail: `Available: ${allowed.map((format) => MEDIA_TYPES[format]).join(', ')} (or ?format=${allowed.join('|')}).`,
    });
  }
  return allowed.find((format) => MEDIA_TYPES[format] === match) ?? allowed[0];
}

export function languageFromQuery(req: Request): Language {
  const value = req.query.lang;
  if (value === undefined) return DEFAULT_LANGUAGE;
  if (!isLanguage(value)) throw badQuery('lang', `must be one of ${LANGUAGES.join(', ')}`);
  return value;
}

import express, { Router } from 'express';
import { fileURLToPath } from 'node:url';

/**
 * The web page at `/` (plain HTML and ES modules from web/, no build step) and the three chart
 * libraries it loads, served from the installed packages at /vendor/ so the page needs no CDN.
 * Only these named files are exposed, never the rest of node_modules.
 */

const projectRoot = new URL('../', import.meta.url);
const WEB_ROOT = fileURLToPath(new URL('web/', projectRoot));

export const VENDOR_FILES: Record<string, string> = {
  'vega.min.js': 'node_modules/vega/build/vega.min.js',
  'vega-lite.min.js': 'node_modules/vega-lite/build/vega-lite.min.js',
  'vega-embed.min.js': 'node_modules/vega-embed/build/vega-embed.min.js',
};

/** A day: the files change only with the installed package versions. */
const VENDOR_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function webAssetRoutes(): Router {
  const router = Router();
  router.use(express.static(WEB_ROOT, { index: 'index.html', fallthrough: true }));
  for (const [name, path] of Object.entries(VENDOR_FILES)) {
    const file = fileURLToPath(new URL(path, projectRoot));
    router.get(`/vendor/${name}`, (_req, res) => res.sendFile(file, { maxAge: VENDOR_MAX_AGE_MS, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }));
  }
  return router;
}

import { Router, type Response } from 'express';
import { build, type BuildResult } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * The web workbench at `/`: web/index.html, plus the TypeScript/TSX app in web/src/ bundled by
 * esbuild IN MEMORY once per process (no build step, no artefacts in git: `npm start` and
 * `npm test` need nothing else). The bundle starts building when the routes are created and the
 * first request for /app.js waits for it; it takes a few hundred milliseconds (see web/README.md).
 * The three chart libraries are served from the installed packages at /vendor/ so the page needs
 * no CDN. Only these named files are exposed, never web/src or the rest of node_modules.
 */

const projectRoot = new URL('../', import.meta.url);
const WEB_ROOT = fileURLToPath(new URL('web/', projectRoot));
const ENTRY = fileURLToPath(new URL('web/src/main.tsx', projectRoot));

export const VENDOR_FILES: Record<string, string> = {
  'vega.min.js': 'node_modules/vega/build/vega.min.js',
  'vega-lite.min.js': 'node_modules/vega-lite/build/vega-lite.min.js',
  'vega-embed.min.js': 'node_modules/vega-embed/build/vega-embed.min.js',
};

/** A day: the files change only with the installed package versions. */
const VENDOR_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface WebBundle {
  /** Output file name (app.js, app.css and their source maps) to its contents. */
  files: Map<string, Uint8Array>;
  /** How long esbuild took, in milliseconds. */
  buildMs: number;
}

/** Bundles web/src/main.tsx (and the CSS it imports) in memory. */
export async function buildWebBundle(): Promise<WebBundle> {
  const started = performance.now();
  const result: BuildResult<{ write: false }> = await build({
    entryPoints: { app: ENTRY },
    bundle: true,
    write: false,
    outdir: '/',
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) files.set(file.path.replace(/^.*\//, ''), file.contents);
  return { files, buildMs: performance.now() - started };
}

let bundle: Promise<WebBundle> | null = null;

/** The one bundle of this process, built on first use (route creation starts it). */
export function webBundle(): Promise<WebBundle> {
  bundle ??= buildWebBundle();
  return bundle;
}

const CONTENT_TYPES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.js.map': 'application/json; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.css.map': 'application/json; charset=utf-8',
};

async function sendBundleFile(name: string, res: Response): Promise<void> {
  let built: WebBundle;
  try {
    built = await webBundle();
  } catch (error) {
    // A broken web/src must not take the API down: the page says so, the API keeps answering.
    res.status(500).type('text/plain').send(`The web app could not be built: ${(error as Error).message}`);
    return;
  }
  const contents = built.files.get(name);
  if (contents === undefined) {
    res.status(404).end();
    return;
  }
  res.set({ 'Content-Type': CONTENT_TYPES[name], 'Cache-Control': 'no-cache' }).send(Buffer.from(contents));
}

export function webAssetRoutes(): Router {
  const router = Router();
  void webBundle().catch(() => undefined);
  router.get('/', (_req, res) => res.sendFile('index.html', { root: WEB_ROOT, headers: { 'Cache-Control': 'no-cache' } }));
  router.get('/index.html', (_req, res) => res.sendFile('index.html', { root: WEB_ROOT, headers: { 'Cache-Control': 'no-cache' } }));
  for (const name of Object.keys(CONTENT_TYPES)) router.get(`/${name}`, (_req, res) => void sendBundleFile(name, res));
  for (const [name, path] of Object.entries(VENDOR_FILES)) {
    const file = fileURLToPath(new URL(path, projectRoot));
    router.get(`/vendor/${name}`, (_req, res) => res.sendFile(file, { maxAge: VENDOR_MAX_AGE_MS, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }));
  }
  return router;
}


import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Prints an HTML page to PDF with the machine's Chromium (Debian's `chromium` package) through
 * playwright-core: no browser is downloaded. Each print launches a fresh headless browser and
 * closes it, so nothing outlives the request; at most `maxConcurrent` run at once.
 */

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** Two prints at once keep a two-core machine responsive. */
export const DEFAULT_MAX_CONCURRENT_PRINTS = 2;
/** A report prints in about a second; a minute means something is stuck. */
export const PRINT_TIMEOUT_MS = 60_000;

/**
 * Headless, no sandbox (containers run as root), and no background traffic: on a closed
 * network Chromium's update, sync and component checks would otherwise try to connect.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const FOOTER = `<div style="font-size:8px; width:100%; text-align:center; color:#555; font-family: Arial, sans-serif;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export interface PdfPrinter {
  /** False when the browser binary is missing: the edge answers 503 instead of failing. */
  available(): boolean;
  print(html: string): Promise<Buffer>;
}

export function createPdfPrinter(options: { executablePath?: string; maxConcurrent?: number } = {}): PdfPrinter {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  const maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT_PRINTS;
  let running = 0;
  const waiting: (() => void)[] = [];

  async function slot(): Promise<void> {
    if (running < maxConcurrent) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    available: () => existsSync(executablePath),
    async print(html) {
      await slot();
      try {
        const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: PRINT_TIMEOUT_MS });
        try {
          const page = await browser.newPage();
          // The report is self-contained: nothing to load, so the page is ready once set.
          await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
            displayHeaderFooter: true,
            headerTemplate: '<div></div>',
            footerTemplate: FOOTER,
          });
          return Buffer.from(pdf);
        } finally {
          await browser.close();
        }
      } finally {
        release();
      }
    },
  };
}

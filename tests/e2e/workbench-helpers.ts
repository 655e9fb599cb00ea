import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * Checks every workbench browser test runs on each screen: axe-core's accessibility rules, and
 * that nothing overflows a narrow (400 px) viewport and chart text stays readable.
 */

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's violations of impact serious or critical on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/**
 * Elements whose right edge lies beyond the viewport (a horizontal scroll bar on a phone), with
 * the page's own scroll width. Content inside a deliberately scrollable box (a wide data table in
 * .table-scroll) does not count; the box itself must fit.
 */
export async function overflowingElements(page: Page): Promise<{ scrollWidth: number; viewport: number; elements: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const elements: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (element.closest('.table-scroll') && !element.classList.contains('table-scroll')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > viewport + 0.5) elements.push(`${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${(element.getAttribute('class') ?? '').replace(/\s+/g, '.')} right=${Math.round(box.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport, elements: elements.slice(0, 20) };
  });
}

/** The smallest rendered font size of any text in the charts, in CSS pixels (after the SVG's own scaling). */
export async function smallestChartTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('.chart-canvas svg'))) {
      const drawn = svg.getBoundingClientRect().width;
      const own = svg.width.baseVal.value || drawn;
      const scale = own > 0 ? drawn / own : 1;
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        if (!text.textContent?.trim()) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      }
    }
    return smallest;
  });
}

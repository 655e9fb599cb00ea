import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS } from '../../outputs/pdf/print-pdf.js';
import { requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';
import { overflowingElements, seriousA11yViolations } from './workbench-helpers.js';
import { README_SCREENSHOTS } from '../support/readme-screenshots.js';

/**
 * The Results screen's who-gains view (issue 17, part 7) in real Chromium: the regional preset is
 * run as a job; each budget's, payer's, municipality's and perspective's figure on the page is the
 * number GET /simulations/{id}/result gives; the province's chance of loss is 1; English wording;
 * axe-core and the 400 px layout.
 */
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const PRESET = 'regional-contract-province';
const ITERATIONS = 500;

let service: OutputService;
let browser: Browser;
let page: Page;
const problems: string[] = [];

type Output = { name: string; mean: number | null };

beforeAll(async () => {
  const executablePath = requireChromium();
  service = await startOutputService();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${service.baseUrl}/#/contract`);
  await page.waitForSelector(`#preset option[value="${PRESET}"]`, { state: 'attached' });
  await page.selectOption('#preset', PRESET);
  await page.waitForFunction(() => document.querySelector('#contract-form') !== null);
  await page.click('a[data-route="results"]');
  await page.waitForSelector('#run');
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('who pays and who gains on the Results screen', () => {
  it('shows the run\'s own figures per budget, payer, municipality and perspective', async () => {
    await page.fill('#iterations', String(ITERATIONS));
    await page.click('#run');
    await page.waitForSelector('#who-gains [data-figure="budgetNet:uwv"]', { timeout: 90_000 });
    const jobId = (await page.locator('section[data-phase="succeeded"]').getAttribute('data-job'))!;
    const result = (await (await fetch(`${service.baseUrl}/simulations/${jobId}/result`)).json()) as { outputs: Output[] };
    const mean = (name: string) => result.outputs.find((o) => o.name === name)!.mean;
    const shown = async (figure: string) => Number(await page.locator(`#who-gains [data-figure="${figure}"]`).getAttribute('data-value'));
    expect(await shown('budgetNet:gemeenteInkomensdeel')).toBe(mean('budgetNet_gemeenteInkomensdeel'));
    expect(await shown('partyNet:gemeente')).toBe(mean('partyNet_gemeente'));
    expect(await shown('payerLossChance:provincie')).toBe(1);
    expect(await shown('payerLossChance:gemeenten')).toBe(mean('payerLoses_gemeenten'));
    expect(await shown('municipalityNet:randgemeente')).toBe(mean('municipalityNet_randgemeente'));
    expect(await shown('mkbaNonCash:society')).toBe(mean('mkbaNonCash_society'));
    await expect.poll(() => page.locator('#who-gains-heading').textContent(), { timeout: 10_000 }).toBe('Wie betaalt en wie wint');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('fits 400 px without horizontal overflow', async () => {
    await page.setViewportSize({ width: 400, height: 860 });
    await page.waitForTimeout(1000);
    const overflow = await overflowingElements(page);
    expect(overflow.elements, JSON.stringify(overflow)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lets a user add the defaults and a co-funding province to a contract without them, in the builder', async () => {
    await page.click('a[data-route="contract"]');
    await page.selectOption('#preset', 'small-municipality-pilot');
    await page.waitForFunction(() => document.querySelector('#contract-form') !== null);
    await page.check('#f-budgetHolders-present');
    await page.waitForSelector('[data-path="budgetHolders.effects[0].amount"]');
    await page.check('#f-funding-present');
    await page.waitForSelector('[data-path="funding.payers[1].share"]');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.click('a[data-route="results"]');
    const before = await page.locator('section[data-phase]').getAttribute('data-job');
    await page.fill('#iterations', String(ITERATIONS));
    await page.click('#run');
    // Wait for this run, not the regional one shown before.
    await page.waitForFunction(
      (previous) => {
        const section = document.querySelector('section[data-phase="succeeded"]');
        return section !== null && section.getAttribute('data-job') !== previous && document.querySelector('#who-gains [data-figure="payerLossChance:provincie"]') !== null;
      },
      before,
      { timeout: 90_000 },
    );
    const jobId = (await page.locator('section[data-phase="succeeded"]').getAttribute('data-job'))!;
    const result = (await (await fetch(`${service.baseUrl}/simulations/${jobId}/result`)).json()) as { outputs: Output[] };
    expect(result.outputs.some((o) => o.name === 'municipalityNet_randgemeente')).toBe(false);
    // The province gains no cash of its own: it loses its share in every run; the page shows the run's chance.
    expect(result.outputs.find((o) => o.name === 'payerLoses_provincie')!.mean).toBe(1);
    expect(Number(await page.locator('#who-gains [data-figure="payerLossChance:provincie"]').getAttribute('data-value'))).toBe(1);
    expect(Number(await page.locator('#who-gains [data-figure="budgetNet:uwv"]').getAttribute('data-value'))).toBe(
      result.outputs.find((o) => o.name === 'budgetNet_uwv')!.mean,
    );
  });

  it('speaks English when the page does', async () => {
    await page.selectOption('#language', 'en');
    await expect.poll(() => page.locator('#who-gains-heading').textContent(), { timeout: 10_000 }).toBe('Who pays and who gains');
    await expect.poll(() => page.locator('#who-gains').textContent(), { timeout: 10_000 }).toContain('Chance of loss');
    await page.selectOption('#language', 'nl');
    expect(problems).toEqual([]);
  });

  it('builds a regional contract with an outcome beyond work and a trigger paying for it, in the forms', async () => {
    await page.click('a[data-route="contract"]');
    await page.selectOption('#preset', 'rotterdam-prestatiecontract-werk');
    await page.waitForFunction(() => (document.querySelector('#f-name') as HTMLInputElement | null)?.value.includes('Rotterdam'));
    // Two municipalities: the first target group in the first, the others in the second; then move one.
    await page.check('#f-budgetHolders-municipalities-present');
    await page.waitForSelector('[data-municipality="1"]');
    await page.fill('#f-budgetHolders-municipalities-0-label', 'Rotterdam');
    await page.fill('#f-budgetHolders-municipalities-1-label', 'Schiedam');
    await page.selectOption('#lives-in-lang', '0');
    // An outcome beyond work, valued for debt counselling, and a trigger that pays per outcome.
    await page.click('#add-outcome');
    await page.fill('#f-outcomes-0-id', 'schuldenOpgelost');
    await page.fill('#f-outcomes-0-label', 'Schulden opgelost');
    await page.fill('#f-outcomes-0-programme-monthlyRate', '5');
    await page.fill('#f-outcomes-0-counterfactual-monthlyRate', '2');
    await page.click('[data-outcome="0"] .add-value');
    await page.selectOption('#f-outcomes-0-values-0-holder', 'gemeenteSchuldhulpverlening');
    await page.fill('#f-outcomes-0-values-0-once', '1.500');
    const triggers = await page.locator('[data-trigger]').count();
    await page.click('#add-trigger');
    await page.selectOption(`#f-payment-triggers-${triggers}-kind`, 'outcome');
    await page.fill(`#f-payment-triggers-${triggers}-price`, '400');
    await page.click('#check');
    await expect.poll(() => page.locator('#builder-status').textContent(), { timeout: 30_000 }).toBe('De rekendienst accepteert het contract.');
    await page.locator('#section-outcomes').screenshot({ path: `${README_SCREENSHOTS}/workbench-outcomes.png` });
    await page.locator('#region').screenshot({ path: `${README_SCREENSHOTS}/workbench-region.png` });
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // What the forms made is what a user would have written in JSON: read it back and evaluate it here.
    const contract = JSON.parse(await page.inputValue('#contract-json'));
    expect(contract.budgetHolders.municipalities).toEqual([
      { id: 'gemeente1', label: 'Rotterdam', profiles: ['kort', 'lang'] },
      { id: 'gemeente2', label: 'Schiedam', profiles: ['middel'] },
    ]);
    expect(contract.outcomes[0]).toMatchObject({ id: 'schuldenOpgelost', programme: { monthlyRate: 0.05 }, counterfactual: { monthlyRate: 0.02 }, values: [{ holder: 'gemeenteSchuldhulpverlening', once: 1500 }] });
    expect(contract.payment.triggers[triggers]).toMatchObject({ kind: 'outcome', outcome: 'schuldenOpgelost', price: 400 });
    const evaluated = (await (await fetch(`${service.baseUrl}/contracts/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(contract) })).json()) as {
      summary: Record<string, number>;
    };
    // The two municipalities share the municipality's net result between them (the identity of
    // tests/contract/regional-contract.test.ts); more debts are resolved with the programme (5% a
    // month against 2%), so debt counselling gains.
    const s = evaluated.summary;
    expect(s.municipalityNet_gemeente1 + s.municipalityNet_gemeente2).toBeCloseTo(s.partyNet_gemeente, 4);
    expect(s.outcomeReached_schuldenOpgelost).toBeGreaterThan(s.outcomeReachedCounterfactual_schuldenOpgelost);
    expect(s.budgetNet_gemeenteSchuldhulpverlening).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

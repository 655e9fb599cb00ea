import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTRACT_DEFAULTS } from '../../models/contract/defaults.js';
import { CHROMIUM_ARGS } from '../../outputs/pdf/print-pdf.js';
import { requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';
import { overflowingElements, seriousA11yViolations, smallestChartTextPx } from './workbench-helpers.js';

/**
 * The finance officer's task from issue 15, in real Chromium against the service: build "60 people
 * spread over 12 months, EUR 2,500 per job start and EUR 5,000 after 12 months in work, at most
 * EUR 150,000 a year" from an empty contract, in the forms only (the JSON box is never touched),
 * run it and read the key figures; they must be POST /reports' own figures for the same contract
 * and seed, posted here independently. Then Dutch number entry, an error beside its field in
 * Dutch, the 400 px layout and axe-core's serious/critical rules.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SCREENSHOTS = 'test-results/screenshots';
const SEED = 2026;
/** Few iterations keep each run near a second on a shared machine. */
const ITERATIONS = 1000;

let service: OutputService;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const executablePath = requireChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  service = await startOutputService();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('400 (Bad Request)')) problems.push(`console: ${message.text()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** The contract the officer means, written out by hand: the empty contract's defaults plus what is typed. */
const officersContract = {
  name: 'Proef: 60 mensen, betalen voor werk',
  startMonth: CONTRACT_DEFAULTS.startMonth,
  horizonMonths: CONTRACT_DEFAULTS.horizonMonths,
  programmeMonths: 12,
  money: { discountRate: CONTRACT_DEFAULTS.discountRate, benefitIndexation: 0, priceIndexation: 0, costIndexation: 0 },
  // 60 over 12 months: 5 a month (60 = 12 x 5, no remainder).
  intake: { cohorts: Array.from({ length: 12 }, (_, month) => ({ month, count: 5 })), delayMonths: 0 },
  profiles: [
    {
      id: 'doelgroep1',
      share: 1,
      monthsOnBenefitBeforeIntake: 0,
      administrationCostPerYear: CONTRACT_DEFAULTS.administrationCostPerCaseYear,
      monthlyBenefit: 1283.83,
      programme: { monthlyOtherExitRate: 0, monthlyJobEntryRate: 0.045 },
      counterfactual: { monthlyOtherExitRate: 0, monthlyJobEntryRate: 0.015 },
    },
  ],
  work: { partTimeShare: 0, partTimeBenefitShare: 0.5, lksShare: 0, lksMonthlyAmount: 0, fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: CONTRACT_DEFAULTS.monthlyFallbackHazard }] },
  counterfactual: { method: 'rates' },
  payment: {
    triggers: [
      { id: 'prikkel1', payee: 'provider', lagMonths: 0, kind: 'jobStart', workType: 'any', price: 2500 },
      { id: 'prikkel2', payee: 'provider', lagMonths: 0, kind: 'sustained', months: 12, workType: 'any', price: 5000 },
    ],
    caps: { carryForwardYearly: false, perYear: 150000 },
  },
  payer: { ownCostsOneOff: 0, ownCostsPerMonth: 0 },
  provider: { costPerParticipantMonth: 0, costPerPlacement: 0, fixedCostPerMonth: 0 },
};

async function expectAccessible(where: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the finance officer builds a contract from empty', () => {
  let sent: { model: { contract: unknown }; settings: Record<string, unknown> };

  it('fills in every part in the forms and the service accepts it', async () => {
    await page.goto(`${service.baseUrl}/#/contract`);
    await page.waitForSelector('#preset option[value="small-municipality-pilot"]', { state: 'attached' });
    await page.click('#empty-contract');
    // Checked empty, the service names what is missing; each sentence stands beside its own field.
    await page.click('#check');
    await page.locator('#f-payment-triggers-error').waitFor();
    await expect.poll(() => page.locator('#f-payment-triggers-error').textContent(), { timeout: 10_000 }).toBe('Betaalprikkels: voeg er minstens 1 toe.');
    await expect.poll(() => page.locator('#f-intake-cohorts-error').textContent(), { timeout: 10_000 }).toBe('Instroom: voeg er minstens 1 toe.');
    await expect.poll(() => page.locator('#f-profiles-0-monthlyBenefit-error').textContent(), { timeout: 10_000 }).toBe('Uitkering per maand: vul hier een getal in (het veld is leeg of ongeldig).');
    await page.fill('#f-name', officersContract.name);
    // Intake: a total of 60 spread over 12 months (the default spread), shown as the cohorts it becomes.
    await page.fill('#f-intake-cohorts', '60');
    await page.fill('#spread-months', '12');
    await expect.poll(() => page.locator('#f-intake-cohorts-result').textContent(), { timeout: 10_000 }).toContain('12 × 5 (maand 0–11)');
    // The target group: Dutch numbers as typed on a Dutch page.
    await page.fill('#f-profiles-0-monthlyBenefit', '1.283,83');
    // The refusal was about the empty value: once typed, its sentence goes.
    await expect.poll(() => page.locator('#f-profiles-0-monthlyBenefit-error').count(), { timeout: 10_000 }).toBe(0);
    await page.fill('#f-profiles-0-programme-monthlyJobEntryRate', '4,5');
    await page.fill('#f-profiles-0-counterfactual-monthlyJobEntryRate', '1,5');
    // "4,5" (% per month) is 4.5%, sent as the fraction 0.045: the field says so.
    await expect.poll(() => page.locator('#f-profiles-0-programme-monthlyJobEntryRate-sent').getAttribute('data-sent'), { timeout: 10_000 }).toBe('[0.045]');
    await expect.poll(() => page.locator('#f-profiles-0-programme-monthlyJobEntryRate-sent').textContent(), { timeout: 10_000 }).toBe('Wordt verstuurd als 0,045 per maand (kans als fractie).');
    // EUR 2,500 per job start, EUR 5,000 after 12 months in work.
    await page.click('#add-trigger');
    await page.fill('#f-payment-triggers-0-price', '2.500');
    await page.click('#add-trigger');
    await page.selectOption('#f-payment-triggers-1-kind', 'sustained');
    await page.fill('#f-payment-triggers-1-months', '12');
    await page.fill('#f-payment-triggers-1-price', '5.000');
    // At most EUR 150,000 a year.
    await page.fill('#f-payment-caps-perYear', '150.000');
    await page.click('#check');
    await page.waitForFunction(() => document.querySelector('#builder-status')?.textContent === 'De rekendienst accepteert het contract.');
    await expectAccessible('contract builder');
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-contract-1280.png` });
    expect(problems).toEqual([]);
  });

  it('runs it; the key figures are POST /reports\' own for the same contract and seed', async () => {
    await page.click('a[data-route="results"]');
    await page.fill('#iterations', String(ITERATIONS));
    await page.fill('#seed', String(SEED));
    // The Results screen runs the contract as a job (POST /simulations) with the report's settings.
    const [request] = await Promise.all([
      page.waitForRequest((r: Request) => /\/(simulations|reports)$/.test(new URL(r.url()).pathname) && r.method() === 'POST'),
      page.click('#run'),
    ]);
    sent = request.postDataJSON();
    await page.waitForSelector('#figures [data-figure="netResult"][data-value]', { timeout: 90_000 });
    // What the page sent is the contract the officer means, number for number.
    expect(sent.model.contract).toEqual(officersContract);
    expect(sent.settings).toMatchObject({ seed: SEED, iterations: ITERATIONS });

    const response = await service.post('/reports', { model: { kind: 'contract', contract: officersContract }, settings: { seed: SEED, iterations: ITERATIONS }, format: 'json', language: 'nl' });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { keyFigures: Record<string, number | null> };
    // The page's card (data-figure) and the report's key figure it must equal.
    const pairs: [string, string][] = [
      ['netResult', 'expectedNetResult'],
      ['chanceGains', 'chancePaysOff'],
      ['peakYearP90', 'peakAnnualPaymentP90'],
      ['providerMargin', 'providerMarginMean'],
      ['chanceProviderLoses', 'providerLossChance'],
    ];
    for (const [card, figure] of pairs) {
      const value = await page.locator(`#figures [data-figure="${card}"]`).getAttribute('data-value');
      expect(Number(value), `${card} = keyFigures.${figure}`).toBe(report.keyFigures[figure]);
    }
    // Shown the Dutch way: "€ 123.456" (Intl's nl-NL format, computed here independently).
    const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 });
    const net = report.keyFigures.expectedNetResult!;
    await expect.poll(() => page.locator('#figures [data-figure="netResult"] .figure-value').textContent(), { timeout: 10_000 }).toBe(euro.format(Math.abs(net) < 0.5 ? 0 : net));
    // The yearly cap binds the payments: no year's P90 above EUR 150,000.
    expect(report.keyFigures.peakAnnualPaymentP90!).toBeLessThanOrEqual(150000 + 1e-6);
    await page.waitForSelector('.chart-canvas svg', { timeout: 30_000 });
    await expectAccessible('results');
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-results-1280.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('keeps the screens within 400 px, with chart text of at least 10 px', async () => {
    await page.setViewportSize({ width: 400, height: 860 });
    // The charts redraw for the narrower container (a ResizeObserver in the Chart component).
    await page.waitForTimeout(1500);
    const results = await overflowingElements(page);
    expect(results.elements, JSON.stringify(results)).toEqual([]);
    expect(results.scrollWidth).toBeLessThanOrEqual(results.viewport);
    // The charts are drawn again at 400 px (not a shrunken 1280 px drawing), and their text stays readable.
    expect(await smallestChartTextPx(page)).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-results-400.png`, fullPage: false });
    await page.click('a[data-route="contract"]');
    await page.waitForSelector('#contract-form');
    const builder = await overflowingElements(page);
    expect(builder.elements, JSON.stringify(builder)).toEqual([]);
    expect(builder.scrollWidth).toBeLessThanOrEqual(builder.viewport);
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-contract-400.png`, fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('numbers and errors on a Dutch page', () => {
  it('refuses "4,5,6" beside the field, and warns beside a monthly job-entry rate of 45%', async () => {
    await page.click('a[data-route="contract"]');
    const field = '#f-profiles-0-programme-monthlyJobEntryRate';
    await page.fill(field, '4,5,6');
    await expect.poll(() => page.locator(`${field}-error`).textContent(), { timeout: 10_000 }).toBe('Kans op werk, met programma: Dit is geen getal. Schrijf bijvoorbeeld 4,5 of 1.283,83.');
    // Nothing was sent for the refused text: the contract still holds 4.5%.
    await expect.poll(() => page.locator(`${field}-sent`).getAttribute('data-sent'), { timeout: 10_000 }).toBe('[0.045]');
    await page.fill(field, '45');
    await expect.poll(() => page.locator(`${field}-warning`).textContent(), { timeout: 10_000 }).toBe('Let op: dit ligt buiten het gebruikelijke bereik (0 – 20 % per maand). Klopt het?');
    await page.fill(field, '4,5');
    await expect.poll(() => page.locator(`${field}-warning`).count(), { timeout: 10_000 }).toBe(0);
  });

  it('shows the service\'s refusal beside the field it names, with the field\'s label, in Dutch', async () => {
    const field = '#f-profiles-0-counterfactual-monthlyJobEntryRate';
    await page.fill(field, '-1');
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/contracts/evaluate')), page.click('#check')]);
    expect(response.status()).toBe(400);
    // The API names profiles[0].counterfactual.monthlyJobEntryRate ("must lie in [0, 1] (a rate or share); got -0.01").
    expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['profiles[0].counterfactual.monthlyJobEntryRate']);
    const error = page.locator(`${field}-error`);
    await error.waitFor();
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toBe('Kans op werk, zonder programma: moet tussen 0% en 100% liggen (een kans of aandeel).');
    await expect.poll(() => page.locator(field).getAttribute('aria-describedby'), { timeout: 10_000 }).toContain(`${field.slice(1)}-error`);
    // Focus moved to the field with the problem.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe(field.slice(1));
    await page.locator(field).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-error.png` });
    await expectAccessible('contract builder with an error');
  });

  it('takes a run refused on the Results screen back to the field it names', async () => {
    await page.fill('#f-profiles-0-counterfactual-monthlyJobEntryRate', '1,5');
    await page.fill('#f-horizonMonths', '0');
    await page.click('a[data-route="results"]');
    await page.click('#run');
    // The service refuses horizonMonths 0 (at least 1); the page returns to the contract, where the
    // horizon field registers after the refusal arrived and still gets its sentence.
    await page.waitForFunction(() => location.hash === '#/contract');
    const error = page.locator('#f-horizonMonths-error');
    await error.waitFor();
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toBe('Looptijd van de berekening: moet minstens 1 zijn.');
    await page.fill('#f-horizonMonths', '60');
  });

  it('is usable by keyboard: the skip link stays on the screen, buttons and choices answer to keys', async () => {
    await page.click('a[data-route="results"]');
    // The skip link is the first stop of the page, before the language switch.
    await page.focus('#language');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 }).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    // The skip link's "#main" is not a route: the Results screen stays.
    await expect.poll(() => page.locator('main').getAttribute('data-screen'), { timeout: 10_000 }).toBe('results');
    await page.click('a[data-route="contract"]');
    // The screen renders after the click: count its triggers only once it is there.
    await page.waitForSelector('main[data-screen="contract"] #add-trigger');
    const triggers = () => page.locator('[data-trigger]').count();
    const before = await triggers();
    expect(before).toBeGreaterThan(0);
    await page.focus('#add-trigger');
    await page.keyboard.press('Enter');
    // Each key's effect shows after the page renders again: wait for it rather than read at once.
    await expect.poll(triggers, { timeout: 10_000 }).toBe(before + 1);
    // The new trigger's kind, chosen with the arrow keys.
    await page.focus(`#f-payment-triggers-${before}-kind`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator(`[data-trigger="${before}"]`).getAttribute('data-kind'), { timeout: 10_000 }).toBe('sustained');
    await page.locator(`[data-trigger="${before}"] button`, { hasText: 'Verwijderen' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(triggers, { timeout: 10_000 }).toBe(before);
  });

  it('keeps a preset\'s sources through the forms and a JSON export and import', async () => {
    const preset = (await (await fetch(`${service.baseUrl}/presets/small-municipality-pilot`)).json()) as { contract: unknown };
    const sources = JSON.stringify(preset.contract).match(/"source":"[^"]*"/g) ?? [];
    expect(sources.length).toBeGreaterThan(0);
    await page.selectOption('#preset', 'small-municipality-pilot');
    await page.waitForFunction(() => (document.querySelector('#f-name') as HTMLInputElement | null)?.value.startsWith('Pilot'));
    // Each estimate with a source shows it beside the field ...
    expect(await page.locator('.hint.source').count()).toBe(sources.length);
    // ... and the expert's JSON carries every one of them; taken back in, the form follows it.
    const exported = await page.inputValue('#contract-json');
    for (const source of sources) expect(JSON.stringify(JSON.parse(exported))).toContain(source);
    const edited = { ...JSON.parse(exported), name: 'Pilot via JSON' };
    await page.fill('#contract-json', JSON.stringify(edited, null, 2));
    await page.click('#apply-json');
    await expect.poll(() => page.inputValue('#f-name'), { timeout: 10_000 }).toBe('Pilot via JSON');
    expect(await page.locator('.hint.source').count()).toBe(sources.length);
  });

  it('switches to English, keeping the contract and writing numbers the English way', async () => {
    await page.selectOption('#language', 'en');
    await expect.poll(() => page.locator('#builder-heading').textContent(), { timeout: 10_000 }).toBe('Build a contract');
    await page.waitForFunction(() => (document.querySelector('#f-profiles-0-monthlyBenefit') as HTMLInputElement).value === '1,283.83');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('language')), { timeout: 10_000 }).toBe('en');
    await page.selectOption('#language', 'nl');
    await page.waitForFunction(() => (document.querySelector('#f-profiles-0-monthlyBenefit') as HTMLInputElement).value === '1.283,83');
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { startStoreService } from '../api/store-service.js';
import { conjugateActuals, conjugateContract } from './reforecast-fixtures.js';

/**
 * Actuals over HTTP: the template, files refused with the row and column of the problem, versions
 * saved under a saved contract (a refused upload stores nothing), and the re-forecast by reference
 * and inline. On the embedded database only (the store itself is tested on both elsewhere).
 */
const backend = STORE_BACKENDS.find((b) => b.name === 'PGlite')!;
/** The first re-forecast starts the simulation threads; on a busy machine that takes a while: generous limits, bounded work. */
vi.setConfig({ testTimeout: 120_000 });

type Problem = { status: number; errors: { path: string; message: string }[] };

describe('actuals and re-forecast over HTTP', () => {
  let opened: TestStore;
  let service: Awaited<ReturnType<typeof startStoreService>>;
  let organisation: Awaited<ReturnType<typeof newOrganisation>>;
  let contractId: string;
  const contract = conjugateContract(2, 38, 200);
  beforeAll(async () => {
    opened = await backend.open();
    organisation = await newOrganisation(opened.store, 'Gemeente Realisatie');
    service = await startStoreService(opened.store);
    const created = await service.fetchAs(organisation.key, '/contracts', { method: 'POST', body: JSON.stringify(contract) });
    contractId = ((await created.json()) as { id: string }).id;
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await service?.close();
    await opened?.dispose();
  });
  const as = (path: string, init: RequestInit = {}) => service.fetchAs(organisation.key, path, init);
  const csv = (text: string) => ({ method: 'POST', headers: { 'content-type': 'text/csv' }, body: text });
  const versions = async () => ((await (await as(`/contracts/${contractId}/actuals`)).json()) as { items: unknown[] }).items.length;

  it('serves the template with Dutch and English headers, and the template imports as it stands', async () => {
    const nl = await as('/contracts/actuals/template?format=csv&lang=nl');
    const nlText = await nl.text();
    expect(nlText.split('\n')[0]).toBe('maand;instroom;gestart met werk;aan het werk einde maand;terugval in bijstand;overige uitstroom;gestart in deeltijd;betalingen (EUR)');
    const en = await (await as('/contracts/actuals/template?format=csv&lang=en')).text();
    expect(en.split('\n')[0]).toBe('month,intake,job starts,in work at month end,fall-backs onto bijstand,other exits,part-time starts,payments (EUR)');
    const imported = await as('/contracts/actuals/import', csv(nlText));
    expect(imported.status).toBe(200);
    const { actuals } = (await imported.json()) as { actuals: { asOfMonth: number; months: { jobStarts: number }[] } };
    expect(actuals.asOfMonth).toBe(2);
    expect(actuals.months.map((m) => m.jobStarts)).toEqual([0, 2, 1]);
    const xlsx = await as('/contracts/actuals/template?format=xlsx&lang=en');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('refuses more job starts than participants waiting, naming the sheet row and column', async () => {
    // Row 3 is month 1: 40 taken in at month 0 are waiting, 41 cannot start.
    const file = 'month,intake,job starts,fall-backs onto bijstand,payments (EUR)\n0,40,0,0,0\n1,0,41,0,0\n';
    const before = await versions();
    const answer = await as(`/contracts/${contractId}/actuals`, csv(file));
    expect(answer.status).toBe(400);
    const problem = (await answer.json()) as Problem;
    expect(problem.errors[0].path).toBe('row 3, column C (job starts)');
    expect(problem.errors[0].message).toMatch(/41 job starts but only 40 participants were waiting/);
    expect(await versions()).toBe(before);
  });

  it('refuses a negative count, text in a number column, and a gap, each with its row and column', async () => {
    const negative = (await (await as('/contracts/actuals/import', csv('maand;instroom;gestart met werk;terugval in bijstand;betalingen (EUR)\n0;40;0;0;0\n1;0;-2;0;0\n'))).json()) as Problem;
    expect(negative.errors[0].path).toBe('row 3, column C (gestart met werk)');
    expect(negative.errors[0].message).toMatch(/negative/);
    const text = (await (await as('/contracts/actuals/import', csv('month,intake,job starts,fall-backs onto bijstand,payments (EUR)\n0,40,zero,0,0\n'))).json()) as Problem;
    expect(text.errors[0].path).toBe('row 2, column C (job starts)');
    const gap = await as(`/contracts/${contractId}/actuals`, csv('month,intake,job starts,fall-backs onto bijstand,payments (EUR)\n0,40,0,0,0\n2,0,1,0,0\n'));
    expect(gap.status).toBe(400);
    const gapProblem = (await gap.json()) as Problem;
    expect(gapProblem.errors[0].path).toBe('row 3, column A (month)');
    expect(gapProblem.errors[0].message).toMatch(/month 1 is missing/);
  });

  it('saves JSON and xlsx actuals as versions 1 and 2 of the contract, and serves each as saved', async () => {
    const actuals = conjugateActuals(200, 3000);
    const first = await as(`/contracts/${contractId}/actuals`, { method: 'POST', body: JSON.stringify(actuals) });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ version: 1, contractVersion: 1 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Realisaties');
    sheet.addRow(['maand', 'instroom', 'gestart met werk', 'terugval in bijstand', 'betalingen (EUR)']);
    actuals.months.slice(0, 6).forEach((m) => sheet.addRow([m.month, m.intake, m.jobStarts, m.fallbacks, m.payments]));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const second = await as(`/contracts/${contractId}/actuals`, { method: 'POST', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: bytes });
    expect(second.status).toBe(201);
    const saved = (await second.json()) as { version: number; actuals: { asOfMonth: number } };
    expect(saved.version).toBe(2);
    expect(saved.actuals.asOfMonth).toBe(5);
    const one = (await (await as(`/contracts/${contractId}/actuals/1`)).json()) as { actuals: unknown };
    expect(one.actuals).toEqual(actuals);
  });

  it('refuses an xlsx upload with the row and column and stores nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Actuals');
    sheet.addRow(['month', 'intake', 'job starts', 'fall-backs onto bijstand', 'payments (EUR)']);
    sheet.addRow([0, 40, 0, 0, 0]);
    sheet.addRow([1, 0, 3, 4, 0]);
    const before = await versions();
    const answer = await as(`/contracts/${contractId}/actuals`, { method: 'POST', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(answer.status).toBe(400);
    const problem = (await answer.json()) as Problem;
    expect(problem.errors[0].path).toBe('row 3, column D (fall-backs onto bijstand)');
    expect(await versions()).toBe(before);
  });

  it('re-forecasts a saved contract from its latest saved actuals, and from a named version', async () => {
    const settings = { iterations: 2_000, seed: 11 };
    const latest = (await (await as('/contracts/reforecast', { method: 'POST', body: JSON.stringify({ ref: { id: contractId }, settings, inference: { planPathDraws: 50 } }) })).json()) as { asOfMonth: number };
    expect(latest.asOfMonth).toBe(5);
    const first = (await (await as('/contracts/reforecast', { method: 'POST', body: JSON.stringify({ ref: { id: contractId, actualsVersion: 1 }, settings, inference: { planPathDraws: 50 } }) })).json()) as { asOfMonth: number };
    expect(first.asOfMonth).toBe(11);
  });

  it('with no actuals the forecast is the plan, and the plan is POST /simulations with the same settings', async () => {
    const settings = { iterations: 2_000, seed: 99, events: [{ name: 'capsBind', expression: 'paymentsLapsedByCaps > 0' }] };
    const answer = await service.fetchAs(undefined, '/contracts/reforecast', { method: 'POST', body: JSON.stringify({ contract, settings, inference: { planPathDraws: 20 } }) });
    expect(answer.status).toBe(200);
    const reforecast = (await answer.json()) as { plan: unknown; forecast: unknown; inference: { method: string } };
    expect(reforecast.inference.method).toBe('none');
    expect(reforecast.forecast).toEqual(reforecast.plan);
    const simulation = (await (await service.fetchAs(undefined, '/simulations', { method: 'POST', headers: { Prefer: 'wait=120' }, body: JSON.stringify({ model: { kind: 'contract', contract }, settings }) })).json()) as { status: string; result: unknown };
    expect(simulation.status).toBe('succeeded');
    expect(reforecast.plan).toEqual(simulation.result);
  });

  it('gives the same re-forecast for the same seed', async () => {
    const body = JSON.stringify({ contract, actuals: conjugateActuals(200, 3000), settings: { iterations: 1_000, seed: 5 }, inference: { planPathDraws: 20 } });
    const a = await (await service.fetchAs(undefined, '/contracts/reforecast', { method: 'POST', body })).text();
    const b = await (await service.fetchAs(undefined, '/contracts/reforecast', { method: 'POST', body })).text();
    expect(a).toBe(b);
  });
});

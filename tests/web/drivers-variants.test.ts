import mergePatch from 'json-merge-patch';
import { describe, expect, it } from 'vitest';
import { createContractModel } from '../../models/contract/contract-model.js';
import { ContractSchema } from '../../models/contract/index.js';
import { reportBreakEvenSearches } from '../../outputs/report/report-break-even.js';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import type { Contract, Schemas } from '../../web/src/api/client.js';
import { baseOf, inputLabel } from '../../web/src/screens/drivers/driver-inputs.js';
import { breakEvenChoices, breakEvenSettings, fixedInputRanges } from '../../web/src/screens/drivers/driver-requests.js';
import { nl } from '../../web/src/i18n/nl.js';
import { comparisonRequest, draftOf, pairedSummary, variantPatch, withPrice } from '../../web/src/screens/variants/variant-changes.js';

/**
 * The pure logic behind "What drives it" and "Variants side by side": the inputs' values and
 * units the page reads from a contract as the page holds it (raw, defaults left out), the
 * break-even searches it sends, and the variant it sends as a JSON merge patch. Checked against
 * the service's own model (its inputs' base values), the council report's searches, and hand sums.
 */

const presets = CONTRACT_PRESETS.map((p) => ({ id: p.id, raw: structuredClone(p.contract) as unknown as Contract }));
const modelOf = (raw: Contract) => {
  const model = createContractModel(ContractSchema.parse(raw));
  if (!model.ok) throw new Error('preset does not compile');
  return model.value;
};
const rotterdam = presets.find((p) => p.id === 'rotterdam-prestatiecontract-werk')!.raw;

describe("an input's value and unit on the page", () => {
  it("is the model's base value for every input a preset holds, distributions with their defaults (PERT lambda 4) filled in", () => {
    let compared = 0;
    for (const { raw } of presets) {
      for (const input of modelOf(raw).inputs) {
        const shown = baseOf(raw, input.path);
        if (shown === null) continue; // a default the service fills in (money.*, intake.delayMonths)
        expect(shown, input.path).toBeCloseTo(input.base, 9);
        compared++;
      }
    }
    // Without the defaults a PERT's mean is NaN (no lambda): dozens of inputs would fail above.
    expect(compared).toBeGreaterThan(40);
    // By hand: Rotterdam's first group's programme rate, PERT (min + 4 mode + max) / 6.
    const pert = { min: 0.04167547137285199, mode: 0.07351512752093081, max: 0.10910128185966073 };
    expect(baseOf(rotterdam, 'profiles[0].programme.monthlyJobEntryRate')).toBeCloseTo((pert.min + 4 * pert.mode + pert.max) / 6, 15);
  });

  it('names an input by its label and the group, trigger or band it belongs to, never by its path', () => {
    expect(inputLabel(nl, 'profiles[1].programme.monthlyJobEntryRate', rotterdam)).toBe(`Kans op werk, met programma (${(rotterdam.profiles[1] as { label: string }).label})`);
    const bands = (rotterdam.payment.triggers[0] as { price: { bands: { minMonthsOnBenefit: number }[] } }).price.bands;
    expect(inputLabel(nl, 'payment.triggers[0].price.bands[2].price', rotterdam)).toBe(`Prijs in deze band (vanaf ${bands[2].minMonthsOnBenefit} maanden)`);
    const single = { ...rotterdam, profiles: [rotterdam.profiles[0]] } as Contract;
    expect(inputLabel(nl, 'profiles[0].monthlyBenefit', single)).toBe('Uitkering per maand');
  });
});

describe('the sensitivity requests', () => {
  it("searches the break-even points the council report searches: each a POST /sensitivity setting equal to the report's", () => {
    for (const { id, raw } of presets) {
      const report = reportBreakEvenSearches(ContractSchema.parse(raw), modelOf(raw).inputs);
      const choices = breakEvenChoices(raw);
      const page = [...choices.price, ...choices.jobEntryRate];
      expect(page.length, id).toBe(report.length);
      for (const search of report) {
        const mine = page.find((c) => c.path === search.path && c.together.length === search.together.length)!;
        expect(mine, `${id} ${search.path}`).toBeDefined();
        const sent = breakEvenSettings('payerNetResult', mine) as Schemas['BreakEvenSettings'] & { together: string[] };
        expect(sent.together).toEqual(search.settings.together);
        expect(sent.low).toBe(search.settings.low);
        expect(sent.high!).toBeCloseTo(search.settings.high!, 9);
        expect(sent.gridPoints).toBe(search.settings.gridPoints);
      }
    }
    // Rotterdam: the default price search moves the three bands together, from 0 to 4 x EUR 5,000.
    const first = breakEvenChoices(rotterdam).price[0];
    expect(first.together).toEqual(['payment.triggers[0].price.bands[1].price', 'payment.triggers[0].price.bands[2].price']);
    expect(first.high).toBe(20_000);
  });

  it('gives plain numbers a relative range, shares kept within [0, 1], zeros left out', () => {
    const contract = structuredClone(rotterdam) as Contract & { work: Record<string, unknown> };
    contract.work = { ...contract.work, partTimeShare: 0.9, lksShare: 0 };
    const { ranges, left } = fixedInputRanges(contract, ['profiles[0].monthlyBenefit', 'work.partTimeShare', 'work.lksShare', 'investor.commitment'], 0.2);
    // 1,283.83 x 0.8 = 1,027.064; x 1.2 = 1,540.596.
    expect(ranges[0].path).toBe('profiles[0].monthlyBenefit');
    expect(ranges[0].low).toBeCloseTo(1027.064, 9);
    expect(ranges[0].high).toBeCloseTo(1540.596, 9);
    // 0.9 x 1.2 = 1.08 is clamped to 1.
    expect(ranges[1]).toEqual({ path: 'work.partTimeShare', low: 0.9 * 0.8, high: 1 });
    // 0 has no range to scale; this contract has no investor to read a commitment from.
    expect(left).toEqual(['work.lksShare', 'investor.commitment']);
  });
});

describe('a variant as POST /simulations/compare takes it', () => {
  const pilot = presets.find((p) => p.id === 'buzinezzclub-sib')!.raw;

  it('sends nothing while the variant equals the base', () => {
    expect(variantPatch(rotterdam, draftOf(rotterdam))).toBeNull();
    expect(comparisonRequest(rotterdam, draftOf(rotterdam), 100, 1)).toBeNull();
  });

  it('sends a changed cap alone, a removed cap as null, and a changed price as the whole trigger list', () => {
    expect(variantPatch(rotterdam, { ...draftOf(rotterdam), perYear: 100_000 })).toEqual({ contract: { payment: { caps: { perYear: 100_000 } } } });
    expect(variantPatch(rotterdam, { ...draftOf(rotterdam), total: null })).toEqual({ contract: { payment: { caps: { total: null } } } });
    const draft = draftOf(pilot);
    draft.triggers = draft.triggers.map((t, i) => (i === 0 ? withPrice(t, 1234) : t));
    const request = comparisonRequest(pilot, draft, 100, 7)!;
    // Applied as the service applies it (json-merge-patch): the first price changes, nothing else.
    const variant = mergePatch.apply(structuredClone(request.model), request.variants[0].changes) as { contract: Contract };
    expect((variant.contract.payment.triggers[0] as { price: number }).price).toBe(1234);
    expect({ ...variant.contract, payment: { ...variant.contract.payment, triggers: variant.contract.payment.triggers.slice(1) } }).toEqual({
      ...pilot,
      payment: { ...pilot.payment, triggers: pilot.payment.triggers.slice(1) },
    });
    expect(request.settings).toMatchObject({ iterations: 100, seed: 7, keepSamples: true });
  });

  it('counts the chance the variant is better pair by pair, ties apart', () => {
    const summary = (mean: number) => ({ name: 'x', unit: 'EUR', description: '', count: 4, nanCount: 0, mean, sd: 0, standardError: 0, min: 0, max: 0, percentiles: { p1: 0, p5: 0, p10: -1, p25: 0, p50: 0, p75: 0, p90: 1, p95: 0, p99: 0 }, histogram: null });
    const run = (values: number[]) => ({ outputs: [summary(values.reduce((a, b) => a + b, 0) / values.length)], samples: { inputs: [], outputs: [{ name: 'x', values }] } });
    // Pairs (1,2) (2,2) (3,1) (4,5): differences +1, 0, -2, +1.
    const result = {
      variants: [
        { name: 'basis', result: run([1, 2, 3, 4]) },
        { name: 'variant', result: run([2, 2, 1, 5]) },
      ],
      differences: [{ variant: 'variant', baseline: 'basis', outputs: [summary(0)] }],
    } as unknown as Schemas['VariantComparisonResult'];
    const higher = pairedSummary(result, 'x', 'higher')!;
    expect(higher.chanceBetter).toBe(2 / 4);
    expect(higher.chanceEqual).toBe(1 / 4);
    expect(pairedSummary(result, 'x', 'lower')!.chanceBetter).toBe(1 / 4);
    expect(higher.difference).toEqual({ mean: 0, p10: -1, p90: 1 });
  });
});

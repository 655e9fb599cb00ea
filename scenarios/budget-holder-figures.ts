import type { BudgetEffectInput as BudgetEffect } from '../models/contract/budget-holders/index.js';
import { estimate, type PertEstimate, type Range } from './figures.js';

/**
 * Default values per budget holder (issue 17): what a month in full-time work of a participant brings each
 * budget beyond the municipality's benefit, administration and loonkostensubsidie (which the
 * contract model computes itself). Each is a PERT with its source, year and range; the README
 * lists them. All are per month in work at about the minimum wage of 2024 (EUR 13.27 an hour, 36
 * hours a week: about EUR 2,070 gross a month). The benefit is counted net, as the contract model
 * does, so the tax and contributions the municipality pays on top of a net benefit are left out on
 * both sides. These are rough guides for a single person; replace them with local figures.
 */
export interface BudgetFigure {
  id: string;
  label: string;
  holder: BudgetEffect['holder'];
  cash: boolean;
  fullTime: Range;
  /** A month in part-time work counts for this fraction of a full-time month (0.5: half the hours). */
  partTimeFactor: number;
  source: string;
}


const uwv: Range = { low: 150, likely: 200, high: 290 };
const zvw: Range = { low: 120, likely: 136, high: 155 };
const tax: Range = { low: 60, likely: 120, high: 200 };
const allowances: Range = { low: 0, likely: 50, high: 150 };
const income: Range = { low: 300, likely: 650, high: 850 };
const wellbeing: Range = { low: 250, likely: 600, high: 1_200 };
const debt: Range = { low: 0, likely: 10, high: 40 };

export const BUDGET_FIGURES: readonly BudgetFigure[] = [
  {
    id: 'uwvPremies',
    label: 'Werknemersverzekeringen (WW, WIA): premie-inkomsten',
    holder: 'uwv',
    cash: true,
    fullTime: uwv,
    partTimeFactor: 0.5,
    source:
      'Belastingdienst 2024: Awf 2,64% tot 7,64% en Aof 6,18% van het minimumloon (circa EUR 2.070): EUR 183 tot 286. Bandbreedte 150 tot 290, waarschijnlijk 200. Deeltijd: de helft.',
  },
  {
    id: 'zvwBijdrage',
    label: 'Zorgverzekeringswet: werkgeversheffing naar het Zorgverzekeringsfonds',
    holder: 'zorgverzekeraars',
    cash: true,
    fullTime: zvw,
    partTimeFactor: 0.5,
    source:
      'Belastingdienst 2024: werkgeversheffing Zvw 6,57% van het minimumloon, circa EUR 136, naar het Zorgverzekeringsfonds. Bandbreedte 120 tot 155. Deeltijd: de helft.',
  },
  {
    id: 'loonheffing',
    label: 'Loonbelasting en premies volksverzekeringen (na heffingskortingen)',
    holder: 'rijk',
    cash: true,
    fullTime: tax,
    partTimeFactor: 0.5,
    source:
      'Eigen berekening, tarieven 2024: 36,97% over circa EUR 26.800 min algemene heffingskorting en arbeidskorting: circa EUR 120 per maand. Bandbreedte 60 tot 200. Deeltijd: de helft.',
  },
  {
    id: 'toeslagen',
    label: 'Lagere huurtoeslag en zorgtoeslag',
    holder: 'rijk',
    cash: true,
    fullTime: allowances,
    partTimeFactor: 0.5,
    source:
      'Aanname (Dienst Toeslagen, rekenregels 2024): minder huur- en zorgtoeslag bij een loon in plaats van bijstand, EUR 0 tot 150, waarschijnlijk 50; geen landelijk cijfer. Deeltijd: de helft.',
  },
  {
    id: 'nettoInkomen',
    label: 'Hoger netto inkomen van de deelnemer',
    holder: 'deelnemer',
    cash: true,
    fullTime: income,
    partTimeFactor: 0.4,
    source:
      'Eigen berekening 2024: netto minimumloon circa EUR 2.100 tegen bijstandsnorm EUR 1.283,83 en minder toeslagen: circa 650, bandbreedte 300 tot 850 (armoedeval). Deeltijd telt voor 0,4: de uitkering blijft deels.',
  },
  {
    id: 'welzijn',
    label: 'Welzijn van de deelnemer (niet in geld)',
    holder: 'deelnemer',
    cash: false,
    fullTime: wellbeing,
    partTimeFactor: 0.5,
    source:
      'Aanname: +0,3 tot 0,8 punt levenstevredenheid, tegen een WELLBY van GBP 13.000 (10.000 tot 16.000; HM Treasury 2021): EUR 250 tot 1.200, waarschijnlijk 600. Niet in geld (MKBA). Deeltijd: de helft.',
  },
  {
    id: 'schuldhulp',
    label: 'Minder beroep op schuldhulpverlening',
    holder: 'gemeenteSchuldhulpverlening',
    cash: true,
    fullTime: debt,
    partTimeFactor: 0.5,
    source:
      'Aanname zonder landelijke bron: minder schuldhulptrajecten bij vast inkomen, EUR 0 tot 40, waarschijnlijk 10. Vervang door een lokaal cijfer.',
  },
];

/** The default effects as a contract's budgetHolders.effects: one per figure, per month in work, part-time months weighted. */
export function defaultBudgetEffects(): BudgetEffect[] {
  return BUDGET_FIGURES.map((figure) => ({
    id: figure.id,
    label: figure.label,
    holder: figure.holder,
    basis: 'monthInWork',
    partTimeFactor: figure.partTimeFactor,
    amount: estimate(figure.fullTime, figure.source) as PertEstimate,
    cash: figure.cash,
    indexedWith: 'benefits',
  }));
}

export const BUDGET_SOURCES = {
  premies: { label: 'Belastingdienst: premiepercentages werknemersverzekeringen en werkgeversheffing Zvw 2024; wettelijk minimumloon 2024' },
  belasting: { label: 'Belastingdienst: tarieven en heffingskortingen 2024 (eigen berekening); Dienst Toeslagen, rekenregels 2024' },
  wellby: { label: 'HM Treasury (2021), Wellbeing Guidance for Appraisal: WELLBY GBP 13.000 (10.000 tot 16.000)' },
  leidraad: { label: 'CPB/PBL (2013), Algemene leidraad voor maatschappelijke kosten-batenanalyse' },
} as const;
